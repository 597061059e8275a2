package fr.trame.reception;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The reception log (visits, calls, e-mails…) and appointments, which are contacts on channel {@code rdv} with a time,
 * a staff member and a status.
 */
@Service
public class ContactService {

    public static final List<String> APPOINTMENT_STATUSES = List.of("prevu", "honore", "non_honore", "annule");

    public record NewContact(LocalDate date, LocalTime startsAt, Long personId, String channel, List<String> themes,
                             Integer durationMin, String status, Long staffUserId, String note, String orientation,
                             Long recordedBy) {
    }

    public record Contact(long id, LocalDate date, LocalTime startsAt, Long personId, String personName,
                          String channel, String themes, Integer durationMin, String status, Long staffUserId,
                          String staffName, String note, String orientation, OffsetDateTime createdAt) {

        /** The time a contact shows: the one given, else when it was recorded, at the centre. */
        public LocalTime shownTime(ZoneId zone) {
            return startsAt != null ? startsAt : createdAt.atZoneSameInstant(zone).toLocalTime().withSecond(0).withNano(0);
        }

        /** Minutes an appointment takes in the agenda: its duration, 30 when none was given. */
        public int minutes() {
            return durationMin == null || durationMin == 0 ? 30 : durationMin;
        }
    }

    /** What the counter's edit form changes of a contact (not an appointment's). */
    public record ContactChange(LocalDate date, LocalTime startsAt, Long personId, String channel, List<String> themes,
                                Integer durationMin, String note, String orientation) {
    }

    public record MonthRate(String month, long honoured, long missed, long cancelled) {
        /** Missed among the appointments that were due (honoured or missed), in %. */
        public Long missedPercent() {
            return honoured + missed == 0 ? null : Math.round(100.0 * missed / (honoured + missed));
        }
    }

    private static final String SELECT = """
            select c.id, c.date, c.starts_at, c.person_id,
                   (select p.first_name || ' ' || p.last_name from people_persons p
                    where p.centre_id = c.centre_id and p.id = c.person_id) as person_name,
                   c.channel,
                   (select string_agg(rt.label, ', ' order by rt.position) from contact_themes ct
                    join reception_themes rt on rt.centre_id = ct.centre_id and rt.code = ct.theme
                    where ct.centre_id = c.centre_id and ct.contact_id = c.id) as themes,
                   c.duration_min, c.status, c.staff_user_id, u.display_name as staff_name, c.note, c.orientation,
                   c.created_at
            from contacts c left join centre_users u on u.id = c.staff_user_id
            """;

    private final JdbcClient jdbc;
    private final ThemeService themes;

    public ContactService(JdbcClient jdbc, ThemeService themes) {
        this.jdbc = jdbc;
        this.themes = themes;
    }

    @Transactional
    public long log(long centreId, NewContact c) {
        themes.list(centreId);
        long id = jdbc.sql("""
                insert into contacts (centre_id, date, starts_at, person_id, channel, duration_min, status, staff_user_id,
                                      note, orientation, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centreId, c.date(), c.startsAt(), c.personId(), c.channel(), c.durationMin(),
                        c.channel().equals("rdv") ? (c.status() == null ? "prevu" : c.status()) : null,
                        c.staffUserId(), c.note(), c.orientation(), c.recordedBy())
                .query(Long.class).single();
        for (String theme : c.themes()) {
            jdbc.sql("insert into contact_themes (centre_id, contact_id, theme) values (?, ?, ?) on conflict do nothing")
                    .params(centreId, id, theme).update();
        }
        return id;
    }

    /** The counter view: a day's contacts, latest first (by the time given, else when recorded). */
    public List<Contact> on(long centreId, LocalDate day) {
        return jdbc.sql(SELECT + " where c.centre_id = ? and c.date = ? and c.channel <> 'rdv'"
                        + " order by c.starts_at desc nulls last, c.created_at desc, c.id desc")
                .params(centreId, day).query(Contact.class).list();
    }

    public List<Contact> ofPerson(long centreId, long personId, int limit) {
        return jdbc.sql(SELECT + " where c.centre_id = ? and c.person_id = ? order by c.date desc, c.id desc limit ?")
                .params(centreId, personId, limit).query(Contact.class).list();
    }

    public Optional<Contact> find(long centreId, long id) {
        return jdbc.sql(SELECT + " where c.centre_id = ? and c.id = ?").params(centreId, id).query(Contact.class).optional();
    }

    /** A staff member's appointments of a week (Monday to Sunday). */
    public List<Contact> appointments(long centreId, long staffUserId, LocalDate monday) {
        return jdbc.sql(SELECT + """
                 where c.centre_id = ? and c.channel = 'rdv' and c.staff_user_id = ? and c.date >= ? and c.date < ?
                 order by c.date, c.starts_at""")
                .params(centreId, staffUserId, monday, monday.plusDays(7)).query(Contact.class).list();
    }

    /**
     * The staff member's other appointments of that day whose time overlaps [at, at + minutes): a double booking.
     * Cancelled ones do not count; an appointment without a duration takes 30 minutes.
     */
    public List<Contact> overlapping(long centreId, long staffUserId, LocalDate day, LocalTime at, int minutes) {
        return jdbc.sql(SELECT + """
                 where c.centre_id = ? and c.channel = 'rdv' and c.staff_user_id = ? and c.date = ? and c.status <> 'annule'
                   and c.starts_at is not null
                   and c.starts_at < ?::time + make_interval(mins => ?)
                   and ?::time < c.starts_at + make_interval(mins => coalesce(nullif(c.duration_min, 0), 30))
                 order by c.starts_at""")
                .params(centreId, staffUserId, day, at, minutes, at).query(Contact.class).list();
    }

    /** Changes a counter contact (not an appointment); false when there is no such contact in the centre. */
    @Transactional
    public boolean update(long centreId, long contactId, ContactChange c) {
        int rows = jdbc.sql("""
                update contacts set date = ?, starts_at = ?, person_id = ?, channel = ?, duration_min = ?, note = ?,
                                    orientation = ?
                where centre_id = ? and id = ? and channel <> 'rdv'""")
                .params(c.date(), c.startsAt(), c.personId(), c.channel(), c.durationMin(), c.note(), c.orientation(),
                        centreId, contactId).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("delete from contact_themes where centre_id = ? and contact_id = ?").params(centreId, contactId).update();
        for (String theme : c.themes()) {
            jdbc.sql("insert into contact_themes (centre_id, contact_id, theme) values (?, ?, ?) on conflict do nothing")
                    .params(centreId, contactId, theme).update();
        }
        return true;
    }

    /** The theme codes of a contact, for its edit form. */
    public List<String> themeCodes(long centreId, long contactId) {
        return jdbc.sql("select theme from contact_themes where centre_id = ? and contact_id = ? order by theme")
                .params(centreId, contactId).query(String.class).list();
    }

    @Transactional
    public void setStatus(long centreId, long contactId, String status) {
        jdbc.sql("update contacts set status = ? where centre_id = ? and id = ? and channel = 'rdv'")
                .params(status, centreId, contactId).update();
    }

    /** Honoured, missed and cancelled appointments per month, over the last {@code months} months. */
    public List<MonthRate> noShowRates(long centreId, int months) {
        return jdbc.sql("""
                select to_char(date, 'YYYY-MM') as month,
                       count(*) filter (where status = 'honore') as honoured,
                       count(*) filter (where status = 'non_honore') as missed,
                       count(*) filter (where status = 'annule') as cancelled
                from contacts
                where centre_id = ? and channel = 'rdv'
                  and date >= date_trunc('month', centre_today(centre_id)) - make_interval(months => ?)
                  and date <= centre_today(centre_id)
                group by 1 order by 1 desc""")
                .params(centreId, months - 1).query(MonthRate.class).list();
    }

    /** Erases the free texts of the persons' contacts (note, orientation); dates, channels and themes are counted. */
    @Transactional
    public void forgetNotes(long centreId, Collection<Long> personIds) {
        jdbc.sql("update contacts set note = null, orientation = null where centre_id = ? and person_id = any(?)")
                .params(centreId, personIds.toArray(Long[]::new)).update();
    }

    /** An appointment's staff member and time. */
    public record Assignment(long contactId, long staffUserId, LocalTime startsAt) {
    }

    /** Gives many appointments their staff member and time at once, set-based (a reception log taken over). */
    @Transactional
    public void assign(long centreId, List<Assignment> assignments) {
        jdbc.sql("""
                update contacts c set staff_user_id = a.staff_user_id, starts_at = cast(a.starts_at as time)
                from unnest(cast(:ids as bigint[]), cast(:staff as bigint[]), cast(:times as text[])) as a(id, staff_user_id, starts_at)
                where c.centre_id = :centre and c.id = a.id
                  and a.staff_user_id in (select r.user_id from centre_user_roles r where r.centre_id = :centre)""")
                .param("ids", assignments.stream().map(Assignment::contactId).toArray(Long[]::new))
                .param("staff", assignments.stream().map(Assignment::staffUserId).toArray(Long[]::new))
                .param("times", assignments.stream().map(a -> a.startsAt().toString()).toArray(String[]::new))
                .param("centre", centreId).update();
    }
}
