/**
 * The embedded or configured PostgreSQL, its login and backups.
 * Shared infrastructure: it owns no table, and every module may use its types (an open module).
 */
@ApplicationModule(displayName = "database", type = ApplicationModule.Type.OPEN)
package fr.trame.database;

import org.springframework.modulith.ApplicationModule;
