/** Sectors, activities, schedules, sessions, enrolments and waiting lists, and each action's yearly evaluation. */
@ApplicationModule(displayName = "activities")
@OwnsTables({"sectors", "activities", "schedules", "sessions", "enrolments", "school_holidays",
        "activity_evaluations", "evaluation_objectives", "evaluation_partners"})
package fr.trame.activities;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
