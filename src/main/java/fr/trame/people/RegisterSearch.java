package fr.trame.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds households by a member's name (accents, case and a typo forgiven: pg_trgm word similarity on the folded
 * name), by the start of a phone number or by allocataire CAF number. Anonymised persons are never found by name.
 * <p>
 * Names are found in two steps (V75): the centre's distinct name words nearest to each typed word (a trigram index on a
 * few thousand words, not on every person), then the persons bearing them, read by word from a btree; only those few
 * dozen persons are measured against the whole query, and ranked as before, nearest whole name first.
 */
@Service
public class RegisterSearch {

    public record Hit(long id, String ref, String label, String members, String commune, String quartier,
                      String address) {
    }

    /** A person found, with what tells two namesakes apart: age, and their principal household's reference and address. */
    public record PersonHit(long id, String lastName, String firstName, LocalDate birthDate, String ref,
                            String household) {
    }

    /**
     * What a search found, at most {@code limit} hits; {@code more} says there were others, so the page asks to
     * narrow the search instead of hiding them.
     */
    public record Found<T>(List<T> hits, int limit, boolean more) {
        public String moreMessage() {
            if (!more) {
                return null;
            }
            // fewer hits than the limit can still hide others: the nearest persons taken first may all have matched
            return hits.size() >= limit ? "Plus de " + limit + " résultats : précisez la recherche."
                    : "D'autres résultats peuvent exister au-delà de ces " + hits.size() + " : précisez la recherche.";
        }
    }

    /** Name matches are taken among the nearest persons first: this many, then grouped by household. */
    static final int NEAREST_PERSONS = 40;

    private final JdbcClient jdbc;

    public RegisterSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Hit> households(long centreId, String query, int limit) {
        return findHouseholds(centreId, query, limit).hits();
    }

    public Found<Hit> findHouseholds(long centreId, String query, int limit) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return new Found<>(recent(centreId, limit), limit, false);
        }
        String digits = q.replaceAll("[^0-9]", "");
        boolean byNumber = digits.length() >= 4 && q.replaceAll("[0-9 .+()-]", "").isEmpty();
        // Names: the 40 persons whose folded name is nearest among those bearing words near the typed ones, kept when
        // similar enough (> 0.45).
        String nearest = byNumber ? "n as (select 0.0 as distance, 0::bigint as id where false)"
                : NEAREST_WORDS + ", n as (" + nearestPersons("p.id") + ")";
        String matches = byNumber ? """
                select hm.household_id, 1.0 as score
                from persons p join household_members hm on hm.centre_id = p.centre_id and hm.person_id = p.id
                where p.centre_id = :centre and p.phone_digits like :digits || '%'
                union all
                select h.id, 1.0 from households h
                where h.centre_id = :centre and h.caf_number like :digits || '%'
                """ : """
                select hm.household_id, 1 - n.distance as score
                from n join household_members hm on hm.centre_id = :centre and hm.person_id = n.id
                where n.distance < 0.55
                """;
        long[] nearestMatched = {0};
        List<Hit> hits = jdbc.sql("with " + nearest + ", matches as (" + matches + "), best as ("
                        + " select household_id, max(score) as score from matches group by household_id"
                        + " order by max(score) desc, household_id limit :limit)"
                        + " select h.id, h.ref, " + HouseholdService.LABEL + " as label, " + MEMBERS + " as members,"
                        + " h.commune, qu.name as quartier, h.address,"
                        + " (select count(*) from n where n.distance < 0.55) as nearest_matched"
                        + " from best b join households h on h.centre_id = :centre and h.id = b.household_id"
                        + " left join territory_quartiers qu on qu.centre_id = h.centre_id and qu.id = h.quartier_id"
                        + " order by b.score desc, label")
                .param("centre", centreId).param("query", q).param("digits", digits)
                .param("nearest", NEAREST_PERSONS).param("limit", limit + 1)
                .query((rs, row) -> {
                    nearestMatched[0] = rs.getLong("nearest_matched");
                    return new Hit(rs.getLong("id"), rs.getString("ref"), rs.getString("label"), rs.getString("members"),
                            rs.getString("commune"), rs.getString("quartier"), rs.getString("address"));
                }).list();
        // more households than shown, or every one of the nearest persons matched (there may be others beyond them);
        // counted in the same statement: a second nearest-neighbour scan would double the search's cost
        boolean more = hits.size() > limit || nearestMatched[0] >= NEAREST_PERSONS;
        return new Found<>(hits.size() > limit ? hits.subList(0, limit) : hits, limit, more);
    }

    /**
     * The centre's name words nearest to each typed word ({@code cw}: at most 8 per typed word, by the trigram index of
     * person_name_words), the first persons bearing the nearest of them ({@code first}, read by word in id order) and
     * the persons bearing two of them ({@code several}: both names typed, or glued into one word).
     */
    static final String NEAREST_WORDS = """
            qf as (select coalesce(trame_fold(cast(:query as text)), '') as folded),
            qw as (select q.word, q.i from unnest(trame_name_words((select folded from qf))) with ordinality as q(word, i)),
            cw as (select c.word, c.own, c.word <->> (select folded from qf) as whole,
                          row_number() over (partition by qw.i order by c.own, c.word) as rank
                   from qw cross join lateral (
                       select w.word, w.word <->> qw.word as own from person_name_words w
                       where w.centre_id = :centre order by w.word <->> qw.word limit 8) c
                   where c.own < 0.7),
            first as (select f.person_id from cw cross join lateral (
                          select pw.person_id from person_words pw where pw.centre_id = :centre and pw.word = cw.word
                          order by pw.person_id limit :nearest) f
                      order by cw.whole, f.person_id limit :nearest * 2),
            several as (select pw.person_id from cw join person_words pw on pw.centre_id = :centre and pw.word = cw.word
                        where cw.rank <= 4 group by pw.person_id having count(distinct pw.word) > 1)""";

    /** The {@code :nearest} candidates nearest to the whole folded query, with {@code columns} of persons p. */
    static String nearestPersons(String columns) {
        return "select " + columns + ", p.search_name <->> (select folded from qf) as distance from persons p"
                + " where p.centre_id = :centre and p.anonymised_at is null"
                + " and p.id = any(array(select person_id from first union select person_id from several))"
                + " order by p.search_name <->> (select folded from qf), p.id limit :nearest";
    }

    /** Persons by name, nearest first (to enrol someone, or add them to an attendance sheet). */
    public List<PersonHit> persons(long centreId, String query, int limit) {
        return findPersons(centreId, query, limit).hits();
    }

    public Found<PersonHit> findPersons(long centreId, String query, int limit) {
        if (query == null || query.isBlank()) {
            return new Found<>(List.of(), limit, false);
        }
        List<PersonHit> hits = jdbc.sql("with " + NEAREST_WORDS + """
                , n as (""" + nearestPersons("p.id, p.last_name, p.first_name, p.birth_date, p.ref") + """
                )
                select n.id, n.last_name, n.first_name, n.birth_date, n.ref,
                       (select nullif(concat_ws(' · ', 'foyer réf. ' || h.ref, nullif(concat_ws(' ', h.address, h.commune), '')), '')
                        from household_members hm join households h on h.centre_id = hm.centre_id and h.id = hm.household_id
                        where hm.centre_id = :centre and hm.person_id = n.id
                        order by hm.principal desc, hm.end_date is not null, hm.household_id limit 1) as household
                from n
                where distance < 0.55 order by distance, lower(last_name), lower(first_name), id""")
                .param("centre", centreId).param("query", query.trim()).param("nearest", limit + 1).query(PersonHit.class).list();
        return new Found<>(hits.size() > limit ? hits.subList(0, limit) : hits, limit, hits.size() > limit);
    }

    /** Every household of the register, by name: the households page's download. */
    public List<Hit> allHouseholds(long centreId) {
        return jdbc.sql("select h.id, h.ref, " + HouseholdService.LABEL + " as label, " + MEMBERS + " as members,"
                        + " h.commune, qu.name as quartier, h.address"
                        + " from households h left join territory_quartiers qu on qu.centre_id = h.centre_id and qu.id = h.quartier_id"
                        + " where h.centre_id = :centre order by lower(" + HouseholdService.LABEL + "), h.id")
                .param("centre", centreId).query(Hit.class).list();
    }

    private List<Hit> recent(long centreId, int limit) {
        return jdbc.sql("select h.id, h.ref, " + HouseholdService.LABEL + " as label, " + MEMBERS + " as members,"
                        + " h.commune, qu.name as quartier, h.address"
                        + " from households h left join territory_quartiers qu on qu.centre_id = h.centre_id and qu.id = h.quartier_id"
                        + " where h.centre_id = :centre order by h.updated_at desc, h.id desc limit :limit")
                .param("centre", centreId).param("limit", limit).query(Hit.class).list();
    }

    private static final String MEMBERS = """
            (select string_agg(p.first_name, ', ' order by hm.role desc, p.birth_date)
             from household_members hm join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
             where hm.centre_id = h.centre_id and hm.household_id = h.id and hm.end_date is null)""";
}
