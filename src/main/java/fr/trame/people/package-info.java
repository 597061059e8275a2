/** The register: households, persons, their dated links, QF history, consents, seasons and memberships. */
@ApplicationModule(displayName = "people")
@OwnsTables({"households", "persons", "household_members", "qf_history", "consents", "seasons", "memberships",
    "situation_flags", "person_flags", "person_name_words", "person_words"})
package fr.trame.people;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
