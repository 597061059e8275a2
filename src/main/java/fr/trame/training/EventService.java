package fr.trame.training;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The network's events (races, the congress, forums, days of the network): registrations per structure and person,
 * presence marked on the day, volunteers' shifts, and their figures. A person is one name (last and first, compared
 * without case or accents) within one structure; every count of persons or structures is DISTINCT, so a person
 * registered under two categories, or a structure with forty runners, counts once. Every query takes the
 * federation's id.
 */
@Service
public class EventService {

    /** In the order the forms list them. */
    public static final List<String> KINDS = List.of("course", "congres", "forum", "journee", "autre");
    public static final List<String> QUALITIES = List.of("salarie", "benevole", "administrateur", "habitant");
    /** The presence filter of the records: marked present, marked absent, not marked yet. */
    public static final List<String> PRESENCES = List.of("present", "absent", "non_pointe");
    /** The most registrations one call writes (an import, the demonstration's congress). */
    public static final int MAX_ROWS = 20_000;

    /** An event with its figures: registrations (rows), persons (distinct), present persons, structures represented. */
    public record Event(long id, String kind, String title, LocalDate startsOn, LocalDate endsOn, String place,
                        String description, Integer capacity, int registrations, int persons, int present,
                        int structures, int shifts) {

        public boolean oneDay() {
            return startsOn.equals(endsOn);
        }
    }

    public record NewEvent(String kind, String title, LocalDate startsOn, LocalDate endsOn, String place,
                           String description, Integer capacity) {
    }

    /** A year's events taken together: persons and structures counted once over all of them. */
    public record YearFigures(int events, int registrations, int persons, int present, int structures) {
    }

    /**
     * What the records are narrowed to. {@code departement} "-": no structure (outside the network, individuals);
     * {@code territoryId} 0: structures in no AT; {@code category} "-": no category. Null: no narrowing.
     */
    public record Filter(String departement, Long territoryId, Long structureId, String quality, String presence,
                         String category) {

        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        public boolean any() {
            return departement != null || territoryId != null || structureId != null || quality != null
                    || presence != null || category != null;
        }
    }

    /** An event's figures. {@code absent}: marked absent everywhere; {@code unmarked}: not marked yet. */
    public record Figures(int registrations, int persons, int present, int absent, int unmarked, int structures,
                          int structuresPresent, int outside) {
    }

    /** One line of a breakdown: its key (a département, an AT's id, a quality, a category) and its distinct counts. */
    public record Breakdown(String key, int structures, int persons, int present) {
    }

    /** A structure represented, with its persons (distinct) and how many of them came. */
    public record StructureLine(Long id, String name, String ref, String departement, Long territoryId, int persons,
                                int present, int unmarked) {
    }

    public record Registration(long id, Long structureId, String structure, String lastName, String firstName,
                               String quality, String category, Boolean present) {

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    public record NewRegistration(Long structureId, String lastName, String firstName, String quality, String category) {
    }

    public record NewShift(String personName, Long structureId, String post, LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    public record Shift(long id, String personName, Long structureId, String structure, String post,
                        LocalDateTime startsAt, LocalDateTime endsAt, boolean overlaps) {
    }

    /**
     * A post's shifts: how many, volunteers (distinct), the hours covered (the union of its shifts: two volunteers at
     * once cover an hour once) and the volunteers' hours (each shift's length, added).
     */
    public record Post(String post, int shifts, int volunteers, BigDecimal coveredHours, BigDecimal volunteerHours,
                       LocalDateTime firstStart, LocalDateTime lastEnd) {
    }

    /** Two shifts of one person that overlap. */
    public record Overlap(String personName, String structure, String firstPost, LocalDateTime firstStart,
                          LocalDateTime firstEnd, String secondPost, LocalDateTime secondStart, LocalDateTime secondEnd) {
    }

    /** One person of a registration: the folded names within the structure. */
    static final String PERSON = "trame_fold(trim(r.last_name)) || '#' || trame_fold(trim(r.first_name)) || '#'"
            + " || coalesce(r.structure_id::text, '-')";
    /** One person of a shift: the folded name within the structure. */
    static final String VOLUNTEER = "trame_fold(trim(%1$s.person_name)) || '#' || coalesce(%1$s.structure_id::text, '-')";

    private final JdbcClient jdbc;

    public EventService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- events

    @Transactional
    public long create(long federationId, NewEvent e) {
        check(e);
        return jdbc.sql("""
                insert into network_events (federation_id, kind, title, starts_on, ends_on, place, description, capacity)
                values (:f, :kind, :title, :start, :end, :place, :description, :capacity) returning id""")
                .param("f", federationId).param("kind", e.kind()).param("title", e.title().trim())
                .param("start", Date.valueOf(e.startsOn())).param("end", Date.valueOf(e.endsOn()))
                .param("place", e.place()).param("description", e.description()).param("capacity", e.capacity())
                .query(Long.class).single();
    }

    private static void check(NewEvent e) {
        if (!KINDS.contains(e.kind())) {
            throw new Refused("kind", "Choisissez le type d'événement dans la liste.");
        }
        if (e.title() == null || e.title().isBlank()) {
            throw new Refused("title", "Indiquez l'intitulé de l'événement.");
        }
        if (e.endsOn().isBefore(e.startsOn())) {
            throw new Refused("endsOn", "Le dernier jour ne peut pas précéder le premier.");
        }
    }

    private static final String EVENTS = """
            select e.id, e.kind, e.title, e.starts_on, e.ends_on, e.place, e.description, e.capacity,
                   (select count(*) from event_registrations r
                    where r.federation_id = e.federation_id and r.event_id = e.id) as registrations,
                   (select count(distinct %1$s) from event_registrations r
                    where r.federation_id = e.federation_id and r.event_id = e.id) as persons,
                   (select count(distinct %1$s) from event_registrations r
                    where r.federation_id = e.federation_id and r.event_id = e.id and r.present) as present,
                   (select count(distinct r.structure_id) from event_registrations r
                    where r.federation_id = e.federation_id and r.event_id = e.id) as structures,
                   (select count(*) from event_shifts sh
                    where sh.federation_id = e.federation_id and sh.event_id = e.id) as shifts
            from network_events e""".formatted(PERSON);

    public Event get(long federationId, long eventId) {
        return jdbc.sql(EVENTS + " where e.federation_id = :f and e.id = :id")
                .param("f", federationId).param("id", eventId).query(Event.class).optional()
                .orElseThrow(() -> new NotFound("Cet événement n'existe pas dans votre fédération."));
    }

    /** The events starting in the year, by first day. */
    public List<Event> list(long federationId, int year) {
        return jdbc.sql(EVENTS + " where e.federation_id = :f and extract(year from e.starts_on) = :y"
                        + " order by e.starts_on, e.id")
                .param("f", federationId).param("y", year).query(Event.class).list();
    }

    public YearFigures yearFigures(long federationId, int year) {
        return jdbc.sql("""
                with r as (
                    select r.* from event_registrations r
                    join network_events e on e.federation_id = r.federation_id and e.id = r.event_id
                    where r.federation_id = :f and extract(year from e.starts_on) = :y)
                select (select count(*) from network_events e where e.federation_id = :f
                            and extract(year from e.starts_on) = :y) as events,
                       count(*) as registrations, count(distinct %1$s) as persons,
                       count(distinct %1$s) filter (where r.present) as present,
                       count(distinct r.structure_id) as structures
                from r""".formatted(PERSON))
                .param("f", federationId).param("y", year).query(YearFigures.class).single();
    }

    // --- figures and records

    /** An event's registrations narrowed by the filter, with their structure's département and AT, as {@code r}. */
    private static final String SELECTED = """
            with r as (
                select r.*, s.departement, s.territory_id, %s as person
                from event_registrations r
                left join federation_structures s on s.federation_id = r.federation_id and s.id = r.structure_id
                where r.federation_id = :f and r.event_id = :e
                  and (cast(:departement as text) is null or (cast(:departement as text) = '-' and r.structure_id is null)
                       or s.departement = cast(:departement as text))
                  and (cast(:territory as bigint) is null
                       or (cast(:territory as bigint) = 0 and r.structure_id is not null and s.territory_id is null)
                       or s.territory_id = cast(:territory as bigint))
                  and (cast(:structure as bigint) is null or r.structure_id = cast(:structure as bigint))
                  and (cast(:quality as text) is null or r.quality = cast(:quality as text))
                  and (cast(:presence as text) is null or (cast(:presence as text) = 'present' and r.present)
                       or (cast(:presence as text) = 'absent' and not r.present)
                       or (cast(:presence as text) = 'non_pointe' and r.present is null))
                  and (cast(:category as text) is null or (cast(:category as text) = '-' and r.category is null)
                       or trame_fold(trim(r.category)) = trame_fold(trim(cast(:category as text))))),
            p as (
                select person, min(structure_id) as structure_id, min(departement) as departement,
                       min(territory_id) as territory_id, bool_or(present) as present,
                       (array_agg(quality order by registered_at desc, id desc))[1] as quality
                from r group by person)
            """.formatted(PERSON);

    private JdbcClient.StatementSpec selected(String sql, long federationId, long eventId, Filter filter) {
        get(federationId, eventId);
        return jdbc.sql(SELECTED + sql).param("f", federationId).param("e", eventId)
                .param("departement", filter.departement()).param("territory", filter.territoryId())
                .param("structure", filter.structureId()).param("quality", filter.quality())
                .param("presence", filter.presence()).param("category", filter.category());
    }

    public Figures figures(long federationId, long eventId, Filter filter) {
        return selected("""
                select (select count(*) from r) as registrations, (select count(*) from p) as persons,
                       (select count(*) from p where present) as present,
                       (select count(*) from p where not present) as absent,
                       (select count(*) from p where present is null) as unmarked,
                       (select count(distinct structure_id) from p) as structures,
                       (select count(distinct structure_id) from p where present) as structures_present,
                       (select count(*) from p where structure_id is null) as outside""",
                federationId, eventId, filter).query(Figures.class).single();
    }

    /** By the structures' département ("-": no structure). */
    public List<Breakdown> byDepartement(long federationId, long eventId) {
        return selected("""
                select coalesce(departement, '-') as key, count(distinct structure_id) as structures, count(*) as persons,
                       count(*) filter (where present) as present
                from p group by 1 order by (coalesce(departement, '-') = '-'), 1""",
                federationId, eventId, Filter.ALL).query(Breakdown.class).list();
    }

    /** By the structures' AT: its id, "0" for structures in no AT, "-" for no structure. */
    public List<Breakdown> byTerritory(long federationId, long eventId) {
        return selected("""
                select case when structure_id is null then '-' else coalesce(territory_id::text, '0') end as key,
                       count(distinct structure_id) as structures, count(*) as persons,
                       count(*) filter (where present) as present
                from p group by 1 order by 3 desc, 1""",
                federationId, eventId, Filter.ALL).query(Breakdown.class).list();
    }

    /** By quality: each person once, under the quality of their latest registration. */
    public List<Breakdown> byQuality(long federationId, long eventId) {
        return selected("""
                select quality as key, count(distinct structure_id) as structures, count(*) as persons,
                       count(*) filter (where present) as present
                from p group by 1 order by array_position(cast(:qualities as text[]), quality)""",
                federationId, eventId, Filter.ALL).param("qualities", QUALITIES.toArray(String[]::new))
                .query(Breakdown.class).list();
    }

    /** By category ("-": none): a person registered in two categories counts in each. */
    public List<Breakdown> byCategory(long federationId, long eventId) {
        return selected("""
                select coalesce(min(trim(category)), '-') as key, count(distinct structure_id) as structures,
                       count(distinct person) as persons, count(distinct person) filter (where present) as present
                from r group by coalesce(trame_fold(trim(category)), '-') order by 1""",
                federationId, eventId, Filter.ALL).query(Breakdown.class).list();
    }

    /** The structures represented among the filter's registrations, by name (no structure last). */
    public List<StructureLine> structures(long federationId, long eventId, Filter filter) {
        return selected("""
                select p.structure_id as id, s.name, s.ref, min(p.departement) as departement,
                       min(p.territory_id) as territory_id, count(*) as persons,
                       count(*) filter (where p.present) as present, count(*) filter (where p.present is null) as unmarked
                from p left join federation_structures s on s.federation_id = :f and s.id = p.structure_id
                group by p.structure_id, s.name, s.ref order by s.name nulls last""",
                federationId, eventId, filter).query(StructureLine.class).list();
    }

    /** The filter's registrations by structure then name, a page of them ({@code limit}, {@code offset}). */
    public List<Registration> registrations(long federationId, long eventId, Filter filter, int limit, int offset) {
        return selected("""
                select r.id, r.structure_id, s.name as structure, r.last_name, r.first_name, r.quality, r.category,
                       r.present
                from r left join federation_structures s on s.federation_id = :f and s.id = r.structure_id
                order by s.name nulls last, lower(r.last_name), lower(r.first_name), r.id
                limit :limit offset :offset""", federationId, eventId, filter)
                .param("limit", limit).param("offset", offset).query(Registration.class).list();
    }

    // --- registrations

    /** Registers one person; refused when the event is full or the person is already registered in that category. */
    @Transactional
    public void register(long federationId, long eventId, NewRegistration r, Long by) {
        if (register(federationId, eventId, List.of(r), by) == 0) {
            refuseTwice(r);
        }
    }

    private static void refuseTwice(NewRegistration r) {
        throw new Refused("lastName", r.firstName().trim() + " " + r.lastName().trim() + " est déjà inscrit·e à cet événement"
                + (r.category() == null ? "" : " dans la catégorie « " + r.category().trim() + " »") + ".");
    }

    /**
     * Registers several persons in one statement; a person already registered in the same category is left as they
     * are (so a second import of a file adds nothing). Returns how many were added. The event's row is locked, so that
     * two imports at once cannot both take its last places.
     */
    @Transactional
    public int register(long federationId, long eventId, List<NewRegistration> rows, Long by) {
        if (rows.size() > MAX_ROWS) {
            throw new Refused("Trop d'inscriptions à la fois (" + MAX_ROWS + " au plus).");
        }
        jdbc.sql("select id from network_events where federation_id = :f and id = :e for update")
                .param("f", federationId).param("e", eventId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Cet événement n'existe pas dans votre fédération."));
        for (NewRegistration r : rows) {
            if (r.lastName() == null || r.lastName().isBlank() || r.firstName() == null || r.firstName().isBlank()) {
                throw new Refused("lastName", "Le nom et le prénom sont obligatoires.");
            }
            if (r.lastName().trim().length() > 100 || r.firstName().trim().length() > 100
                    || r.category() != null && r.category().trim().length() > 60) {
                throw new Refused("lastName", "Un nom ou un prénom a 100 caractères au plus, une catégorie 60.");
            }
            if (!QUALITIES.contains(r.quality())) {
                throw new Refused("quality", "Choisissez la qualité : salarié·e, bénévole, administrateur·rice ou habitant·e.");
            }
        }
        Set<Long> structureIds = new HashSet<>();
        rows.stream().map(NewRegistration::structureId).filter(Objects::nonNull).forEach(structureIds::add);
        long known = jdbc.sql("select count(*) from federation_structures where federation_id = :f and id = any(:ids)")
                .param("f", federationId).param("ids", structureIds.toArray(Long[]::new)).query(Long.class).single();
        if (known != structureIds.size()) {
            throw new Refused("structureId", "Une structure choisie n'existe pas dans votre fédération.");
        }
        int added = jdbc.sql("""
                insert into event_registrations (federation_id, event_id, structure_id, last_name, first_name, quality,
                                                 category, registered_by)
                select :f, :e, x.structure_id, trim(x.last_name), trim(x.first_name), x.quality,
                       nullif(trim(x.category), ''), :by
                from unnest(cast(:structures as bigint[]), cast(:lasts as text[]), cast(:firsts as text[]),
                            cast(:qualities as text[]), cast(:categories as text[]))
                     as x(structure_id, last_name, first_name, quality, category)
                on conflict do nothing""")
                .param("f", federationId).param("e", eventId).param("by", by)
                .param("structures", rows.stream().map(NewRegistration::structureId).toArray(Long[]::new))
                .param("lasts", rows.stream().map(NewRegistration::lastName).toArray(String[]::new))
                .param("firsts", rows.stream().map(NewRegistration::firstName).toArray(String[]::new))
                .param("qualities", rows.stream().map(NewRegistration::quality).toArray(String[]::new))
                .param("categories", rows.stream().map(NewRegistration::category).toArray(String[]::new))
                .update();
        Event e = get(federationId, eventId);
        if (e.capacity() != null && e.registrations() > e.capacity()) {
            throw new Refused("Rien n'est enregistré : l'événement a " + e.capacity() + " places, et ces inscriptions"
                    + " en demanderaient " + e.registrations() + ".");
        }
        return added;
    }

    /**
     * Marks presence on the day for the registrations shown on the sheet: those ticked present, the others absent.
     * Every id shown must be one of the event's.
     */
    @Transactional
    public int markPresence(long federationId, long eventId, Collection<Long> shown, Collection<Long> present) {
        get(federationId, eventId);
        if (!Set.copyOf(shown).containsAll(present)) {
            throw new Refused("Une personne cochée n'est pas sur la feuille envoyée.");
        }
        int n = jdbc.sql("""
                update event_registrations set present = (id = any(:present))
                where federation_id = :f and event_id = :e and id = any(:shown)""")
                .param("f", federationId).param("e", eventId).param("present", present.toArray(Long[]::new))
                .param("shown", shown.toArray(Long[]::new)).update();
        if (n != Set.copyOf(shown).size()) {
            throw new NotFound("Une inscription de la feuille n'est pas une inscription de cet événement.");
        }
        return n;
    }

    // --- volunteers' shifts

    /** Adds shifts in one statement; returns, for the warning, the overlaps of the persons added. */
    @Transactional
    public List<Overlap> addShifts(long federationId, long eventId, List<NewShift> shifts) {
        Event e = get(federationId, eventId);
        for (NewShift s : shifts) {
            if (s.personName() == null || s.personName().isBlank() || s.post() == null || s.post().isBlank()) {
                throw new Refused("personName", "Indiquez la personne et son poste.");
            }
            if (!s.endsAt().isAfter(s.startsAt())) {
                throw new Refused("end", "La fin du créneau doit venir après son début.");
            }
            if (s.startsAt().toLocalDate().isBefore(e.startsOn().minusDays(1))
                    || s.startsAt().toLocalDate().isAfter(e.endsOn().plusDays(1))) {
                throw new Refused("day", "Un créneau tombe pendant l'événement, ou la veille (installation) ou le lendemain"
                        + " (rangement).");
            }
        }
        Set<Long> structureIds = new HashSet<>();
        shifts.stream().map(NewShift::structureId).filter(Objects::nonNull).forEach(structureIds::add);
        long known = jdbc.sql("select count(*) from federation_structures where federation_id = :f and id = any(:ids)")
                .param("f", federationId).param("ids", structureIds.toArray(Long[]::new)).query(Long.class).single();
        if (known != structureIds.size()) {
            throw new Refused("structureId", "Une structure choisie n'existe pas dans votre fédération.");
        }
        List<Long> ids = jdbc.sql("""
                insert into event_shifts (federation_id, event_id, person_name, structure_id, post, starts_at, ends_at)
                select :f, :e, trim(x.person_name), x.structure_id, trim(x.post), x.starts_at, x.ends_at
                from unnest(cast(:names as text[]), cast(:structures as bigint[]), cast(:posts as text[]),
                            cast(:starts as timestamp[]), cast(:ends as timestamp[]))
                     as x(person_name, structure_id, post, starts_at, ends_at)
                returning id""")
                .param("f", federationId).param("e", eventId)
                .param("names", shifts.stream().map(NewShift::personName).toArray(String[]::new))
                .param("structures", shifts.stream().map(NewShift::structureId).toArray(Long[]::new))
                .param("posts", shifts.stream().map(NewShift::post).toArray(String[]::new))
                .param("starts", shifts.stream().map(s -> s.startsAt().toString()).toArray(String[]::new))
                .param("ends", shifts.stream().map(s -> s.endsAt().toString()).toArray(String[]::new))
                .query(Long.class).list();
        return overlaps(federationId, eventId, ids);
    }

    /** Shifts by post, then start. */
    public List<Shift> shifts(long federationId, long eventId) {
        get(federationId, eventId);
        return jdbc.sql("""
                select a.id, a.person_name, a.structure_id, s.name as structure, a.post, a.starts_at, a.ends_at,
                       exists (select 1 from event_shifts b
                               where b.federation_id = a.federation_id and b.event_id = a.event_id and b.id <> a.id
                                 and %s = %s and tsrange(a.starts_at, a.ends_at) && tsrange(b.starts_at, b.ends_at))
                           as overlaps
                from event_shifts a
                left join federation_structures s on s.federation_id = a.federation_id and s.id = a.structure_id
                where a.federation_id = :f and a.event_id = :e
                order by lower(a.post), a.starts_at, lower(a.person_name)""".formatted(VOLUNTEER.formatted("a"),
                        VOLUNTEER.formatted("b")))
                .param("f", federationId).param("e", eventId).query(Shift.class).list();
    }

    public List<Post> posts(long federationId, long eventId) {
        get(federationId, eventId);
        return jdbc.sql("""
                with g as (
                    select min(trim(a.post)) as post, count(*) as shifts, count(distinct %s) as volunteers,
                           range_agg(tsrange(a.starts_at, a.ends_at)) as covered,
                           sum(extract(epoch from a.ends_at - a.starts_at)) as seconds,
                           min(a.starts_at) as first_start, max(a.ends_at) as last_end
                    from event_shifts a where a.federation_id = :f and a.event_id = :e
                    group by lower(trim(a.post)))
                select g.post, g.shifts, g.volunteers,
                       round((select coalesce(sum(extract(epoch from upper(x) - lower(x))), 0) from unnest(g.covered) x)
                             / 3600, 2) as covered_hours,
                       round(g.seconds / 3600, 2) as volunteer_hours, g.first_start, g.last_end
                from g order by lower(g.post)""".formatted(VOLUNTEER.formatted("a")))
                .param("f", federationId).param("e", eventId).query(Post.class).list();
    }

    /** The pairs of one person's shifts that overlap; {@code among} not null: only pairs with one of those shifts. */
    public List<Overlap> overlaps(long federationId, long eventId, List<Long> among) {
        return jdbc.sql("""
                select a.person_name, s.name as structure, a.post as first_post, a.starts_at as first_start,
                       a.ends_at as first_end, b.post as second_post, b.starts_at as second_start, b.ends_at as second_end
                from event_shifts a
                join event_shifts b on b.federation_id = a.federation_id and b.event_id = a.event_id
                     and (a.starts_at, a.id) < (b.starts_at, b.id) and %s = %s
                     and tsrange(a.starts_at, a.ends_at) && tsrange(b.starts_at, b.ends_at)
                left join federation_structures s on s.federation_id = a.federation_id and s.id = a.structure_id
                where a.federation_id = :f and a.event_id = :e
                  and (cast(:among as bigint[]) is null or a.id = any(:among) or b.id = any(:among))
                order by lower(a.person_name), a.starts_at""".formatted(VOLUNTEER.formatted("a"), VOLUNTEER.formatted("b")))
                .param("f", federationId).param("e", eventId)
                .param("among", among == null ? null : among.toArray(Long[]::new)).query(Overlap.class).list();
    }

    /** Names folded as trame_fold does it in SQL (case and accents), for what Java compares before writing. */
    static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
