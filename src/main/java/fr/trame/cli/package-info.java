/** The command line: it owns no table and writes only through the owners’ services and importers. */
@ApplicationModule(displayName = "cli")
package fr.trame.cli;

import org.springframework.modulith.ApplicationModule;
