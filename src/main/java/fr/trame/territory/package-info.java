/** The centre's territory: its quartiers and their QPV flags. */
@ApplicationModule(displayName = "territory")
@OwnsTables({"quartiers"})
package fr.trame.territory;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
