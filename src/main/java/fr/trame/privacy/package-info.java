/** RGPD: export, erasure and retention, acting through the owners’ services: it owns no table. */
@ApplicationModule(displayName = "privacy")
package fr.trame.privacy;

import org.springframework.modulith.ApplicationModule;
