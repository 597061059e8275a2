package fr.trame.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds households by a member's name (accents, case and a typo forgiven: pg_trgm word similarity on the folded
 * name), by the start of a phone number or by allocataire CAF number. Anonymised persons are never found by name.
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
        // Names: the 40 persons whose folded name is nearest (GiST KNN), kept when similar enough (> 0.45).
        String nearest = byNumber ? "select 0.0 as distance, 0::bigint as id where false" : """
                select p.id, p.search_name <->> :folded as distance from persons p
                where p.centre_id = :centre and p.anonymised_at is null
                order by p.search_name <->> :folded limit :nearest""";
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
        String folded = byNumber ? "" : fold(q);
        if (!byNumber && folded.isEmpty()) {
            return new Found<>(List.of(), limit, false);
        }
        long[] nearestMatched = {0};
        List<Hit> hits = jdbc.sql("with n as (" + nearest + "), matches as (" + matches + "), best as ("
                        + " select household_id, max(score) as score from matches group by household_id"
                        + " order by max(score) desc, household_id limit :limit)"
                        + " select h.id, h.ref, " + HouseholdService.LABEL + " as label, " + MEMBERS + " as members,"
                        + " h.commune, qu.name as quartier, h.address,"
                        + " (select count(*) from n where n.distance < 0.55) as nearest_matched"
                        + " from best b join households h on h.centre_id = :centre and h.id = b.household_id"
                        + " left join territory_quartiers qu on qu.centre_id = h.centre_id and qu.id = h.quartier_id"
                        + " order by b.score desc, label")
                .param("centre", centreId).param("folded", folded).param("digits", digits)
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

    /** Folded by the same SQL function as the indexed column, and passed as a value so the trigram index is used. */
    private String fold(String text) {
        return jdbc.sql("select coalesce(trame_fold(?), '')").param(text).query(String.class).single();
    }

    /** Persons by name, nearest first (to enrol someone, or add them to an attendance sheet). */
    public List<PersonHit> persons(long centreId, String query, int limit) {
        return findPersons(centreId, query, limit).hits();
    }

    public Found<PersonHit> findPersons(long centreId, String query, int limit) {
        String folded = query == null || query.isBlank() ? "" : fold(query.trim());
        if (folded.isEmpty()) {
            return new Found<>(List.of(), limit, false);
        }
        List<PersonHit> hits = jdbc.sql("""
                select n.id, n.last_name, n.first_name, n.birth_date, n.ref,
                       (select nullif(concat_ws(' · ', 'foyer réf. ' || h.ref, nullif(concat_ws(' ', h.address, h.commune), '')), '')
                        from household_members hm join households h on h.centre_id = hm.centre_id and h.id = hm.household_id
                        where hm.centre_id = :centre and hm.person_id = n.id
                        order by hm.principal desc, hm.end_date is not null, hm.household_id limit 1) as household
                from (select p.id, p.last_name, p.first_name, p.birth_date, p.ref, p.search_name <->> :folded as distance
                      from persons p where p.centre_id = :centre and p.anonymised_at is null
                      order by p.search_name <->> :folded limit :limit) n
                where distance < 0.55 order by distance, lower(last_name), lower(first_name), id""")
                .param("centre", centreId).param("folded", folded).param("limit", limit + 1).query(PersonHit.class).list();
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
