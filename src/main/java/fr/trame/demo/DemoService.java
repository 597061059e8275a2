package fr.trame.demo;

import fr.trame.activities.ActivityImporter;
import fr.trame.activities.SessionService;
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
import java.time.LocalTime;
import java.util.List;

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
    private final ActivityImporter activityImporter;
    private final SessionService sessions;
    private final fr.trame.reception.ReceptionImporter receptionImporter;
    private final fr.trame.reception.ContactService contacts;
    private final fr.trame.centre.UserService users;
    private final DemoAssociation association;
    private final fr.trame.catalogue.CatalogueService catalogue;
    private final fr.trame.catalogue.CatalogueLinks catalogueLinks;

    public DemoService(CentreService centres, QuartierService quartiers, PeopleImporter peopleImporter,
                       MembershipImporter membershipImporter, MembershipService memberships, JdbcClient jdbc,
                       ActivityImporter activityImporter, SessionService sessions,
                       fr.trame.reception.ReceptionImporter receptionImporter, fr.trame.reception.ContactService contacts,
                       fr.trame.centre.UserService users, DemoAssociation association,
                       fr.trame.catalogue.CatalogueService catalogue, fr.trame.catalogue.CatalogueLinks catalogueLinks) {
        this.association = association;
        this.catalogue = catalogue;
        this.catalogueLinks = catalogueLinks;
        this.receptionImporter = receptionImporter;
        this.contacts = contacts;
        this.users = users;
        this.activityImporter = activityImporter;
        this.sessions = sessions;
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
        fillActivities(centre.id(), size, today, LocalDate.of(currentSeasonYear + 1, 8, 31));
        fillReception(centre, size == DemoData.Size.S ? 1 : 3, size == DemoData.Size.S ? 5_000 : 20_000, today);
        association.fill(centre.id(), today);
        fillCatalogue(centre.id(), today);
        // fresh planner statistics for the tables just filled, so that the first pages are planned on them
        jdbc.sql("analyze").update();
        log.info("Centre de démonstration ({}) rempli en {} ms", size, (System.nanoTime() - started) / 1_000_000);
        return centre;
    }

    /**
     * A shared catalogue of 300 generated actions (imported once: a second demo centre finds them all repeated), and
     * one published action of the demo centre, linked to its homework-support activities and to an objective (chosen
     * from the list of objectives: no figure is computed while generating).
     */
    private void fillCatalogue(long centreId, LocalDate today) {
        catalogue.importText(DemoCatalogue.file(300, 5));
        if (jdbc.sql("select exists (select 1 from catalogue_actions where owner_centre_id = ?)").param(centreId)
                .query(Boolean.class).single()) {
            return;
        }
        long action = catalogue.saveOwn(centreId, null, "Accompagnement à la scolarité et café des parents",
                fr.trame.catalogue.CatalogueService.demoValues());
        catalogue.publish(centreId, action, true);
        jdbc.sql("select id from activities where centre_id = ? and kind = 'accompagnement_scolaire' order by id")
                .param(centreId).query(Long.class).list().forEach(a -> catalogueLinks.linkActivity(centreId, action, a));
        catalogueLinks.objectives(centreId, today.getYear()).stream().findFirst()
                .ifPresent(o -> catalogueLinks.linkObjective(centreId, action, o.id()));
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

    /**
     * A year of activities up to today, and their planned sessions to the end of the season: weekly workshops
     * (three groups each at size S, nine at M), the accueil de loisirs and youth sector, an outing and a party.
     * Past sessions get attendance: every enrolled person of a workshop present, absent or excused; at the
     * accueil de loisirs only the children who came that day.
     */
    private void fillActivities(long centreId, DemoData.Size size, LocalDate today, LocalDate seasonEnd) {
        int groups = size == DemoData.Size.S ? 3 : 9;
        double enrolFactor = size == DemoData.Size.S ? 2.0 : 4.0;
        List<DemoActivities.Template> offer = DemoActivities.offer(groups);
        StringBuilder csv = new StringBuilder("activity_ref;name;sector;kind;public;capacity\n");
        for (DemoActivities.Template t : offer) {
            csv.append(t.ref()).append(';').append(t.name()).append(';').append(t.sector()).append(';').append(t.kind())
                    .append(';').append(t.publicLabel()).append(';').append(t.capacity() == null ? "" : t.capacity()).append('\n');
        }
        activityImporter.importCsv(centreId, utf8(csv.toString()));
        LocalDate from = today.minusYears(1);
        for (DemoActivities.Template t : offer) {
            long activityId = jdbc.sql("""
                    update activities set age_min = ?, age_max = ?, place = 'Centre social' where centre_id = ? and ref = ?
                    returning id""").params(t.ageMin(), t.ageMax(), centreId, t.ref()).query(Long.class).single();
            LocalTime start = LocalTime.parse(t.start());
            LocalTime end = LocalTime.parse(t.end());
            switch (t.holidays()) {
                case "juin" -> sessions.addOneOff(centreId, activityId, lastSaturday(from.getMonthValue() > 6
                        ? from.getYear() + 1 : from.getYear(), 6), start, end);
                case "juillet" -> sessions.addOneOff(centreId, activityId, lastSaturday(from.getMonthValue() > 7
                        ? from.getYear() + 1 : from.getYear(), 7).minusWeeks(2), start, end);
                default -> sessions.addWeekly(centreId, activityId,
                        java.util.Arrays.stream(t.weekdays().split(",")).map(Integer::valueOf).toList(), start, end,
                        from, seasonEnd, t.holidays());
            }
            int enrolled = (int) Math.round(t.enrolledAtS() * (t.kind().equals("acm") ? (size == DemoData.Size.S ? 1 : 4) : enrolFactor));
            // the same children attend the accueil de loisirs on Wednesdays and in holidays
            String seed = t.ref().startsWith("ACM") ? "ACM" : t.ref();
            jdbc.sql("""
                    insert into enrolments (centre_id, activity_id, person_id, status, requested_at)
                    select p.centre_id, :activity, p.id, 'inscrit', now() - interval '300 days'
                    from persons p
                    where p.centre_id = :centre and p.birth_date is not null
                      and (:min::int is null or p.birth_date <= current_date - make_interval(years => :min::int))
                      and (:max::int is null or p.birth_date > current_date - make_interval(years => :max::int + 1))
                    order by hashtext(p.id || :seed) limit :n""")
                    .param("activity", activityId).param("centre", centreId).param("min", t.ageMin())
                    .param("max", t.ageMax()).param("seed", seed).param("n", enrolled).update();
        }
        jdbc.sql("""
                update sessions se set cancelled_reason = (array['Animateur absent', 'Intempéries', 'Salle indisponible'])[1 + abs(hashtext(se.id::text)) % 3]
                from activities a
                where a.centre_id = se.centre_id and a.id = se.activity_id and se.centre_id = ? and se.date < current_date
                  and a.kind not in ('evenement', 'sortie') and abs(hashtext(se.id::text || 'annule')) % 50 = 0""")
                .param(centreId).update();
        jdbc.sql("""
                insert into attendance (centre_id, session_id, person_id, status)
                select se.centre_id, se.id, e.person_id,
                       case when a.kind = 'acm' or x.h < 78 then 'present' when x.h < 92 then 'absent' else 'excuse' end
                from sessions se
                join activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                join enrolments e on e.centre_id = se.centre_id and e.activity_id = se.activity_id and e.status = 'inscrit'
                cross join lateral (select abs(hashtext(se.id || ':' || e.person_id)) % 100 as h) x
                where se.centre_id = ? and se.date < current_date and se.cancelled_reason is null
                  and (a.kind not in ('acm', 'evenement')
                       or (a.kind = 'acm' and x.h < case a.ref when 'ACM-MER' then 14 when 'ACM-VAC' then 28 else 20 end))
                on conflict do nothing""").param(centreId).update();
        jdbc.sql("""
                insert into headcounts (centre_id, session_id, headcount)
                select se.centre_id, se.id, 550 + abs(hashtext(se.id::text)) % 80
                from sessions se join activities a on a.centre_id = se.centre_id and a.id = se.activity_id
                where se.centre_id = ? and a.kind = 'evenement' and se.date < current_date""").param(centreId).update();
    }

    /**
     * Reception contacts over the last {@code years} years, in seed 000's proportions: about 65 % women, 64 % living in
     * the first quartier, a bit over two requests per person; appointments with the demo staff, a few case files.
     */
    private void fillReception(Centre centre, int years, int perYear, LocalDate today) {
        long centreId = centre.id();
        java.util.Random random = new java.util.Random(4);
        List<String[]> adults = jdbc.sql("""
                select p.ref, coalesce(p.sex, 'F'), coalesce(q.name, '') from persons p
                join household_members hm on hm.centre_id = p.centre_id and hm.person_id = p.id and hm.principal
                join households h on h.centre_id = hm.centre_id and h.id = hm.household_id
                left join quartiers q on q.centre_id = h.centre_id and q.id = h.quartier_id
                where p.centre_id = ? and p.birth_date < current_date - interval '18 years' order by p.id""")
                .param(centreId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        String main = DemoData.QUARTIERS.get(0).name();
        java.util.Map<String, List<String>> pools = new java.util.HashMap<>();
        for (String[] a : adults) {
            pools.computeIfAbsent((a[2].equals(main) ? "main" : "other") + a[1], k -> new java.util.ArrayList<>()).add(a[0]);
        }
        // a third of each pool comes back often: people and requests are different counts
        String[] themes = {"caf", "caf", "caf", "sante", "sante", "retraite", "logement", "logement", "emploi", "impots",
                "impots", "titre_sejour", "titre_sejour", "numerique", "numerique", "scolarite", "juridique", "budget", "autre"};
        String[] channels = {"accueil", "accueil", "accueil", "accueil", "accueil", "accueil", "telephone", "telephone",
                "telephone", "rdv", "rdv", "courriel", "domicile", "exterieur"};
        StringBuilder csv = new StringBuilder("date;person_ref;channel;theme;duration_min;status\n");
        for (int i = 0; i < perYear * years; i++) {
            LocalDate date = today.minusDays(1 + random.nextInt(365 * years));
            if (date.getDayOfWeek().getValue() > 5) {
                date = date.minusDays(2);
            }
            String person = "";
            if (random.nextInt(100) >= 12) { // 12 % anonymous
                String key = (random.nextInt(100) < 64 ? "main" : "other") + (random.nextInt(100) < 72 ? "F" : "M");
                List<String> pool = pools.getOrDefault(key, List.of());
                if (!pool.isEmpty()) {
                    int bound = Math.max(1, pool.size() / 3);
                    person = pool.get(random.nextInt(100) < 60 ? random.nextInt(bound) : random.nextInt(pool.size()));
                }
            }
            String channel = channels[random.nextInt(channels.length)];
            String theme = themes[random.nextInt(themes.length)];
            if (random.nextInt(100) < 15) {
                String second = themes[random.nextInt(themes.length)];
                theme = second.equals(theme) ? theme : theme + "," + second;
            }
            String status = "";
            if (channel.equals("rdv")) {
                int r = random.nextInt(100);
                status = r < 80 ? "honore" : r < 93 ? "non_honore" : "annule";
                if (person.isEmpty()) {
                    channel = "accueil";
                    status = "";
                }
            }
            csv.append(date).append(';').append(person).append(';').append(channel).append(';').append(theme).append(';')
                    .append(5 + random.nextInt(40)).append(';').append(status).append('\n');
        }
        receptionImporter.importCsv(centreId, utf8(csv.toString()));

        // staff who hold appointments; their accounts have random passwords nobody knows, until an admin resets one
        String[][] staff = {{"ecrivain.public", "Samia (écrivain public)", "accueil"},
                {"conseiller.numerique", "Julien (conseiller numérique)", "animateur"},
                {"referente.famille", "Claire (référente famille)", "direction"}};
        List<Long> staffIds = new java.util.ArrayList<>();
        for (String[] s : staff) {
            long id = users.findByUsername(s[0]).map(fr.trame.centre.UserService.User::id)
                    .orElseGet(() -> users.create(s[0], s[1], fr.trame.centre.UserService.randomPassword(), false));
            users.setRole(id, centreId, fr.trame.centre.Role.fromCode(s[2]));
            staffIds.add(id);
        }
        jdbc.sql("""
                update contacts set staff_user_id = (?::bigint[])[1 + id % 2], starts_at = make_time(9 + (id % 8)::int, (id % 2)::int * 30, 0)
                where centre_id = ? and channel = 'rdv'""")
                .params(staffIds.toArray(Long[]::new), centreId).update();
        List<Long> regulars = jdbc.sql("""
                select person_id from contacts where centre_id = ? and person_id is not null
                group by person_id order by count(*) desc, person_id limit 12""").param(centreId).query(Long.class).list();
        for (int i = 0; i < regulars.size(); i++) {
            LocalDate day = today.plusDays(1 + i % 10);
            if (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(2);
            }
            contacts.log(centreId, new fr.trame.reception.ContactService.NewContact(day, LocalTime.of(9 + i % 7, 0),
                    regulars.get(i), "rdv", List.of(i % 2 == 0 ? "caf" : "numerique"), 30, "prevu",
                    staffIds.get(i % 2), null, null, null));
        }
        for (int i = 0; i < Math.min(4, regulars.size()); i++) {
            long caseId = jdbc.sql("""
                    insert into cases (centre_id, person_id, referent_user_id, subject, opened_on)
                    values (?, ?, ?, ?, current_date - ?) returning id""")
                    .params(centreId, regulars.get(i), staffIds.get(2), new String[] {"Dossier retraite",
                            "Recherche de logement", "Surendettement", "Renouvellement titre de séjour"}[i], 30 + i * 20)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into case_steps (centre_id, case_id, date, note, outcome, author_id)
                    values (?, ?, current_date - ?, 'Premier entretien, pièces à réunir listées.', 'Pièces demandées', ?)""")
                    .params(centreId, caseId, 25 + i * 20, staffIds.get(2)).update();
        }
    }

    private static LocalDate lastSaturday(int year, int month) {
        LocalDate d = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
        while (d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
