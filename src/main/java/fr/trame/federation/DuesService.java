package fr.trame.federation;

import fr.trame.form.FrenchFormat;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dues (cotisations): the year's rule, the budgets structures declared, the calls computed from them, credit notes
 * and payments. The rule: budget × rate (basis points) / 10 000, rounded half up to the cent, then raised to the floor
 * and lowered to the ceiling; computed in SQL only ({@link #AMOUNT}), for the preview and the calls alike. What a call
 * owes is its amount − its credit notes − its payments. A call with a payment is never edited.
 */
@Service
public class DuesService {

    public static final Set<String> MODES = Set.of("virement", "cheque", "prelevement", "especes");

    /** The rule on :base with the schedule r (rate_bp, floor_cents, ceiling_cents): the one definition of a call. */
    static final String AMOUNT = "least(greatest((%s * r.rate_bp + 5000) / 10000, r.floor_cents), r.ceiling_cents)";

    public record Schedule(long id, int year, int rateBp, long floorCents, long ceilingCents) {
        /** The rate as the page shows it: 50 → « 0,5 % ». */
        public String rate() {
            return percent(rateBp);
        }
    }

    /** A member structure for the year: its declared budget, what the rule gives, and its current call if any. */
    public record Preview(long structureId, String name, String departement, Long budget, Long amount, Long callId) {
    }

    public record Call(long id, int year, long structureId, String structure, String departement, Long territoryId,
                       long base, int rateBp, long floorCents, long ceilingCents, long amount, LocalDate issuedOn,
                       long credited, long paid, long owed, int payments) {
        /** The rate it was computed with: 50 → « 0,5 % ». */
        public String rate() {
            return percent(rateBp);
        }

        /** Cancelled: credit notes take off all its amount. */
        public boolean cancelled() {
            return credited >= amount && amount > 0;
        }
    }

    public record Payment(long id, long callId, LocalDate paidOn, long amount, String mode, String reference) {
    }

    public record Credit(long id, long callId, long amount, LocalDate issuedOn, String reason) {
    }

    public record Totals(int calls, long called, long credited, long paid, long owed) {
    }

    private static final String CALLS = """
            select c.id, c.year, c.structure_id, s.name as structure, s.departement, s.territory_id, c.base_cents as base,
                   c.rate_bp, c.floor_cents, c.ceiling_cents, c.amount_cents as amount, c.issued_on,
                   coalesce(cr.credited, 0) as credited, coalesce(pa.paid, 0) as paid,
                   c.amount_cents - coalesce(cr.credited, 0) - coalesce(pa.paid, 0) as owed, coalesce(pa.n, 0) as payments
            from dues_calls c
            join structures s on s.federation_id = c.federation_id and s.id = c.structure_id
            left join (select call_id, sum(amount_cents) as credited from dues_credits where federation_id = :federation
                       group by call_id) cr on cr.call_id = c.id
            left join (select call_id, sum(amount_cents) as paid, count(*) as n from dues_payments where federation_id = :federation
                       group by call_id) pa on pa.call_id = c.id
            where c.federation_id = :federation""";

    private final JdbcClient jdbc;

    public DuesService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Schedule> schedule(long federationId, int year) {
        return jdbc.sql("""
                select id, year, rate_bp, floor_cents, ceiling_cents from dues_schedules where federation_id = ? and year = ?""")
                .params(federationId, year).query(Schedule.class).optional();
    }

    /** Sets the year's rule; calls already issued keep the rule they were computed with. */
    public void setSchedule(long federationId, int year, int rateBp, long floorCents, long ceilingCents) {
        if (ceilingCents < floorCents) {
            throw new Refused("ceiling", "Le plafond doit être au moins égal au plancher.");
        }
        jdbc.sql("""
                insert into dues_schedules (federation_id, year, rate_bp, floor_cents, ceiling_cents) values (?, ?, ?, ?, ?)
                on conflict (federation_id, year) do update
                set rate_bp = excluded.rate_bp, floor_cents = excluded.floor_cents, ceiling_cents = excluded.ceiling_cents""")
                .params(federationId, year, rateBp, floorCents, ceilingCents).update();
    }

    /** The budget a structure declared for the year (replacing an earlier declaration). */
    public void declareBudget(long federationId, int year, long structureId, long budgetCents) {
        int n = jdbc.sql("""
                insert into dues_budgets (federation_id, year, structure_id, budget_cents)
                select s.federation_id, ?, s.id, ? from structures s where s.federation_id = ? and s.id = ?
                on conflict (federation_id, year, structure_id) do update set budget_cents = excluded.budget_cents""")
                .params(year, budgetCents, federationId, structureId).update();
        if (n == 0) {
            throw new NotFound("Cette structure n'existe pas dans cette fédération.");
        }
    }

    /** Many declarations at once (the demonstration, an import). */
    @Transactional
    public void declareBudgets(long federationId, int year, Map<Long, Long> budgets) {
        budgets.forEach((structure, budget) -> declareBudget(federationId, year, structure, budget));
    }

    /**
     * The member structures of the year (adherent or reaffiliated on :day) with their budget, what the rule gives
     * and their current call (one not cancelled by credit notes). Takes :federation, :year and :day.
     */
    private static final String PREVIEW = ("""
            select s.id as structure_id, s.name, s.departement, b.budget_cents as budget,
                   case when b.budget_cents is null or r.id is null then null else %s end as amount,
                   (select c.id from (%s) c where c.year = :year and c.structure_id = s.id and (c.amount = 0 or c.credited < c.amount)
                    order by c.id desc limit 1) as call_id
            from structures s
            left join dues_budgets b on b.federation_id = s.federation_id and b.year = :year and b.structure_id = s.id
            left join dues_schedules r on r.federation_id = s.federation_id and r.year = :year
            where s.federation_id = :federation
              and %s""").formatted(AMOUNT.formatted("b.budget_cents"), CALLS, StructureService.memberOn("s", ":day"));

    public List<Preview> preview(long federationId, int year, LocalDate day) {
        return jdbc.sql("select * from (" + PREVIEW + ") p order by p.departement, lower(p.name)")
                .param("federation", federationId).param("year", year).param("day", day)
                .query(Preview.class).list();
    }

    /**
     * Issues the year's calls in one statement: one per member structure with a declared budget and no current call,
     * computed from the year's rule, which each call keeps. Returns how many were issued.
     */
    @Transactional
    public int issueCalls(long federationId, int year, LocalDate day) {
        // one issue at a time per year: a double click must not call every structure twice, nor the rule change midway
        jdbc.sql("select 1 from dues_schedules where federation_id = ? and year = ? for update")
                .params(federationId, year).query(Integer.class).optional();
        schedule(federationId, year).orElseThrow(() -> new Refused("Fixez d'abord la règle de cotisation de " + year + "."));
        return jdbc.sql("""
                insert into dues_calls (federation_id, year, structure_id, base_cents, rate_bp, floor_cents,
                                        ceiling_cents, amount_cents, issued_on)
                select :federation, :year, p.structure_id, p.budget, r.rate_bp, r.floor_cents, r.ceiling_cents, p.amount,
                       :issued
                from (""" + PREVIEW + """
                ) p
                join dues_schedules r on r.federation_id = :federation and r.year = :year
                where p.budget is not null and p.call_id is null""")
                .param("federation", federationId).param("year", year).param("day", memberDay(year, day))
                .param("issued", day).update();
    }

    /** The day a year's members are taken on: today for the current year, the 31st of December for a past one. */
    public static LocalDate memberDay(int year, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return today.isAfter(end) ? end : today;
    }

    public List<Call> calls(long federationId, int year) {
        return jdbc.sql("select * from (" + CALLS + ") c where c.year = :year order by c.departement, lower(c.structure), c.id")
                .param("federation", federationId).param("year", year).query(Call.class).list();
    }

    public Call call(long federationId, long callId) {
        return jdbc.sql("select * from (" + CALLS + ") c where c.id = :id")
                .param("federation", federationId).param("id", callId).query(Call.class).optional()
                .orElseThrow(() -> new NotFound("Cet appel de cotisation n'existe pas dans cette fédération."));
    }

    public record Owed(long structureId, String structure, String departement, int calls, long called, long credited,
                       long paid, long owed) {
    }

    /** What each structure owes for the year, all its calls together (a cancelled call and its new one are netted). */
    public List<Owed> owedByStructure(long federationId, int year) {
        return jdbc.sql("""
                select structure_id, structure, departement, count(*) as calls, sum(amount) as called,
                       sum(credited) as credited, sum(paid) as paid, sum(owed) as owed
                from (""" + CALLS + """
                ) c where c.year = :year
                group by structure_id, structure, departement order by departement, lower(structure)""")
                .param("federation", federationId).param("year", year).query(Owed.class).list();
    }

    /** The year's totals: called, credited, paid, owed (= called − credited − paid). */
    public Totals totals(long federationId, int year) {
        return jdbc.sql("""
                select count(*) as calls, coalesce(sum(amount), 0) as called, coalesce(sum(credited), 0) as credited,
                       coalesce(sum(paid), 0) as paid, coalesce(sum(owed), 0) as owed
                from (""" + CALLS + ") c where c.year = :year")
                .param("federation", federationId).param("year", year).query(Totals.class).single();
    }

    /**
     * Changes the base of a call and computes it again with its own rule. Refused once it has a payment: a paid call
     * is cancelled by a credit note, and a new call issued.
     */
    @Transactional
    public void editCall(long federationId, long callId, long baseCents) {
        call(federationId, callId);
        // the same lock a payment takes: a payment arriving meanwhile is seen by the check below
        lock(federationId, callId);
        int n = jdbc.sql(("""
                update dues_calls c set base_cents = :base, amount_cents = %s
                from (select rate_bp, floor_cents, ceiling_cents from dues_calls where federation_id = :federation and id = :id) r
                where c.federation_id = :federation and c.id = :id
                  and not exists (select 1 from dues_payments p where p.federation_id = c.federation_id and p.call_id = c.id)
                  and not exists (select 1 from dues_credits k where k.federation_id = c.federation_id and k.call_id = c.id)""")
                .formatted(AMOUNT.formatted("cast(:base as bigint)")))
                .param("federation", federationId).param("id", callId).param("base", baseCents).update();
        if (n == 0) {
            throw new Refused("base", "Cet appel a déjà un paiement ou un avoir : il ne se modifie plus. "
                    + "Annulez-le par un avoir, puis émettez un nouvel appel.");
        }
    }

    public List<Payment> payments(long federationId, long callId) {
        return jdbc.sql("""
                select id, call_id, paid_on, amount_cents as amount, mode, reference from dues_payments
                where federation_id = ? and call_id = ? order by paid_on, id""")
                .params(federationId, callId).query(Payment.class).list();
    }

    public List<Credit> credits(long federationId, long callId) {
        return jdbc.sql("""
                select id, call_id, amount_cents as amount, issued_on, reason from dues_credits
                where federation_id = ? and call_id = ? order by issued_on, id""")
                .params(federationId, callId).query(Credit.class).list();
    }

    /** A payment on a call: never more than it still owes. */
    @Transactional
    public void pay(long federationId, long callId, LocalDate paidOn, long amount, String mode, String reference) {
        lock(federationId, callId);
        Call call = call(federationId, callId);
        if (amount > call.owed()) {
            throw new Refused("amount", "Ce paiement dépasse ce que l'appel doit encore (" + euros(Math.max(call.owed(), 0)) + ").");
        }
        jdbc.sql("insert into dues_payments (federation_id, call_id, paid_on, amount_cents, mode, reference) values (?, ?, ?, ?, ?, ?)")
                .params(federationId, callId, paidOn, amount, mode, reference).update();
    }

    /**
     * A credit note (avoir) on a call: takes off part or all of its amount (all of it: the call is cancelled, and a
     * new call may be issued). Never more than the amount not yet credited.
     */
    @Transactional
    public void credit(long federationId, long callId, long amount, LocalDate issuedOn, String reason) {
        lock(federationId, callId);
        Call call = call(federationId, callId);
        if (amount > call.amount() - call.credited()) {
            throw new Refused("amount", "Cet avoir dépasse le montant de l'appel qui n'est pas déjà annulé ("
                    + euros(call.amount() - call.credited()) + ").");
        }
        jdbc.sql("insert into dues_credits (federation_id, call_id, amount_cents, issued_on, reason) values (?, ?, ?, ?, ?)")
                .params(federationId, callId, amount, issuedOn, reason.trim()).update();
    }

    private void lock(long federationId, long callId) {
        jdbc.sql("select id from dues_calls where federation_id = ? and id = ? for update").params(federationId, callId)
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Cet appel de cotisation n'existe pas dans cette fédération."));
    }

    static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    private static String euros(long cents) {
        return FrenchFormat.euros(cents);
    }
}
