package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Grant applications and calls for projects, the year's products and charges, and the agréments. */
@Service
public class FundingService {

    public static final List<String> STATUSES = List.of("preparation", "depose", "accorde", "refuse", "verse");

    public record Grant(long id, long partnerId, String funder, int year, String object, String callName, LocalDate deadline,
                        LocalDate reportDue, Long requestedCents, Long grantedCents, String status) {
    }

    public record NewGrant(long partnerId, int year, String object, String callName, LocalDate deadline, LocalDate reportDue,
                           Long requestedCents, Long grantedCents, String status) {
    }

    public record Product(long id, String label, String funder, long amountCents) {
    }

    public record Agrement(long id, String label, String issuer, LocalDate startDate, LocalDate endDate, String reference) {
    }

    /** Something to do by a date, for the home page: a file to send, a report to give, an agrément to renew. */
    public record Due(LocalDate date, String what, String path) {
    }

    private final JdbcClient jdbc;

    public FundingService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Grant> grants(long centreId, int year) {
        return jdbc.sql(GRANTS + " where g.centre_id = ? and g.year = ? order by lower(pa.name), g.object")
                .params(centreId, year).query(Grant.class).list();
    }

    private static final String GRANTS = """
            select g.id, g.partner_id, pa.name as funder, g.year, g.object, g.call_name, g.deadline, g.report_due,
                   g.requested_cents, g.granted_cents, g.status
            from grants g join partners pa on pa.centre_id = g.centre_id and pa.id = g.partner_id""";

    public long createGrant(long centreId, NewGrant g) {
        return jdbc.sql("""
                insert into grants (centre_id, partner_id, year, object, call_name, deadline, report_due, requested_cents,
                                    granted_cents, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centreId, g.partnerId(), g.year(), g.object(), g.callName(), g.deadline(), g.reportDue(),
                        g.requestedCents(), g.grantedCents(), g.status()).query(Long.class).single();
    }

    public void updateGrant(long centreId, long grantId, String status, Long grantedCents) {
        jdbc.sql("update grants set status = ?, granted_cents = coalesce(?, granted_cents) where centre_id = ? and id = ?")
                .params(status, grantedCents, centreId, grantId).update();
    }

    public List<Product> products(long centreId, int year) {
        return jdbc.sql("""
                select pr.id, pr.label,
                       (select pa.name from partners pa where pa.centre_id = pr.centre_id and pa.id = pr.partner_id) as funder,
                       pr.amount_cents
                from products pr where pr.centre_id = ? and pr.year = ? order by pr.amount_cents desc, pr.label""")
                .params(centreId, year).query(Product.class).list();
    }

    /** Sets the year's product of this label (a funder's name, or another source). */
    public void saveProduct(long centreId, int year, Long partnerId, String label, long amountCents) {
        jdbc.sql("""
                insert into products (centre_id, year, partner_id, label, amount_cents) values (?, ?, ?, ?, ?)
                on conflict (centre_id, year, label)
                do update set partner_id = excluded.partner_id, amount_cents = excluded.amount_cents""")
                .params(centreId, year, partnerId, label, amountCents).update();
    }

    public Optional<Long> charges(long centreId, int year) {
        return jdbc.sql("select charges_cents from yearly_accounts where centre_id = ? and year = ?").params(centreId, year)
                .query(Long.class).optional();
    }

    @Transactional
    public void saveCharges(long centreId, int year, long cents) {
        jdbc.sql("""
                insert into yearly_accounts (centre_id, year, charges_cents) values (?, ?, ?)
                on conflict (centre_id, year) do update set charges_cents = excluded.charges_cents""")
                .params(centreId, year, cents).update();
    }

    public List<Agrement> agrements(long centreId) {
        return jdbc.sql("select id, label, issuer, start_date, end_date, reference from agrements where centre_id = ?"
                        + " order by end_date nulls last, label")
                .param(centreId).query(Agrement.class).list();
    }

    public void addAgrement(long centreId, String label, String issuer, LocalDate start, LocalDate end, String reference) {
        jdbc.sql("insert into agrements (centre_id, label, issuer, start_date, end_date, reference) values (?, ?, ?, ?, ?, ?)")
                .params(centreId, label, issuer, start, end, reference).update();
    }

    /**
     * What is due soon, on {@code today}: agréments ending within six months, files to send for a call within two
     * months (not yet sent), reports due within two months (or late) for grants granted.
     */
    public List<Due> dueSoon(long centreId, LocalDate today) {
        return jdbc.sql("""
                select end_date as date, 'Fin de l''agrément « ' || label || ' » (' || issuer || ')' as what, '/agrements' as path
                from agrements a where a.centre_id = :centre and a.end_date between :today and :today + interval '6 months'
                  and not exists (select 1 from agrements b where b.centre_id = a.centre_id and b.label = a.label
                                  and b.issuer = a.issuer and b.start_date > a.start_date)
                union all
                select g.deadline, 'Dépôt du dossier « ' || g.object || ' » (' || pa.name || coalesce(', ' || g.call_name, '') || ')',
                       '/financements?annee=' || g.year
                from grants g join partners pa on pa.centre_id = g.centre_id and pa.id = g.partner_id
                where g.centre_id = :centre and g.status = 'preparation' and g.deadline between :today and :today + interval '2 months'
                union all
                select g.report_due, 'Bilan à rendre : « ' || g.object || ' » (' || pa.name || ')', '/financements?annee=' || g.year
                from grants g join partners pa on pa.centre_id = g.centre_id and pa.id = g.partner_id
                where g.centre_id = :centre and g.status in ('accorde', 'verse') and g.report_due <= :today + interval '2 months'
                  and g.report_due >= :today - interval '1 month'
                order by 1""").param("centre", centreId).param("today", today)
                .query(Due.class).list();
    }
}
