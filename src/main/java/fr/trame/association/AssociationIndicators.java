package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code association} object of the indicators (docs/indicateurs-association.md): each figure defined once, in
 * SQL over the records, for the period {@code [from, to]}, both days included.
 */
@Service
public class AssociationIndicators {

    /** Days a row dated {@code [s, e]} (open end) runs inside the period, over the period's days. */
    private static final String SHARE_OF_PERIOD = """
            ((least(coalesce(%2$s, :to), :to) - greatest(%1$s, :from) + 1)::numeric / (:to - :from + 1))""";

    /** A row dated {@code [s, e]} (open end) that runs on at least one day of the period. */
    private static final String RUNS_IN_PERIOD = "(%1$s <= :to and (%2$s is null or %2$s >= :from))";

    /** A row dated {@code [s, e]} (open end) that runs on the period's last day. */
    private static final String RUNS_ON_LAST_DAY = "(%1$s <= :to and (%2$s is null or %2$s >= :to))";

    /** The accounting years the period touches. */
    private static final String YEARS = "year between extract(year from cast(:from as date)) and extract(year from cast(:to as date))";

    private static final String FULL_TIME = "coalesce((select full_time_hours from association_settings where centre_id = :centre), 35)";
    private static final String RATE = "coalesce((select volunteer_rate_cents from association_settings where centre_id = :centre), 1188)";

    /** Who a product comes from, by its funder's kind of partner, else by a word of its label (docs/indicateurs-association.md). */
    public static final List<String> FUNDER_CATEGORIES = List.of("caf", "commune", "intercommunalite", "departement", "region",
            "etat", "usagers", "autre");

    /** A product's category: its partner's kind when a public funder, else the first keyword of its label that matches. */
    private static final String FUNDER_CATEGORY = """
            case when pa.kind in ('caf', 'commune', 'intercommunalite', 'departement', 'region', 'etat') then pa.kind
                 when pa.kind is not null then 'autre'
                 when pr.label ~* '\\mcaf\\M|allocations familiales' then 'caf'
                 when pr.label ~* '(^|[^[:alnum:]])([ée]tat|État|pr[ée]fecture|ddets|sdjes|anct|fonjep)\\M'
                      or pr.label ~* 'politique de la ville' then 'etat'
                 when pr.label ~* 'intercommunal|communaut[ée]|m[ée]tropole|agglom[ée]ration' then 'intercommunalite'
                 when pr.label ~* '\\m(commune|ville|mairie|municipal)' then 'commune'
                 when pr.label ~* 'd[ée]partement' then 'departement'
                 when pr.label ~* 'r[ée]gion' then 'region'
                 when pr.label ~* 'usager|famille|participation|adh[ée]sion|cotisation|inscription|billetterie' then 'usagers'
                 else 'autre' end""";

    private final JdbcClient jdbc;

    public AssociationIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Association compute(long centreId, LocalDate from, LocalDate to) {
        return new Association(governance(centreId, from, to), volunteers(centreId, from, to), staff(centreId, from, to),
                partners(centreId, from, to), funding(centreId, from, to), agrements(centreId, from, to));
    }

    /** Board members are the holders of a mandate of a {@code ca} body running on the period's last day. */
    private Association.Governance governance(long centreId, LocalDate from, LocalDate to) {
        String board = """
                with board as (
                    select distinct on (coalesce(m.person_id::text, m.outsider_name)) m.*
                    from mandates m join bodies b on b.centre_id = m.centre_id and b.id = m.body_id
                    where m.centre_id = :centre and b.kind = 'ca' and %s
                    order by coalesce(m.person_id::text, m.outsider_name), m.start_date desc) """
                .formatted(RUNS_ON_LAST_DAY.formatted("m.start_date", "m.end_date"));
        return new Association.Governance(
                single(board + "select count(*) from board", centreId, from, to),
                counts(board + "select college, count(*) from board group by 1", centreId, from, to, GovernanceService.COLLEGES),
                counts(board + "select role, count(*) from board group by 1", centreId, from, to, GovernanceService.ROLES),
                counts(board + "select " + yesNo("lives_in_territory") + ", count(*) from board group by 1",
                        centreId, from, to, List.of("oui", "non", "inconnu")),
                counts(board + "select " + yesNo("qpv") + ", count(*) from board group by 1",
                        centreId, from, to, List.of("oui", "non", "inconnu")),
                counts("""
                        select b.kind, count(*) from meetings mt join bodies b on b.centre_id = mt.centre_id and b.id = mt.body_id
                        where mt.centre_id = :centre and mt.date between :from and :to group by 1""", centreId, from, to,
                        GovernanceService.KINDS));
    }

    private static String yesNo(String column) {
        return "case when " + column + " is null then 'inconnu' when " + column + " then 'oui' else 'non' end";
    }

    /** Volunteers registered for at least one day of the period; hours given in it, valued at the centre's rate. */
    private Association.Volunteers volunteers(long centreId, LocalDate from, LocalDate to) {
        String active = "select * from volunteers where centre_id = :centre and "
                + RUNS_IN_PERIOD.formatted("start_date", "end_date");
        long volunteers = single("select count(*) from (" + active + ") v", centreId, from, to);
        Map<String, Long> byCategory = counts("select c, count(*) from (" + active + ") v, unnest(v.categories) c group by 1",
                centreId, from, to, VolunteerService.CATEGORIES);
        return jdbc.sql("""
                select count(distinct volunteer_id) as with_hours, coalesce(sum(hours), 0) as hours,
                       coalesce(sum(hours), 0) * %s / 100.0 as valuation
                from volunteer_hours where centre_id = :centre and date between :from and :to""".formatted(RATE))
                .params(params(centreId, from, to))
                .query((rs, n) -> new Association.Volunteers(volunteers, byCategory, rs.getLong("with_hours"),
                        money(rs.getBigDecimal("hours")), money(rs.getBigDecimal("valuation")))).single();
    }

    /**
     * Employees and contracts on the period's last day; ETP = weekly hours / the centre's full-time hours, on the last
     * day and averaged over the period (each contract weighted by the share of the period it runs).
     */
    private Association.Staff staff(long centreId, LocalDate from, LocalDate to) {
        String onLastDay = "from contracts c where c.centre_id = :centre and " + RUNS_ON_LAST_DAY.formatted("c.start_date", "c.end_date");
        return new Association.Staff(
                single("select count(distinct employee_id) " + onLastDay, centreId, from, to),
                amount("select coalesce(sum(weekly_hours), 0) / " + FULL_TIME + " " + onLastDay, centreId, from, to),
                amount("select coalesce(sum(weekly_hours * " + SHARE_OF_PERIOD.formatted("start_date", "end_date")
                        + "), 0) / " + FULL_TIME + " from contracts where centre_id = :centre and "
                        + RUNS_IN_PERIOD.formatted("start_date", "end_date"), centreId, from, to),
                counts("select kind, count(*) " + onLastDay + " group by 1", centreId, from, to, StaffService.CONTRACTS),
                counts("select function, count(*) " + onLastDay + " group by 1", centreId, from, to, StaffService.FUNCTIONS),
                amount("select coalesce(sum(days), 0) from trainings where centre_id = :centre and date between :from and :to",
                        centreId, from, to),
                vacataires(centreId, from, to), interns(centreId, from, to));
    }

    /** CEE contracts started in the period: a contract across two years counts its vacations once, in its first. */
    private Association.Vacataires vacataires(long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(distinct employee_id), count(*), coalesce(sum(vacations), 0), coalesce(sum(vacation_hours), 0)
                from contracts where centre_id = :centre and kind = 'cee' and start_date between :from and :to""")
                .params(params(centreId, from, to))
                .query((rs, n) -> new Association.Vacataires(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        money(rs.getBigDecimal(4)))).single();
    }

    /** Stages started in the period: distinct trainees, and by diploma prepared (most trainees first, then by name). */
    private Association.Interns interns(long centreId, LocalDate from, LocalDate to) {
        String stages = "from contracts where centre_id = :centre and kind = 'stage' and start_date between :from and :to";
        Map<String, Long> byDiploma = new LinkedHashMap<>();
        jdbc.sql("select coalesce(diploma, 'inconnu'), count(distinct employee_id) " + stages + " group by 1 order by 2 desc, 1")
                .params(params(centreId, from, to)).query((rs, n) -> byDiploma.put(rs.getString(1), rs.getLong(2))).list();
        return new Association.Interns(single("select count(distinct employee_id) " + stages, centreId, from, to), byDiploma);
    }

    /** Partners in the directory; signed conventions and permanences running in the period. */
    private Association.Partners partners(long centreId, LocalDate from, LocalDate to) {
        return new Association.Partners(
                single("select count(*) from partners where centre_id = :centre", centreId, from, to),
                counts("select kind, count(*) from partners where centre_id = :centre group by 1", centreId, from, to, List.of()),
                single("select count(*) from conventions where centre_id = :centre and signed_on is not null and "
                        + RUNS_IN_PERIOD.formatted("start_date", "end_date"), centreId, from, to),
                single("select count(*) from permanences where centre_id = :centre and "
                        + RUNS_IN_PERIOD.formatted("start_date", "end_date"), centreId, from, to));
    }

    /**
     * Products and charges of the accounting years the period touches; grants of those years; contributions in kind:
     * MAD staff (their yearly value, weighted by the share of the period they run) and volunteer hours.
     */
    private Association.Funding funding(long centreId, LocalDate from, LocalDate to) {
        String years = YEARS;
        Map<String, BigDecimal> byFunder = new LinkedHashMap<>();
        jdbc.sql("select label, sum(amount_cents) / 100.0 from products where centre_id = :centre and " + years
                        + " group by 1 order by 2 desc, 1").params(params(centreId, from, to))
                .query((rs, n) -> byFunder.put(rs.getString(1), money(rs.getBigDecimal(2)))).list();
        BigDecimal products = amount("select coalesce(sum(amount_cents), 0) / 100.0 from products where centre_id = :centre and "
                + years, centreId, from, to);
        BigDecimal charges = jdbc.sql("select sum(charges_cents) / 100.0 from yearly_accounts where centre_id = :centre and " + years)
                .params(params(centreId, from, to)).query(BigDecimal.class).optional().map(AssociationIndicators::money).orElse(null);
        Association.InKind inKind = new Association.InKind(
                amount("select coalesce(sum(in_kind_cents * " + SHARE_OF_PERIOD.formatted("start_date", "end_date")
                        + "), 0) / 100.0 from contracts where centre_id = :centre and kind = 'mad' and "
                        + RUNS_IN_PERIOD.formatted("start_date", "end_date"), centreId, from, to),
                amount("select coalesce(sum(hours), 0) * " + RATE
                        + " / 100.0 from volunteer_hours where centre_id = :centre and date between :from and :to", centreId, from, to));
        Map<String, Long> byStatus = counts("select status, count(*) from grants where centre_id = :centre and " + years
                + " group by 1", centreId, from, to, FundingService.STATUSES);
        Association.Grants grants = jdbc.sql("select coalesce(sum(requested_cents), 0) / 100.0, coalesce(sum(granted_cents)"
                        + " filter (where status in ('accorde', 'verse')), 0) / 100.0"
                        + " from grants where centre_id = :centre and " + years).params(params(centreId, from, to))
                .query((rs, n) -> new Association.Grants(money(rs.getBigDecimal(1)), money(rs.getBigDecimal(2)), byStatus))
                .single();
        return new Association.Funding(products, byFunder, charges, inKind, grants);
    }

    /**
     * The period's products ({@code funding.products}) by funder category ({@link #FUNDER_CATEGORIES}): every product
     * falls in exactly one category, so the categories sum to the products.
     */
    public Map<String, BigDecimal> productsByFunderCategory(long centreId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        FUNDER_CATEGORIES.forEach(c -> byCategory.put(c, money(BigDecimal.ZERO)));
        jdbc.sql("select " + FUNDER_CATEGORY + ", sum(pr.amount_cents) / 100.0 from products pr"
                        + " left join partners pa on pa.centre_id = pr.centre_id and pa.id = pr.partner_id"
                        + " where pr.centre_id = :centre and pr." + YEARS + " group by 1")
                .params(params(centreId, from, to)).query((rs, n) -> byCategory.put(rs.getString(1), money(rs.getBigDecimal(2)))).list();
        return byCategory;
    }

    /**
     * The ETP of the contracts on the period's last day ({@code staff.etp}) by function ({@link StaffService#FUNCTIONS}),
     * rounded to the hundredth by the largest remainder, so that the functions sum to {@code staff.etp}.
     */
    public Map<String, BigDecimal> etpByFunction(long centreId, LocalDate from, LocalDate to) {
        return etpBy("function", StaffService.FUNCTIONS, centreId, from, to);
    }

    /** The same ETP by kind of contract ({@link StaffService#CONTRACTS}), summing to {@code staff.etp} too. */
    public Map<String, BigDecimal> etpByContract(long centreId, LocalDate from, LocalDate to) {
        return etpBy("kind", StaffService.CONTRACTS, centreId, from, to);
    }

    private Map<String, BigDecimal> etpBy(String column, List<String> keys, long centreId, LocalDate from, LocalDate to) {
        String onLastDay = "from contracts c where c.centre_id = :centre and " + RUNS_ON_LAST_DAY.formatted("c.start_date", "c.end_date");
        // each part floored to the cent; the cents the rounded total still lacks go to the largest remainders
        String sql = """
                with parts as (select %1$s as k, coalesce(sum(weekly_hours), 0) / %2$s * 100 as v %3$s group by 1),
                     floored as (select k, floor(v) as c, v - floor(v) as r from parts),
                     missing as (select round((select coalesce(sum(weekly_hours), 0) / %2$s %3$s), 2) * 100
                                        - (select coalesce(sum(c), 0) from floored) as n)
                select k, (c + case when row_number() over (order by r desc, k) <= (select n from missing) then 1 else 0 end) / 100.0
                from floored""".formatted(column, FULL_TIME, onLastDay);
        Map<String, BigDecimal> etp = new LinkedHashMap<>();
        keys.forEach(k -> etp.put(k, money(BigDecimal.ZERO)));
        jdbc.sql(sql).params(params(centreId, from, to)).query((rs, n) -> etp.put(rs.getString(1), money(rs.getBigDecimal(2)))).list();
        return etp;
    }

    /** Volunteers of the period ({@code volunteers.volunteers}) aged 12 to 25 on its last day, from their person's birth date. */
    public long volunteersAged12To25(long centreId, LocalDate from, LocalDate to) {
        return single("select count(*) from volunteers v join people_persons p on p.centre_id = v.centre_id and p.id = v.person_id"
                + " where v.centre_id = :centre and " + RUNS_IN_PERIOD.formatted("v.start_date", "v.end_date")
                + " and extract(year from age(:to, p.birth_date)) between 12 and 25", centreId, from, to);
    }

    /** Agréments in force on the period's last day. */
    private List<Association.Agrement> agrements(long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql("select label, issuer, start_date, end_date from agrements where centre_id = :centre and "
                        + RUNS_ON_LAST_DAY.formatted("start_date", "end_date") + " order by label")
                .params(params(centreId, from, to))
                .query((rs, n) -> new Association.Agrement(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))).list();
    }

    private BigDecimal amount(String sql, long centreId, LocalDate from, LocalDate to) {
        return money(jdbc.sql(sql).params(params(centreId, from, to)).query(BigDecimal.class).single());
    }

    private long single(String sql, long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).params(params(centreId, from, to)).query(Long.class).single();
    }

    private Map<String, Long> counts(String sql, long centreId, LocalDate from, LocalDate to, List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        jdbc.sql(sql).params(params(centreId, from, to)).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> params(long centreId, LocalDate from, LocalDate to) {
        return Map.of("centre", centreId, "from", from, "to", to);
    }
}
