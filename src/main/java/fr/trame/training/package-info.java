/**
 * The federation's training organisation: catalogue, sessions and their half-days, registrations from the centres and
 * by the federation, signed attendance, evaluations, the Qualiopi evidence, funds such as FOSFORA, and the network's
 * events. The federation's records ({@code federation_id} leads their keys); a centre reads and writes only its own
 * registrations.
 */
@ApplicationModule(displayName = "training")
@OwnsTables({"training_trainers", "training_courses", "training_sessions", "training_session_trainers",
        "training_half_days", "training_registrations", "training_presences", "training_evaluations",
        "training_complaints", "training_needs", "training_improvements",
        "training_funds", "training_fund_envelopes", "training_fund_lines", "training_fund_line_sessions",
        "network_events", "event_registrations", "event_shifts",
        "training_requests"})
package fr.trame.training;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
