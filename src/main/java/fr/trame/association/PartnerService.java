package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/** The partners' directory (funders are partners too), conventions signed with them, permanences they hold here. */
@Service
public class PartnerService {

    public static final List<String> KINDS = List.of("commune", "intercommunalite", "caf", "departement", "region", "etat",
            "association", "ecole", "bailleur", "sante", "entreprise", "fondation", "autre");

    public record Partner(long id, String name, String kind, String contact, long conventions, long permanences) {
    }

    public record Convention(long id, long partnerId, String partner, String object, LocalDate startDate, LocalDate endDate,
                             LocalDate signedOn) {
    }

    public record Permanence(long id, String partner, String label, String schedule, LocalDate startDate, LocalDate endDate) {
    }

    private final JdbcClient jdbc;

    public PartnerService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Partner> list(long centreId) {
        return jdbc.sql("""
                select pa.id, pa.name, pa.kind, pa.contact,
                       (select count(*) from conventions c where c.centre_id = pa.centre_id and c.partner_id = pa.id) as conventions,
                       (select count(*) from permanences pe where pe.centre_id = pa.centre_id and pa.id = pe.partner_id
                          and (pe.end_date is null or pe.end_date >= centre_today(pa.centre_id))) as permanences
                from partners pa where pa.centre_id = ? order by lower(pa.name)""").param(centreId).query(Partner.class).list();
    }

    /** Creates the partner, or returns the one of that name. */
    public long create(long centreId, String name, String kind, String contact) {
        return jdbc.sql("""
                insert into partners (centre_id, name, kind, contact) values (?, ?, ?, ?)
                on conflict (centre_id, name) do update set kind = excluded.kind, contact = coalesce(excluded.contact, partners.contact)
                returning id""").params(centreId, name, kind, contact).query(Long.class).single();
    }

    /** Conventions running at some point of the year. */
    public List<Convention> conventions(long centreId, int year) {
        return jdbc.sql("""
                select c.id, c.partner_id, pa.name as partner, c.object, c.start_date, c.end_date, c.signed_on
                from conventions c join partners pa on pa.centre_id = c.centre_id and pa.id = c.partner_id
                where c.centre_id = :centre and c.start_date <= make_date(:year, 12, 31)
                  and (c.end_date is null or c.end_date >= make_date(:year, 1, 1))
                order by lower(pa.name), c.start_date""").param("centre", centreId).param("year", year)
                .query(Convention.class).list();
    }

    public void addConvention(long centreId, long partnerId, String object, LocalDate start, LocalDate end, LocalDate signedOn) {
        jdbc.sql("insert into conventions (centre_id, partner_id, object, start_date, end_date, signed_on) values (?, ?, ?, ?, ?, ?)")
                .params(centreId, partnerId, object, start, end, signedOn).update();
    }

    public List<Permanence> permanences(long centreId, int year) {
        return jdbc.sql("""
                select pe.id, pa.name as partner, pe.label, pe.schedule, pe.start_date, pe.end_date
                from permanences pe join partners pa on pa.centre_id = pe.centre_id and pa.id = pe.partner_id
                where pe.centre_id = :centre and pe.start_date <= make_date(:year, 12, 31)
                  and (pe.end_date is null or pe.end_date >= make_date(:year, 1, 1))
                order by lower(pa.name)""").param("centre", centreId).param("year", year).query(Permanence.class).list();
    }

    public void addPermanence(long centreId, long partnerId, String label, String schedule, LocalDate start, LocalDate end) {
        jdbc.sql("insert into permanences (centre_id, partner_id, label, schedule, start_date, end_date) values (?, ?, ?, ?, ?, ?)")
                .params(centreId, partnerId, label, schedule, start, end).update();
    }
}
