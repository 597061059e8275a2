/** Layout, navigation, shared controllers and error pages. Shared infrastructure: it owns no table, and every module may use its types (an open module). */
@ApplicationModule(displayName = "web", type = ApplicationModule.Type.OPEN)
package fr.trame.web;

import org.springframework.modulith.ApplicationModule;
