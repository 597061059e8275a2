package fr.trame.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Adhésions: familiale (the household), individuelle (a person), associative (an organisation), per season. */
@Service
public class MembershipService {

    public static final List<String> TYPES = List.of("familiale", "individuelle", "associative");
    public static final List<String> PAYMENT_MODES = List.of("especes", "cheque", "carte", "virement", "prelevement", "autre");

    public record Season(long id, String label, LocalDate startDate, LocalDate endDate) {
    }

    public record Membership(long id, String ref, String type, Long householdId, Long personId, String organisation,
                             String holder, LocalDate startDate, LocalDate endDate, Integer amountCents, boolean paid,
                             LocalDate paidOn, String paymentMode) {
    }

    /** Totals of a season by type: memberships, persons they cover, amounts. */
    public record TypeTotal(String type, long memberships, long persons, long amountCents, long paidCents) {
    }

    public record NewMembership(String type, Long householdId, Long personId, String organisation, LocalDate startDate,
                                LocalDate endDate, Integer amountCents, boolean paid, LocalDate paidOn,
                                String paymentMode) {
    }

    private static final String SELECT = """
            select m.id, m.ref, m.type, m.household_id, m.person_id, m.organisation,
                   case m.type when 'familiale' then (select 'Famille ' || string_agg(distinct p.last_name, ' / ')
                                     from household_members hm join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
                                     where hm.centre_id = m.centre_id and hm.household_id = m.household_id)
                               when 'individuelle' then (select p.first_name || ' ' || p.last_name from persons p
                                     where p.centre_id = m.centre_id and p.id = m.person_id)
                               else m.organisation end as holder,
                   m.start_date, m.end_date, m.amount_cents, m.paid, m.paid_on, m.payment_mode
            from memberships m
            """;

    private final JdbcClient jdbc;

    /** For templates. */
    public List<String> paymentModes() {
        return PAYMENT_MODES;
    }

    public MembershipService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Season> seasons(long centreId) {
        return jdbc.sql("select id, label, start_date, end_date from seasons where centre_id = ? order by start_date desc")
                .param(centreId).query(Season.class).list();
    }

    public Optional<Season> season(long centreId, long id) {
        return jdbc.sql("select id, label, start_date, end_date from seasons where centre_id = ? and id = ?")
                .params(centreId, id).query(Season.class).optional();
    }

    /** The season containing the date, created on the September–August pattern when missing. */
    @Transactional
    public Season seasonOf(long centreId, LocalDate date) {
        Optional<Season> existing = jdbc.sql("""
                select id, label, start_date, end_date from seasons
                where centre_id = ? and start_date <= ? and end_date >= ? order by start_date desc limit 1""")
                .params(centreId, date, date).query(Season.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        int startYear = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return createSeason(centreId, LocalDate.of(startYear, 9, 1), LocalDate.of(startYear + 1, 8, 31));
    }

    @Transactional
    public Season createSeason(long centreId, LocalDate start, LocalDate end) {
        String label = start.getYear() == end.getYear() ? String.valueOf(start.getYear())
                : start.getYear() + "-" + end.getYear();
        jdbc.sql("""
                insert into seasons (centre_id, label, start_date, end_date) values (?, ?, ?, ?)
                on conflict (centre_id, label) do nothing""")
                .params(centreId, label, start, end).update();
        return jdbc.sql("select id, label, start_date, end_date from seasons where centre_id = ? and label = ?")
                .params(centreId, label).query(Season.class).single();
    }

    public List<Membership> ofHousehold(long centreId, long householdId) {
        return jdbc.sql(SELECT + """
                 where m.centre_id = :centre and (m.household_id = :household or m.person_id in (
                     select person_id from household_members where centre_id = :centre and household_id = :household))
                 order by m.start_date desc, m.id desc""")
                .param("centre", centreId).param("household", householdId).query(Membership.class).list();
    }

    /** The person's own memberships and the familiale ones of their households that cover them. */
    public List<Membership> ofPerson(long centreId, long personId) {
        return jdbc.sql(SELECT + """
                 where m.centre_id = :centre and (m.person_id = :person or (m.type = 'familiale' and exists (
                     select 1 from household_members hm where hm.centre_id = :centre and hm.household_id = m.household_id
                     and hm.person_id = :person
                     and (hm.start_date is null or hm.start_date <= m.start_date)
                     and (hm.end_date is null or hm.end_date >= m.start_date))))
                 order by m.start_date desc, m.id desc""")
                .param("centre", centreId).param("person", personId).query(Membership.class).list();
    }

    public Optional<Membership> find(long centreId, long id) {
        return jdbc.sql(SELECT + " where m.centre_id = ? and m.id = ?").params(centreId, id)
                .query(Membership.class).optional();
    }

    public List<Membership> ofSeason(long centreId, Season season) {
        return jdbc.sql(SELECT + """
                 where m.centre_id = ? and m.start_date <= ? and m.end_date >= ?
                 order by m.type, holder, m.id""")
                .params(centreId, season.endDate(), season.startDate()).query(Membership.class).list();
    }

    /**
     * Totals by type, then the grand total (type {@code "total"}). A familiale membership covers every person attached
     * to the household on its start date.
     */
    public List<TypeTotal> totals(long centreId, Season season) {
        return jdbc.sql("""
                select coalesce(m.type, 'total') as type, count(*) as memberships,
                       coalesce(sum(case m.type when 'individuelle' then 1
                                       when 'familiale' then (select count(distinct hm.person_id) from household_members hm
                                            where hm.centre_id = m.centre_id and hm.household_id = m.household_id
                                              and (hm.start_date is null or hm.start_date <= m.start_date)
                                              and (hm.end_date is null or hm.end_date >= m.start_date))
                                       else 0 end), 0) as persons,
                       coalesce(sum(m.amount_cents), 0) as amount_cents,
                       coalesce(sum(m.amount_cents) filter (where m.paid), 0) as paid_cents
                from memberships m
                where m.centre_id = ? and m.start_date <= ? and m.end_date >= ?
                group by rollup (m.type) order by grouping(m.type), m.type""")
                .params(centreId, season.endDate(), season.startDate()).query(TypeTotal.class).list();
    }

    @Transactional
    public long create(long centreId, NewMembership m) {
        return jdbc.sql("""
                insert into memberships (centre_id, type, household_id, person_id, organisation, start_date, end_date,
                                         amount_cents, paid, paid_on, payment_mode)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centreId, m.type(), m.householdId(), m.personId(), m.organisation(), m.startDate(), m.endDate(),
                        m.amountCents(), m.paid(), m.paidOn(), m.paymentMode())
                .query(Long.class).single();
    }

    /**
     * Renews a membership for the season after the one it covered: same holder, type and amount, not yet paid.
     * Returns the existing renewal if there is one, so a second click does not create a duplicate.
     */
    @Transactional
    public long renew(long centreId, long membershipId) {
        Membership old = find(centreId, membershipId).orElseThrow();
        Season next = seasonOf(centreId, old.endDate().plusDays(1));
        Optional<Long> already = jdbc.sql("""
                select id from memberships where centre_id = ? and type = ? and start_date >= ? and start_date <= ?
                  and household_id is not distinct from ? and person_id is not distinct from ?
                  and organisation is not distinct from ? limit 1""")
                .params(centreId, old.type(), next.startDate(), next.endDate(), old.householdId(), old.personId(),
                        old.organisation())
                .query(Long.class).optional();
        if (already.isPresent()) {
            return already.get();
        }
        return create(centreId, new NewMembership(old.type(), old.householdId(), old.personId(), old.organisation(),
                next.startDate(), next.endDate(), old.amountCents(), false, null, null));
    }

    @Transactional
    public void markPaid(long centreId, long membershipId, LocalDate on, String mode) {
        jdbc.sql("update memberships set paid = true, paid_on = ?, payment_mode = ? where centre_id = ? and id = ?")
                .params(on, mode, centreId, membershipId).update();
    }
}
