/**
 * The federation: its users and roles, the registry of member structures, territories (AT) and their délégués,
 * agréments. A tenant of its own ({@code federation_id} leads its keys); it reads its centres through their aggregates.
 */
@ApplicationModule(displayName = "federation")
@OwnsTables({"federations", "network_roles", "territories", "delegate_assignments", "structures", "structure_grids",
        "structure_statuses", "structure_memberships", "structure_contacts", "structure_agrements",
        "accompaniments", "accompaniment_steps", "accompaniment_shares", "network_audit",
        "programmes", "programme_funders", "programme_participants", "programme_projects",
        "dues_schedules", "dues_budgets", "dues_calls", "dues_credits", "dues_payments",
        "network_meetings", "network_meeting_attendance",
        "renewals", "renewal_milestones", "renewal_attendees"})
package fr.trame.federation;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
