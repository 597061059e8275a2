/** Vie associative: governance, volunteers, staff, partners, funding, agréments and the projet social. */
@ApplicationModule(displayName = "association")
@OwnsTables({"association_settings", "bodies", "mandates", "meetings", "meeting_attendance", "volunteers", "volunteer_hours",
        "employees", "contracts", "trainings", "partners", "conventions", "permanences", "grants", "products", "yearly_accounts",
        "agrements", "social_projects", "project_axes", "project_objectives", "action_sheets", "objective_activities",
        "objective_indicators", "objective_indicator_values"})
package fr.trame.association;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
