/** Attendance sheets, anonymous headcounts and hours attended. */
@ApplicationModule(displayName = "attendance")
@OwnsTables({"attendance", "headcounts"})
package fr.trame.attendance;

import fr.trame.database.OwnsTables;
import org.springframework.modulith.ApplicationModule;
