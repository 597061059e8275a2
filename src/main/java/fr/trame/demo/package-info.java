/** Demonstration data, written only through the owners’ services and importers: it owns no table. */
@ApplicationModule(displayName = "demo")
package fr.trame.demo;

import org.springframework.modulith.ApplicationModule;
