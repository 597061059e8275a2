package fr.trame.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Households (foyers) of a centre: every query is bounded by the centre's id. */
@Service
public class HouseholdService {

    public record Household(long id, String ref, String label, String address, String postcode, String commune,
                            Long quartierId, String quartierName, Boolean qpv, Boolean quartierQpv, String cafNumber,
                            String notes, Integer currentQf) {

        /** The household's own QPV answer, else its quartier's. */
        public Boolean effectiveQpv() {
            return qpv != null ? qpv : quartierQpv;
        }
    }

    public record Member(long personId, String lastName, String firstName, String sex, LocalDate birthDate,
                         String role, boolean principal, LocalDate startDate, LocalDate endDate, boolean anonymised) {
        /** Still a member on {@code today} (the centre's, {@code scope.today()}). */
        public boolean current(LocalDate today) {
            return endDate == null || !endDate.isBefore(today);
        }
    }

    public record QfValue(long id, LocalDate validFrom, int amountEuros, String source) {
    }

    /** Label of a household: the last names of its current members. */
    public static final String LABEL = """
            coalesce((select string_agg(distinct p.last_name, ' / ')
                      from household_members hm join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
                      where hm.centre_id = h.centre_id and hm.household_id = h.id
                        and (hm.end_date is null or hm.end_date >= centre_today(h.centre_id))), 'Foyer sans membre')""";

    static final String CURRENT_QF = """
            (select q.amount_euros from qf_history q where q.centre_id = h.centre_id and q.household_id = h.id
             order by q.valid_from desc, q.id desc limit 1)""";

    private final JdbcClient jdbc;

    public HouseholdService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Household> find(long centreId, long id) {
        return jdbc.sql("select h.id, h.ref, " + LABEL + " as label, h.address, h.postcode, h.commune, h.quartier_id,"
                        + " qu.name as quartier_name, h.qpv, qu.qpv as quartier_qpv, h.caf_number, h.notes, "
                        + CURRENT_QF + " as current_qf"
                        + " from households h left join territory_quartiers qu on qu.centre_id = h.centre_id and qu.id = h.quartier_id"
                        + " where h.centre_id = ? and h.id = ?")
                .params(centreId, id).query(Household.class).optional();
    }

    public List<Member> members(long centreId, long householdId) {
        return jdbc.sql("""
                select p.id as person_id, p.last_name, p.first_name, p.sex, p.birth_date, hm.role, hm.principal,
                       hm.start_date, hm.end_date, p.anonymised_at is not null as anonymised
                from household_members hm join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
                where hm.centre_id = ? and hm.household_id = ?
                order by (hm.end_date is not null), case hm.role when 'responsable' then 0 when 'autre' then 1 else 2 end,
                         p.birth_date nulls last, p.last_name, p.first_name""")
                .params(centreId, householdId).query(Member.class).list();
    }

    public List<QfValue> qfHistory(long centreId, long householdId) {
        return jdbc.sql("""
                select id, valid_from, amount_euros, source from qf_history
                where centre_id = ? and household_id = ? order by valid_from desc, id desc""")
                .params(centreId, householdId).query(QfValue.class).list();
    }

    /** A household's fields, as the form or an importer gives them. */
    public record Values(String ref, String address, String postcode, String commune, Long quartierId, Boolean qpv,
                         String cafNumber, String notes, Integer qf) {
    }

    @Transactional
    public long create(long centreId, Values v) {
        long id = jdbc.sql("""
                insert into households (centre_id, ref, address, postcode, commune, quartier_id, qpv, caf_number, notes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centreId, v.ref(), v.address(), v.postcode(), v.commune(), v.quartierId(), v.qpv(),
                        v.cafNumber(), v.notes())
                .query(Long.class).single();
        if (v.qf() != null) {
            addQf(centreId, id, jdbc.sql("select centre_today(?)").param(centreId).query(LocalDate.class).single(), // the centre's day
                    v.qf(), "declare");
        }
        return id;
    }

    @Transactional
    public void update(long centreId, long id, Values v) {
        jdbc.sql("""
                update households set ref = ?, address = ?, postcode = ?, commune = ?, quartier_id = ?, qpv = ?,
                       caf_number = ?, notes = ?, updated_at = now()
                where centre_id = ? and id = ?""")
                .params(v.ref(), v.address(), v.postcode(), v.commune(), v.quartierId(), v.qpv(), v.cafNumber(),
                        v.notes(), centreId, id)
                .update();
    }

    public boolean refTaken(long centreId, String ref, Long exceptId) {
        return ref != null && jdbc.sql("select exists (select 1 from households where centre_id = ? and ref = ? and id <> ?)")
                .params(centreId, ref, exceptId == null ? -1 : exceptId).query(Boolean.class).single();
    }

    @Transactional
    public void addQf(long centreId, long householdId, LocalDate validFrom, int amountEuros, String source) {
        jdbc.sql("""
                insert into qf_history (centre_id, household_id, valid_from, amount_euros, source)
                values (?, ?, ?, ?, ?)""")
                .params(centreId, householdId, validFrom, amountEuros, source).update();
    }

    public long count(long centreId) {
        return jdbc.sql("select count(*) from households where centre_id = ?").param(centreId).query(Long.class).single();
    }

    /**
     * The households of the persons in which everyone ever linked is now anonymised lose their address, reference, CAF
     * number and notes; their quartier, QPV answer and QF history stay, as the figures count them. Returns their ids.
     */
    @Transactional
    public List<Long> forgetWhenEveryoneAnonymised(long centreId, Collection<Long> personIds) {
        return jdbc.sql("""
                update households h set ref = null, address = null, postcode = null, commune = null, caf_number = null,
                       notes = null, updated_at = now()
                where h.centre_id = :centre
                  and h.id in (select household_id from household_members
                               where centre_id = :centre and person_id = any(:persons))
                  and not exists (select 1 from household_members hm
                                  join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
                                  where hm.centre_id = :centre and hm.household_id = h.id and p.anonymised_at is null)
                returning h.id""")
                .param("centre", centreId).param("persons", personIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /**
     * Deletes the centre's whole register: QF history, household links, persons and households. For the benchmarks,
     * which measure an import again on an emptied centre; fails (and changes nothing) once anything else refers to them.
     */
    @Transactional
    public void deleteRegister(long centreId) {
        for (String table : List.of("qf_history", "household_members", "persons", "households")) {
            jdbc.sql("delete from " + table + " where centre_id = ?").param(centreId).update();
        }
    }

    /** A household's QF from a day on, and where it comes from. */
    public record NewQf(long householdId, LocalDate validFrom, int amountEuros, String source) {
    }

    /** {@link #addQf} for many households at once, set-based (a register taken over with its QF history). */
    @Transactional
    public void addQfs(long centreId, List<NewQf> values) {
        jdbc.sql("""
                insert into qf_history (centre_id, household_id, valid_from, amount_euros, source)
                select :centre, q.household_id, cast(q.valid_from as date), q.amount_euros, q.source
                from unnest(cast(:households as bigint[]), cast(:days as text[]), cast(:amounts as integer[]),
                            cast(:sources as text[])) as q(household_id, valid_from, amount_euros, source)""")
                .param("centre", centreId)
                .param("households", values.stream().map(NewQf::householdId).toArray(Long[]::new))
                .param("days", values.stream().map(q -> q.validFrom().toString()).toArray(String[]::new))
                .param("amounts", values.stream().map(NewQf::amountEuros).toArray(Integer[]::new))
                .param("sources", values.stream().map(NewQf::source).toArray(String[]::new))
                .update();
    }

    /** Sets the CAF numbers of many households at once (household id to number), set-based. */
    @Transactional
    public void setCafNumbers(long centreId, Map<Long, String> numbers) {
        jdbc.sql("""
                update households h set caf_number = n.caf_number, updated_at = now()
                from unnest(cast(:ids as bigint[]), cast(:numbers as text[])) as n(id, caf_number)
                where h.centre_id = :centre and h.id = n.id""")
                .param("ids", numbers.keySet().toArray(Long[]::new)).param("numbers", numbers.values().toArray(String[]::new))
                .param("centre", centreId).update();
    }
}
