/** The indicator engine and the documents built on it: it reads only the views other modules publish. */
@ApplicationModule(displayName = "reporting")
@OwnsTables({"report_texts", "reporting_bands"})
package fr.trame.reporting;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
