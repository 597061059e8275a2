package fr.trame.demo;

import fr.trame.association.FundingService;
import fr.trame.association.GovernanceService;
import fr.trame.association.PartnerService;
import fr.trame.association.SocialProjectService;
import fr.trame.association.StaffService;
import fr.trame.association.VolunteerService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demonstration centre's association, shaped like a real one (seed 000): a board of 17 by college, 9 CA, 12 Bureau
 * meetings and an AG a year; 42 volunteers (49 category memberships); 15 staff of whom 4 are MAD, 12.67 ETP;
 * 29 signed conventions, six permanences; funders from the town to the CAF; agréments, one to renew soon; a projet social.
 */
@Component
class DemoAssociation {

    private static final int[] CA_MONTHS = {1, 2, 3, 5, 6, 9, 10, 11, 12};

    private final GovernanceService governance;
    private final VolunteerService volunteers;
    private final StaffService staff;
    private final PartnerService partners;
    private final FundingService funding;
    private final SocialProjectService projects;
    private final JdbcClient jdbc;

    DemoAssociation(GovernanceService governance, VolunteerService volunteers, StaffService staff, PartnerService partners,
                    FundingService funding, SocialProjectService projects, JdbcClient jdbc) {
        this.governance = governance;
        this.volunteers = volunteers;
        this.staff = staff;
        this.partners = partners;
        this.funding = funding;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    /**
     * CEE vacataires for the summer holidays and trainees by diploma, last year and this one (seed 000 counts them apart
     * from the team): their contracts end before December, so the team on 31 December stays as above.
     */
    private void vacatairesAndTrainees(long centreId, int year) {
        String[][] vacataires = {{"Amrani", "Yanis"}, {"Berger", "Lina"}, {"Costa", "Enzo"}, {"Diallo", "Awa"}, {"Esposito", "Léo"}};
        String[][] trainees = {{"Ferrand", "Manon", "BAFA"}, {"Hamidi", "Sofia", "CPJEPS"}, {"Jolly", "Noah", "BTS ESF"},
                {"Klein", "Jade", "3e"}, {"Lambert", "Rayan", "3e"}, {"Marchal", "Emma", "Bac pro"}};
        Map<String, Long> hired = new HashMap<>();
        for (int y = year - 1; y <= year; y++) {
            for (int i = 0; i < vacataires.length; i++) {
                contract(centreId, hired, vacataires[i], new StaffService.NewContract("cee", "animateur", null, null,
                        LocalDate.of(y, 7, 7), LocalDate.of(y, 8, 28), null, 20 + 3 * i, BigDecimal.valueOf(200 + 30 * i), null));
            }
            for (String[] t : trainees) {
                contract(centreId, hired, t, new StaffService.NewContract("stage", "animateur", null, new BigDecimal("35"),
                        LocalDate.of(y, 3, 2), LocalDate.of(y, 3, 27), null, null, null, t[2]));
            }
        }
    }

    private void contract(long centreId, Map<String, Long> hired, String[] name, StaffService.NewContract contract) {
        Long employee = hired.get(name[0]);
        if (employee == null) {
            hired.put(name[0], staff.hire(centreId, name[0], name[1], contract));
        } else {
            staff.addContract(centreId, employee, contract);
        }
    }

    void fill(long centreId, LocalDate today) {
        Random random = new Random(2023);
        int year = today.getYear();
        List<Long> adults = jdbc.sql("""
                select id from people_persons where centre_id = ? and birth_date <= ? order by id limit 60""")
                .params(centreId, today.minusYears(25)).query(Long.class).list();
        Long user = jdbc.sql("select id from centre_users order by id limit 1").query(Long.class).optional().orElse(null);
        Map<String, Long> bodies = new HashMap<>();
        governance.bodies(centreId).forEach(b -> bodies.put(b.kind(), b.id()));
        long youth = governance.createBody(centreId, "commission", "Commission jeunesse");
        LocalDate since = LocalDate.of(year - 2, 6, 20);

        // the board: 13 inhabitants of the register, 2 partners' and 2 institutions' representatives
        String[] roles = {"president", "vice_president", "tresorier", "secretaire"};
        for (int i = 0; i < 13; i++) {
            governance.createMandate(centreId, new GovernanceService.NewMandate(bodies.get("ca"), adults.get(i), null,
                    i < 4 ? roles[i] : "membre", "habitant", since, null, i != 7, i % 2 == 0));
            if (i < 5) {
                governance.createMandate(centreId, new GovernanceService.NewMandate(bodies.get("bureau"), adults.get(i), null,
                        i < 4 ? roles[i] : "membre", "habitant", since, null, true, i % 2 == 0));
            }
            if (i >= 9) {
                governance.createMandate(centreId, new GovernanceService.NewMandate(youth, adults.get(i), null, "membre",
                        "habitant", since, null, true, null));
            }
        }
        for (String[] outsider : new String[][] {{"Association Nejma (représentante)", "partenaire"},
                {"Les Petits Débrouillards (représentant)", "partenaire"}, {"Ville d'Istres (élue)", "institution"},
                {"CAF des Bouches-du-Rhône (conseillère)", "institution"}}) {
            governance.createMandate(centreId, new GovernanceService.NewMandate(bodies.get("ca"), null, outsider[0], "membre",
                    outsider[1], since, null, false, false));
        }

        // meetings of last year and of this year so far, with who came
        for (int y = year - 1; y <= year; y++) {
            for (int month : CA_MONTHS) {
                meeting(centreId, bodies.get("ca"), LocalDate.of(y, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY)),
                        "Suivi des activités et du budget", 9, today, random);
            }
            for (int month = 1; month <= 12; month++) {
                meeting(centreId, bodies.get("bureau"), LocalDate.of(y, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY)),
                        "Préparation du CA", 3, today, random);
            }
            meeting(centreId, bodies.get("ag"), LocalDate.of(y, 6, 20), "Rapport moral, rapport d'activité, comptes " + (y - 1),
                    null, today, random);
        }

        // volunteers: the 13 inhabitants of the board (4 also in a commission), 20 at activities (2 also in a
        // commission, 1 also an occasional helper), 9 more occasional helpers: 42 persons, 49 category memberships
        List<Long> workshops = jdbc.sql("""
                        select id from activities_activities where centre_id = ? and kind = 'atelier' order by id limit 20""")
                .param(centreId).query(Long.class).list();
        for (int i = 0; i < 42 && i < adults.size(); i++) {
            List<String> categories = i < 13 ? (i >= 9 ? List.of("gouvernance", "commission") : List.of("gouvernance"))
                    : i < 33 ? (i < 15 ? List.of("activite", "commission") : i == 32 ? List.of("activite", "ponctuel")
                    : List.of("activite")) : List.of("ponctuel");
            long volunteer = volunteers.register(centreId, adults.get(i), categories, i % 5 == 0 ? "cuisine, couture" : null, since);
            for (int y = year - 1; y <= year; y++) {
                if (categories.contains("activite") && !workshops.isEmpty()) {
                    long activity = workshops.get(i % workshops.size());
                    for (LocalDate d = LocalDate.of(y, 1, 8); d.getYear() == y && d.isBefore(today); d = d.plusWeeks(1)) {
                        if (d.getMonthValue() != 7 && d.getMonthValue() != 8) {
                            volunteers.logHours(centreId, volunteer, d, new BigDecimal("2.5"), activity, null, user);
                        }
                    }
                } else if (categories.contains("ponctuel")) {
                    LocalDate party = LocalDate.of(y, 6, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SATURDAY));
                    if (party.isBefore(today)) {
                        volunteers.logHours(centreId, volunteer, party, new BigDecimal("6"), null, "Fête de quartier", user);
                    }
                } else {
                    for (int month : CA_MONTHS) {
                        LocalDate d = LocalDate.of(y, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
                        if (d.isBefore(today)) {
                            volunteers.logHours(centreId, volunteer, d, new BigDecimal("3"), null, "Conseil d'administration", user);
                        }
                    }
                }
            }
        }

        // the team: 7 CDI, 1 CDII, 2 CDD, 1 apprentice, 4 MAD from the town: 443.45 h a week, 12.67 ETP
        LocalDate hired = LocalDate.of(year - 6, 9, 1);
        Object[][] team = {
                {"Dhina", "Yasmine", "cdi", "direction", "35", hired, null},
                {"Martin", "Sophie", "cdi", "comptable", "28", hired, null},
                {"Benali", "Nadia", "cdi", "accueil", "35", hired, null},
                {"Garcia", "Inès", "cdi", "referente_famille", "35", hired.plusYears(2), null},
                {"Lopez", "Marc", "cdi", "coordinateur", "35", hired, null},
                {"Faure", "Julien", "cdi", "animateur", "35", hired.plusYears(1), null},
                {"Nguyen", "Thomas", "cdi", "conseiller_numerique", "30", hired.plusYears(3), null},
                {"Roussel", "Léa", "cdii", "animateur", "20", hired.plusYears(2), null},
                {"Blanc", "Chloé", "cdd", "animateur", "35", LocalDate.of(year - 1, 9, 1), LocalDate.of(year + 1, 8, 31)},
                {"Petit", "Samir", "cdd", "accueil", "20", LocalDate.of(year - 1, 1, 2), LocalDate.of(year, 12, 31)},
                {"Blirando", "Kilian", "apprenti", "animateur", "35", LocalDate.of(year - 1, 9, 1), LocalDate.of(year + 1, 6, 30)},
                {"Moreau", "Patrick", "mad", "agent_entretien", "35", hired, null},
                {"Roche", "Ahmed", "mad", "animateur", "35", hired, null},
                {"Girard", "Martine", "mad", "secretariat", "17.5", hired, null},
                {"Simon", "Karim", "mad", "accueil", "12.95", hired, null}};
        for (Object[] t : team) {
            BigDecimal hours = new BigDecimal((String) t[4]);
            Long inKind = t[2].equals("mad") ? hours.multiply(BigDecimal.valueOf(120_000)).longValue() : null;
            long employee = staff.hire(centreId, (String) t[0], (String) t[1], new StaffService.NewContract((String) t[2],
                    (String) t[3], null, hours, (LocalDate) t[5], (LocalDate) t[6], inKind));
            if (random.nextInt(3) == 0) {
                staff.addTraining(centreId, employee, LocalDate.of(year - 1, 3 + random.nextInt(8), 10), new BigDecimal("2"),
                        "Formation ALISFA");
            }
        }
        vacatairesAndTrainees(centreId, year);

        // partners, conventions signed this year and last, permanences held at the centre
        Object[][] directory = {{"Ville d'Istres", "commune"}, {"CAF des Bouches-du-Rhône", "caf"},
                {"Département des Bouches-du-Rhône", "departement"}, {"État – Politique de la ville", "etat"},
                {"Région Sud", "region"}, {"Métropole Aix-Marseille", "intercommunalite"}, {"13 Habitat", "bailleur"},
                {"Mission locale Ouest Provence", "association"}, {"Maison départementale de la solidarité", "departement"},
                {"Point d'appui pour étrangers", "association"}, {"Sauvegarde 13", "association"}, {"PLIE", "association"},
                {"Déclic 13", "association"}, {"Les Petits Débrouillards", "association"}, {"Fête le mur", "association"},
                {"Association Nejma", "association"}, {"La Rose des sables", "association"}, {"École de Rassuen", "ecole"},
                {"Collège Alain Savary", "ecole"}, {"Centre médico-social", "sante"}};
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Object[] p : directory) {
            ids.put((String) p[0], partners.create(centreId, (String) p[0], (String) p[1], null));
        }
        List<Long> partnerIds = List.copyOf(ids.values());
        for (int y = year - 1; y <= year; y++) {
            for (int i = 0; i < 29; i++) {
                LocalDate start = LocalDate.of(y, 1 + i % 12, 1);
                partners.addConvention(centreId, partnerIds.get(i % partnerIds.size()), "Convention de partenariat n° " + (i + 1),
                        start, LocalDate.of(y, 12, 31), start.isBefore(today) ? start.plusDays(10) : null);
            }
        }
        String[][] permanences = {{"Maison départementale de la solidarité", "Permanence assistante sociale", "lundi matin"},
                {"Point d'appui pour étrangers", "Droits des étrangers", "mardi après-midi"},
                {"Sauvegarde 13", "Soutien aux familles", "mercredi matin"},
                {"Mission locale Ouest Provence", "Emploi des jeunes", "jeudi matin"},
                {"PLIE", "Accompagnement vers l'emploi", "jeudi après-midi"}, {"Déclic 13", "Insertion", "vendredi matin"}};
        for (String[] p : permanences) {
            partners.addPermanence(centreId, ids.get(p[0]), p[1], p[2], LocalDate.of(year - 3, 9, 1), null);
        }

        // products and charges of last year, this year's so far; grant applications with what is due soon
        Object[][] products = {{"Ville d'Istres", 38_000_000L}, {"CAF des Bouches-du-Rhône", 31_000_000L},
                {"Département des Bouches-du-Rhône", 4_500_000L}, {"État – Politique de la ville", 3_800_000L},
                {"Région Sud", 1_200_000L}, {null, 9_500_000L}};
        for (int y = year - 1; y <= year; y++) {
            for (Object[] p : products) {
                String label = p[0] == null ? "Participation des familles" : (String) p[0];
                long amount = (Long) p[1] * (y == year ? today.getDayOfYear() : 365) / 365;
                funding.saveProduct(centreId, y, p[0] == null ? null : ids.get(label), label, amount);
            }
        }
        funding.saveCharges(centreId, year - 1, 87_400_000L);
        funding.createGrant(centreId, new FundingService.NewGrant(ids.get("CAF des Bouches-du-Rhône"), year,
                "Fonds publics et territoires : accueil des adolescents", "Appel à projets FPT", today.plusDays(20), null,
                1_200_000L, null, "preparation"));
        funding.createGrant(centreId, new FundingService.NewGrant(ids.get("Département des Bouches-du-Rhône"), year,
                "Accompagnement des familles monoparentales", null, today.minusMonths(8), today.plusDays(40),
                1_500_000L, 1_200_000L, "accorde"));
        funding.createGrant(centreId, new FundingService.NewGrant(ids.get("État – Politique de la ville"), year,
                "Ateliers sociolinguistiques", "Contrat de ville", today.minusMonths(9), today.plusMonths(5),
                800_000L, 800_000L, "verse"));
        funding.createGrant(centreId, new FundingService.NewGrant(ids.get("Région Sud"), year,
                "Inclusion numérique des seniors", null, today.minusMonths(5), null, 600_000L, null, "refuse"));

        funding.addAgrement(centreId, "Centre social", "CAF", LocalDate.of(year - 2, 1, 1), LocalDate.of(year + 1, 12, 31), "CS-13-047");
        funding.addAgrement(centreId, "Accueil collectif de mineurs 4-11 ans", "SDJES", today.minusYears(3), today.plusMonths(4),
                "0130047CL000125");
        funding.addAgrement(centreId, "Accueil collectif de mineurs 12-17 ans", "SDJES", LocalDate.of(year - 1, 1, 1),
                LocalDate.of(year + 2, 12, 31), "0130047CL000126");

        socialProject(centreId, year);
    }

    private void meeting(long centreId, long body, LocalDate date, String agenda, Integer quorum, LocalDate today, Random random) {
        long id = governance.createMeeting(centreId, body, date, agenda, quorum);
        if (date.isBefore(today)) {
            Set<Long> came = new HashSet<>();
            governance.seats(centreId, id).forEach(s -> {
                if (random.nextInt(100) < 78) {
                    came.add(s.mandateId());
                }
            });
            governance.recordMeeting(centreId, id, came, "Décisions consignées au compte rendu.", null, quorum);
        }
    }

    private void socialProject(long centreId, int year) {
        long project = projects.createProject(centreId, "Ensemble aux quartiers Sud", year - 1);
        Object[][] plan = {
                {"Favoriser le lien social et la participation des habitants", "Rompre l'isolement des seniors",
                        "GYM-SEN", "activities.persons", "60"},
                {"Favoriser le lien social et la participation des habitants", "Développer le bénévolat",
                        null, "association.volunteers", "50"},
                {"Soutenir les familles dans leur rôle éducatif", "Accompagner la scolarité des enfants",
                        "CLAS-PRIM", "activities.persons", "40"},
                {"Soutenir les familles dans leur rôle éducatif", "Offrir des loisirs aux enfants du quartier",
                        "ACM-MER", "activities.persons", "250"},
                {"Faciliter l'accès aux droits et au numérique", "Accompagner les démarches", null, "reception.persons", "1700"},
                {"Faciliter l'accès aux droits et au numérique", "Apprendre le français", "FLE-A1", "activities.persons", "30"}};
        Map<String, Long> axes = new HashMap<>();
        Long firstObjective = null;
        for (Object[] row : plan) {
            long axis = axes.computeIfAbsent((String) row[0], title -> projects.addAxis(centreId, project, title));
            long objective = projects.addObjective(centreId, axis, (String) row[1]);
            firstObjective = firstObjective == null ? objective : firstObjective;
            if (row[2] != null) {
                jdbc.sql("select id from activities_activities where centre_id = ? and ref = ?").params(centreId, row[2]).query(Long.class)
                        .optional().ifPresent(a -> projects.linkActivity(centreId, objective, a));
            }
            projects.addSheet(centreId, objective, "Fiche-action : " + ((String) row[1]).toLowerCase(), null);
            projects.addIndicator(centreId, objective, "Réalisé (calculé par Trame)", (String) row[3], new BigDecimal((String) row[4]));
        }
        long typed = projects.addIndicator(centreId, firstObjective, "Seniors se disant moins seuls (enquête annuelle, %)", null,
                new BigDecimal("70"));
        projects.saveValue(centreId, typed, year - 1, new BigDecimal("64"));
    }
}
