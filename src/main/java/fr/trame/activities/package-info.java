/** Sectors, activities, schedules, sessions, enrolments and waiting lists. */
@ApplicationModule(displayName = "activities")
@OwnsTables({"sectors", "activities", "schedules", "sessions", "enrolments", "school_holidays"})
package fr.trame.activities;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
