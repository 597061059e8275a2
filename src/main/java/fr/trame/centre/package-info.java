/**
 * Centres, users and their roles, login and its sessions (web_sessions: Spring Session JDBC, shared by every server
 * on the database), tenancy ({@code CentreScope}) and the audit log.
 */
@ApplicationModule(displayName = "centre")
@OwnsTables({"centres", "users", "user_roles", "audit_log", "login_throttle", "web_sessions", "web_sessions_attributes"})
package fr.trame.centre;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
