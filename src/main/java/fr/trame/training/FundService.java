package fr.trame.training;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Funds that pay for the network's trainings (FOSFORA and others): a fund's yearly envelope, its levy for the national
 * federation, and its lines, each with a rule. The allocations are never stored: they are computed in SQL
 * ({@link #CELLS}) from the sessions a line covers, the registrations and the signed presences, so that they follow
 * the attendance as it is recorded.
 * <p>
 * The rules, written once in {@link #CELLS} (and in docs/fonds-formation.md):
 * <ul>
 * <li>a <b>volunteer</b> is a registration, not cancelled, of quality bénévole or administrateur with at least one
 *     presence; one person per structure and name (case and accents ignored), whichever session they came to;</li>
 * <li>a <b>session counts</b> for a line when the line covers it (attached, or a session of the line's course whose
 *     first half-day falls in the envelope's year), it is not cancelled and a volunteer signed one of its half-days;
 *     a <b>half-day counts</b> when a volunteer signed it;</li>
 * <li><b>par_session</b>: rate × sessions counted; <b>par_demi_journee</b>: rate × half-days counted;
 *     <b>par_benevole</b>: rate × distinct volunteers over the line (a volunteer at two of its sessions counts once, at
 *     the first); <b>forfait</b>: the rate itself, given to no structure;</li>
 * <li>a session's (a half-day's) amount goes to the structures of its volunteers pro rata to their number of
 *     volunteers there, by largest remainder; the federation's own people (no structure) take their share too;</li>
 * <li>a <b>ceiling</b> caps the line's total: when the total exceeds it, every part of the line (per session and
 *     structure) is scaled by ceiling / total, by largest remainder, so that the parts sum to the ceiling exactly;</li>
 * <li>the <b>remainder</b> = amount − levy − allocations, negative when the lines overrun the envelope.</li>
 * </ul>
 * Largest remainder: every part takes the whole cents of its exact share, then the cents left go one each to the parts
 * with the largest fractions; equal fractions by the structure's name, then its id (the federation's own people
 * last), then the session's first day.
 */
@Service
public class FundService {

    public static final List<String> KINDS = List.of("cotisations", "subvention", "fonds_propres");
    public static final List<String> RULES = List.of("par_session", "par_demi_journee", "par_benevole", "forfait");
    public static final List<String> VOLUNTEER_QUALITIES = List.of("benevole", "administrateur");

    public record Fund(long id, String name, String kind, String description) {
    }

    /**
     * An envelope with its reconciliation: amount = levy + allocated + remainder. The counts are distinct over the
     * envelope (a volunteer on two lines counts once); the {@code ...OfLines} ones add up the lines' own distinct
     * counts, as a table of lines does.
     */
    public record Envelope(long id, long fundId, String fundName, String fundKind, int year, long amountCents,
                           Integer levyRateBp, Long levyGivenCents, long levyCents, long allocatedCents, long remainderCents,
                           String note, int lines, int structures, int volunteers, int sessions, int halfDays,
                           int structuresOfLines, int volunteersOfLines, int sessionsOfLines, long fixedCents) {

        public boolean overrun() {
            return remainderCents < 0;
        }

        /** The levy's rate as the page shows it: 500 → « 5 % », 250 → « 2,5 % ». */
        public String levyRate() {
            return levyRateBp == null ? null : rate(levyRateBp);
        }
    }

    /** A line with its counts (distinct) and amounts: before the ceiling ({@code uncappedCents}) and allocated. */
    public record Line(long id, long envelopeId, String label, String rule, long rateCents, Long ceilingCents, Long courseId,
                       String courseTitle, int sessionsCovered, int sessions, int halfDays, int structures, int volunteers,
                       long uncappedCents, long cents) {

        public boolean capped() {
            return cents < uncappedCents;
        }

        public boolean fixed() {
            return "forfait".equals(rule);
        }
    }

    /**
     * What one structure receives (from one line, or the whole envelope). {@code structureId} null: the federation's own
     * people. Counts distinct: volunteers, sessions counted, lines.
     */
    public record StructureAllocation(Long structureId, String name, String departement, int lines, int volunteers,
                                      int sessions, long uncappedCents, long cents) {
    }

    /** A session a line covers, counted or not, with what it brings to the line. */
    public record LineSession(long sessionId, String courseTitle, LocalDate firstDay, String status, boolean attached,
                              boolean viaCourse, int volunteers, int halfDays, int structures, long uncappedCents,
                              long cents) {

        public boolean cancelled() {
            return "annulee".equals(status);
        }

        public boolean counted() {
            return !cancelled() && volunteers > 0;
        }
    }

    /** A distinct volunteer of a line: the sessions and half-days they signed. */
    public record Volunteer(String lastName, String firstName, Long structureId, String structure, int sessions, int halfDays,
                            LocalDate firstDay) {
    }

    /** A session one could attach to a line: of the envelope's year, covered by no line of the envelope yet. */
    public record Candidate(long id, String courseTitle, LocalDate firstDay, String status) {
    }

    public record NewLine(String label, String rule, long rateCents, Long ceilingCents, Long courseId) {
    }

    /** The same person in a line: one per structure and name, case and accents ignored. */
    static final String PERSON = "trame_fold(trim(r.last_name)) || '#' || trame_fold(trim(r.first_name)) || '#' "
            + "|| coalesce(r.structure_id::text, '-')";

    /**
     * The parts of the lines of an envelope (:e, or every envelope of the federation when null): one row of cells per
     * line, session and structure with its amount before the ceiling and after it ({@code fixed}: a forfait, with no
     * session nor structure). Also defines {@code lines}, {@code first_days}, {@code covered} and {@code present} (one
     * row per volunteer's signed half-day in a session counted) for the queries built on it.
     */
    static final String CELLS = """
            with lines as (
                select l.id as line_id, l.envelope_id, l.rule, l.rate_cents, l.ceiling_cents, l.course_id, e.year
                from training_fund_lines l
                join training_fund_envelopes e on e.federation_id = l.federation_id and e.id = l.envelope_id
                where l.federation_id = :f and (cast(:e as bigint) is null or l.envelope_id = :e)
            ),
            first_days as (
                select s.id as session_id, s.course_id, s.status, d.first_day
                from training_sessions s
                join training_session_spans d on d.federation_id = s.federation_id and d.session_id = s.id
                where s.federation_id = :f
            ),
            covered as (
                select l.line_id, ls.session_id
                from lines l
                join training_fund_line_sessions ls on ls.federation_id = :f and ls.line_id = l.line_id
                union
                select l.line_id, d.session_id
                from lines l
                join first_days d on d.course_id = l.course_id and extract(year from d.first_day) = l.year
            ),
            present as (
                select c.line_id, r.session_id, p.half_day_id, r.structure_id, r.last_name, r.first_name,
                       %s as person
                from covered c
                join first_days d on d.session_id = c.session_id and d.status <> 'annulee'
                join training_registrations r on r.federation_id = :f and r.session_id = c.session_id
                     and r.state <> 'annule' and r.quality in ('benevole', 'administrateur')
                join training_presences p on p.federation_id = :f and p.registration_id = r.id
            ),
            units as (
                select p.line_id, 's' || p.session_id as grp, p.session_id, p.structure_id, count(distinct p.person) as w
                from present p join lines l on l.line_id = p.line_id
                where l.rule = 'par_session'
                group by p.line_id, p.session_id, p.structure_id
                union all
                select p.line_id, 'h' || p.half_day_id, p.session_id, p.structure_id, count(distinct p.person)
                from present p join lines l on l.line_id = p.line_id
                where l.rule = 'par_demi_journee'
                group by p.line_id, p.half_day_id, p.session_id, p.structure_id
                union all
                select x.line_id, 'p' || x.person, x.session_id, x.structure_id, 1
                from (select distinct on (p.line_id, p.person) p.line_id, p.person, p.session_id, p.structure_id
                      from present p
                      join lines l on l.line_id = p.line_id
                      join first_days d on d.session_id = p.session_id
                      where l.rule = 'par_benevole'
                      order by p.line_id, p.person, d.first_day, p.session_id) x
            ),
            shares as (
                select u.line_id, u.grp, u.session_id, u.structure_id, l.rate_cents as total,
                       l.rate_cents * u.w / (sum(u.w) over g)::bigint as base,
                       l.rate_cents * u.w %% (sum(u.w) over g)::bigint as rest
                from units u join lines l on l.line_id = u.line_id
                window g as (partition by u.line_id, u.grp)
            ),
            split as (
                select s.*, row_number() over (partition by s.line_id, s.grp
                                               order by s.rest desc, lower(st.name), s.structure_id nulls last) as rk,
                       s.total - sum(s.base) over (partition by s.line_id, s.grp) as extra
                from shares s
                left join federation_structures st on st.federation_id = :f and st.id = s.structure_id
            ),
            uncapped as (
                select line_id, session_id, structure_id, false as fixed,
                       sum(base + case when rk <= extra then 1 else 0 end)::bigint as cents
                from split group by line_id, session_id, structure_id
                union all
                select line_id, null::bigint, null::bigint, true, rate_cents from lines where rule = 'forfait'
            ),
            totals as (
                select u.*, l.ceiling_cents, (sum(u.cents) over (partition by u.line_id))::bigint as line_total
                from uncapped u join lines l on l.line_id = u.line_id
            ),
            scaled as (
                select t.*, t.ceiling_cents < t.line_total as over,
                       case when t.ceiling_cents < t.line_total
                            then div(t.ceiling_cents::numeric * t.cents, t.line_total)::bigint
                            else t.cents end as base,
                       case when t.ceiling_cents < t.line_total then mod(t.ceiling_cents::numeric * t.cents, t.line_total)
                            else 0 end as rest
                from totals t
            ),
            ranked as (
                select s.*, row_number() over (partition by s.line_id
                                               order by s.rest desc, lower(st.name), s.structure_id nulls last,
                                                        d.first_day, s.session_id) as rk,
                       case when s.over then s.ceiling_cents - sum(s.base) over (partition by s.line_id) else 0 end as extra
                from scaled s
                left join federation_structures st on st.federation_id = :f and st.id = s.structure_id
                left join first_days d on d.session_id = s.session_id
            ),
            cells as (
                select line_id, session_id, structure_id, fixed, cents as uncapped_cents,
                       (base + case when rk <= extra then 1 else 0 end)::bigint as cents
                from ranked
            )
            """.formatted(PERSON);

    private final JdbcClient jdbc;

    public FundService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- funds

    @Transactional
    public long createFund(long federationId, String name, String kind, String description) {
        if (!KINDS.contains(kind)) {
            throw new Refused("kind", "Choisissez la nature du fonds dans la liste.");
        }
        try {
            return jdbc.sql("""
                    insert into training_funds (federation_id, name, kind, description)
                    values (:f, :name, :kind, :description) returning id""")
                    .param("f", federationId).param("name", name.trim()).param("kind", kind)
                    .param("description", description).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Refused("name", "Un fonds s'appelle déjà « " + name.trim() + " ».");
        }
    }

    public List<Fund> funds(long federationId) {
        return jdbc.sql("select id, name, kind, description from training_funds where federation_id = :f order by lower(name)")
                .param("f", federationId).query(Fund.class).list();
    }

    public Fund fund(long federationId, long fundId) {
        return jdbc.sql("select id, name, kind, description from training_funds where federation_id = :f and id = :id")
                .param("f", federationId).param("id", fundId).query(Fund.class).optional()
                .orElseThrow(() -> new NotFound("Ce fonds n'est pas un fonds de votre fédération."));
    }

    // --- envelopes

    /**
     * Opens a fund's envelope for a year. The levy: {@code levyCents} when given, else amount × {@code levyRateBp} /
     * 10 000 rounded half up to the cent (basis points: 500 = 5 %), else none.
     */
    @Transactional
    public long createEnvelope(long federationId, long fundId, int year, long amountCents, Integer levyRateBp, Long levyCents,
                               String note) {
        fund(federationId, fundId);
        checkLevy(amountCents, levyRateBp, levyCents);
        try {
            return jdbc.sql("""
                    insert into training_fund_envelopes (federation_id, fund_id, year, amount_cents, levy_rate_bp, levy_cents, note)
                    values (:f, :fund, :year, :amount, :rate, :levy, :note) returning id""")
                    .param("f", federationId).param("fund", fundId).param("year", year).param("amount", amountCents)
                    .param("rate", levyRateBp).param("levy", levyCents).param("note", note).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Refused("year", "Ce fonds a déjà une enveloppe " + year + " : modifiez-la plutôt.");
        }
    }

    /** Changes an envelope's amount and levy. */
    @Transactional
    public void updateEnvelope(long federationId, long envelopeId, long amountCents, Integer levyRateBp, Long levyCents,
                               String note) {
        envelope(federationId, envelopeId);
        checkLevy(amountCents, levyRateBp, levyCents);
        jdbc.sql("""
                update training_fund_envelopes set amount_cents = :amount, levy_rate_bp = :rate, levy_cents = :levy, note = :note
                where federation_id = :f and id = :id""")
                .param("f", federationId).param("id", envelopeId).param("amount", amountCents).param("rate", levyRateBp)
                .param("levy", levyCents).param("note", note).update();
    }

    private static void checkLevy(long amountCents, Integer levyRateBp, Long levyCents) {
        if (amountCents < 0) {
            throw new Refused("amount", "Le montant de l'enveloppe ne peut pas être négatif.");
        }
        if (levyRateBp != null && (levyRateBp < 0 || levyRateBp > 10_000)) {
            throw new Refused("levyRate", "Le taux du prélèvement est entre 0 et 100 %.");
        }
        if (levyCents != null && (levyCents < 0 || levyCents > amountCents)) {
            throw new Refused("levy", "Le prélèvement national ne peut pas dépasser le montant de l'enveloppe.");
        }
    }

    public Envelope envelope(long federationId, long envelopeId) {
        return envelopes(federationId, envelopeId).stream().findFirst()
                .orElseThrow(() -> new NotFound("Cette enveloppe n'est pas celle d'un fonds de votre fédération."));
    }

    /** Every envelope of the federation with its reconciliation, by fund then year (latest first). */
    public List<Envelope> envelopes(long federationId) {
        return envelopes(federationId, null);
    }

    private List<Envelope> envelopes(long federationId, Long envelopeId) {
        return jdbc.sql(CELLS + """
                select e.id, e.fund_id, f.name as fund_name, f.kind as fund_kind, e.year, e.amount_cents, e.levy_rate_bp,
                       e.levy_cents as levy_given_cents, e.levy_due_cents as levy_cents,
                       coalesce(a.cents, 0) as allocated_cents,
                       e.amount_cents - e.levy_due_cents - coalesce(a.cents, 0) as remainder_cents, e.note,
                       (select count(*) from lines l where l.envelope_id = e.id) as lines,
                       coalesce(n.structures, 0) as structures, coalesce(n.volunteers, 0) as volunteers,
                       coalesce(n.sessions, 0) as sessions, coalesce(n.half_days, 0) as half_days,
                       coalesce(s.structures, 0) as structures_of_lines, coalesce(s.volunteers, 0) as volunteers_of_lines,
                       coalesce(s.sessions, 0) as sessions_of_lines, coalesce(a.fixed, 0) as fixed_cents
                from training_fund_envelopes e
                join training_funds f on f.federation_id = e.federation_id and f.id = e.fund_id
                left join (select l.envelope_id, sum(c.cents) as cents, sum(c.cents) filter (where c.fixed) as fixed
                           from cells c join lines l on l.line_id = c.line_id group by l.envelope_id) a
                       on a.envelope_id = e.id
                left join (select l.envelope_id, count(distinct p.structure_id) as structures,
                                  count(distinct p.person) as volunteers, count(distinct p.session_id) as sessions,
                                  count(distinct p.half_day_id) as half_days
                           from present p join lines l on l.line_id = p.line_id group by l.envelope_id) n
                       on n.envelope_id = e.id
                left join (select l.envelope_id, sum(x.structures) as structures, sum(x.volunteers) as volunteers,
                                  sum(x.sessions) as sessions
                           from (select line_id, count(distinct structure_id) as structures,
                                        count(distinct person) as volunteers, count(distinct session_id) as sessions
                                 from present group by line_id) x
                           join lines l on l.line_id = x.line_id group by l.envelope_id) s
                       on s.envelope_id = e.id
                where e.federation_id = :f and (cast(:e as bigint) is null or e.id = :e)
                order by lower(f.name), e.year desc""")
                .param("f", federationId).param("e", envelopeId).query(Envelope.class).list();
    }

    // --- lines

    @Transactional
    public long createLine(long federationId, long envelopeId, NewLine l) {
        lock(federationId, envelopeId);
        Envelope e = envelope(federationId, envelopeId);
        if (!RULES.contains(l.rule())) {
            throw new Refused("rule", "Choisissez la règle de la ligne dans la liste.");
        }
        if (l.rateCents() <= 0) {
            throw new Refused("rate", "Le montant de la ligne est supérieur à zéro.");
        }
        if ("forfait".equals(l.rule()) && (l.ceilingCents() != null || l.courseId() != null)) {
            throw new Refused(l.ceilingCents() != null ? "ceiling" : "courseId",
                    "Un forfait est un montant fixe : il n'a ni plafond ni sessions.");
        }
        if (l.ceilingCents() != null && l.ceilingCents() <= 0) {
            throw new Refused("ceiling", "Le plafond est supérieur à zéro.");
        }
        if (l.courseId() != null) {
            jdbc.sql("select id from training_courses where federation_id = :f and id = :id")
                    .param("f", federationId).param("id", l.courseId()).query(Long.class).optional()
                    .orElseThrow(() -> new Refused("courseId", "Cette formation n'est pas au catalogue de votre fédération."));
            jdbc.sql("select label from training_fund_lines where federation_id = :f and envelope_id = :e and course_id = :c")
                    .param("f", federationId).param("e", envelopeId).param("c", l.courseId()).query(String.class).optional()
                    .ifPresent(other -> {
                        throw new Refused("courseId", "La ligne « " + other + " » de cette enveloppe couvre déjà cette formation.");
                    });
            Optional<String> other = jdbc.sql(CELLS + """
                    select l.label from covered c
                    join training_fund_lines l on l.federation_id = :f and l.id = c.line_id
                    join first_days d on d.session_id = c.session_id
                    where d.course_id = :course and extract(year from d.first_day) = :year
                    order by l.id limit 1""")
                    .param("f", federationId).param("e", envelopeId).param("course", l.courseId()).param("year", e.year())
                    .query(String.class).optional();
            if (other.isPresent()) {
                throw new Refused("courseId", "Une session de cette formation est déjà financée par la ligne « "
                        + other.get() + " » de cette enveloppe.");
            }
        }
        try {
            return jdbc.sql("""
                    insert into training_fund_lines (federation_id, envelope_id, label, rule, rate_cents, ceiling_cents, course_id)
                    values (:f, :e, :label, :rule, :rate, :ceiling, :course) returning id""")
                    .param("f", federationId).param("e", envelopeId).param("label", l.label().trim()).param("rule", l.rule())
                    .param("rate", l.rateCents()).param("ceiling", l.ceilingCents()).param("course", l.courseId())
                    .query(Long.class).single();
        } catch (DuplicateKeyException ex) {
            throw new Refused("label", "Cette enveloppe a déjà une ligne « " + l.label().trim() + " ».");
        }
    }

    @Transactional
    public void deleteLine(long federationId, long lineId) {
        line(federationId, lineId);
        jdbc.sql("delete from training_fund_lines where federation_id = :f and id = :id")
                .param("f", federationId).param("id", lineId).update();
    }

    /** The lines of an envelope with their counts and amounts, in the order they were created. */
    public List<Line> lines(long federationId, long envelopeId) {
        return lines(federationId, envelopeId, null);
    }

    public Line line(long federationId, long lineId) {
        Long envelopeId = jdbc.sql("select envelope_id from training_fund_lines where federation_id = :f and id = :id")
                .param("f", federationId).param("id", lineId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Cette ligne n'est pas celle d'un fonds de votre fédération."));
        return lines(federationId, envelopeId, lineId).get(0);
    }

    private List<Line> lines(long federationId, long envelopeId, Long lineId) {
        return jdbc.sql(CELLS + """
                select l.id, l.envelope_id, l.label, l.rule, l.rate_cents, l.ceiling_cents, l.course_id,
                       co.title as course_title,
                       (select count(*) from covered c where c.line_id = l.id) as sessions_covered,
                       coalesce(n.sessions, 0) as sessions, coalesce(n.half_days, 0) as half_days,
                       coalesce(n.structures, 0) as structures, coalesce(n.volunteers, 0) as volunteers,
                       coalesce(a.uncapped, 0) as uncapped_cents, coalesce(a.cents, 0) as cents
                from training_fund_lines l
                left join training_courses co on co.federation_id = l.federation_id and co.id = l.course_id
                left join (select line_id, sum(uncapped_cents) as uncapped, sum(cents) as cents from cells group by line_id) a
                       on a.line_id = l.id
                left join (select line_id, count(distinct session_id) as sessions, count(distinct half_day_id) as half_days,
                                  count(distinct structure_id) as structures, count(distinct person) as volunteers
                           from present group by line_id) n on n.line_id = l.id
                where l.federation_id = :f and l.envelope_id = :e and (cast(:l as bigint) is null or l.id = :l)
                order by l.created_at, l.id""")
                .param("f", federationId).param("e", envelopeId).param("l", lineId).query(Line.class).list();
    }

    // --- allocations

    /**
     * What each structure receives from an envelope (or from one of its lines when {@code lineId} is not null), by
     * name; the federation's own people last. Forfaits go to no structure: see {@link Envelope#fixedCents()}.
     */
    public List<StructureAllocation> byStructure(long federationId, long envelopeId, Long lineId) {
        return jdbc.sql(CELLS + """
                select a.structure_id, coalesce(st.name, 'La fédération (ses propres participant·e·s)') as name,
                       st.departement, a.lines, coalesce(n.volunteers, 0) as volunteers, coalesce(n.sessions, 0) as sessions,
                       a.uncapped_cents, a.cents
                from (select structure_id, count(distinct line_id) as lines, sum(uncapped_cents) as uncapped_cents,
                             sum(cents) as cents
                      from cells where not fixed and (cast(:l as bigint) is null or line_id = :l)
                      group by structure_id) a
                left join (select structure_id, count(distinct person) as volunteers, count(distinct session_id) as sessions
                           from present where cast(:l as bigint) is null or line_id = :l
                           group by structure_id) n on n.structure_id is not distinct from a.structure_id
                left join federation_structures st on st.federation_id = :f and st.id = a.structure_id
                order by a.structure_id is null, lower(st.name), a.structure_id""")
                .param("f", federationId).param("e", envelopeId).param("l", lineId)
                .query(StructureAllocation.class).list();
    }

    /** The sessions a line covers, by first day: counted or not, and what each brings. */
    public List<LineSession> sessions(long federationId, long lineId) {
        Line line = line(federationId, lineId);
        return jdbc.sql(CELLS + """
                select c.session_id, co.title as course_title, d.first_day, d.status,
                       exists (select 1 from training_fund_line_sessions ls
                               where ls.federation_id = :f and ls.line_id = :l and ls.session_id = c.session_id) as attached,
                       d.course_id is not distinct from l.course_id and extract(year from d.first_day) = l.year as via_course,
                       coalesce(n.volunteers, 0) as volunteers, coalesce(n.half_days, 0) as half_days,
                       coalesce(n.structures, 0) as structures,
                       coalesce(a.uncapped, 0) as uncapped_cents, coalesce(a.cents, 0) as cents
                from covered c
                join lines l on l.line_id = c.line_id
                join first_days d on d.session_id = c.session_id
                join training_courses co on co.federation_id = :f and co.id = d.course_id
                left join (select session_id, sum(uncapped_cents) as uncapped, sum(cents) as cents
                           from cells where line_id = :l group by session_id) a on a.session_id = c.session_id
                left join (select session_id, count(distinct person) as volunteers, count(distinct half_day_id) as half_days,
                                  count(distinct structure_id) as structures
                           from present where line_id = :l group by session_id) n on n.session_id = c.session_id
                where c.line_id = :l
                order by d.first_day nulls last, c.session_id""")
                .param("f", federationId).param("e", line.envelopeId()).param("l", lineId).query(LineSession.class).list();
    }

    /** The distinct volunteers a line counts, by structure and name: personal data, not for the federation's readers. */
    public List<Volunteer> volunteers(long federationId, long lineId) {
        Line line = line(federationId, lineId);
        return jdbc.sql(CELLS + """
                select min(p.last_name) as last_name, min(p.first_name) as first_name, p.structure_id,
                       coalesce(min(st.name), 'La fédération') as structure, count(distinct p.session_id) as sessions,
                       count(distinct p.half_day_id) as half_days, min(d.first_day) as first_day
                from present p
                join first_days d on d.session_id = p.session_id
                left join federation_structures st on st.federation_id = :f and st.id = p.structure_id
                where p.line_id = :l
                group by p.person, p.structure_id
                order by p.structure_id is null, lower(min(st.name)), p.person""")
                .param("f", federationId).param("e", line.envelopeId()).param("l", lineId).query(Volunteer.class).list();
    }

    // --- sessions of a line

    /** The sessions of the envelope's year that no line of the envelope covers yet, by first day. */
    public List<Candidate> candidates(long federationId, long lineId) {
        Line line = line(federationId, lineId);
        Envelope e = envelope(federationId, line.envelopeId());
        return jdbc.sql(CELLS + """
                select d.session_id as id, co.title as course_title, d.first_day, d.status
                from first_days d
                join training_courses co on co.federation_id = :f and co.id = d.course_id
                where extract(year from d.first_day) = :year
                  and not exists (select 1 from covered c where c.session_id = d.session_id)
                order by d.first_day, d.session_id""")
                .param("f", federationId).param("e", e.id()).param("year", e.year()).query(Candidate.class).list();
    }

    /**
     * Attaches a session to a line: a session of the federation, whose first half-day falls in the envelope's year,
     * that no line of the envelope covers yet (a session is paid once by an envelope).
     */
    @Transactional
    public void attach(long federationId, long lineId, long sessionId) {
        Line line = line(federationId, lineId);
        if (line.fixed()) {
            throw new Refused("sessionId", "Un forfait est un montant fixe : il ne couvre pas de sessions.");
        }
        lock(federationId, line.envelopeId());
        Envelope e = envelope(federationId, line.envelopeId());
        Optional<LocalDate> firstDay = jdbc.sql("""
                select first_day from training_session_spans where federation_id = :f and session_id = :s""")
                .param("f", federationId).param("s", sessionId).query(LocalDate.class).optional();
        if (firstDay.isEmpty()) {
            throw new Refused("sessionId", "Cette session n'est pas une session de votre fédération.");
        }
        if (firstDay.get() == null || firstDay.get().getYear() != e.year()) {
            throw new Refused("sessionId", "Cette session n'a pas lieu en " + e.year() + ", l'année de l'enveloppe.");
        }
        Optional<String> other = jdbc.sql(CELLS + """
                select l.label from covered c
                join training_fund_lines l on l.federation_id = :f and l.id = c.line_id
                where c.session_id = :s
                order by l.id limit 1""")
                .param("f", federationId).param("e", e.id()).param("s", sessionId).query(String.class).optional();
        if (other.isPresent()) {
            throw new Refused("sessionId", "Cette session est déjà couverte par la ligne « " + other.get()
                    + " » de cette enveloppe.");
        }
        jdbc.sql("insert into training_fund_line_sessions (federation_id, line_id, session_id) values (:f, :l, :s)")
                .param("f", federationId).param("l", lineId).param("s", sessionId).update();
    }

    /**
     * Attaches many sessions at once (the demo, a year's import): those of the list that {@link #attach} would accept,
     * the others left out. Returns how many were attached.
     */
    @Transactional
    public int attachAll(long federationId, long lineId, List<Long> sessionIds) {
        Line line = line(federationId, lineId);
        if (line.fixed() || sessionIds.isEmpty()) {
            return 0;
        }
        lock(federationId, line.envelopeId());
        Envelope e = envelope(federationId, line.envelopeId());
        return jdbc.sql("""
                insert into training_fund_line_sessions (federation_id, line_id, session_id)
                select s.federation_id, :l, s.id from training_sessions s
                where s.federation_id = :f and s.id in (:ids)
                  and (select extract(year from d.first_day) from training_session_spans d
                       where d.federation_id = s.federation_id and d.session_id = s.id) = :year
                  and not exists (select 1 from training_fund_line_sessions ls
                                  join training_fund_lines o on o.federation_id = ls.federation_id and o.id = ls.line_id
                                  where ls.federation_id = :f and o.envelope_id = :e and ls.session_id = s.id)
                  and not exists (select 1 from training_fund_lines o
                                  where o.federation_id = :f and o.envelope_id = :e and o.course_id = s.course_id)
                on conflict do nothing""")
                .param("f", federationId).param("l", lineId).param("e", e.id()).param("year", e.year())
                .param("ids", sessionIds).update();
    }

    @Transactional
    public void detach(long federationId, long lineId, long sessionId) {
        line(federationId, lineId);
        int removed = jdbc.sql("delete from training_fund_line_sessions where federation_id = :f and line_id = :l and session_id = :s")
                .param("f", federationId).param("l", lineId).param("s", sessionId).update();
        if (removed == 0) {
            throw new NotFound("Cette session n'est pas rattachée à cette ligne.");
        }
    }

    /**
     * Locks an envelope's row while its lines' sessions change, so that two requests at once cannot both put one session
     * on two lines of the envelope.
     */
    private void lock(long federationId, long envelopeId) {
        jdbc.sql("select id from training_fund_envelopes where federation_id = :f and id = :id for update")
                .param("f", federationId).param("id", envelopeId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Cette enveloppe n'est pas celle d'un fonds de votre fédération."));
    }

    /** 500 → « 5 % », 250 → « 2,5 % ». */
    static String rate(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }
}
