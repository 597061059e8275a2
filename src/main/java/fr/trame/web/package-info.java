/**
 * Layout, navigation, the home pages, the import page and error pages: it owns no table, and no module depends on it
 * (it sits above them, as the command line does).
 */
@ApplicationModule(displayName = "web")
package fr.trame.web;

import org.springframework.modulith.ApplicationModule;
