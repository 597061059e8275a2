/**
 * Form reading, parsing and French formats shared by the modules.
 * Shared infrastructure: it owns no table, and every module may use its types (an open module).
 */
@ApplicationModule(displayName = "form", type = ApplicationModule.Type.OPEN)
package fr.trame.form;

import org.springframework.modulith.ApplicationModule;
