/** The reception log, its themes and the follow-up case files. */
@ApplicationModule(displayName = "reception")
@OwnsTables({"reception_themes", "contacts", "contact_themes", "cases", "case_shares", "case_steps", "case_documents",
        "case_outcomes"})
package fr.trame.reception;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
