/** The actions catalogue: import and export of the national format, search, links to activities. */
@ApplicationModule(displayName = "catalogue")
@OwnsTables({"catalogue_*"})
package fr.trame.catalogue;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
