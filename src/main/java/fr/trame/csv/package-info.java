/**
 * CSV reading, staging by COPY and downloads shared by the importers and exporters.
 * Shared infrastructure: it owns no table, and every module may use its types (an open module).
 */
@ApplicationModule(displayName = "csv", type = ApplicationModule.Type.OPEN)
package fr.trame.csv;

import org.springframework.modulith.ApplicationModule;
