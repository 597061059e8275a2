package fr.trame.catalogue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Searching the catalogue: French full-text search in PostgreSQL (accents, case and apostrophe style ignored, words
 * stemmed) gives the matching actions; facets are then counted over them. A centre sees the published actions and
 * its own drafts. Actions whose title has the words come first, then the others in catalogue order. Quoted phrases
 * are answered by pair lexemes (CataloguePhrases); words (and two-word phrases) by the lexemes' posting lists, read
 * from the GIN index once per version of the catalogue and kept with the facet index.
 */
@Service
public class CatalogueSearch {

    public static final int PAGE_SIZE = 20;
    /** Values shown per facet, the most frequent first; the chosen ones are always shown. */
    static final int FACET_VALUES = 12;
    /** Posting lists kept per version of the catalogue (at most 50,000 actions: 6 kB each). */
    static final int POSTINGS = 2000;

    /** A facet: its URL parameter, its French title, and the column(s) its values come from. */
    public enum Facet {
        STATUT("statut", "Statut", "array[status]"),
        DIMENSION("dimension", "Dimension", "array[dimension]"),
        MOT_CLE("mot_cle", "Mots clés", "keywords"),
        PUBLIC("public", "Public", "publics"),
        TERRITOIRE("territoire", "Territoire", "array[territory, territory_again]"),
        INITIATIVE("initiative", "À l'initiative de", "initiative"),
        PARTENAIRE("partenaire", "Partenaires", "partners"),
        STRUCTURE("structure", "Structure", "array[structure]"),
        DEPARTEMENT("departement", "Département", "array[departement]");

        private final String param;
        private final String title;
        final String values;

        Facet(String param, String title, String values) {
            this.param = param;
            this.title = title;
            this.values = values;
        }

        public String param() {
            return param;
        }

        public String title() {
            return title;
        }
    }

    /** What the user asked: words, chosen facet values (several in one facet: any of them), only the centre's own. */
    public record Criteria(String text, Map<Facet, List<String>> chosen, boolean mine, int page) {
        public boolean isChosen(Facet facet, String value) {
            return chosen.getOrDefault(facet, List.of()).contains(value);
        }
    }

    public record Hit(long id, String title, String structure, String departement, String status, String dimension,
                      String summary, boolean published, boolean own) {
    }

    public record FacetValue(String value, long count) {
    }

    /** One page of actions, how many there are in all, the facets; {@code wordsIgnored} when only common words were typed. */
    public record Result(long total, List<Hit> hits, Map<Facet, List<FacetValue>> facets, boolean wordsIgnored) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    private final JdbcClient jdbc;
    private volatile FacetIndex index = new FacetIndex(-1, new String[0][], new int[0][], new int[0][], new BitSet(), new long[0][],
            false, new ConcurrentHashMap<>());

    public CatalogueSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Result search(long centreId, Criteria criteria) {
        // one round trip: the catalogue's version (is the facet index current?), the words as a tsquery, the
        // centre's own actions; the planner takes the documents for cheap and would read them all when a word is in
        // most actions: the GIN index answers without reading them
        boolean words = criteria.text() != null && !criteria.text().isBlank();
        Map<String, Object> state = jdbc.sql("""
                select set_config('enable_seqscan', 'off', true), version,
                       case when :words then websearch_to_tsquery('french', trame_fold(:text))::text else '' end as query,
                       (select coalesce(array_agg(id)::text, '{}') from catalogue_actions where owner_centre_id = :centre) as own,
                       (select coalesce(array_agg(id)::text, '{}') from catalogue_actions
                        where owner_centre_id = :centre and not published) as drafts
                from catalogue_state""").param("words", words).param("text", words ? criteria.text() : "")
                .param("centre", centreId).query().singleRow();
        FacetIndex facets = current(((Number) state.get("version")).longValue());
        String query = (String) state.get("query");
        boolean wordsIgnored = words && query.isEmpty();
        BitSet found = (BitSet) facets.published.clone();
        found.or(bits((String) state.get("drafts")));
        BitSet inTitle = new BitSet();
        if (!query.isEmpty()) {
            CataloguePhrases.Parts parts = CataloguePhrases.parts(query);
            inTitle = (BitSet) found.clone();
            Map<String, BitSet> matching = read(parts, facets);
            match(found, parts, "doc", matching);
            match(inTitle, parts, "title_doc", matching);
        }
        if (criteria.mine()) {
            found.and(bits((String) state.get("own")));
        }
        facets.keep(found, criteria.chosen());
        inTitle.and(found);
        List<Long> page = page(found, inTitle, Math.max(1, criteria.page()));
        return new Result(found.cardinality(), hits(page, centreId), facets.count(found, criteria.chosen()), wordsIgnored);
    }

    /** Keeps the actions whose document (or title) matches every part kept and none of the parts negated. */
    private static void match(BitSet actions, CataloguePhrases.Parts parts, String column, Map<String, BitSet> matching) {
        parts.with().forEach(p -> actions.and(matching.get(column + " " + p.key())));
        parts.without().forEach(p -> actions.andNot(matching.get(column + " " + p.key())));
    }

    /**
     * Reads, in one round trip, the actions matching each part of the query not read yet since the catalogue last
     * changed, both in the documents and the titles; they are kept with the facet index (at most {@link #POSTINGS}).
     */
    private Map<String, BitSet> read(CataloguePhrases.Parts parts, FacetIndex facets) {
        List<CataloguePhrases.Part> missing = new ArrayList<>();
        Map<String, BitSet> read = new HashMap<>();
        for (CataloguePhrases.Part p : concat(parts)) {
            BitSet doc = facets.postings.get("doc " + p.key());
            BitSet title = facets.postings.get("title_doc " + p.key());
            if (doc != null && title != null) {
                read.put("doc " + p.key(), doc);
                read.put("title_doc " + p.key(), title);
            } else if (missing.stream().noneMatch(m -> m.key().equals(p.key()))) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return read;
        }
        // a part read by its pairs, on a document without pairs (too long, V77): the part itself
        String doc = facets.unpaired ? "(doc @@ cast(r as tsquery) or (p and doc @@ cast('''no pairs'' & (' || k || ')' as tsquery)))"
                : "doc @@ cast(r as tsquery)";
        Map<String, BitSet> fresh = new HashMap<>();
        jdbc.sql("""
                select k, (select coalesce(array_agg(action_id)::text, '{}') from catalogue_search where %s),
                          (select coalesce(array_agg(action_id)::text, '{}') from catalogue_search where %s)
                from unnest(cast(? as text[]), cast(? as text[]), cast(? as boolean[])) as part(k, r, p)"""
                        .formatted(doc, doc.replace("doc", "title_doc")))
                .params(missing.stream().map(CataloguePhrases.Part::key).toArray(String[]::new),
                        missing.stream().map(CataloguePhrases.Part::read).toArray(String[]::new),
                        missing.stream().map(CataloguePhrases.Part::paired).toArray(Boolean[]::new))
                .query((rs, n) -> {
                    fresh.put("doc " + rs.getString(1), bits(rs.getString(2)));
                    return fresh.put("title_doc " + rs.getString(1), bits(rs.getString(3)));
                }).list();
        if (facets.postings.size() < POSTINGS) {
            facets.postings.putAll(fresh);
        }
        read.putAll(fresh);
        return read;
    }

    private static List<CataloguePhrases.Part> concat(CataloguePhrases.Parts parts) {
        List<CataloguePhrases.Part> all = new ArrayList<>(parts.with());
        all.addAll(parts.without());
        return all;
    }

    /** The page's actions: those with the words in their title first, then the others, each in catalogue order. */
    private static List<Long> page(BitSet found, BitSet inTitle, int page) {
        List<Long> ids = new ArrayList<>(PAGE_SIZE);
        int skip = (page - 1) * PAGE_SIZE;
        BitSet rest = (BitSet) found.clone();
        rest.andNot(inTitle);
        for (BitSet part : List.of(inTitle, rest)) {
            for (int id = part.nextSetBit(0); id >= 0 && ids.size() < PAGE_SIZE; id = part.nextSetBit(id + 1)) {
                if (skip > 0) {
                    skip--;
                } else {
                    ids.add((long) id);
                }
            }
        }
        return ids;
    }

    private List<Hit> hits(List<Long> ids, long centreId) {
        Map<Long, Hit> byId = new LinkedHashMap<>();
        jdbc.sql("""
                select id, title, structure, departement, status, dimension, summary, published,
                       owner_centre_id is not distinct from ? as own
                from catalogue_actions where id = any(?)""").params(centreId, ids.toArray(Long[]::new))
                .query(Hit.class).list().forEach(h -> byId.put(h.id(), h));
        return ids.stream().map(byId::get).toList();
    }

    /** The ids of an array PostgreSQL gave as text ({1,2,3}): tens of thousands of them parse in a millisecond. */
    private static BitSet bits(String array) {
        BitSet bits = new BitSet();
        if (array == null) {
            return bits;
        }
        int id = -1;
        for (int i = 1; i < array.length(); i++) {
            char c = array.charAt(i);
            if (c >= '0' && c <= '9') {
                id = (id < 0 ? 0 : id * 10) + (c - '0');
            } else if (id >= 0) {
                bits.set(id);
                id = -1;
            }
        }
        return bits;
    }

    /** The facet index of the catalogue as it is now: rebuilt when the catalogue changed since it was built. */
    private FacetIndex current(long version) {
        FacetIndex known = index;
        if (known.version == version) {
            return known;
        }
        synchronized (this) {
            if (index.version != version) {
                index = build(version);
            }
            return index;
        }
    }

    private FacetIndex build(long version) {
        Facet[] all = Facet.values();
        int ids = Math.toIntExact(jdbc.sql("select coalesce(max(id), 0) + 1 from catalogue_actions").query(Long.class).single());
        List<Map<String, Integer>> dictionaries = new ArrayList<>();
        int[][] starts = new int[all.length][ids + 1];
        int[][] values = new int[all.length][1024];
        int[] sizes = new int[all.length];
        StringBuilder columns = new StringBuilder();
        for (Facet facet : all) {
            dictionaries.add(new LinkedHashMap<>());
            columns.append(", array(select distinct v from unnest(").append(facet.values).append(") v where v <> '')");
        }
        BitSet published = new BitSet();
        int[] filled = {0}; // ids below this have their start set
        jdbc.sql("select id, published" + columns + " from catalogue_actions order by id").query((rs, n) -> {
            int id = Math.toIntExact(rs.getLong(1));
            if (rs.getBoolean(2)) {
                published.set(id);
            }
            for (int f = 0; f < all.length; f++) {
                for (int k = filled[0]; k <= id; k++) {
                    starts[f][k] = sizes[f];
                }
                Map<String, Integer> dictionary = dictionaries.get(f);
                for (Object text : (Object[]) rs.getArray(3 + f).getArray()) {
                    if (sizes[f] == values[f].length) {
                        values[f] = Arrays.copyOf(values[f], sizes[f] * 2);
                    }
                    values[f][sizes[f]++] = dictionary.computeIfAbsent((String) text, v -> dictionary.size());
                }
            }
            filled[0] = id + 1;
            return null;
        }).list();
        String[][] names = new String[all.length][];
        for (int f = 0; f < all.length; f++) {
            for (int k = filled[0]; k <= ids; k++) {
                starts[f][k] = sizes[f];
            }
            names[f] = dictionaries.get(f).keySet().toArray(String[]::new);
        }
        long[][] publishedCounts = new long[all.length][];
        for (int f = 0; f < all.length; f++) {
            publishedCounts[f] = new long[names[f].length];
            for (int id = published.nextSetBit(0); id >= 0; id = published.nextSetBit(id + 1)) {
                for (int p = starts[f][id]; p < starts[f][id + 1]; p++) {
                    publishedCounts[f][values[f][p]]++;
                }
            }
        }
        boolean unpaired = jdbc.sql("select exists (select from catalogue_search "
                        + "where doc @@ '''no pairs''' or title_doc @@ '''no pairs''')")
                .query(Boolean.class).single();
        return new FacetIndex(version, names, starts, values, published, publishedCounts, unpaired, new ConcurrentHashMap<>());
    }

    /**
     * Each action's facet values, as numbers into one dictionary per facet, held in memory: the values of action
     * {@code id} in facet {@code f} are {@code values[f][starts[f][id] .. starts[f][id + 1])}. Counting the facets of
     * 50,000 actions is then a pass over arrays; PostgreSQL needs tens of milliseconds to unnest and group them.
     * {@code publishedCounts} are the counts over all published actions: the counts of a set of actions close to
     * them (the landing page: the published ones and a centre's drafts) are found from the few that differ.
     * {@code unpaired}: some document of the catalogue has no phrase pairs (V77). {@code postings}: the actions
     * whose document ("doc 'lexeme'") or title ("title_doc 'lexeme'") has a lexeme, as read from the GIN index.
     */
    private record FacetIndex(long version, String[][] names, int[][] starts, int[][] values, BitSet published,
                              long[][] publishedCounts, boolean unpaired, Map<String, BitSet> postings) {

        /** Keeps the actions that have, for each facet with chosen values, one of them. */
        void keep(BitSet found, Map<Facet, List<String>> chosen) {
            chosen.forEach((facet, picked) -> {
                if (picked.isEmpty()) {
                    return;
                }
                int f = facet.ordinal();
                boolean[] wanted = new boolean[names[f].length];
                for (int v = 0; v < wanted.length; v++) {
                    wanted[v] = picked.contains(names[f][v]);
                }
                for (int id = found.nextSetBit(0); id >= 0; id = found.nextSetBit(id + 1)) {
                    boolean has = false;
                    for (int p = start(f, id); p < start(f, id + 1); p++) {
                        has |= wanted[values[f][p]];
                    }
                    if (!has) {
                        found.clear(id);
                    }
                }
            });
        }

        /** Per facet, its most frequent values among the found actions, and the chosen ones. */
        Map<Facet, List<FacetValue>> count(BitSet found, Map<Facet, List<String>> chosen) {
            Map<Facet, List<FacetValue>> facets = new LinkedHashMap<>();
            BitSet added = (BitSet) found.clone();
            added.andNot(published);
            BitSet removed = (BitSet) published.clone();
            removed.andNot(found);
            boolean fromPublished = added.cardinality() + removed.cardinality() < found.cardinality();
            for (Facet facet : Facet.values()) {
                int f = facet.ordinal();
                long[] counts;
                if (fromPublished) {
                    counts = publishedCounts[f].clone();
                    add(counts, f, added, 1);
                    add(counts, f, removed, -1);
                } else {
                    counts = new long[names[f].length];
                    add(counts, f, found, 1);
                }
                List<String> picked = chosen.getOrDefault(facet, List.of());
                List<FacetValue> shown = new ArrayList<>();
                for (int v : top(counts)) {
                    shown.add(new FacetValue(names[f][v], counts[v]));
                }
                for (int v = 0; v < counts.length; v++) {
                    String name = names[f][v];
                    if (counts[v] > 0 && picked.contains(name) && shown.stream().noneMatch(s -> s.value().equals(name))) {
                        shown.add(new FacetValue(name, counts[v]));
                    }
                }
                shown.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
                facets.put(facet, shown);
            }
            return facets;
        }

        private void add(long[] counts, int f, BitSet ids, int sign) {
            for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
                for (int p = start(f, id); p < start(f, id + 1); p++) {
                    counts[values[f][p]] += sign;
                }
            }
        }

        /** The indexes of the largest non-zero counts, at most {@link #FACET_VALUES}, without sorting them all. */
        private static List<Integer> top(long[] counts) {
            List<Integer> best = new ArrayList<>();
            for (int v = 0; v < counts.length; v++) {
                if (counts[v] == 0 || (best.size() == FACET_VALUES && counts[v] <= counts[best.get(best.size() - 1)])) {
                    continue;
                }
                int at = best.size();
                while (at > 0 && counts[best.get(at - 1)] < counts[v]) {
                    at--;
                }
                best.add(at, v);
                if (best.size() > FACET_VALUES) {
                    best.remove(FACET_VALUES);
                }
            }
            return best;
        }

        private int start(int facet, int id) {
            return id < starts[facet].length ? starts[facet][id] : values[facet].length;
        }
    }
}
