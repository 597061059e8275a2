/** Centres, users and their roles, login, tenancy ({@code CentreScope}) and the audit log. */
@ApplicationModule(displayName = "centre")
@OwnsTables({"centres", "users", "user_roles", "audit_log", "login_throttle"})
package fr.trame.centre;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
