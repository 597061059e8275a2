package fr.trame.demo;

import fr.trame.centre.AdminBootstrap;
import fr.trame.centre.CentreService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * On an empty database: the first admin account, and (when serving, unless --no-demo) the demonstration centre.
 * Not for backup and restore ({@code trame.db.as-is}), which take the database as it is.
 */
@Component
@ConditionalOnBooleanProperty(name = "trame.db.as-is", havingValue = false, matchIfMissing = true)
class FirstStart implements ApplicationRunner {

    private final AdminBootstrap adminBootstrap;
    private final CentreService centres;
    private final DemoService demo;
    private final boolean serving;
    private final boolean demoWanted;
    private final boolean firstAdmin;

    public FirstStart(AdminBootstrap adminBootstrap, CentreService centres, DemoService demo,
                      @Value("${trame.serve:false}") boolean serving, @Value("${trame.demo:true}") boolean demoWanted,
                      @Value("${trame.first-admin:true}") boolean firstAdmin) {
        this.firstAdmin = firstAdmin;
        this.adminBootstrap = adminBootstrap;
        this.centres = centres;
        this.demo = demo;
        this.serving = serving;
        this.demoWanted = demoWanted;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean emptyDatabase = centres.isEmpty();
        // the admin first: the demonstration adds staff accounts, and the first account must be the admin's
        if (firstAdmin) {
            adminBootstrap.createFirstAdminIfNone();
        }
        if (serving && demoWanted && emptyDatabase) {
            demo.generate(DemoData.Size.S);
        }
    }
}
