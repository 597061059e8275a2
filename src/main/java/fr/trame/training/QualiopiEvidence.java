package fr.trame.training;

import fr.trame.form.FrenchFormat;
import fr.trame.form.Parse;
import fr.trame.training.QualiopiFramework.Indicator;
import fr.trame.training.QualiopiLists.Complaints;
import fr.trame.training.QualiopiLists.Courses;
import fr.trame.training.QualiopiLists.Improvements;
import fr.trame.training.QualiopiLists.Listing;
import fr.trame.training.QualiopiLists.Registrations;
import fr.trame.training.QualiopiLists.Sessions;
import fr.trame.training.QualiopiLists.Trainers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The evidence Trame holds for each of the 32 Qualiopi indicators over a period, for the audit: counts of the
 * federation's records computed in SQL (sessions, registrations, attendance signed, evaluations, needs analysed,
 * trainers, complaints, improvement actions), each with the list of records behind it, and what is missing (a past
 * session with no sign-in, a course without objectives, a complaint left unanswered for more than 30 days).
 * A session belongs to the period by its first half-day; a complaint by the day it was received; an improvement
 * action by the day it was decided.
 */
@Service
public class QualiopiEvidence {

    /** The days a complaint may wait for its answer before it is flagged. */
    public static final int ANSWER_DAYS = 30;

    /** A period of days, both ends included (the SQL reads it half-open, up to the day after {@code to}). */
    public record Period(LocalDate from, LocalDate to) {

        public LocalDate end() {
            return to.plusDays(1);
        }

        /** The period as the pages' query string: {@code du=01/01/2025&au=31/12/2025}. */
        public String query() {
            return "du=" + from.format(Parse.FRENCH_DATE) + "&au=" + to.format(Parse.FRENCH_DATE);
        }

        public static Period year(int year) {
            return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
    }

    /** A piece of evidence: a figure, what it counts, and the list of records behind it (a path under the base). */
    public record Evidence(String figure, String text, String href) {
    }

    /** Something missing for an indicator: how many records lack it, and their list. */
    public record Missing(long count, String text, String href) {
    }

    /** One indicator as the audit page shows it for the period. */
    public record IndicatorEvidence(Indicator indicator, String criterion, List<Evidence> evidence, List<Missing> missing) {
    }

    /** The counts of every list for a period, by list, and the rates. */
    public record Figures(Map<String, Object> sessions, Map<String, Object> registrations, Map<String, Object> courses,
                          Map<String, Object> trainers, Map<String, Object> complaints, Map<String, Object> improvements) {

        public long count(Listing list) {
            Map<String, Object> of = list instanceof Sessions ? sessions : list instanceof Registrations ? registrations
                    : list instanceof Courses ? courses : list instanceof Trainers ? trainers
                    : list instanceof Complaints ? complaints : improvements;
            return ((Number) of.get(list.key())).longValue();
        }

        /** A rate (percent, one decimal) or a mean computed by the SQL, null when there is nothing to divide by. */
        public BigDecimal rate(String name) {
            Object v = registrations.containsKey(name) ? registrations.get(name) : complaints.get(name);
            return v == null ? null : new BigDecimal(v.toString());
        }
    }

    private final JdbcClient jdbc;

    public QualiopiEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the sets of rows of a period, as SQL: x sessions, g registrations, k courses, t trainers, q complaints,
    // i improvement actions

    static final String SESSIONS = """
            with x as (
                select s.id, s.course_id, c.title as course_title, c.custom, c.modality, s.place, s.status,
                       d.first_day, d.last_day, d.days, d.half_days,
                       (select sf.held from training_session_facts sf where sf.federation_id = s.federation_id
                            and sf.session_id = s.id) as held,
                       (select count(*) from training_registrations r where r.federation_id = s.federation_id
                            and r.session_id = s.id and r.state = 'inscrit') as registered,
                       (select count(*) from training_presences p
                            join training_registrations r on r.federation_id = p.federation_id and r.id = p.registration_id
                            where p.federation_id = s.federation_id and r.session_id = s.id) as presences,
                       (select count(*) from training_satisfactions a
                            where a.federation_id = s.federation_id and a.session_id = s.id) as satisfactions,
                       (select count(*) from training_session_trainers st where st.federation_id = s.federation_id
                            and st.session_id = s.id) as trainers,
                       (select count(*) from training_session_trainers st
                            join training_trainers tt on tt.federation_id = st.federation_id and tt.id = st.trainer_id
                            where st.federation_id = s.federation_id and st.session_id = s.id
                              and tt.kind = 'externe') as external_trainers
                from training_sessions s
                join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
                join training_session_spans d on d.federation_id = s.federation_id and d.session_id = s.id
                where s.federation_id = :f and d.first_day >= :from and d.first_day < :end
            )
            """;

    static final String REGISTRATIONS = SESSIONS + """
            , g as (
                select r.id, r.session_id, r.structure_id, st.name as structure, r.last_name, r.first_name, r.quality,
                       x.course_title, x.first_day, x.days, x.half_days,
                       (select count(*) from training_presences p where p.federation_id = r.federation_id
                            and p.registration_id = r.id) as present,
                       e.positioning, e.acquired, e.satisfaction, a.satisfied, n.id as needs_id, n.level, n.adaptation
                from training_registrations r
                join x on x.id = r.session_id
                left join federation_structures st on st.federation_id = r.federation_id and st.id = r.structure_id
                left join training_evaluations e on e.federation_id = r.federation_id and e.registration_id = r.id
                left join training_satisfactions a on a.federation_id = r.federation_id and a.registration_id = r.id
                left join training_needs n on n.federation_id = r.federation_id and n.registration_id = r.id
                where r.federation_id = :f and r.state = 'inscrit' and x.status <> 'annulee'
            )
            """;

    static final String COURSES = SESSIONS + """
            , k as (
                select c.id, c.title, c.audience, c.modality, c.custom, c.archived, st.name as requested_by,
                       nullif(trim(c.objectives), '') is not null as has_objectives,
                       nullif(trim(c.content), '') is not null as has_content,
                       nullif(trim(c.prerequisites), '') is not null as has_prerequisites,
                       (select count(*) from x where x.course_id = c.id and x.status <> 'annulee') as sessions,
                       exists (select 1 from training_needs n where n.federation_id = c.federation_id
                               and n.course_id = c.id) as has_needs
                from training_courses c
                left join federation_structures st on st.federation_id = c.federation_id and st.id = c.requested_by
                where c.federation_id = :f
            )
            """;

    static final String TRAINERS = SESSIONS + """
            , t as (
                select tr.id, tr.name, tr.kind, tr.organisation,
                       (select count(*) from training_session_trainers st join x on x.id = st.session_id
                        where st.federation_id = tr.federation_id and st.trainer_id = tr.id
                          and x.status <> 'annulee') as sessions
                from training_trainers tr where tr.federation_id = :f
            )
            """;

    static final String COMPLAINTS = complaintsWhere("c.received_on >= :from and c.received_on < :end");

    /** The complaints' set q, its rows chosen by {@code condition} (besides the federation). */
    static String complaintsWhere(String condition) {
        return """
            with q as (
                select c.id, c.received_on, c.structure_id, st.name as structure, c.session_id,
                       (select co.title from training_sessions s
                        join training_courses co on co.federation_id = s.federation_id and co.id = s.course_id
                        where s.federation_id = c.federation_id and s.id = c.session_id) as session,
                       c.complainant, c.channel, c.subject, c.description, c.status, c.response, c.handled_on,
                       c.action_taken, :today - c.received_on as age,
                       (select count(*) from training_improvements i where i.federation_id = c.federation_id
                            and i.complaint_id = c.id) as improvements
                from training_complaints c
                left join federation_structures st on st.federation_id = c.federation_id and st.id = c.structure_id
                where c.federation_id = :f and %s
            )
            """.formatted(condition);
    }

    static final String IMPROVEMENTS = improvementsWhere("i.decided_on >= :from and i.decided_on < :end");

    /** The improvement actions' set i, its rows chosen by {@code condition} (besides the federation). */
    static String improvementsWhere(String condition) {
        return """
            with i as (
                select i.id, i.decided_on, i.source, i.complaint_id, c.subject as complaint, i.course_id,
                       co.title as course, i.finding, i.action, i.status, i.done_on
                from training_improvements i
                left join training_complaints c on c.federation_id = i.federation_id and c.id = i.complaint_id
                left join training_courses co on co.federation_id = i.federation_id and co.id = i.course_id
                where i.federation_id = :f and %s
            )
            """.formatted(condition);
    }

    /** The counts of every list of the period, and the rates the results indicators show. */
    public Figures figures(long federationId, Period period, LocalDate today) {
        Map<String, Object> registrations = counts(REGISTRATIONS, "g", Registrations.values(), federationId, period, today,
                ", " + rate("satisfaction_rate", Registrations.SATISFAITES, Registrations.SATISFACTION)
                        + ", " + rate("completion_rate", Registrations.ACHEVEES, Registrations.FORMEES)
                        + ", " + rate("acquisition_rate", Registrations.ACQUIS, Registrations.EVALUEES)
                        + ", " + rate("collection_rate", Registrations.SATISFACTION, Registrations.FORMEES)
                        + ", " + rate("positioning_rate", Registrations.POSITIONNEES, Registrations.FORMEES)
                        + ", " + rate("needs_rate", Registrations.BESOINS, Registrations.CONVOQUEES)
                        + ", round(avg(satisfaction) filter (where " + Registrations.SATISFACTION.predicate()
                        + "), 1) as satisfaction_mean");
        Map<String, Object> complaints = counts(COMPLAINTS, "q", Complaints.values(), federationId, period, today,
                ", round(avg(handled_on - received_on) filter (where " + Complaints.TRAITEES.predicate()
                        + "), 1) as answer_days");
        return new Figures(
                counts(SESSIONS, "x", Sessions.values(), federationId, period, today, ""), registrations,
                counts(COURSES, "k", Courses.values(), federationId, period, today, ""),
                counts(TRAINERS, "t", Trainers.values(), federationId, period, today, ""), complaints,
                counts(IMPROVEMENTS, "i", Improvements.values(), federationId, period, today, ""));
    }

    private static String rate(String name, Listing part, Listing whole) {
        return "round(100.0 * count(*) filter (where " + part.predicate() + ") / nullif(count(*) filter (where "
                + whole.predicate() + "), 0), 1) as " + name;
    }

    private Map<String, Object> counts(String with, String set, Listing[] lists, long federationId, Period period,
                                       LocalDate today, String more) {
        String columns = Arrays.stream(lists)
                .map(l -> "count(*) filter (where " + l.predicate() + ") as " + l.key())
                .collect(Collectors.joining(", "));
        return jdbc.sql(with + "select " + columns + more + " from " + set)
                .param("f", federationId).param("from", Date.valueOf(period.from())).param("end", Date.valueOf(period.end()))
                .param("today", Date.valueOf(today)).query().singleRow();
    }

    // --- the lists

    public record SessionRow(long id, String courseTitle, String place, String status, LocalDate firstDay,
                             LocalDate lastDay, long days, long halfDays, long registered, long presences,
                             long satisfactions, long trainers, long externalTrainers) {
    }

    public record RegistrationRow(long id, long sessionId, Long structureId, String structure, String lastName,
                                  String firstName, String quality, String courseTitle, LocalDate firstDay,
                                  long halfDays, long present, Integer positioning, Integer acquired,
                                  Integer satisfaction, Long needsId, String level, String adaptation) {
    }

    public record CourseRow(long id, String title, String audience, String modality, boolean custom, boolean archived,
                            String requestedBy, boolean hasObjectives, boolean hasContent, boolean hasPrerequisites,
                            long sessions, boolean hasNeeds) {
    }

    public record TrainerRow(long id, String name, String kind, String organisation, long sessions) {
    }

    public List<SessionRow> sessions(long federationId, Period period, LocalDate today, Sessions list) {
        return list(SESSIONS, "x", list, "first_day, id", federationId, period, today).query(SessionRow.class).list();
    }

    public List<RegistrationRow> registrations(long federationId, Period period, LocalDate today, Registrations list) {
        return list(REGISTRATIONS, "g", list, "first_day, session_id, lower(last_name), lower(first_name), id", federationId,
                period, today).query(RegistrationRow.class).list();
    }

    public List<CourseRow> courses(long federationId, Period period, LocalDate today, Courses list) {
        return list(COURSES, "k", list, "lower(title), id", federationId, period, today).query(CourseRow.class).list();
    }

    public List<TrainerRow> trainers(long federationId, Period period, LocalDate today, Trainers list) {
        return list(TRAINERS, "t", list, "lower(name), id", federationId, period, today).query(TrainerRow.class).list();
    }

    JdbcClient.StatementSpec list(String with, String set, Listing list, String order, long federationId, Period period,
                                  LocalDate today) {
        return jdbc.sql(with + "select * from " + set + " where " + list.predicate() + " order by " + order)
                .param("f", federationId).param("from", Date.valueOf(period.from())).param("end", Date.valueOf(period.end()))
                .param("today", Date.valueOf(today));
    }

    // --- the 32 indicators

    /** Every indicator of the framework with the evidence of the period and what is missing. */
    public List<IndicatorEvidence> indicators(long federationId, Period period, LocalDate today) {
        Figures f = figures(federationId, period, today);
        List<IndicatorEvidence> all = new ArrayList<>();
        for (Indicator indicator : QualiopiFramework.INDICATORS) {
            List<Evidence> evidence = new ArrayList<>();
            List<Missing> missing = new ArrayList<>();
            if (indicator.applies()) {
                fill(indicator.number(), f, evidence, missing);
            }
            all.add(new IndicatorEvidence(indicator, QualiopiFramework.criterion(indicator.criterion()).title(),
                    List.copyOf(evidence), missing.stream().filter(m -> m.count() > 0).toList()));
        }
        return all;
    }

    private static final String SESSION_LIST = "/formation/qualiopi/sessions?liste=";
    private static final String REGISTRATION_LIST = "/formation/qualiopi/inscriptions?liste=";
    private static final String COURSE_LIST = "/formation/qualiopi/formations?liste=";
    private static final String TRAINER_LIST = "/formation/qualiopi/formateurs?liste=";
    private static final String COMPLAINT_LIST = "/formation/reclamations?liste=";
    private static final String IMPROVEMENT_LIST = "/formation/qualiopi/ameliorations?liste=";

    private static Evidence count(Figures f, Listing list, String text) {
        return new Evidence(FrenchFormat.integer(f.count(list)), text, href(list));
    }

    private static Evidence rate(Figures f, String rate, Listing list, String text) {
        return new Evidence(FrenchFormat.percent(f.rate(rate), 1), text, href(list));
    }

    private static Missing missing(Figures f, Listing list, String text) {
        return new Missing(f.count(list), text, href(list));
    }

    static String href(Listing list) {
        String base = list instanceof Sessions ? SESSION_LIST : list instanceof Registrations ? REGISTRATION_LIST
                : list instanceof Courses ? COURSE_LIST : list instanceof Trainers ? TRAINER_LIST
                : list instanceof Complaints ? COMPLAINT_LIST : IMPROVEMENT_LIST;
        return base + list.slug();
    }

    /** What Trame holds for one indicator that applies, from the period's counts. */
    private static void fill(int number, Figures f, List<Evidence> e, List<Missing> m) {
        switch (number) {
            case 1 -> {
                e.add(count(f, Courses.CATALOGUE, "formation(s) publiée(s) au catalogue"));
                e.add(count(f, Courses.FICHES_COMPLETES, "fiche(s) complète(s) : objectifs, programme, prérequis, durée, "
                        + "modalité"));
                e.add(count(f, Sessions.MAINTENUES, "session(s) proposée(s) sur la période"));
                m.add(missing(f, Courses.FICHES_INCOMPLETES, "formation(s) du catalogue à la fiche incomplète"));
            }
            case 2 -> {
                e.add(count(f, Registrations.FORMEES, "stagiaire(s) formé·e·s sur la période"));
                e.add(count(f, Sessions.TENUES, "session(s) tenue(s)"));
                e.add(rate(f, "satisfaction_rate", Registrations.SATISFAITES, "de stagiaires satisfait·e·s (4 ou 5 sur 5)"
                        + (f.rate("satisfaction_mean") == null ? "" : ", moyenne " + FrenchFormat.number(f.rate("satisfaction_mean"))
                        + " sur 5")));
                e.add(rate(f, "completion_rate", Registrations.ACHEVEES, "d'achèvement (présent·e·s à toutes les "
                        + "demi-journées)"));
                e.add(rate(f, "acquisition_rate", Registrations.ACQUIS, "d'objectifs atteints (acquis 3 ou 4 sur 4)"));
            }
            case 4 -> {
                e.add(count(f, Registrations.BESOINS, "analyse(s) du besoin pour " + FrenchFormat.integer(
                        f.count(Registrations.CONVOQUEES)) + " inscrit·e·s (" + FrenchFormat.percent(f.rate("needs_rate"), 1)
                        + ")"));
                e.add(count(f, Courses.SUR_MESURE_ANALYSEES, "formation(s) sur mesure dont le besoin de la structure est "
                        + "analysé"));
                m.add(missing(f, Registrations.SANS_BESOINS, "inscrit·e·s sans analyse du besoin"));
                m.add(missing(f, Courses.SUR_MESURE_SANS_BESOINS, "formation(s) sur mesure sans analyse du besoin"));
            }
            case 5 -> {
                e.add(count(f, Courses.AVEC_OBJECTIFS, "formation(s) donnée(s) sur " + FrenchFormat.integer(
                        f.count(Courses.DONNEES)) + " avec des objectifs écrits"));
                m.add(missing(f, Courses.SANS_OBJECTIFS, "formation(s) sans objectifs écrits"));
            }
            case 6 -> {
                e.add(count(f, Courses.AVEC_PROGRAMME, "formation(s) donnée(s) sur " + FrenchFormat.integer(
                        f.count(Courses.DONNEES)) + " avec leur programme, leur durée et leur modalité"));
                m.add(missing(f, Courses.SANS_PROGRAMME, "formation(s) sans programme écrit"));
            }
            case 8 -> {
                e.add(count(f, Registrations.POSITIONNEES, "stagiaire(s) positionné·e·s à l'entrée ("
                        + FrenchFormat.percent(f.rate("positioning_rate"), 1) + " des formé·e·s)"));
                m.add(missing(f, Registrations.SANS_POSITIONNEMENT, "stagiaire(s) formé·e·s sans positionnement"));
            }
            case 9 -> {
                e.add(count(f, Registrations.CONVOQUEES, "convocation(s) pour les sessions de la période"));
                e.add(count(f, Sessions.MAINTENUES, "session(s) avec leurs dates, demi-journées et lieu"));
                m.add(missing(f, Sessions.SANS_LIEU, "session(s) en présentiel sans lieu indiqué"));
            }
            case 10 -> {
                e.add(count(f, Registrations.ADAPTATIONS, "adaptation(s) prévue(s) après l'analyse du besoin"));
                e.add(count(f, Sessions.TENUES, "session(s) avec émargement par demi-journée"));
                m.add(missing(f, Sessions.SANS_EMARGEMENT, "session(s) passée(s) sans émargement"));
            }
            case 11 -> {
                e.add(count(f, Registrations.EVALUEES, "stagiaire(s) dont les acquis sont évalués"));
                e.add(count(f, Registrations.ACQUIS, "stagiaire(s) ayant atteint les objectifs"));
                e.add(count(f, Registrations.FORMEES, "attestation(s) de présence à délivrer"));
                m.add(missing(f, Registrations.SANS_EVALUATION, "stagiaire(s) formé·e·s sans évaluation des acquis"));
            }
            case 12 -> {
                e.add(count(f, Sessions.LONGUES, "session(s) de plus de deux jours (seules concernées)"));
                e.add(count(f, Registrations.LONGUES, "stagiaire(s) de ces sessions"));
                m.add(missing(f, Registrations.INTERROMPUES, "stagiaire(s) absent·e·s à une partie d'une session longue : "
                        + "relances à montrer"));
            }
            case 17 -> {
                e.add(count(f, Trainers.PERIODE, "formateur(s) ou formatrice(s) intervenu·e·s"));
                e.add(count(f, Sessions.AVEC_FORMATEUR, "session(s) dont les formateurs sont désignés"));
                m.add(missing(f, Sessions.SANS_FORMATEUR, "session(s) sans formateur désigné"));
            }
            case 18 -> {
                e.add(count(f, Trainers.INTERNES, "intervenant·e·s interne(s)"));
                e.add(count(f, Trainers.EXTERNES, "intervenant·e·s extérieur·e·s"));
            }
            case 19 -> {
                e.add(count(f, Courses.AVEC_PROGRAMME, "programme(s) remis aux stagiaires"));
                e.add(count(f, Courses.A_DISTANCE, "formation(s) à distance ou mixte(s) : ressources en ligne à montrer"));
            }
            case 21 -> e.add(count(f, Trainers.PERIODE, "intervenant·e·s dont montrer les compétences (CV, expériences)"));
            case 22 -> e.add(count(f, Registrations.EQUIPE, "personne(s) de l'équipe de la fédération formée(s)"));
            case 23, 24, 25 -> e.add(count(f, Improvements.VEILLE, "action(s) d'amélioration issue(s) de la veille"));
            case 26 -> {
                e.add(count(f, Registrations.ADAPTATIONS, "adaptation(s) prévue(s) (handicap ou autre contrainte)"));
                e.add(count(f, Registrations.BESOINS, "analyse(s) du besoin qui posent la question"));
            }
            case 27 -> {
                e.add(count(f, Sessions.SOUS_TRAITEES, "session(s) confiée(s) à un intervenant extérieur"));
                e.add(count(f, Trainers.EXTERNES, "intervenant·e·s extérieur·e·s dont montrer la convention"));
            }
            case 30 -> {
                e.add(count(f, Registrations.SATISFACTION, "satisfaction(s) recueillie(s) pour " + FrenchFormat.integer(
                        f.count(Registrations.FORMEES)) + " stagiaire(s) formé·e·s (" + FrenchFormat.percent(
                        f.rate("collection_rate"), 1) + ")"));
                m.add(missing(f, Sessions.SANS_SATISFACTION, "session(s) tenue(s) sans aucune satisfaction recueillie"));
            }
            case 31 -> {
                e.add(count(f, Complaints.RECUES, "réclamation(s) reçue(s)"));
                e.add(count(f, Complaints.TRAITEES, f.rate("answer_days") == null ? "traitée(s)"
                        : "traitée(s), en " + FrenchFormat.number(f.rate("answer_days")) + " jour(s) en moyenne"));
                e.add(count(f, Complaints.OUVERTES, "en attente de réponse"));
                e.add(count(f, Complaints.DANS_LES_DELAIS, "traitée(s) en " + ANSWER_DAYS + " jours ou moins"));
                m.add(missing(f, Complaints.EN_RETARD, "réclamation(s) sans réponse depuis plus de " + ANSWER_DAYS
                        + " jours"));
            }
            case 32 -> {
                e.add(count(f, Improvements.TOUTES, "action(s) d'amélioration décidée(s)"));
                e.add(count(f, Improvements.REALISEES, "réalisée(s)"));
                e.add(count(f, Improvements.EN_COURS, "en cours"));
                e.add(count(f, Improvements.PREVUES, "prévue(s)"));
                e.add(count(f, Complaints.SUIVIES, "réclamation(s) suivie(s) d'une action d'amélioration"));
            }
            default -> throw new IllegalStateException("indicator " + number + " applies but has no evidence");
        }
    }
}
