package fr.trame.demo;

import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ContactService;
import fr.trame.reception.ReceptionImporter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static fr.trame.demo.DemoService.utf8;

/**
 * Reception contacts over the last years, in seed 000's proportions: about 65 % women, 64 % living in the first
 * quartier, a bit over two requests per person (reception.csv); appointments with the demo staff, a few case files
 * (reception services).
 */
@Component
class DemoReception {

    private static final String[] THEMES = {"caf", "caf", "caf", "sante", "sante", "retraite", "logement", "logement",
            "emploi", "impots", "impots", "titre_sejour", "titre_sejour", "numerique", "numerique", "scolarite", "juridique",
            "budget", "autre"};
    private static final String[] CHANNELS = {"accueil", "accueil", "accueil", "accueil", "accueil", "accueil", "telephone",
            "telephone", "telephone", "rdv", "rdv", "courriel", "domicile", "exterieur"};
    /** Staff who hold appointments; their accounts have random passwords nobody knows, until an admin resets one. */
    private static final String[][] STAFF = {{"ecrivain.public", "Samia (écrivain public)", "accueil"},
            {"conseiller.numerique", "Julien (conseiller numérique)", "animateur"},
            {"referente.famille", "Claire (référente famille)", "direction"}};
    private static final String[] CASE_SUBJECTS = {"Dossier retraite", "Recherche de logement", "Surendettement",
            "Renouvellement titre de séjour"};

    private final ReceptionImporter importer;
    private final ContactService contacts;
    private final CaseService cases;
    private final UserService users;
    private final JdbcClient jdbc;
    private final DemoOutcomes outcomes;

    DemoReception(ReceptionImporter importer, ContactService contacts, CaseService cases, UserService users, JdbcClient jdbc,
                  DemoOutcomes outcomes) {
        this.outcomes = outcomes;
        this.importer = importer;
        this.contacts = contacts;
        this.cases = cases;
        this.users = users;
        this.jdbc = jdbc;
    }

    void fill(Centre centre, int years, int perYear, LocalDate today) {
        long centreId = centre.id();
        importer.importCsv(centreId, utf8(receptionCsv(centreId, years, perYear, today)));

        List<Long> staffIds = new ArrayList<>();
        for (String[] s : STAFF) {
            long id = users.findByUsername(s[0]).map(UserService.User::id)
                    .orElseGet(() -> users.create(s[0], s[1], UserService.randomPassword(), false));
            users.setRole(id, centreId, Role.fromCode(s[2]));
            staffIds.add(id);
        }
        contacts.assign(centreId, jdbc.sql("""
                        select id, (id % 2)::int as staff, make_time(9 + (id % 8)::int, (id % 2)::int * 30, 0) as starts_at
                        from reception_contacts where centre_id = ? and channel = 'rdv' order by id""")
                .param(centreId)
                .query((rs, n) -> new ContactService.Assignment(rs.getLong("id"), staffIds.get(rs.getInt("staff")),
                        rs.getObject("starts_at", LocalTime.class)))
                .list());
        List<Long> regulars = jdbc.sql("""
                select person_id from reception_contacts where centre_id = ? and person_id is not null
                group by person_id order by count(*) desc, person_id limit 12""").param(centreId).query(Long.class).list();
        for (int i = 0; i < regulars.size(); i++) {
            LocalDate day = today.plusDays(1 + i % 10);
            if (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(2);
            }
            contacts.log(centreId, new ContactService.NewContact(day, LocalTime.of(9 + i % 7, 0), regulars.get(i), "rdv",
                    List.of(i % 2 == 0 ? "caf" : "numerique"), 30, "prevu", staffIds.get(i % 2), null, null, null));
        }
        // a few case files held by the référente famille, each with its first interview
        long referent = staffIds.get(2);
        List<CaseService.TakenOver> files = new ArrayList<>();
        for (int i = 0; i < Math.min(4, regulars.size()); i++) {
            files.add(new CaseService.TakenOver(regulars.get(i), null, referent, CASE_SUBJECTS[i], today.minusDays(30 + i * 20L),
                    today.minusDays(25 + i * 20L), "Premier entretien, pièces à réunir listées.", "Pièces demandées"));
        }
        cases.takeOver(centreId, files);
        outcomes.fill(centre, referent, today);
    }

    /** Anonymous for 12 %; a third of each pool of adults comes back often: people and requests are different counts. */
    private String receptionCsv(long centreId, int years, int perYear, LocalDate today) {
        Random random = new Random(4);
        List<String[]> adults = jdbc.sql("""
                select p.ref, coalesce(p.sex, 'F'), coalesce(q.name, '') from people_persons p
                join people_household_members hm on hm.centre_id = p.centre_id and hm.person_id = p.id and hm.principal
                join people_households h on h.centre_id = hm.centre_id and h.id = hm.household_id
                left join territory_quartiers q on q.centre_id = h.centre_id and q.id = h.quartier_id
                where p.centre_id = ? and p.birth_date < current_date - interval '18 years' order by p.id""")
                .param(centreId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        String main = DemoData.QUARTIERS.get(0).name();
        Map<String, List<String>> pools = new HashMap<>();
        for (String[] a : adults) {
            pools.computeIfAbsent((a[2].equals(main) ? "main" : "other") + a[1], k -> new ArrayList<>()).add(a[0]);
        }
        StringBuilder csv = new StringBuilder("date;person_ref;channel;theme;duration_min;status\n");
        for (int i = 0; i < perYear * years; i++) {
            LocalDate date = today.minusDays(1 + random.nextInt(365 * years));
            if (date.getDayOfWeek().getValue() > 5) {
                date = date.minusDays(2);
            }
            String person = "";
            if (random.nextInt(100) >= 12) {
                String key = (random.nextInt(100) < 64 ? "main" : "other") + (random.nextInt(100) < 72 ? "F" : "M");
                List<String> pool = pools.getOrDefault(key, List.of());
                if (!pool.isEmpty()) {
                    int bound = Math.max(1, pool.size() / 3);
                    person = pool.get(random.nextInt(100) < 60 ? random.nextInt(bound) : random.nextInt(pool.size()));
                }
            }
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String theme = THEMES[random.nextInt(THEMES.length)];
            if (random.nextInt(100) < 15) {
                String second = THEMES[random.nextInt(THEMES.length)];
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
        return csv.toString();
    }
}
