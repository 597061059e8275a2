package fr.trame.demo;

import fr.trame.form.Refused;
import fr.trame.reception.CaseService;
import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.activities.ActivityImporter;
import fr.trame.activities.ActivityService;
import fr.trame.activities.EnrolmentService;
import fr.trame.activities.SessionService;
import fr.trame.attendance.AttendanceService;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import fr.trame.people.HouseholdService;
import fr.trame.people.MembershipService;
import fr.trame.people.PeopleImporter;
import fr.trame.people.PersonService;
import fr.trame.privacy.ErasureService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The set-based methods the owners offer to modules that own no table (the demonstration, privacy): each writes many
 * rows at once with the rules of its one-row sibling.
 */
@TrameTest
class BulkWritesTest {

    @Autowired Fixtures fixtures;
    @Autowired PeopleImporter people;
    @Autowired PersonService persons;
    @Autowired HouseholdService households;
    @Autowired MembershipService memberships;
    @Autowired ActivityImporter activityImporter;
    @Autowired ActivityService activities;
    @Autowired SessionService sessions;
    @Autowired EnrolmentService enrolments;
    @Autowired AttendanceService attendance;
    @Autowired ErasureService erasure;
    @Autowired CaseService cases;
    @Autowired JdbcClient jdbc;

    private Centre register() {
        Centre centre = fixtures.centre("bulk");
        people.importCsv(centre.id(), Fixtures.csv("""
                household_ref;person_ref;last_name;first_name;sex;birth_date;role;qf
                F1;P1;Durand;Amina;F;1980-03-14;responsable;450
                F1;P2;Durand;Youssef;M;2015-07-01;enfant;450
                F2;P3;Petit;Léa;F;1990-11-30;responsable;800
                """));
        return centre;
    }

    private long person(Centre centre, String ref) {
        return jdbc.sql("select id from persons where centre_id = ? and ref = ?").params(centre.id(), ref).query(Long.class).single();
    }

    private long household(Centre centre, String ref) {
        return jdbc.sql("select id from households where centre_id = ? and ref = ?").params(centre.id(), ref)
                .query(Long.class).single();
    }

    @Test
    void aRegisterTakenOverGetsItsPaymentsConsentsQfsAndCafNumbersAtOnce() {
        Centre centre = register();
        long amina = person(centre, "P1");
        long lea = person(centre, "P3");
        memberships.createSeason(centre.id(), LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31));
        long kept = memberships.create(centre.id(), new MembershipService.NewMembership("individuelle", null, amina, null,
                LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31), 1000, false, null, null));
        long cancelled = memberships.create(centre.id(), new MembershipService.NewMembership("individuelle", null, lea, null,
                LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31), 1000, false, null, null));
        memberships.cancel(centre.id(), cancelled, "erreur de saisie", 0);

        int paid = memberships.markPaid(centre.id(), List.of(new MembershipService.Payment(kept, LocalDate.of(2024, 9, 5), "cheque"),
                new MembershipService.Payment(cancelled, LocalDate.of(2024, 9, 5), "cheque")));

        assertThat(paid).isEqualTo(1); // a cancelled membership takes no payment, as with markPaid of one
        assertThat(memberships.find(centre.id(), kept).orElseThrow())
                .extracting(MembershipService.Membership::paid, MembershipService.Membership::paidOn,
                        MembershipService.Membership::paymentMode)
                .containsExactly(true, LocalDate.of(2024, 9, 5), "cheque");
        assertThat(memberships.find(centre.id(), cancelled).orElseThrow().paid()).isFalse();

        persons.recordConsents(centre.id(), List.of(new PersonService.NewConsent(amina, "droit_image", true, LocalDate.of(2024, 1, 2)),
                new PersonService.NewConsent(amina, "donnees", false, LocalDate.of(2024, 1, 3))));
        assertThat(persons.consents(centre.id(), amina)).extracting(PersonService.Consent::kind, PersonService.Consent::granted)
                .containsExactlyInAnyOrder(tuple("droit_image", true), tuple("donnees", false));
        assertThat(persons.consents(centre.id(), lea)).isEmpty();

        long f1 = household(centre, "F1");
        households.addQfs(centre.id(), List.of(new HouseholdService.NewQf(f1, LocalDate.of(2020, 1, 1), 410, "attestation_caf")));
        assertThat(households.qfHistory(centre.id(), f1)).extracting(HouseholdService.QfValue::amountEuros).contains(410, 450);
        households.setCafNumbers(centre.id(), Map.of(f1, "1234567"));
        assertThat(households.find(centre.id(), f1).orElseThrow().cafNumber()).isEqualTo("1234567");
        assertThat(households.find(centre.id(), household(centre, "F2")).orElseThrow().cafNumber()).isNull();
    }

    @Test
    void enrolmentsAndMarksGoInAtOnceWithoutDoublingWhatIsThere() {
        Centre centre = register();
        long amina = person(centre, "P1");
        long youssef = person(centre, "P2");
        activityImporter.importCsv(centre.id(), Fixtures.csv("activity_ref;name;sector\nCOUTURE;Couture;Adultes\n"));
        long activity = activities.list(centre.id()).get(0).id();
        enrolments.enrol(centre.id(), activity, amina, null);

        int enrolled = enrolments.enrolAll(centre.id(), activity, List.of(amina, youssef), OffsetDateTime.now().minusDays(30));

        assertThat(enrolled).isEqualTo(1); // Amina was already enrolled
        assertThat(enrolments.ofActivity(centre.id(), activity)).extracting(EnrolmentService.Enrolment::personId)
                .containsExactlyInAnyOrder(amina, youssef);

        long session = sessions.addOneOff(centre.id(), activity, LocalDate.now().minusDays(7), LocalTime.of(14, 0), LocalTime.of(16, 0));
        attendance.recordAll(centre.id(), List.of(new AttendanceService.Mark(session, amina, "absent")));
        int written = attendance.recordAll(centre.id(), List.of(new AttendanceService.Mark(session, amina, "present"),
                new AttendanceService.Mark(session, youssef, "excuse")));

        assertThat(written).isEqualTo(2);
        assertThat(jdbc.sql("select status from attendance where centre_id = ? and session_id = ? order by person_id")
                .params(centre.id(), session).query(String.class).list()).containsExactly("present", "excuse");

        // another centre's session or person is never written, whatever ids are given
        Centre other = fixtures.centre("bulk-autre");
        assertThat(attendance.recordAll(other.id(), List.of(new AttendanceService.Mark(session, amina, "present")))).isZero();
        assertThat(attendance.recordAll(centre.id(), List.of(new AttendanceService.Mark(session, Long.MAX_VALUE, "present"))))
                .isZero();
        assertThat(jdbc.sql("select count(*) from attendance where session_id = ?").param(session).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void caseFilesTakenOverGoInWithTheirFirstStepsInOneStatementAndOnlyForTheCentresStaff() {
        Centre centre = register();
        String username = fixtures.user(centre, Role.DIRECTION);
        long referent = jdbc.sql("select id from users where username = ?").param(username).query(Long.class).single();
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<Long> ids = cases.takeOver(centre.id(), List.of(
                new CaseService.TakenOver(person(centre, "P1"), null, referent, " Logement ", day, day.plusDays(1), "Entretien", null),
                new CaseService.TakenOver(null, household(centre, "F2"), referent, "Dettes", day, day.plusDays(2), "Budget", "Orientée")));

        assertThat(jdbc.sql("select subject from cases where centre_id = ? and id = any(?) order by array_position(?, id)")
                .params(centre.id(), ids.toArray(Long[]::new), ids.toArray(Long[]::new)).query(String.class).list())
                .containsExactly("Logement", "Dettes");
        assertThat(jdbc.sql("select note || '/' || coalesce(outcome, '-') from case_steps where centre_id = ? and case_id = ?")
                .params(centre.id(), ids.get(1)).query(String.class).list()).containsExactly("Budget/Orientée");

        String outsider = fixtures.user(fixtures.centre("bulk-ailleurs"), Role.DIRECTION);
        long stranger = jdbc.sql("select id from users where username = ?").param(outsider).query(Long.class).single();
        assertThatThrownBy(() -> cases.takeOver(centre.id(), List.of(
                new CaseService.TakenOver(person(centre, "P1"), null, stranger, "Autre", day, day, "x", null))))
                .isInstanceOf(Refused.class);
    }

    @Test
    void severalPersonsAreErasedAtOnceAsOneByOne() {
        Centre centre = register();
        long amina = person(centre, "P1");
        long youssef = person(centre, "P2");
        long lea = person(centre, "P3");
        CentreScope scope = new CentreScope(centre.id(), centre.code(), centre.name(), Role.DIRECTION, 0, "test", centre.zone());
        assertThat(erasure.erase(scope, lea, "à sa demande")).isTrue();

        assertThat(erasure.eraseAll(scope, Map.of(amina, "durée dépassée", youssef, "durée dépassée", lea, "encore")))
                .containsExactlyInAnyOrder(amina, youssef); // Léa already was
        assertThat(persons.find(centre.id(), amina).orElseThrow().anonymised()).isTrue();
        assertThat(persons.find(centre.id(), youssef).orElseThrow().anonymised()).isTrue();
        // everyone of F1 is anonymised: the household forgets its reference, as after two single erasures
        assertThat(jdbc.sql("select count(*) from households where centre_id = ? and ref is null").param(centre.id())
                .query(Long.class).single()).isEqualTo(2);
    }
}
