package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Volunteers (each one a person of the register), their categories and skills, and the hours they give. */
@Service
public class VolunteerService {

    public static final List<String> CATEGORIES = List.of("activite", "gouvernance", "ponctuel", "commission");

    public record Volunteer(long id, long personId, String name, List<String> categories, String skills,
                            LocalDate startDate, LocalDate endDate, BigDecimal hours) {
    }

    public record Hours(long id, LocalDate date, BigDecimal hours, String activity, String event) {
    }

    /** The centre's rate for valuing an hour of volunteering, and the weekly hours of one full-time post. */
    public record Settings(int volunteerRateCents, BigDecimal fullTimeHours) {
    }

    private final JdbcClient jdbc;

    public VolunteerService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Volunteers with the hours they gave in the year; those who left before it are left out. */
    public List<Volunteer> list(long centreId, int year) {
        return jdbc.sql(SELECT + " " + """
                 where v.centre_id = :centre and (v.end_date is null or v.end_date >= make_date(:year, 1, 1))
                 order by lower(p.last_name), lower(p.first_name)""")
                .param("centre", centreId).param("year", year).query(this::volunteer).list();
    }

    public Optional<Volunteer> find(long centreId, long id, int year) {
        return jdbc.sql(SELECT + " where v.centre_id = :centre and v.id = :id").param("centre", centreId).param("id", id)
                .param("year", year).query(this::volunteer).optional();
    }

    private static final String SELECT = """
            select v.id, v.person_id, p.first_name || ' ' || p.last_name as name, v.categories, v.skills, v.start_date, v.end_date,
                   coalesce((select sum(h.hours) from volunteer_hours h where h.centre_id = v.centre_id and h.volunteer_id = v.id
                             and extract(year from h.date) = :year), 0) as hours
            from volunteers v join people_persons p on p.centre_id = v.centre_id and p.id = v.person_id""";

    private Volunteer volunteer(ResultSet rs, int n) throws SQLException {
        return new Volunteer(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
                List.of((String[]) rs.getArray("categories").getArray()), rs.getString("skills"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), rs.getBigDecimal("hours"));
    }

    /** Registers a person as a volunteer; a person already registered keeps their record, with these categories. */
    public long register(long centreId, long personId, List<String> categories, String skills, LocalDate start) {
        return jdbc.sql("""
                insert into volunteers (centre_id, person_id, categories, skills, start_date) values (?, ?, ?::text[], ?, ?)
                on conflict (centre_id, person_id) do update set categories = excluded.categories,
                    skills = coalesce(excluded.skills, volunteers.skills), end_date = null
                returning id""")
                .params(centreId, personId, "{" + String.join(",", categories) + "}", skills, start).query(Long.class).single();
    }

    public void update(long centreId, long id, List<String> categories, String skills, LocalDate end) {
        jdbc.sql("update volunteers set categories = ?::text[], skills = ?, end_date = ? where centre_id = ? and id = ?")
                .params("{" + String.join(",", categories) + "}", skills, end, centreId, id).update();
    }

    public void logHours(long centreId, long volunteerId, LocalDate date, BigDecimal hours, Long activityId, String event,
                         Long userId) {
        jdbc.sql("""
                insert into volunteer_hours (centre_id, volunteer_id, date, hours, activity_id, event, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""").params(centreId, volunteerId, date, hours, activityId, event, userId).update();
    }

    /** Whether those hours existed (in this centre, for this volunteer) and are now deleted. */
    public boolean deleteHours(long centreId, long volunteerId, long hoursId) {
        return 0 < jdbc.sql("delete from volunteer_hours where centre_id = ? and volunteer_id = ? and id = ?")
                .params(centreId, volunteerId, hoursId).update();
    }

    public List<Hours> hours(long centreId, long volunteerId, int year) {
        return jdbc.sql(HOURS + " and extract(year from h.date) = ? order by h.date desc, h.id desc")
                .params(centreId, volunteerId, year).query(Hours.class).list();
    }

    /** Every hour the volunteer gave, oldest first. */
    public List<Hours> allHours(long centreId, long volunteerId) {
        return jdbc.sql(HOURS + " order by h.date, h.id").params(centreId, volunteerId).query(Hours.class).list();
    }

    private static final String HOURS = """
            select h.id, h.date, h.hours,
                   (select a.name from activities_activities a where a.centre_id = h.centre_id and a.id = h.activity_id)
                       as activity, h.event
            from volunteer_hours h
            where h.centre_id = ? and h.volunteer_id = ?""";

    /** The person's volunteer record, with the hours of the year. */
    public Optional<Volunteer> ofPerson(long centreId, long personId, int year) {
        return jdbc.sql(SELECT + " where v.centre_id = :centre and v.person_id = :person").param("centre", centreId)
                .param("person", personId).param("year", year).query(this::volunteer).optional();
    }

    public Settings settings(long centreId) {
        return jdbc.sql("select volunteer_rate_cents, full_time_hours from association_settings where centre_id = ?")
                .param(centreId).query(Settings.class).optional().orElse(new Settings(1188, new BigDecimal("35.00")));
    }

    @Transactional
    public void saveSettings(long centreId, Settings settings) {
        jdbc.sql("""
                insert into association_settings (centre_id, volunteer_rate_cents, full_time_hours) values (?, ?, ?)
                on conflict (centre_id) do update set volunteer_rate_cents = excluded.volunteer_rate_cents,
                    full_time_hours = excluded.full_time_hours""")
                .params(centreId, settings.volunteerRateCents(), settings.fullTimeHours()).update();
    }

    /** Erases the free text about the persons (skills); categories, dates and hours are counted. */
    public void forgetSkills(long centreId, Collection<Long> personIds) {
        jdbc.sql("update volunteers set skills = null where centre_id = ? and person_id = any(?)")
                .params(centreId, personIds.toArray(Long[]::new)).update();
    }
}
