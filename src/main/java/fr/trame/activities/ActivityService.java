package fr.trame.activities;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** The centre's offer: activities with their sector, kind, public, ages and capacity. */
@Service
public class ActivityService {

    public static final List<String> KINDS = List.of("atelier", "acm", "accompagnement_scolaire", "sortie", "sejour",
            "evenement", "permanence");
    public static final List<String> PUBLICS = List.of("Petite enfance", "Enfance", "Jeunesse", "Adultes", "familles",
            "Seniors", "Tous publics");

    public record Activity(long id, String ref, String name, long sectorId, String sectorName, String kind,
                           String publicLabel, Integer ageMin, Integer ageMax, Integer capacity, String place,
                           Long referentUserId, String referentName, String priceNote, Long seasonId, String ageBands,
                           long enrolled, long waiting, long sessionsPlanned, long sessionsHeld) {
    }

    /** {@code ageBands}: the activity's own age bands as lower bounds ("0, 4, 12"), or null. */
    public record Values(String ref, String name, long sectorId, String kind, String publicLabel, Integer ageMin,
                         Integer ageMax, Integer capacity, String place, Long referentUserId, String priceNote,
                         Long seasonId, String ageBands) {
    }

    private static final String SELECT = """
            select a.id, a.ref, a.name, a.sector_id, s.name as sector_name, a.kind, a.public as public_label,
                   a.age_min, a.age_max, a.capacity, a.place, a.referent_user_id, u.display_name as referent_name,
                   a.price_note, a.season_id, array_to_string(a.age_bands, ', ') as age_bands,
                   (select count(*) from enrolments e where e.centre_id = a.centre_id and e.activity_id = a.id
                      and e.status = 'inscrit') as enrolled,
                   (select count(*) from enrolments e where e.centre_id = a.centre_id and e.activity_id = a.id
                      and e.status = 'attente') as waiting,
                   (select count(*) from sessions se where se.centre_id = a.centre_id and se.activity_id = a.id
                      and se.cancelled_reason is null) as sessions_planned,
                   (select count(*) from sessions se where se.centre_id = a.centre_id and se.activity_id = a.id
                      and se.cancelled_reason is null and se.date <= centre_today(a.centre_id)
                      and (exists (select 1 from attendance_marks at where at.centre_id = se.centre_id and at.session_id = se.id)
                           or exists (select 1 from attendance_headcounts h where h.centre_id = se.centre_id and h.session_id = se.id)))
                      as sessions_held
            from activities a
            join sectors s on s.centre_id = a.centre_id and s.id = a.sector_id
            left join centre_users u on u.id = a.referent_user_id
            """;

    private final JdbcClient jdbc;

    public ActivityService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Activity> list(long centreId) {
        return jdbc.sql(SELECT + " where a.centre_id = ? and not a.archived order by s.position, lower(s.name), lower(a.name)")
                .param(centreId).query(Activity.class).list();
    }

    /**
     * An activity one can be enrolled in or linked to, as a choice list shows it: full when its capacity is reached
     * (an enrolment then goes to the waiting list).
     */
    public record Choice(long id, String name, String sectorName, boolean full) {
    }

    /** The activities not archived, in the order of {@link #list}, for choice lists (no session counted: quick). */
    public List<Choice> choices(long centreId) {
        return jdbc.sql("""
                select a.id, a.name, s.name as sector_name,
                       a.capacity is not null and (select count(*) from enrolments e where e.centre_id = a.centre_id
                          and e.activity_id = a.id and e.status = 'inscrit') >= a.capacity as full
                from activities a
                join sectors s on s.centre_id = a.centre_id and s.id = a.sector_id
                where a.centre_id = ? and not a.archived
                order by s.position, lower(s.name), lower(a.name)""")
                .param(centreId).query(Choice.class).list();
    }

    public Optional<Activity> find(long centreId, long id) {
        return jdbc.sql(SELECT + " where a.centre_id = ? and a.id = ?").params(centreId, id).query(Activity.class).optional();
    }

    @Transactional
    public long create(long centreId, Values v) {
        return jdbc.sql("""
                insert into activities (centre_id, ref, name, sector_id, kind, public, age_min, age_max, capacity, place,
                                        referent_user_id, price_note, season_id, age_bands)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ',')::integer[]) returning id""")
                .params(centreId, v.ref(), v.name(), v.sectorId(), v.kind(), v.publicLabel(), v.ageMin(), v.ageMax(),
                        v.capacity(), v.place(), v.referentUserId(), v.priceNote(), v.seasonId(), v.ageBands())
                .query(Long.class).single();
    }

    @Transactional
    public void update(long centreId, long id, Values v) {
        jdbc.sql("""
                update activities set ref = ?, name = ?, sector_id = ?, kind = ?, public = ?, age_min = ?, age_max = ?,
                       capacity = ?, place = ?, referent_user_id = ?, price_note = ?, season_id = ?,
                       age_bands = string_to_array(?, ',')::integer[]
                where centre_id = ? and id = ?""")
                .params(v.ref(), v.name(), v.sectorId(), v.kind(), v.publicLabel(), v.ageMin(), v.ageMax(),
                        v.capacity(), v.place(), v.referentUserId(), v.priceNote(), v.seasonId(), v.ageBands(), centreId, id)
                .update();
    }
}
