package fr.trame.demo;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.people.MembershipImporter;
import fr.trame.people.MembershipService;
import fr.trame.people.PeopleImporter;
import fr.trame.territory.QuartierService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Fills the "Centre social de démonstration" with generated, plausible data. */
@Service
public class DemoService {

    public static final String DEMO_CODE = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoService.class);

    private final CentreService centres;
    private final QuartierService quartiers;
    private final PeopleImporter peopleImporter;
    private final MembershipImporter membershipImporter;
    private final MembershipService memberships;
    private final JdbcClient jdbc;

    public DemoService(CentreService centres, QuartierService quartiers, PeopleImporter peopleImporter,
                       MembershipImporter membershipImporter, MembershipService memberships, JdbcClient jdbc) {
        this.centres = centres;
        this.quartiers = quartiers;
        this.peopleImporter = peopleImporter;
        this.membershipImporter = membershipImporter;
        this.memberships = memberships;
        this.jdbc = jdbc;
    }

    @Transactional
    public Centre generate(DemoData.Size size) {
        long started = System.nanoTime();
        Centre centre = centres.findByCode(DEMO_CODE)
                .orElseGet(() -> centres.create(DEMO_CODE, "Centre social de démonstration"));
        centres.updateIdentity(centre.id(), centre.name(), "2 place de la Bastide", "13800", "Istres", null,
                "04 00 00 00 00", "accueil@demo.invalid");
        for (DemoData.Quartier q : DemoData.QUARTIERS) {
            quartiers.create(centre.id(), q.name(), q.qpv());
        }
        LocalDate today = LocalDate.now();
        int currentSeasonYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        memberships.createSeason(centre.id(), LocalDate.of(currentSeasonYear - 1, 9, 1), LocalDate.of(currentSeasonYear, 8, 31));
        memberships.createSeason(centre.id(), LocalDate.of(currentSeasonYear, 9, 1), LocalDate.of(currentSeasonYear + 1, 8, 31));

        DemoData data = new DemoData(20231, today);
        peopleImporter.importCsv(centre.id(), utf8(data.peopleCsv(size)));
        membershipImporter.importCsv(centre.id(), utf8(data.membershipsCsv(currentSeasonYear - 1)));
        settleDemoPayments(centre.id(), currentSeasonYear);
        log.info("Centre de démonstration ({}) rempli en {} ms", size, (System.nanoTime() - started) / 1_000_000);
        return centre;
    }

    /** Past season paid; the current one mostly paid; a few consents and CAF-attested QFs, like a real register. */
    private void settleDemoPayments(long centreId, int currentSeasonYear) {
        jdbc.sql("""
                update memberships set paid = true, paid_on = start_date + (id % 40)::int,
                       payment_mode = (array['especes','cheque','carte','virement'])[1 + id % 4]
                where centre_id = ? and (start_date < make_date(?, 9, 1) or id % 10 <> 0)""")
                .params(centreId, currentSeasonYear).update();
        jdbc.sql("""
                insert into consents (centre_id, person_id, kind, granted, given_on)
                select centre_id, id, k.kind, (id % 7 <> 0), current_date - (id % 300)::int
                from persons, (values ('droit_image'), ('donnees')) as k(kind)
                where centre_id = ? and id % 3 <> 0""").param(centreId).update();
        jdbc.sql("""
                insert into qf_history (centre_id, household_id, valid_from, amount_euros, source)
                select centre_id, household_id, valid_from - 365, greatest(0, amount_euros - 40), 'attestation_caf'
                from qf_history where centre_id = ? and household_id % 4 = 0""").param(centreId).update();
        jdbc.sql("""
                update households set caf_number = lpad((1000000 + id * 7919 % 8999999)::text, 7, '0')
                where centre_id = ? and id % 3 <> 0""").param(centreId).update();
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
