package fr.trame.reception;

import fr.trame.form.Refused;
import fr.trame.form.Forbidden;
import fr.trame.form.NotFound;
import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.centre.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Follow-up case files (accompagnement individuel). Their content is confidential: only the referent, the staff the
 * case is shared with, and direction read it, and every read is written to the audit log.
 */
@Service
public class CaseService {

    /** What anyone allowed to see the person sees of a case: that it exists, who follows it, and whether they may open it. */
    public record Summary(long id, String subject, String referentName, LocalDate openedOn, LocalDate closedOn,
                          boolean readable, boolean ofHousehold) {
    }

    public record CaseFile(long id, Long personId, Long householdId, String holder, long referentUserId,
                           String referentName, String subject, LocalDate openedOn, LocalDate closedOn, String outcome,
                           List<Step> steps, List<Document> documents, List<Share> shares, String outcomeCode) {
    }

    public record Step(long id, LocalDate date, String note, String outcome, String authorName) {
    }

    public record Document(long id, String name, LocalDate addedOn) {
    }

    public record Share(long userId, String displayName) {
    }

    /** The access rule, in SQL: referent, shared with, or direction. */
    private static final String READABLE = """
            (c.referent_user_id = :user or :direction
             or exists (select 1 from case_shares s where s.centre_id = c.centre_id and s.case_id = c.id and s.user_id = :user))""";

    /** The roles of the centre's team, who may read a case shared with them (Role#takesAttendance), as SQL. */
    private static final String STAFF_ROLES = Arrays.stream(Role.values()).filter(Role::takesAttendance)
            .map(r -> "'" + r.code() + "'").collect(Collectors.joining(", "));

    /** What replaces an erased subject, outcome, note or document name (the columns may not be empty). */
    private static final String ERASED = "Effacé (personne anonymisée)";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CaseOutcomeService outcomes;

    public CaseService(JdbcClient jdbc, AuditLog audit, CaseOutcomeService outcomes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.outcomes = outcomes;
    }

    @Transactional
    public long open(CentreScope scope, Long personId, Long householdId, long referentUserId, String subject,
                     LocalDate openedOn) {
        long id = jdbc.sql("""
                insert into cases (centre_id, person_id, household_id, referent_user_id, subject, opened_on)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(scope.id(), personId, householdId, referentUserId, subject.trim(), openedOn)
                .query(Long.class).single();
        audit.record(scope.id(), scope.userId(), "ouverture", "dossier", id, subject.trim());
        return id;
    }

    public List<Summary> ofPerson(CentreScope scope, long personId) {
        return summaries(scope, "c.person_id = :holder or c.household_id in (select hm.household_id from people_household_members hm"
                + " where hm.centre_id = c.centre_id and hm.person_id = :holder)", personId);
    }

    public List<Summary> ofHousehold(CentreScope scope, long householdId) {
        return summaries(scope, "c.household_id = :holder or c.person_id in (select hm.person_id from people_household_members hm"
                + " where hm.centre_id = c.centre_id and hm.household_id = :holder)", householdId);
    }

    private List<Summary> summaries(CentreScope scope, String holderCondition, long holder) {
        return jdbc.sql("select c.id, c.subject, u.display_name as referent_name, c.opened_on, c.closed_on, "
                        + READABLE + " as readable, c.person_id is null as of_household"
                        + " from cases c join centre_users u on u.id = c.referent_user_id"
                        + " where c.centre_id = :centre and (" + holderCondition + ") order by c.opened_on desc")
                .param("centre", scope.id()).param("user", scope.userId())
                .param("direction", scope.role() == Role.DIRECTION).param("holder", holder)
                .query(Summary.class).list();
    }

    /** The whole file, for those allowed; the read is logged. Others get 403, and the refusal is logged too. */
    @Transactional
    public CaseFile read(CentreScope scope, long caseId) {
        requireReadable(scope, caseId);
        audit.record(scope.id(), scope.userId(), "lecture", "dossier", caseId, null);
        return jdbc.sql("""
                select c.id, c.person_id, c.household_id,
                       coalesce((select p.first_name || ' ' || p.last_name from people_persons p
                                 where p.centre_id = c.centre_id and p.id = c.person_id), 'Foyer n° ' || c.household_id) as holder,
                       c.referent_user_id, u.display_name as referent_name, c.subject, c.opened_on, c.closed_on, c.outcome,
                       coalesce(o.label, c.outcome) as outcome_label
                from cases c join centre_users u on u.id = c.referent_user_id
                left join case_outcomes o on o.centre_id = c.centre_id and o.code = c.outcome
                where c.centre_id = ? and c.id = ?""")
                .params(scope.id(), caseId)
                .query((rs, n) -> new CaseFile(rs.getLong("id"), (Long) rs.getObject("person_id"),
                        (Long) rs.getObject("household_id"), rs.getString("holder"), rs.getLong("referent_user_id"),
                        rs.getString("referent_name"), rs.getString("subject"),
                        rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                        rs.getString("outcome_label"), steps(scope.id(), caseId), documents(scope.id(), caseId),
                        shares(scope.id(), caseId), rs.getString("outcome")))
                .single();
    }

    @Transactional
    public void addStep(CentreScope scope, long caseId, LocalDate date, String note, String outcome) {
        requireReadable(scope, caseId);
        jdbc.sql("insert into case_steps (centre_id, case_id, date, note, outcome, author_id) values (?, ?, ?, ?, ?, ?)")
                .params(scope.id(), caseId, date, note.trim(), outcome == null || outcome.isBlank() ? null : outcome.trim(),
                        scope.userId()).update();
        audit.record(scope.id(), scope.userId(), "ajout d'une étape", "dossier", caseId, null);
    }

    @Transactional
    public void addDocument(CentreScope scope, long caseId, String name) {
        requireReadable(scope, caseId);
        jdbc.sql("insert into case_documents (centre_id, case_id, name) values (?, ?, ?)")
                .params(scope.id(), caseId, name.trim()).update();
        audit.record(scope.id(), scope.userId(), "ajout d'un document", "dossier", caseId, name.trim());
    }

    /**
     * Only the referent (or direction) shares a case, with the centre's team: an enabled account whose role here
     * works with the public. False, and nothing shared, for anyone else (a federation account cannot open it).
     */
    @Transactional
    public boolean share(CentreScope scope, long caseId, long userId) {
        requireReferentOrDirection(scope, caseId);
        boolean staff = jdbc.sql("""
                select exists (select 1 from centre_user_roles r join centre_users u on u.id = r.user_id
                               where r.centre_id = ? and r.user_id = ? and u.enabled and r.role in (""" + STAFF_ROLES + "))")
                .params(scope.id(), userId).query(Boolean.class).single();
        if (!staff) {
            return false;
        }
        jdbc.sql("insert into case_shares (centre_id, case_id, user_id) values (?, ?, ?) on conflict do nothing")
                .params(scope.id(), caseId, userId).update();
        audit.record(scope.id(), scope.userId(), "partage", "dossier", caseId, "utilisateur " + userId);
        return true;
    }

    /** Closes the file with one of the centre's outcomes (its code); any other is refused, in French. */
    @Transactional
    public void close(CentreScope scope, long caseId, LocalDate on, String outcome) {
        requireReferentOrDirection(scope, caseId);
        CaseOutcomeService.CaseOutcome chosen = outcomes.choosable(scope.id(), outcome == null ? "" : outcome.trim())
                .orElseThrow(() -> new Refused("Choisissez l'issue de l'accompagnement dans la liste du centre."));
        boolean open = jdbc.sql("select closed_on is null and opened_on <= ? from cases where centre_id = ? and id = ?")
                .params(on, scope.id(), caseId).query(Boolean.class).single();
        if (!open) {
            throw new Refused("Ce dossier est déjà clos, ou sa date d'ouverture suit celle de la clôture.");
        }
        jdbc.sql("update cases set closed_on = ?, outcome = ? where centre_id = ? and id = ?")
                .params(on, chosen.code(), scope.id(), caseId).update();
        audit.record(scope.id(), scope.userId(), "clôture", "dossier", caseId, chosen.label());
    }

    private void requireReadable(CentreScope scope, long caseId) {
        Optional<Boolean> readable = jdbc.sql("select " + READABLE + " from cases c where c.centre_id = :centre and c.id = :case")
                .param("centre", scope.id()).param("case", caseId).param("user", scope.userId())
                .param("direction", scope.role() == Role.DIRECTION).query(Boolean.class).optional();
        if (readable.isEmpty()) {
            throw new NotFound("Dossier introuvable.");
        }
        if (!readable.get()) {
            audit.record(scope.id(), scope.userId(), "accès refusé", "dossier", caseId, null);
            throw new Forbidden("Ce dossier est confidentiel : seuls sa référente ou son référent, les personnes avec qui il est "
                    + "partagé et la direction le lisent.");
        }
    }

    private void requireReferentOrDirection(CentreScope scope, long caseId) {
        requireReadable(scope, caseId);
        boolean allowed = scope.role() == Role.DIRECTION || jdbc.sql(
                        "select referent_user_id = ? from cases where centre_id = ? and id = ?")
                .params(scope.userId(), scope.id(), caseId).query(Boolean.class).single();
        if (!allowed) {
            throw new Forbidden("Réservé à la référente ou au référent du dossier, et à la direction.");
        }
    }

    private List<Step> steps(long centreId, long caseId) {
        return jdbc.sql("""
                select s.id, s.date, s.note, s.outcome, u.display_name as author_name
                from case_steps s left join centre_users u on u.id = s.author_id
                where s.centre_id = ? and s.case_id = ? order by s.date, s.id""")
                .params(centreId, caseId).query(Step.class).list();
    }

    private List<Document> documents(long centreId, long caseId) {
        return jdbc.sql("select id, name, added_on from case_documents where centre_id = ? and case_id = ? order by added_on, id")
                .params(centreId, caseId).query(Document.class).list();
    }

    private List<Share> shares(long centreId, long caseId) {
        return jdbc.sql("""
                select s.user_id, u.display_name from case_shares s join centre_users u on u.id = s.user_id
                where s.centre_id = ? and s.case_id = ?
                  -- a share given before to an account that cannot open it (federation) is not shown as one
                  and exists (select 1 from centre_user_roles r where r.centre_id = s.centre_id and r.user_id = s.user_id
                              and r.role in (""" + STAFF_ROLES + """
                ))
                order by u.display_name""")
                .params(centreId, caseId).query(Share.class).list();
    }

    /**
     * Erases the contents of the persons' case files, and of the given households' (those where everyone is
     * anonymised): subject, step notes and outcomes, document names, and their copies in the audit log.
     * Dates, referents, steps, documents and the file's outcome (a code of the centre's list, which the figures count)
     * stay. Returns the case ids.
     */
    @Transactional
    public List<Long> anonymise(long centreId, Collection<Long> personIds, List<Long> householdIds) {
        List<Long> ids = jdbc.sql("""
                update cases set subject = :erased
                where centre_id = :centre and (person_id = any(:persons) or household_id = any(:households))
                returning id""")
                .param("erased", ERASED).param("centre", centreId).param("persons", personIds.toArray(Long[]::new))
                .param("households", householdIds.toArray(Long[]::new)).query(Long.class).list();
        Long[] cases = ids.toArray(Long[]::new);
        jdbc.sql("update case_steps set note = ?, outcome = null where centre_id = ? and case_id = any(?)")
                .params(ERASED, centreId, cases).update();
        jdbc.sql("update case_documents set name = ? where centre_id = ? and case_id = any(?)")
                .params(ERASED, centreId, cases).update();
        audit.forgetDetails(centreId, "dossier", ids);
        return ids;
    }

    /**
     * The case-file figures of a period (interchange.md, {@code reception.cases}), each as a condition on the columns
     * {@code opened_on}, {@code closed_on} (of cases, or of the view reception_case_outcomes) and the period's
     * {@code :from} and {@code :to}: the figures and the lists behind them share these definitions.
     */
    public enum PeriodFigure {
        OPENED("opened_on between :from and :to"),
        CLOSED("closed_on between :from and :to"),
        ACTIVE("opened_on <= :to and (closed_on is null or closed_on >= :from)");

        private final String sql;

        PeriodFigure(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** A case file behind a figure, as its list shows it to someone who may open it. */
    public record Counted(long id, String holder, String subject, String referentName, LocalDate openedOn, LocalDate closedOn,
                          String outcome) {
    }

    /** The files behind a figure: those the user may open, and how many others the figure counts. */
    public record CountedFiles(List<Counted> readable, long hidden) {
    }

    /**
     * The case files a period's figure counts ({@code outcome}, when given, keeps the files closed with it), split by
     * the access rule: the user's list holds only files they may open (referent, shared with, direction); the others
     * are only counted. Listing is not reading: no audit entry, and no content beyond what a person's page shows.
     */
    public CountedFiles countedIn(CentreScope scope, LocalDate from, LocalDate to, PeriodFigure figure, String outcome) {
        String where = " from cases c where c.centre_id = :centre and " + figure.sql().replace("opened_on", "c.opened_on")
                .replace("closed_on", "c.closed_on") + " and (cast(:outcome as text) is null or c.outcome = :outcome)";
        List<Counted> readable = jdbc.sql("""
                select c.id,
                       coalesce((select p.first_name || ' ' || p.last_name from people_persons p
                                 where p.centre_id = c.centre_id and p.id = c.person_id), 'Foyer n° ' || c.household_id) as holder,
                       c.subject, (select u.display_name from centre_users u where u.id = c.referent_user_id) as referent_name,
                       c.opened_on, c.closed_on,
                       coalesce((select o.label from case_outcomes o where o.centre_id = c.centre_id and o.code = c.outcome),
                                c.outcome) as outcome""" + where + " and " + READABLE + " order by c.opened_on, c.id")
                .params(periodParams(scope, from, to, outcome)).query(Counted.class).list();
        long all = jdbc.sql("select count(*)" + where).params(periodParams(scope, from, to, outcome)).query(Long.class).single();
        return new CountedFiles(readable, all - readable.size());
    }

    private static Map<String, Object> periodParams(CentreScope scope, LocalDate from, LocalDate to, String outcome) {
        Map<String, Object> params = new HashMap<>();
        params.put("centre", scope.id());
        params.put("from", from);
        params.put("to", to);
        params.put("outcome", outcome == null || outcome.isBlank() ? null : outcome);
        params.put("user", scope.userId());
        params.put("direction", scope.role() == Role.DIRECTION);
        return params;
    }

    /**
     * Closes a file taken over from earlier records ({@link #takeOver}) as those records closed it, with an outcome of the
     * centre's list. No audit entry: nobody opened it in Trame.
     */
    @Transactional
    public void closeTakenOver(long centreId, long caseId, LocalDate on, String outcome) {
        String code = outcomes.choosable(centreId, outcome).orElseThrow(
                () -> new Refused("Choisissez l'issue de l'accompagnement dans la liste du centre.")).code();
        int closed = jdbc.sql("""
                update cases set closed_on = ?, outcome = ?
                where centre_id = ? and id = ? and closed_on is null and opened_on <= ?""")
                .params(on, code, centreId, caseId, on).update();
        if (closed != 1) {
            throw new Refused("Ce dossier est déjà clos, ou sa date d'ouverture suit celle de la clôture.");
        }
    }

    /** A case file kept before Trame, with its first step, taken over as it is. */
    public record TakenOver(Long personId, Long householdId, long referentUserId, String subject, LocalDate openedOn,
                            LocalDate stepOn, String stepNote, String stepOutcome) {
    }

    /**
     * Records case files taken over from earlier records (the demonstration's), each with its first step written by its
     * referent. No audit entry: nobody opened them in Trame. Returns their ids.
     */
    @Transactional
    public List<Long> takeOver(long centreId, List<TakenOver> files) {
        Long[] referents = files.stream().map(TakenOver::referentUserId).distinct().toArray(Long[]::new);
        long staff = jdbc.sql("select count(distinct user_id) from centre_user_roles where centre_id = ? and user_id = any(?)")
                .params(centreId, referents).query(Long.class).single();
        if (staff != referents.length) {
            throw new Refused("Le référent d'un dossier ne fait pas partie de l'équipe du centre.");
        }
        // ids are drawn first, so that each case file's step is written beside it in the same statement
        return jdbc.sql("""
                with f as (
                    select nextval(pg_get_serial_sequence('cases', 'id')) as id, f.*
                    from unnest(cast(:persons as bigint[]), cast(:households as bigint[]), cast(:referents as bigint[]),
                                cast(:subjects as text[]), cast(:opened as date[]), cast(:steps as date[]),
                                cast(:notes as text[]), cast(:outcomes as text[]))
                         with ordinality as f(person_id, household_id, referent, subject, opened_on, step_on, note, outcome, n)),
                opened as (
                    insert into cases (centre_id, id, person_id, household_id, referent_user_id, subject, opened_on)
                    overriding system value
                    select :centre, id, person_id, household_id, referent, trim(subject), opened_on from f
                    returning id),
                stepped as (
                    insert into case_steps (centre_id, case_id, date, note, outcome, author_id)
                    select :centre, f.id, f.step_on, f.note, f.outcome, f.referent from f join opened o on o.id = f.id)
                select id from f order by n""")
                .param("centre", centreId)
                .param("persons", files.stream().map(TakenOver::personId).toArray(Long[]::new))
                .param("households", files.stream().map(TakenOver::householdId).toArray(Long[]::new))
                .param("referents", files.stream().map(TakenOver::referentUserId).toArray(Long[]::new))
                .param("subjects", files.stream().map(TakenOver::subject).toArray(String[]::new))
                .param("opened", files.stream().map(f -> f.openedOn().toString()).toArray(String[]::new))
                .param("steps", files.stream().map(f -> f.stepOn().toString()).toArray(String[]::new))
                .param("notes", files.stream().map(TakenOver::stepNote).toArray(String[]::new))
                .param("outcomes", files.stream().map(TakenOver::stepOutcome).toArray(String[]::new))
                .query(Long.class).list();
    }
}
