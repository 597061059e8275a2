/**
 * SENACS, the national observatory of centres sociaux and EVS: the yearly questionnaire as data (campaigns loaded from
 * {@code src/main/resources/senacs/}), a centre's return pre-filled from its records, completed, submitted and frozen,
 * the returns a federation enters for its structures not on Trame, and the federation's roll-up and annual report.
 * A federation reads only returns, which are aggregates: never a person.
 */
@ApplicationModule(displayName = "senacs")
@OwnsTables({"senacs_campaigns", "senacs_sections", "senacs_questions", "senacs_returns", "senacs_answers",
        "senacs_structure_returns", "senacs_structure_answers", "senacs_report_texts", "senacs_queries"})
package fr.trame.senacs;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
