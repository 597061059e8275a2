package fr.trame.people;

import fr.trame.form.Refused;
import fr.trame.centre.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Adhésions: familiale (the household), individuelle (a person), associative (an organisation), per season. */
@Service
public class MembershipService {

    public static final List<String> TYPES = List.of("familiale", "individuelle", "associative");
    public static final List<String> PAYMENT_MODES = List.of("especes", "cheque", "carte", "virement", "prelevement", "autre");

    public record Season(long id, String label, LocalDate startDate, LocalDate endDate) {
    }

    /**
     * One membership as listed: {@code detail} tells two holders of the same name apart (the household's reference and
     * address; for a person, their reference and principal household's address, and {@code birthDate} for their age).
     * A cancelled one keeps its row, with when, why and by whom.
     */
    public record Membership(long id, String ref, String type, Long householdId, Long personId, String organisation,
                             String holder, LocalDate startDate, LocalDate endDate, Integer amountCents, boolean paid,
                             LocalDate paidOn, String paymentMode, String seasonLabel, String detail,
                             LocalDate birthDate, OffsetDateTime cancelledAt, String cancelReason,
                             String cancelledBy) {
        public boolean cancelled() {
            return cancelledAt != null;
        }
    }

    /** Totals of a season by type: memberships, persons they cover, amounts. */
    public record TypeTotal(String type, long memberships, long persons, long amountCents, long paidCents) {
    }

    public record NewMembership(String type, Long householdId, Long personId, String organisation, LocalDate startDate,
                                LocalDate endDate, Integer amountCents, boolean paid, LocalDate paidOn,
                                String paymentMode) {
    }

    /** The holder already has a running membership of this type for the season. */
    public static class AlreadyMember extends Refused {
        AlreadyMember(String message) {
            super(message);
        }
    }

    /** Which rows of the memberships list, in which order, which page (from 1). {@code seasonId} null: all seasons. */
    public record Filter(Long seasonId, String type, String sort, int page) {
        public static final List<String> SORTS = List.of("nom", "date", "saison");
    }

    public record Page(List<Membership> rows, long total, int page, int pages, int size) {
    }

    public static final int PAGE_SIZE = 50;

    private static final String SELECT = """
            select * from (
            select m.id, m.ref, m.type, m.household_id, m.person_id, m.organisation,
                   case m.type when 'familiale' then 'Famille ' || coalesce((select string_agg(distinct p.last_name, ' / ')
                                     from household_members hm join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
                                     where hm.centre_id = m.centre_id and hm.household_id = m.household_id), 'sans membre')
                               when 'individuelle' then (select p.first_name || ' ' || p.last_name from persons p
                                     where p.centre_id = m.centre_id and p.id = m.person_id)
                               else m.organisation end as holder,
                   m.start_date, m.end_date, m.amount_cents, m.paid, m.paid_on, m.payment_mode,
                   s.label as season_label, s.start_date as season_start,
                   case m.type when 'familiale' then (select nullif(concat_ws(' · ', 'réf. ' || h.ref,
                                         nullif(concat_ws(' ', h.address, h.commune), '')), '')
                                     from households h where h.centre_id = m.centre_id and h.id = m.household_id)
                               when 'individuelle' then (select nullif(concat_ws(' · ', 'réf. ' || p.ref,
                                         (select nullif(concat_ws(' ', h.address, h.commune), '')
                                          from household_members hm
                                          join households h on h.centre_id = hm.centre_id and h.id = hm.household_id
                                          where hm.centre_id = p.centre_id and hm.person_id = p.id
                                          order by hm.principal desc, hm.end_date is not null, hm.household_id limit 1)), '')
                                     from persons p where p.centre_id = m.centre_id and p.id = m.person_id)
                               end as detail,
                   (select p.birth_date from persons p where p.centre_id = m.centre_id and p.id = m.person_id) as birth_date,
                   m.cancelled_at, m.cancel_reason,
                   (select u.display_name from centre_users u where u.id = m.cancelled_by) as cancelled_by,
                   m.centre_id, m.season_id, m.cancelled_at is not null as is_cancelled
            from memberships m
            left join seasons s on s.centre_id = m.centre_id and s.id = m.season_id) m
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    /** For templates. */
    public List<String> paymentModes() {
        return PAYMENT_MODES;
    }

    public MembershipService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
                 where m.centre_id = ? and m.season_id = ?
                 order by m.type, holder, m.id""")
                .params(centreId, season.id()).query(Membership.class).list();
    }

    /**
     * One page of the memberships list: those of the season (all seasons when none), of one type if given,
     * cancelled ones included (shown struck through), sorted by holder name, start date or season.
     */
    public Page page(long centreId, Filter filter) {
        long total = bind(jdbc.sql("select count(*) from memberships m" + where(filter)), centreId, filter)
                .query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, filter.page()), pages);
        List<Membership> rows = bind(jdbc.sql(SELECT + where(filter) + order(filter) + " limit :size offset :offset"),
                centreId, filter).param("size", PAGE_SIZE).param("offset", (page - 1) * PAGE_SIZE)
                .query(Membership.class).list();
        return new Page(rows, total, page, pages, PAGE_SIZE);
    }

    /** Every row of the filtered list, in the same order, for its download. */
    public List<Membership> all(long centreId, Filter filter) {
        return bind(jdbc.sql(SELECT + where(filter) + order(filter)), centreId, filter).query(Membership.class).list();
    }

    private static String where(Filter filter) {
        return " where m.centre_id = :centre"
                + (filter.seasonId() == null ? "" : " and m.season_id = :season")
                + (filter.type() == null ? "" : " and m.type = :type");
    }

    private static String order(Filter filter) {
        return switch (filter.sort() == null ? "" : filter.sort()) {
            case "date" -> " order by m.start_date desc, lower(m.holder), m.id";
            case "saison" -> " order by m.season_start desc nulls last, lower(m.holder), m.id";
            default -> " order by lower(m.holder), m.detail nulls last, m.id";
        };
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, long centreId, Filter filter) {
        sql = sql.param("centre", centreId);
        if (filter.seasonId() != null) {
            sql = sql.param("season", filter.seasonId());
        }
        return filter.type() == null ? sql : sql.param("type", filter.type());
    }

    /** The running (not cancelled) membership of this holder and type for the season, if any. */
    public Optional<Membership> running(long centreId, String type, Long householdId, Long personId, long seasonId) {
        return jdbc.sql(SELECT + """
                 where m.centre_id = :centre and m.type = :type and not m.is_cancelled
                   and m.season_id = :season
                   and (:type = 'familiale' and m.household_id = :household
                        or :type = 'individuelle' and m.person_id = :person)
                 order by m.id limit 1""")
                .param("centre", centreId).param("type", type).param("season", seasonId)
                .param("household", householdId == null ? -1L : householdId)
                .param("person", personId == null ? -1L : personId)
                .query(Membership.class).optional();
    }

    /**
     * Totals by type, then the grand total (type {@code "total"}). A familiale membership covers every person attached
     * to the household on its start date. Cancelled memberships do not count.
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
                where m.centre_id = ? and m.season_id = ? and m.cancelled_at is null
                group by rollup (m.type) order by grouping(m.type), m.type""")
                .params(centreId, season.id()).query(TypeTotal.class).list();
    }

    /**
     * Records a membership in the season containing its start date. A second familiale membership of a household, or
     * individuelle of a person, for that season is refused with {@link AlreadyMember} (the unique indexes of V12 make
     * sure of it even for two clicks at once).
     */
    @Transactional
    public long create(long centreId, NewMembership m) {
        Season season = seasonOf(centreId, m.startDate());
        Optional<Membership> existing = running(centreId, m.type(), m.householdId(), m.personId(), season.id());
        if (existing.isPresent()) {
            throw alreadyMember(m.type(), season, existing.get());
        }
        try {
            return jdbc.sql("""
                    insert into memberships (centre_id, type, household_id, person_id, organisation, start_date, end_date,
                                             amount_cents, paid, paid_on, payment_mode, season_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(centreId, m.type(), m.householdId(), m.personId(), m.organisation(), m.startDate(),
                            m.endDate(), m.amountCents(), m.paid(), m.paidOn(), m.paymentMode(), season.id())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // taken at the same instant by another request: the transaction is aborted, nothing more can be read
            throw new AlreadyMember(holderAlready(m.type()) + " pour la saison " + season.label()
                    + " : elle n'est pas enregistrée deux fois.");
        }
    }

    private static AlreadyMember alreadyMember(String type, Season season, Membership existing) {
        return new AlreadyMember(holderAlready(type) + " pour la saison " + season.label() + " (du "
                + Forms.display(existing.startDate()) + " au " + Forms.display(existing.endDate()) + ", "
                + (existing.paid() ? "payée" : "à encaisser") + ") : elle n'est pas enregistrée deux fois.");
    }

    private static String holderAlready(String type) {
        return type.equals("familiale") ? "Ce foyer a déjà une adhésion familiale" : "Cette personne a déjà une adhésion individuelle";
    }

    /**
     * Renews a membership for the season after the one it covered: same holder, type and amount, not yet paid.
     * Returns the existing renewal if there is one, so a second click does not create a duplicate.
     */
    @Transactional
    public long renew(long centreId, long membershipId) {
        Membership old = find(centreId, membershipId).orElseThrow();
        Season next = seasonOf(centreId, old.endDate().plusDays(1));
        Optional<Long> already = old.type().equals("associative")
                ? jdbc.sql("""
                        select id from memberships where centre_id = ? and type = 'associative' and season_id = ?
                          and organisation = ? and cancelled_at is null limit 1""")
                        .params(centreId, next.id(), old.organisation()).query(Long.class).optional()
                : running(centreId, old.type(), old.householdId(), old.personId(), next.id()).map(Membership::id);
        if (already.isPresent()) {
            return already.get();
        }
        return create(centreId, new NewMembership(old.type(), old.householdId(), old.personId(), old.organisation(),
                next.startDate(), next.endDate(), old.amountCents(), false, null, null));
    }

    /**
     * Cancels a membership: the row stays, struck through, with the reason and who cancelled it, and stops counting
     * in every figure. Returns false when it was already cancelled.
     */
    @Transactional
    public boolean cancel(long centreId, long membershipId, String reason, long userId) {
        int changed = jdbc.sql("""
                update memberships set cancelled_at = now(), cancel_reason = ?, cancelled_by = nullif(?, 0)
                where centre_id = ? and id = ? and cancelled_at is null""")
                .params(reason, userId, centreId, membershipId).update();
        if (changed == 1) {
            // the reason stays on the membership, which erasure and the RGPD export handle; the log says only what was done
            audit.record(centreId, userId, "annulation", "adhésion", membershipId, null);
        }
        return changed == 1;
    }

    /** False when the membership is cancelled: a cancelled membership takes no payment. */
    @Transactional
    public boolean markPaid(long centreId, long membershipId, LocalDate on, String mode) {
        return jdbc.sql("update memberships set paid = true, paid_on = ?, payment_mode = ?"
                        + " where centre_id = ? and id = ? and cancelled_at is null")
                .params(on, mode, centreId, membershipId).update() == 1;
    }

    /**
     * Anonymisation: the reasons typed when cancelling the persons' memberships, and those of households nobody
     * identifiable is left in, may name them; the cancellation itself stays (it keeps the figures as they were).
     */
    public void forgetCancelReasons(long centreId, Collection<Long> personIds, List<Long> forgottenHouseholds) {
        jdbc.sql("""
                update memberships set cancel_reason = 'motif effacé (anonymisation)'
                where centre_id = ? and cancelled_at is not null
                  and (person_id = any(?) or household_id = any(?))""")
                .params(centreId, personIds.toArray(Long[]::new), forgottenHouseholds.toArray(Long[]::new)).update();
    }

    /** A payment taken for a membership. */
    public record Payment(long membershipId, LocalDate on, String mode) {
    }

    /**
     * {@link #markPaid} for many memberships at once, set-based (a register taken over with its payments); cancelled
     * memberships take none. Returns how many were marked paid.
     */
    @Transactional
    public int markPaid(long centreId, List<Payment> payments) {
        return jdbc.sql("""
                update memberships m set paid = true, paid_on = cast(p.paid_on as date), payment_mode = p.mode
                from unnest(cast(:ids as bigint[]), cast(:days as text[]), cast(:modes as text[])) as p(id, paid_on, mode)
                where m.centre_id = :centre and m.id = p.id and m.cancelled_at is null""")
                .param("ids", payments.stream().map(Payment::membershipId).toArray(Long[]::new))
                .param("days", payments.stream().map(p -> p.on().toString()).toArray(String[]::new))
                .param("modes", payments.stream().map(Payment::mode).toArray(String[]::new))
                .param("centre", centreId).update();
    }
}
