package fr.trame.senacs;

import fr.trame.federation.FederationScope;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The federation's follow-up of a SENACS campaign: every structure of its registry with the state of its return (a
 * Trame centre's own, else the one the federation enters), the counts by AT, the coherence checks over the submitted
 * answers, and the questions sent to a Trame centre about its return.
 */
@Service
public class CampaignFollowUp {

    /** The states in which a return's answers reach the federation (senacs_network_answers). */
    private static final String RETURNED = "('soumis', 'controle', 'rouvert')";

    private final JdbcClient jdbc;
    private final ReturnService returns;
    private final StructureReturns structures;

    public CampaignFollowUp(JdbcClient jdbc, ReturnService returns, StructureReturns structures) {
        this.jdbc = jdbc;
        this.returns = returns;
        this.structures = structures;
    }

    /** One structure's line: {@code state} a senacs-state code, or "non_commence". */
    public record Line(long structureId, String ref, String name, Long territoryId, boolean onTrame, String state,
                       OffsetDateTime at) {
        public String stateLabel() {
            return StructureReturns.stateLabel(state);
        }

        public boolean returned() {
            return state.equals("soumis") || state.equals("controle") || state.equals("rouvert");
        }
    }

    /** Counts of an AT ({@code territoryId} null: no AT) or, {@code total}, of the whole registry. */
    public record Count(Long territoryId, boolean total, long structures, long returned, long missing) {
    }

    private static final String STATES = """
            select s.id, s.ref, s.name, s.territory_id, s.centre_id is not null as on_trame,
                   case when s.centre_id is not null then coalesce(r.state, 'non_commence')
                        else coalesce(sr.state, 'non_commence') end as state,
                   case when s.centre_id is not null then r.submitted_at else sr.updated_at end as at
            from federation_structures s
            left join senacs_returns r on r.centre_id = s.centre_id and r.year = :year
            left join senacs_structure_returns sr on sr.federation_id = s.federation_id and sr.structure_id = s.id
                                                 and sr.year = :year
            where s.federation_id = :federation and (cast(:territory as bigint) is null or s.territory_id = :territory)""";

    public List<Line> lines(long federationId, int year, Long territoryId) {
        return jdbc.sql(STATES + " order by lower(s.name), s.id")
                .param("year", year).param("federation", federationId).param("territory", territoryId)
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getString("ref"), rs.getString("name"),
                        rs.getObject("territory_id", Long.class), rs.getBoolean("on_trame"), rs.getString("state"),
                        rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    /** Returned and missing by AT and in total (the last row), counted in SQL. */
    public List<Count> counts(long federationId, int year, Long territoryId) {
        return jdbc.sql("with st as (" + STATES + """
                )
                select territory_id, grouping(territory_id) = 1 as total, count(*) as structures,
                       count(*) filter (where state in\s""" + RETURNED + """
                ) as returned,
                       count(*) filter (where state not in\s""" + RETURNED + """
                ) as missing
                from st group by grouping sets ((territory_id), ()) order by grouping(territory_id), territory_id""")
                .param("year", year).param("federation", federationId).param("territory", territoryId)
                .query((rs, n) -> new Count(rs.getObject(1, Long.class), rs.getBoolean(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** The federation marks a Trame centre's submitted return checked: the direction, or the délégué of its AT. */
    @Transactional
    public void check(FederationScope fed, long structureId, int year) {
        StructureReturns.Structure s = structures.structure(fed.id(), structureId);
        fed.requireEdit(s.territoryId());
        if (!s.onTrame()) {
            throw new Refused("Le questionnaire d'une structure hors Trame est validé par la fédération, pas contrôlé.");
        }
        returns.check(s.centreId(), year, fed.userId());
    }

    /** A coherence problem of a structure's submitted answers: the question, its value, and the value it is compared to. */
    public record Problem(long structureId, String name, boolean onTrame, String check, String questionCode,
                          BigDecimal value, String otherLabel, BigDecimal other) {
    }

    /** The coherence checks over the federation's submitted answers of {@code year}, in SQL. */
    public List<Problem> controls(long federationId, int year, Long territoryId) {
        return jdbc.sql("""
                with v as (
                    select structure_id, year, question_code as code, cast(value as numeric) as n
                    from senacs_network_answers
                    where federation_id = :federation and year in (:year, :year - 1) and value ~ '^[0-9]+(\\.[0-9]+)?$'),
                cur as (select * from v where year = :year),
                prev as (select * from v where year = :year - 1),
                problems as (
                    select e.structure_id, 'ETP supérieurs à l''effectif salarié' as label, 'SAL_ETP' as code, e.n as value,
                           'SAL_EFFECTIF' as other_label, h.n as other, 1 as rank
                    from cur e join cur h on h.structure_id = e.structure_id and h.code = 'SAL_EFFECTIF'
                    where e.code = 'SAL_ETP' and e.n > h.n
                    union all
                    select hh.structure_id, 'Heures de bénévolat sans bénévole', 'BEN_HEURES', hh.n, 'BEN_TOTAL', t.n, 2
                    from cur hh join cur t on t.structure_id = hh.structure_id and t.code = 'BEN_TOTAL'
                    where hh.code = 'BEN_HEURES' and hh.n > 0 and t.n = 0
                    union all
                    select b.structure_id, 'Administrateurs des collèges plus nombreux que le conseil', 'GOV_CA_MEMBRES', b.n,
                           'somme des collèges', c.n, 3
                    from cur b
                    join (select structure_id, sum(n) as n from cur where code like 'GOV\\_COLLEGE\\_%' group by structure_id) c
                         on c.structure_id = b.structure_id
                    where b.code = 'GOV_CA_MEMBRES' and c.n > b.n
                    union all
                    select c.structure_id, 'Écart de plus de 50 % avec l''année précédente', c.code, c.n,
                           'réponse ' || (:year - 1), p.n, 4
                    from cur c join prev p on p.structure_id = c.structure_id and p.code = c.code
                    where c.code in ('PUB_PERSONNES', 'BEN_TOTAL', 'SAL_ETP', 'FIN_PRODUITS')
                      and abs(c.n - p.n) > 0.5 * p.n and (p.n > 0 or c.n > 0))
                select p.structure_id, s.name, s.centre_id is not null as on_trame, p.label, p.code, p.value, p.other_label, p.other
                from problems p join federation_structures s on s.federation_id = :federation and s.id = p.structure_id
                where cast(:territory as bigint) is null or s.territory_id = :territory
                order by s.name, p.structure_id, p.rank, p.code""")
                .param("federation", federationId).param("year", year).param("territory", territoryId)
                .query((rs, n) -> new Problem(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8)))
                .list();
    }

    /** A question sent to a Trame centre about its return, and its answer once given. */
    public record Query(long id, int year, String questionCode, String message, OffsetDateTime raisedAt, String answer,
                        OffsetDateTime answeredAt, String structure) {
    }

    /** Sends a Trame centre a question about its submitted return: the direction, or the délégué of its AT. */
    @Transactional
    public void raise(FederationScope fed, long structureId, int year, String questionCode, String message) {
        StructureReturns.Structure s = structures.structure(fed.id(), structureId);
        fed.requireEdit(s.territoryId());
        if (!s.onTrame()) {
            throw new Refused("Cette structure n'est pas un centre Trame : corrigez son questionnaire vous-même.");
        }
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new Refused("message", "Écrivez la question (2000 caractères au plus).");
        }
        boolean submitted = jdbc.sql("select count(*) from senacs_returns where centre_id = ? and year = ? and submitted_at is not null")
                .params(s.centreId(), year).query(Long.class).single() > 0;
        if (!submitted) {
            throw new Refused("Le centre n'a pas transmis son questionnaire " + year + ".");
        }
        jdbc.sql("insert into senacs_queries (centre_id, year, question_code, message, raised_by) values (?, ?, ?, ?, ?)")
                .params(s.centreId(), year, questionCode, text, fed.userId() == 0 ? null : fed.userId()).update();
    }

    /** The questions the federation sent about the returns of {@code year} of its Trame centres. */
    public List<Query> raised(long federationId, int year) {
        return jdbc.sql("""
                select q.id, q.year, q.question_code, q.message, q.raised_at, q.answer, q.answered_at, s.name
                from senacs_queries q join federation_structures s on s.centre_id = q.centre_id and s.federation_id = ?
                where q.year = ? order by q.raised_at desc, q.id desc""")
                .params(federationId, year).query(CampaignFollowUp::query).list();
    }

    /** The open questions about a centre's return of {@code year}, as the centre sees them. */
    public List<Query> openFor(long centreId, int year) {
        return jdbc.sql("""
                select id, year, question_code, message, raised_at, answer, answered_at, null
                from senacs_queries where centre_id = ? and year = ? and answered_at is null order by raised_at, id""")
                .params(centreId, year).query(CampaignFollowUp::query).list();
    }

    /** The centre's direction answers a question; answered once. */
    @Transactional
    public void answer(long centreId, int year, long id, String answer, long userId) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new Refused("answer", "Écrivez la réponse (2000 caractères au plus).");
        }
        int done = jdbc.sql("""
                update senacs_queries set answer = ?, answered_at = now(), answered_by = ?
                where centre_id = ? and year = ? and id = ? and answered_at is null""")
                .params(text, userId, centreId, year, id).update();
        if (done == 0) {
            throw new NotFound("Cette question n'existe pas ou a déjà sa réponse.");
        }
    }

    private static Query query(ResultSet rs, int n) throws SQLException {
        return new Query(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8));
    }
}
