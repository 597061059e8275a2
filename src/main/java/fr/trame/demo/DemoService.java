package fr.trame.demo;

import fr.trame.catalogue.CatalogueLinks;
import fr.trame.catalogue.CatalogueService;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipImporter;
import fr.trame.people.MembershipService;
import fr.trame.people.FlagService;
import fr.trame.people.PeopleImporter;
import fr.trame.people.PersonService;
import fr.trame.territory.QuartierService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills the "Centre social de démonstration" with generated, plausible data. It owns no table: it writes through the
 * owners' importers (fed with generated CSV, as a centre's own files would be) and services, set-based for the large
 * tables, and reads what it generated through the views the owners publish.
 */
@Service
public class DemoService {

    public static final String DEMO_CODE = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoService.class);
    private static final String[] PAYMENT_MODES = {"especes", "cheque", "carte", "virement"};

    private final CentreService centres;
    private final QuartierService quartiers;
    private final PeopleImporter peopleImporter;
    private final MembershipImporter membershipImporter;
    private final MembershipService memberships;
    private final PersonService persons;
    private final HouseholdService households;
    private final DemoOffer offer;
    private final DemoReception reception;
    private final DemoAssociation association;
    private final DemoBilans bilans;
    private final CatalogueService catalogue;
    private final CatalogueLinks catalogueLinks;
    private final JdbcClient jdbc;

    public DemoService(CentreService centres, QuartierService quartiers, PeopleImporter peopleImporter,
                       MembershipImporter membershipImporter, MembershipService memberships, PersonService persons,
                       HouseholdService households, DemoOffer offer, DemoReception reception, DemoAssociation association,
                       CatalogueService catalogue, CatalogueLinks catalogueLinks, JdbcClient jdbc, DemoBilans bilans) {
        this.bilans = bilans;
        this.centres = centres;
        this.quartiers = quartiers;
        this.peopleImporter = peopleImporter;
        this.membershipImporter = membershipImporter;
        this.memberships = memberships;
        this.persons = persons;
        this.households = households;
        this.offer = offer;
        this.reception = reception;
        this.association = association;
        this.catalogue = catalogue;
        this.catalogueLinks = catalogueLinks;
        this.jdbc = jdbc;
    }

    private DemoReportTexts reportTexts;

    /** The report's texts, a part of its own (injected apart, the constructor stays as it is). */
    @Autowired
    void setReportTexts(DemoReportTexts reportTexts) {
        this.reportTexts = reportTexts;
    }

    private FlagService flags;

    /** The situation flags the register's file uses, with their labels, before it is imported. */
    @Autowired
    void setFlags(FlagService flags) {
        this.flags = flags;
    }

    /** Who a generated centre is: its code, name and address; {@code seed} draws its people. */
    public record Spec(String code, String name, String address, String postcode, String commune, String phone, String email,
                       long seed) {
    }

    /** The "Centre social de démonstration" of {@code demo --size s|m} and of the first start. */
    public static final Spec DEFAULT = new Spec(DEMO_CODE, "Centre social de démonstration", "2 place de la Bastide", "13800",
            "Istres", "04 00 00 00 00", "accueil@demo.invalid", 20231);

    @Transactional
    public Centre generate(DemoData.Size size) {
        return generate(size, DEFAULT);
    }

    /** The centre of that code (created if missing) with its identity, and nothing else yet. */
    @Transactional
    public Centre centre(Spec spec) {
        Centre centre = centres.findByCode(spec.code()).orElseGet(() -> centres.create(spec.code(), spec.name()));
        // a SIRET, an RNA number and a founding date drawn from the seed, for the report's identity sheet
        long seed = Math.abs(spec.seed());
        centres.setIdentity(centre.id(), new CentreService.Identity(centre.name(), spec.address(), spec.postcode(),
                spec.commune(), spec.phone(), spec.email(), String.format("4%013d", seed % 10_000_000_000_000L),
                String.format("W13%07d", seed % 10_000_000), LocalDate.of(1970 + (int) (seed % 40), 1 + (int) (seed % 12), 15)));
        return centre;
    }

    /** A centre filled with generated records: the demonstration centre, or one of the demonstration federation's. */
    @Transactional
    public Centre generate(DemoData.Size size, Spec spec) {
        long started = System.nanoTime();
        Centre centre = centre(spec);
        for (DemoData.Quartier q : DemoData.QUARTIERS) {
            quartiers.create(centre.id(), q.name(), q.qpv());
        }
        LocalDate today = LocalDate.now();
        int currentSeasonYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        memberships.createSeason(centre.id(), LocalDate.of(currentSeasonYear - 1, 9, 1), LocalDate.of(currentSeasonYear, 8, 31));
        memberships.createSeason(centre.id(), LocalDate.of(currentSeasonYear, 9, 1), LocalDate.of(currentSeasonYear + 1, 8, 31));

        DemoData data = new DemoData(spec.seed(), today, spec.postcode(), spec.commune());
        flags.suggestions(centre.id()).entrySet().stream().limit(3).forEach(f -> flags.add(centre.id(), f.getKey(), f.getValue()));
        peopleImporter.importCsv(centre.id(), utf8(data.peopleCsv(size)));
        membershipImporter.importCsv(centre.id(), utf8(data.membershipsCsv(currentSeasonYear - 1)));
        settleRegister(centre.id(), currentSeasonYear);
        // the register's statistics, seen from this transaction, before the offer and reception are drawn on it
        jdbc.sql("analyze").update();
        offer.fill(centre.id(), size, today, LocalDate.of(currentSeasonYear + 1, 8, 31));
        reception.fill(centre, size == DemoData.Size.S ? 1 : 3, size == DemoData.Size.S ? 5_000 : 20_000, today);
        association.fill(centre.id(), today);
        reportTexts.fill(centre.id(), today.getYear());
        bilans.fill(centre.id(), today.getYear());
        // the shared catalogue refuses a second sheet identical word for word: another centre's names its town
        fillCatalogue(centre.id(), today, spec == DEFAULT ? "" : " (" + spec.commune() + ")");
        // fresh planner statistics for the tables just filled, so that the first pages are planned on them
        jdbc.sql("analyze").update();
        log.info("Centre de démonstration {} ({}) rempli en {} ms", spec.code(), size, (System.nanoTime() - started) / 1_000_000);
        return centre;
    }

    /**
     * A shared catalogue of 300 generated actions (imported once: a second demo centre finds them all repeated), and
     * one published action of the demo centre, linked to its homework-support activities and to an objective (chosen
     * from the list of objectives: no figure is computed while generating).
     */
    private void fillCatalogue(long centreId, LocalDate today, String titleSuffix) {
        catalogue.importText(DemoCatalogue.file(300, 5));
        if (jdbc.sql("select exists (select 1 from catalogue_action_titles where owner_centre_id = ?)").param(centreId)
                .query(Boolean.class).single()) {
            return;
        }
        long action = catalogue.saveOwn(centreId, null, "Accompagnement à la scolarité et café des parents" + titleSuffix,
                CatalogueService.demoValues());
        catalogue.publish(centreId, action, true);
        jdbc.sql("select id from activities_activities where centre_id = ? and kind = 'accompagnement_scolaire' order by id")
                .param(centreId).query(Long.class).list().forEach(a -> catalogueLinks.linkActivity(centreId, action, a));
        catalogueLinks.objectives(centreId, today.getYear()).stream().findFirst()
                .ifPresent(o -> catalogueLinks.linkObjective(centreId, action, o.id()));
    }

    /**
     * What the register's CSV files do not carry, given through the people services at once: the past season paid and
     * the current one mostly paid, a few consents, CAF-attested QFs of the year before and CAF numbers.
     */
    private void settleRegister(long centreId, int currentSeasonYear) {
        memberships.markPaid(centreId, jdbc.sql("""
                        select id, start_date + (id % 40)::int as paid_on from people_memberships
                        where centre_id = ? and (start_date < make_date(?, 9, 1) or id % 10 <> 0)""")
                .params(centreId, currentSeasonYear)
                .query((rs, n) -> new MembershipService.Payment(rs.getLong("id"), rs.getObject("paid_on", LocalDate.class),
                        PAYMENT_MODES[(int) (rs.getLong("id") % 4)]))
                .list());
        persons.recordConsents(centreId, jdbc.sql("""
                        select p.id, k.kind, (p.id % 7 <> 0) as granted, current_date - (p.id % 300)::int as given_on
                        from people_persons p, (values (1, 'droit_image'), (2, 'donnees')) as k(position, kind)
                        where p.centre_id = ? and p.id % 3 <> 0 order by p.id, k.position""")
                .param(centreId)
                .query((rs, n) -> new PersonService.NewConsent(rs.getLong("id"), rs.getString("kind"),
                        rs.getBoolean("granted"), rs.getObject("given_on", LocalDate.class)))
                .list());
        households.addQfs(centreId, jdbc.sql("""
                        select household_id, valid_from - 365 as valid_from, greatest(0, amount_euros - 40) as amount
                        from people_qf_history where centre_id = ? and household_id % 4 = 0 order by id""")
                .param(centreId)
                .query((rs, n) -> new HouseholdService.NewQf(rs.getLong("household_id"),
                        rs.getObject("valid_from", LocalDate.class), rs.getInt("amount"), "attestation_caf"))
                .list());
        Map<Long, String> cafNumbers = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, lpad((1000000 + id * 7919 % 8999999)::text, 7, '0') as caf_number from people_households
                        where centre_id = ? and id % 3 <> 0 order by id""")
                .param(centreId).query(rs -> {
                    cafNumbers.put(rs.getLong("id"), rs.getString("caf_number"));
                });
        households.setCafNumbers(centreId, cafNumbers);
    }

    static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
