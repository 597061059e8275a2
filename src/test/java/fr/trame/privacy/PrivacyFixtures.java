package fr.trame.privacy;

import fr.trame.Fixtures;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.EnrolmentService;
import fr.trame.association.GovernanceService;
import fr.trame.association.VolunteerService;
import fr.trame.attendance.AttendanceImporter;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.CentreScopeResolver;
import fr.trame.centre.Role;
import fr.trame.people.MembershipImporter;
import fr.trame.people.PeopleImporter;
import fr.trame.people.PersonService;
import fr.trame.reception.CaseService;
import fr.trame.reception.ContactService;
import fr.trame.reception.ReceptionImporter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static fr.trame.Fixtures.csv;

/**
 * A centre where Amina Diallo has data in every module, and her son Youssef goes to the ACM around his sixth
 * birthday. Both have a birthday next to their days at the centre, so an age band moves if their birth date is
 * coarsened carelessly: Amina turns 60 on 20 March 2026 (present on the 10th, absent on the 17th, a contact on the 25th), Youssef
 * turns 6 on 15 June 2025 (ACM on the 10th, 20th and 25th).
 */
@Component
class PrivacyFixtures {

    record Centred(Centre centre, String direction, CentreScope scope, long amina, long youssef) {
    }

    static final String NOTE = "Relevé de carrière incomplet : trimestres de 1998 manquants";
    static final String CONTACT_NOTE = "Aide au dossier CAF, garde alternée";

    private final Fixtures fixtures;
    private final CentreScopeResolver scopes;
    private final PeopleImporter people;
    private final MembershipImporter memberships;
    private final ActivityImporter activities;
    private final AttendanceImporter attendance;
    private final ReceptionImporter reception;
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final ContactService contacts;
    private final CaseService cases;
    private final VolunteerService volunteers;
    private final GovernanceService governance;
    private final JdbcClient jdbc;

    PrivacyFixtures(Fixtures fixtures, CentreScopeResolver scopes, PeopleImporter people, MembershipImporter memberships,
                    ActivityImporter activities, AttendanceImporter attendance, ReceptionImporter reception,
                    PersonService persons, EnrolmentService enrolments, ContactService contacts, CaseService cases,
                    VolunteerService volunteers, GovernanceService governance, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.scopes = scopes;
        this.people = people;
        this.memberships = memberships;
        this.activities = activities;
        this.attendance = attendance;
        this.reception = reception;
        this.persons = persons;
        this.enrolments = enrolments;
        this.contacts = contacts;
        this.cases = cases;
        this.volunteers = volunteers;
        this.governance = governance;
        this.jdbc = jdbc;
    }

    Centred everywhere() {
        Centre centre = fixtures.centre("rgpd");
        String direction = fixtures.user(centre, Role.DIRECTION);
        CentreScope scope = scopes.resolve(centre.code(), direction);
        long c = centre.id();
        people.importCsv(c, csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;address;postcode;commune;quartier;qpv;qf;phone;email
                H1;AMINA;Diallo;Amina;F;1966-03-20;responsable;12 rue des Lilas;13800;Istres;Les Tilleuls;oui;450;06 12 34 56 78;amina.diallo@example.org
                H1;YOUSSEF;Diallo;Youssef;M;2019-06-15;enfant;12 rue des Lilas;13800;Istres;Les Tilleuls;oui;450;;
                H2;CAROLE;Petit;Carole;F;1990-01-10;responsable;;;;Le Moulin;non;1300;;
                """));
        long amina = id("persons", c, "AMINA");
        long youssef = id("persons", c, "YOUSSEF");
        persons.recordConsent(c, amina, "droit_image", true, LocalDate.of(2025, 9, 3));
        memberships.importCsv(c, csv("""
                membership_ref;type;household_ref;person_ref;organisation;start_date;end_date;amount
                M1;familiale;H1;;;2025-09-01;2026-08-31;15
                M2;individuelle;;AMINA;;2024-09-01;2025-08-31;8
                M3;individuelle;;CAROLE;;2025-09-01;2026-08-31;8
                """));
        activities.importCsv(c, csv("""
                activity_ref;name;sector;kind
                COUTURE;Atelier couture;Adultes;atelier
                ALSH;Accueil de loisirs;Enfance;acm
                """));
        attendance.importCsv(c, csv("""
                activity_ref;date;start;end;person_ref;headcount;status
                COUTURE;2026-03-10;14:00;16:00;AMINA;;present
                COUTURE;2026-03-10;14:00;16:00;CAROLE;;present
                COUTURE;2026-03-17;14:00;16:00;AMINA;;absent
                COUTURE;2026-03-17;14:00;16:00;CAROLE;;present
                ALSH;2025-06-10;09:00;17:00;YOUSSEF;;present
                ALSH;2025-06-20;09:00;17:00;YOUSSEF;;present
                ALSH;2025-06-25;09:00;12:00;YOUSSEF;;present
                """));
        reception.importCsv(c, csv("""
                date;person_ref;channel;theme;status
                2026-03-25;AMINA;accueil;retraite;
                2026-03-25;CAROLE;telephone;caf;
                """));
        contacts.log(c, new ContactService.NewContact(LocalDate.of(2025, 11, 5), LocalTime.of(10, 0), amina, "rdv",
                List.of("caf"), 30, "honore", scope.userId(), CONTACT_NOTE, "Assistante sociale du Département",
                scope.userId()));
        enrolments.enrol(c, id("activities", c, "COUTURE"), amina, "Accompagne une voisine");
        long caseId = cases.open(scope, amina, null, scope.userId(), "Dossier retraite", LocalDate.of(2025, 11, 5));
        cases.addStep(scope, caseId, LocalDate.of(2025, 11, 5), NOTE, "Demande de relevé envoyée");
        cases.addDocument(scope, caseId, "Relevé de carrière Diallo.pdf");
        long volunteer = volunteers.register(c, amina, List.of("activite"), "Couture, arabe littéraire",
                LocalDate.of(2025, 1, 1));
        volunteers.logHours(c, volunteer, LocalDate.of(2025, 10, 1), new BigDecimal("3.50"),
                id("activities", c, "COUTURE"), null, scope.userId());
        long board = governance.bodies(c).stream().filter(b -> b.kind().equals("ca")).findFirst().orElseThrow().id();
        long mandate = governance.createMandate(c, new GovernanceService.NewMandate(board, amina, null, "tresorier",
                "habitant", LocalDate.of(2025, 6, 1), null, true, true));
        long meeting = governance.createMeeting(c, board, LocalDate.of(2025, 10, 15), "Budget", 1);
        governance.recordMeeting(c, meeting, Set.of(mandate), "Budget voté", "Compte rendu", 1);
        return new Centred(centre, direction, scope, amina, youssef);
    }

    long id(String table, long centreId, String ref) {
        return jdbc.sql("select id from " + table + " where centre_id = ? and ref = ?").params(centreId, ref)
                .query(Long.class).single();
    }
}
