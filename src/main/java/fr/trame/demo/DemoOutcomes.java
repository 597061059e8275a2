package fr.trame.demo;

import fr.trame.activities.EnrolmentService;
import fr.trame.centre.Centre;
import fr.trame.reception.CaseService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Outcomes for the demonstration (issue 18): the oldest case files closed with an outcome of the centre's list, and
 * the French-language workshop (FLE A1, an insertion path) with some participants' outcomes, this year.
 */
@Component
class DemoOutcomes {

    private static final String[] CASE_OUTCOMES = {"droits_ouverts", "logement"};
    private static final String[] PARTICIPANT_OUTCOMES = {"formation", "emploi", "orientation", "formation", "abandon", "emploi"};

    private final CaseService cases;
    private final EnrolmentService enrolments;
    private final JdbcClient jdbc;

    DemoOutcomes(CaseService cases, EnrolmentService enrolments, JdbcClient jdbc) {
        this.cases = cases;
        this.enrolments = enrolments;
        this.jdbc = jdbc;
    }

    /** After the case files and the enrolments are drawn; {@code referent} follows the files (a direction account). */
    void fill(Centre centre, long referent, LocalDate today) {
        List<Long> oldest = jdbc.sql("""
                select id from reception_cases where centre_id = ? and referent_user_id = ? and closed_on is null
                order by opened_on, id limit 2""").params(centre.id(), referent).query(Long.class).list();
        for (int i = 0; i < oldest.size(); i++) {
            cases.closeTakenOver(centre.id(), oldest.get(i), today.minusDays(3L + i), CASE_OUTCOMES[i]);
        }
        List<Long> participants = jdbc.sql("""
                select e.id from activities_enrolments e join activities_activities a on a.centre_id = e.centre_id and a.id = e.activity_id
                where e.centre_id = ? and a.ref = 'FLE-A1' and e.status = 'inscrit' order by e.id""")
                .param(centre.id()).query(Long.class).list();
        LocalDate january = today.withDayOfYear(1);
        for (int i = 0; i < Math.min(PARTICIPANT_OUTCOMES.length, participants.size()); i++) {
            LocalDate on = today.minusDays(7L * i).isBefore(january) ? january : today.minusDays(7L * i);
            enrolments.setOutcome(centre.id(), participants.get(i), PARTICIPANT_OUTCOMES[i], on);
        }
    }
}
