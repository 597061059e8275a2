package fr.trame.federation;

import fr.trame.form.Conflict;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The renewal of an agrément as dated milestones (lancement, COPAR, comités, dépôt, décision…) with who attended for
 * the federation; the calendar of the CAF agréments coming to their end, the year's renewals per AT, the home's alerts.
 */
@Service
public class RenewalService {

    public static final List<String> MILESTONES = List.of("lancement", "comite_pilotage", "copar", "comite_technique",
            "evaluation_intermediaire", "depot", "decision", "amenagement_demande");
    public static final List<String> OUTCOMES = List.of("accorde", "refuse");

    /** The CAF's decision closing a renewal: when granted, the new agrément's dates. */
    public record Decision(String outcome, LocalDate start, LocalDate end) {
    }

    public record Renewal(long id, long structureId, long agrementId, String agrementKind, String agrementLabel,
                          LocalDate agrementStart, LocalDate agrementEnd, LocalDate openedOn, LocalDate closedOn,
                          String outcome, LocalDate newStart, LocalDate newEnd) {
        public boolean isOpen() {
            return closedOn == null;
        }
    }

    /** A milestone with the names of those who attended for the federation (comma-separated, by name). */
    public record Milestone(long id, long renewalId, String kind, LocalDate date, String note, String attendees) {
    }

    public record RenewalFile(Renewal renewal, List<Milestone> milestones) {
    }

    /**
     * A CAF agrément in force coming to its end, with its renewal (the open one, else the latest), the last milestone
     * held and the next one planned, and the end of a later agrément of the same kind when it is already renewed.
     */
    public record CalendarRow(long agrementId, String kind, String label, LocalDate start, LocalDate end, long structureId,
                              String structure, String ref, String departement, String commune, Long territoryId,
                              String territory, boolean mine, Long renewalId, LocalDate openedOn, LocalDate closedOn,
                              String outcome, String lastKind, LocalDate lastDate, String nextKind, LocalDate nextDate,
                              LocalDate renewedUntil) {
        public boolean renewalOpen() {
            return renewalId != null && closedOn == null;
        }
    }

    /** One AT of the calendar: its rows, how many agréments and how many distinct structures. */
    public record CalendarGroup(Long territoryId, String territory, boolean mine, long agrements, long structures,
                                List<CalendarRow> rows) {
    }

    /** One AT in a year: distinct structures of the registry, with a milestone that year, launched, renewed. */
    public record YearLine(Long territoryId, String territory, long structures, long inRenewal, long launched,
                           long renewed) {
    }

    /** One milestone of the year, for the list behind the year's figures. */
    public record YearMilestone(Long territoryId, long structureId, String structure, long renewalId, String kind,
                                LocalDate date, String outcome, String attendees) {
    }

    /** An agrément ending soon with no renewal running (and not renewed already). */
    public record DueAlert(long structureId, String structure, String territory, String kind, String label, LocalDate end) {
    }

    public record UpcomingAlert(long structureId, String structure, String territory, String kind, LocalDate date,
                                String attendees) {
    }

    public record Alerts(List<DueAlert> due, List<UpcomingAlert> upcoming) {
        public boolean isEmpty() {
            return due.isEmpty() && upcoming.isEmpty();
        }
    }

    private static final String ATTENDEES = """
            (select string_agg(u.display_name, ', ' order by lower(u.display_name))
             from renewal_attendees ra join centre_users u on u.id = ra.user_id
             where ra.federation_id = m.federation_id and ra.milestone_id = m.id)""";


    private final JdbcClient jdbc;
    private final AgrementService agrements;

    private static String french(LocalDate date) {
        return date.format(Parse.FRENCH_DATE);
    }

    public RenewalService(JdbcClient jdbc, AgrementService agrements) {
        this.jdbc = jdbc;
        this.agrements = agrements;
    }

    /**
     * Launches the renewal of one of the structure's agréments: the renewal opens on that day with its lancement
     * milestone. An agrément has one renewal running at most.
     */
    @Transactional
    public long open(long federationId, long structureId, long agrementId, LocalDate launch, String note,
                     Collection<Long> attendees) {
        if (launch == null) {
            throw new Refused("date", "Indiquez la date du lancement.");
        }
        boolean exists = jdbc.sql("""
                select exists (select 1 from structure_agrements where federation_id = ? and structure_id = ? and id = ?)""")
                .params(federationId, structureId, agrementId).query(Boolean.class).single();
        if (!exists) {
            throw new NotFound("Cet agrément n'existe pas pour cette structure.");
        }
        boolean running = jdbc.sql("""
                select exists (select 1 from renewals where federation_id = ? and agrement_id = ? and closed_on is null)""")
                .params(federationId, agrementId).query(Boolean.class).single();
        if (running) {
            throw new Conflict("Un renouvellement de cet agrément est déjà en cours.");
        }
        long id = jdbc.sql("""
                insert into renewals (federation_id, structure_id, agrement_id, opened_on) values (?, ?, ?, ?) returning id""")
                .params(federationId, structureId, agrementId, launch).query(Long.class).single();
        insertMilestone(federationId, id, "lancement", launch, note, attendees);
        return id;
    }

    /**
     * A milestone of a running renewal, dated on or after its launch. A decision closes it on its date; granted, it
     * records the new agrément (same kind as the one renewed) with its dates, or sets the end of the one already
     * entered with that start.
     */
    @Transactional
    public long addMilestone(long federationId, long structureId, long renewalId, String kind, LocalDate date, String note,
                             Collection<Long> attendees, Decision decision) {
        if (!MILESTONES.contains(kind)) {
            throw new Refused("kind", "Type d'étape inconnu.");
        }
        if ("lancement".equals(kind)) {
            throw new Refused("kind", "Le lancement est l'ouverture du renouvellement : il est déjà enregistré.");
        }
        if (date == null) {
            throw new Refused("date", "Indiquez la date de l'étape.");
        }
        Renewal renewal = renewal(federationId, structureId, renewalId);
        if (!renewal.isOpen()) {
            throw new Refused("kind", "Ce renouvellement est clos depuis la décision du " + french(renewal.closedOn())
                    + " : ouvrez-en un autre.");
        }
        if (date.isBefore(renewal.openedOn())) {
            throw new Refused("date", "L'étape ne peut pas précéder le lancement du renouvellement ("
                    + french(renewal.openedOn()) + ").");
        }
        Long newAgrement = null;
        if ("decision".equals(kind)) {
            if (decision == null || !OUTCOMES.contains(decision.outcome())) {
                throw new Refused("outcome", "Indiquez la décision : agrément accordé ou refusé.");
            }
            if ("accorde".equals(decision.outcome())) {
                if (decision.start() == null || decision.end() == null) {
                    throw new Refused(decision.start() == null ? "newStart" : "newEnd",
                            "Un agrément accordé demande ses deux dates, début et fin.");
                }
                if (decision.end().isBefore(decision.start())) {
                    throw new Refused("newEnd", "La fin du nouvel agrément ne peut pas précéder son début.");
                }
                if (!decision.start().isAfter(renewal.agrementStart())) {
                    throw new Refused("newStart", "Le nouvel agrément commence après le début de celui qu'il renouvelle ("
                            + french(renewal.agrementStart()) + ").");
                }
                newAgrement = agrements.granted(federationId, structureId, renewal.agrementKind(), renewal.agrementLabel(),
                        decision.start(), decision.end());
            }
            jdbc.sql("""
                    update renewals set closed_on = ?, outcome = ?, new_agrement_id = ?
                    where federation_id = ? and id = ?""")
                    .params(date, decision.outcome(), newAgrement, federationId, renewalId).update();
        }
        return insertMilestone(federationId, renewalId, kind, date, note, attendees);
    }

    private long insertMilestone(long federationId, long renewalId, String kind, LocalDate date, String note,
                                 Collection<Long> attendees) {
        String cleanNote = note == null || note.isBlank() ? null : note.trim();
        if (cleanNote != null && cleanNote.length() > 2000) {
            throw new Refused("note", "La note compte 2 000 caractères au plus.");
        }
        Set<Long> people = attendees == null ? Set.of() : new LinkedHashSet<>(attendees);
        Long[] ids = people.toArray(Long[]::new);
        long members = jdbc.sql("""
                select count(*) from network_roles where federation_id = :federation and user_id = any(cast(:ids as bigint[]))""")
                .param("federation", federationId).param("ids", ids).query(Long.class).single();
        if (members != people.size()) {
            throw new Refused("attendees", "Les participants sont des membres de la fédération : choisissez-les dans la liste.");
        }
        long id = jdbc.sql("""
                insert into renewal_milestones (federation_id, renewal_id, kind, date, note) values (?, ?, ?, ?, ?) returning id""")
                .params(federationId, renewalId, kind, date, cleanNote).query(Long.class).single();
        jdbc.sql("""
                insert into renewal_attendees (federation_id, milestone_id, user_id)
                select :federation, :milestone, u from unnest(cast(:ids as bigint[])) u""")
                .param("federation", federationId).param("milestone", id).param("ids", ids).update();
        return id;
    }

    private static final String RENEWALS = """
            select r.id, r.structure_id, r.agrement_id, a.kind as agrement_kind, a.label as agrement_label,
                   a.start_date as agrement_start, a.end_date as agrement_end, r.opened_on, r.closed_on, r.outcome,
                   n.start_date as new_start, n.end_date as new_end
            from renewals r
            join structure_agrements a on a.federation_id = r.federation_id and a.id = r.agrement_id
            left join structure_agrements n on n.federation_id = r.federation_id and n.id = r.new_agrement_id
            where r.federation_id = :federation and r.structure_id = :structure""";

    public Renewal renewal(long federationId, long structureId, long renewalId) {
        return jdbc.sql(RENEWALS + " and r.id = :id").param("federation", federationId).param("structure", structureId)
                .param("id", renewalId).query(Renewal.class).optional()
                .orElseThrow(() -> new NotFound("Ce renouvellement n'existe pas pour cette structure."));
    }

    /** The structure's renewals, the running ones first then the latest, each with its milestones in date order. */
    public List<RenewalFile> forStructure(long federationId, long structureId) {
        List<Renewal> renewals = jdbc.sql(RENEWALS + " order by r.closed_on is null desc, r.opened_on desc, r.id desc")
                .param("federation", federationId).param("structure", structureId).query(Renewal.class).list();
        Map<Long, List<Milestone>> byRenewal = new LinkedHashMap<>();
        renewals.forEach(r -> byRenewal.put(r.id(), new ArrayList<>()));
        jdbc.sql("select m.id, m.renewal_id, m.kind, m.date, m.note, " + ATTENDEES + """
                 as attendees
                from renewal_milestones m join renewals r on r.federation_id = m.federation_id and r.id = m.renewal_id
                where m.federation_id = ? and r.structure_id = ? order by m.date, m.id""")
                .params(federationId, structureId).query(Milestone.class).list()
                .forEach(m -> byRenewal.get(m.renewalId()).add(m));
        return renewals.stream().map(r -> new RenewalFile(r, byRenewal.get(r.id()))).toList();
    }

    /** Read by hand: the record mapper's conversions cost more than the query (bench federation). */
    private static final RowMapper<CalendarRow> CALENDAR_ROW = (rs, n) -> new CalendarRow(rs.getLong("agrement_id"),
            rs.getString("kind"), rs.getString("label"), rs.getObject("start", LocalDate.class),
            rs.getObject("end", LocalDate.class), rs.getLong("structure_id"), rs.getString("structure"), rs.getString("ref"),
            rs.getString("departement"), rs.getString("commune"), rs.getObject("territory_id", Long.class),
            rs.getString("territory"), rs.getBoolean("mine"), rs.getObject("renewal_id", Long.class),
            rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class), rs.getString("outcome"),
            rs.getString("last_kind"), rs.getObject("last_date", LocalDate.class), rs.getString("next_kind"),
            rs.getObject("next_date", LocalDate.class), rs.getObject("renewed_until", LocalDate.class));

    /** The CAF agréments in force on :today ending by :until, filtered by :territory and :departement. */
    private static final String CALENDAR = """
            select a.id as agrement_id, a.kind, a.label, a.start_date as start, a.end_date as "end", s.id as structure_id,
                   s.name as structure, s.ref, s.departement, s.commune, s.territory_id, t.name as territory,
                   coalesce(s.territory_id = any(cast(:mine as bigint[])), false) as mine,
                   r.id as renewal_id, r.opened_on, r.closed_on, r.outcome,
                   last.kind as last_kind, last.date as last_date, nxt.kind as next_kind, nxt.date as next_date,
                   later.end_date as renewed_until,
                   row_number() over (partition by s.id order by a.id) = 1 as first_of_structure
            from structure_agrements a
            join structures s on s.federation_id = a.federation_id and s.id = a.structure_id
            left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
            left join lateral (
                select r.id, r.opened_on, r.closed_on, r.outcome from renewals r
                where r.federation_id = a.federation_id and r.agrement_id = a.id
                order by r.closed_on is null desc, r.opened_on desc limit 1) r on true
            left join lateral (
                select m.kind, m.date from renewal_milestones m
                where m.federation_id = a.federation_id and m.renewal_id = r.id and m.date <= :today
                order by m.date desc, m.id desc limit 1) last on true
            left join lateral (
                select m.kind, m.date from renewal_milestones m
                where m.federation_id = a.federation_id and m.renewal_id = r.id and m.date > :today
                order by m.date, m.id limit 1) nxt on true
            left join lateral (
                select max(b.end_date) as end_date from structure_agrements b
                where b.federation_id = a.federation_id and b.structure_id = a.structure_id and b.kind = a.kind
                  and b.start_date > a.start_date) later on true
            where a.federation_id = :federation and a.kind <> 'autre'
              and a.start_date <= :today and a.end_date >= :today and a.end_date <= :until
              and (cast(:territory as bigint) is null or s.territory_id = :territory)
              and (cast(:departement as text) is null or s.departement = :departement)""";

    /**
     * The calendar: the CAF agréments in force on {@code today} ending within {@code months}, grouped by AT, the
     * ATs in {@code mine} (a délégué's) first, then by name; in each, by end date.
     */
    public List<CalendarGroup> calendar(long federationId, LocalDate today, int months, Long territoryId, String departement,
                                        Set<Long> mine) {
        // one pass: each AT's agréments, and its distinct structures (a structure's first agrément counts it once)
        record Counted(CalendarRow row, long agrements, long structures) {
        }
        List<Counted> rows = jdbc.sql("""
                select c.*, count(*) over (partition by c.territory_id) as agrements,
                       count(*) filter (where c.first_of_structure) over (partition by c.territory_id) as structures
                from (""" + CALENDAR + """
                ) c
                order by c.mine desc, lower(c.territory) nulls last, c.territory_id, c."end", lower(c.structure), c.agrement_id""")
                .param("federation", federationId).param("today", today).param("until", today.plusMonths(months))
                .param("territory", territoryId).param("departement", departement).param("mine", mine.toArray(Long[]::new))
                .query((rs, n) -> new Counted(CALENDAR_ROW.mapRow(rs, n), rs.getLong("agrements"), rs.getLong("structures")))
                .list();
        Map<Long, List<Counted>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.row().territoryId(), k -> new ArrayList<>()).add(r));
        return groups.values().stream().map(g -> {
            Counted first = g.get(0);
            return new CalendarGroup(first.row().territoryId(), first.row().territory(), first.row().mine(), first.agrements(),
                    first.structures(), g.stream().map(Counted::row).toList());
        }).toList();
    }

    /**
     * The renewals of a year per AT (seed 004: 13 of the Valenciennois's 20 centres renewed in 2023): distinct
     * structures of the registry, with a milestone that year, with a lancement that year, granted that year.
     */
    public List<YearLine> year(long federationId, int year) {
        return jdbc.sql("""
                select s.territory_id, t.name as territory, count(distinct s.id) as structures,
                       count(distinct s.id) filter (where m.id is not null) as in_renewal,
                       count(distinct s.id) filter (where m.kind = 'lancement') as launched,
                       count(distinct s.id) filter (where m.kind = 'decision' and r.outcome = 'accorde') as renewed
                from structures s
                left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
                left join renewals r on r.federation_id = s.federation_id and r.structure_id = s.id
                left join renewal_milestones m on m.federation_id = r.federation_id and m.renewal_id = r.id
                     and m.date between :from and :to
                where s.federation_id = :federation
                group by s.territory_id, t.name
                order by t.name is null, lower(t.name)""")
                .param("federation", federationId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query(YearLine.class).list();
    }

    /** The milestones of that year, by AT and structure: the records behind {@link #year}. */
    public List<YearMilestone> yearMilestones(long federationId, int year) {
        return jdbc.sql("select s.territory_id, s.id as structure_id, s.name as structure, r.id as renewal_id, m.kind, m.date, "
                + "case when m.kind = 'decision' then r.outcome end as outcome, " + ATTENDEES + """
                 as attendees
                from renewal_milestones m
                join renewals r on r.federation_id = m.federation_id and r.id = m.renewal_id
                join structures s on s.federation_id = r.federation_id and s.id = r.structure_id
                where m.federation_id = :federation and m.date between :from and :to
                order by s.territory_id nulls last, lower(s.name), s.id, m.date, m.id""")
                .param("federation", federationId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query(YearMilestone.class).list();
    }

    /**
     * The home's alerts: CAF agréments in force ending within six months with no renewal running and no later
     * agrément of the same kind, and the milestones of the next 30 days. {@code territories} null: the whole network.
     */
    public Alerts alerts(long federationId, LocalDate today, Set<Long> territories) {
        Long[] ats = territories == null ? null : territories.toArray(Long[]::new);
        List<DueAlert> due = jdbc.sql("""
                select s.id as structure_id, s.name as structure, t.name as territory, a.kind, a.label, a.end_date as "end"
                from structure_agrements a
                join structures s on s.federation_id = a.federation_id and s.id = a.structure_id
                left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
                where a.federation_id = :federation and a.kind <> 'autre'
                  and a.start_date <= :today and a.end_date >= :today and a.end_date <= :until
                  and (cast(:ats as bigint[]) is null or s.territory_id = any(cast(:ats as bigint[])))
                  and not exists (select 1 from renewals r where r.federation_id = a.federation_id and r.agrement_id = a.id
                                  and r.closed_on is null)
                  and not exists (select 1 from structure_agrements b
                                  where b.federation_id = a.federation_id and b.structure_id = a.structure_id
                                    and b.kind = a.kind and b.start_date > a.start_date)
                order by a.end_date, lower(s.name)""")
                .param("federation", federationId).param("today", today).param("until", today.plusMonths(6))
                .param("ats", ats).query(DueAlert.class).list();
        List<UpcomingAlert> upcoming = jdbc.sql("select s.id as structure_id, s.name as structure, t.name as territory, m.kind, m.date, "
                + ATTENDEES + """
                 as attendees
                from renewal_milestones m
                join renewals r on r.federation_id = m.federation_id and r.id = m.renewal_id
                join structures s on s.federation_id = r.federation_id and s.id = r.structure_id
                left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
                where m.federation_id = :federation and m.date between :today and :until
                  and (cast(:ats as bigint[]) is null or s.territory_id = any(cast(:ats as bigint[])))
                order by m.date, lower(s.name)""")
                .param("federation", federationId).param("today", today).param("until", today.plusDays(30))
                .param("ats", ats).query(UpcomingAlert.class).list();
        return new Alerts(due, upcoming);
    }
}
