package fr.trame.catalogue;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.catalogue.CatalogueFormat.Field;
import fr.trame.catalogue.CatalogueSearch.Criteria;
import fr.trame.catalogue.CatalogueSearch.Facet;
import fr.trame.catalogue.CatalogueSearch.FacetValue;
import fr.trame.centre.Centre;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quoted phrases answered by the documents' pair lexemes (V77) find exactly what PostgreSQL's phrase search finds
 * when it reads every document; facet counts equal those counted in SQL over the found actions.
 */
@TrameTest
class CataloguePhraseSearchTest {

    @Autowired CatalogueService catalogue;
    @Autowired CatalogueSearch search;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;

    /** Texts made for the edge cases: order, distance, a gap of 4, a longer phrase whose pairs are apart. */
    private static final List<String[]> ACTIONS = List.of(
            new String[] {"Café des parents", "Le samedi matin, autour d'un café.", "Gironde", "Parentalité"},
            new String[] {"Parents au café", "Ici, des parents boivent un café des îles.", "Nord", "Parentalité"},
            new String[] {"Aide aux devoirs", "L’aide aux devoirs du mardi.", "Gironde", "éducation / scolarité"},
            new String[] {"Soutien scolaire", "Une aide pour les devoirs, chaque jeudi.", "Nord", "éducation / scolarité"},
            new String[] {"Jardin de la plaine", "Le jardin et de la plaine sont ouverts.", "Rhône", "Environnement"},
            new String[] {"Repas", "Des repas partagés. Puis partagés seniors.", "Rhône", "Solidarité"},
            new String[] {"Repas du jeudi", "Les repas partagés seniors du jeudi.", "Gironde", "Solidarité"},
            new String[] {"Fête de quartier", "La fête de quartier et le café des parents.", "Isère", "Culture"},
            new String[] {"Lieu d'accueil enfants-parents", "Un lieu d’accueil enfants-parents.", "Isère", "Parentalité"});

    private static final List<String> PHRASES = List.of("\"café des parents\"", "\"cafe des parents\"", "\"parents au café\"",
            "\"aide aux devoirs\"", "\"l'aide aux devoirs\"", "\"aide pour les devoirs\"", "\"jardin et de la plaine\"",
            "\"repas partagés seniors\"", "\"repas partagés\"", "\"fete de quartier\"", "\"lieu d'accueil enfants-parents\"",
            "\"café des parents\" -fête", "\"café des parents\" or \"jardin partagé\"", "\"café des parents\" samedi",
            "\"partagés seniors\" jeudi", "\"des îles\"", "\"le café\"", "\"café des îles des parents\"", "-\"café des parents\"",
            "-jardin", "café -\"café des parents\"", "(café or jardin) -\"fête de quartier\"");

    @BeforeEach
    void handMadeCatalogue() {
        jdbc.sql("delete from catalogue_actions").update();
        centre = fixtures.centre("phrases");
        List<String> records = new ArrayList<>();
        for (String[] a : ACTIONS) {
            Map<Field, List<String>> values = new EnumMap<>(Field.class);
            values.put(Field.STRUCTURE, List.of("CS " + a[0] + " - " + a[2]));
            values.put(Field.STATUS, List.of("En cours"));
            values.put(Field.DIMENSION, List.of("Services"));
            values.put(Field.KEYWORDS, List.of(a[3]));
            values.put(Field.SUMMARY, List.of(a[1]));
            values.put(Field.PUBLIC, List.of("familles"));
            records.add(CatalogueFormat.render(a[0], values));
        }
        catalogue.importText(CatalogueFormat.write(records));
    }

    private List<String> found(String text) {
        return search.search(centre.id(), new Criteria(text, Map.of(), false, 1)).hits().stream()
                .map(CatalogueSearch.Hit::title).sorted().toList();
    }

    /** PostgreSQL's own phrase search over every document, read whole (the expression keeps the index out). */
    private List<String> scanned(String text) {
        return jdbc.sql("""
                select a.title from catalogue_search s join catalogue_actions a on a.id = s.action_id
                where (s.doc || ''::tsvector) @@ websearch_to_tsquery('french', trame_fold(?)) order by a.title""")
                .param(text).query(String.class).list().stream().sorted().toList();
    }

    @Test
    void phrasesFindWhatAScanOfEveryDocumentFinds() {
        for (String phrase : PHRASES) {
            assertThat(found(phrase)).as(phrase).isEqualTo(scanned(phrase));
        }
        // and the scan itself finds what the texts say
        assertThat(found("\"café des parents\"")).containsExactly("Café des parents", "Fête de quartier");
        assertThat(found("\"aide aux devoirs\"")).containsExactly("Aide aux devoirs");
        assertThat(found("\"jardin et de la plaine\"")).containsExactly("Jardin de la plaine");
        assertThat(found("\"repas partagés seniors\"")).containsExactly("Repas du jeudi");
        assertThat(found("\"café des parents\" -fête")).containsExactly("Café des parents");
        assertThat(found("\"lieu d'accueil enfants-parents\"")).containsExactly("Lieu d'accueil enfants-parents");
    }

    @Test
    void phrasesAreReadByTheirPairs() {
        assertThat(parts("'caf' <2> 'parent'")).isEqualTo("+'caf' <2> 'parent' = 'caf 2 parent' (pairs)");
        assertThat(parts("'caf' <2> 'parent' & 'samedi' & !'jardin'"))
                .isEqualTo("+'caf' <2> 'parent' = 'caf 2 parent' (pairs) ; +'samedi' = 'samedi' ; -'jardin' = 'jardin'");
        // longer: rechecked where all the pairs are
        assertThat(parts("'repas' <-> 'partag' <-> 'senior'"))
                .isEqualTo("+'repas' <-> 'partag' <-> 'senior' = ('repas' <-> 'partag' <-> 'senior') & 'repas 1 partag' & 'partag 1 senior' (pairs)");
        // a gap over 3: as it is; under |: the whole query as it is
        assertThat(parts("'jardin' <4> 'plain'")).isEqualTo("+'jardin' <4> 'plain' = 'jardin' <4> 'plain'");
        assertThat(parts("'caf' <2> 'parent' | 'jardin'")).isEqualTo("+'caf' <2> 'parent' | 'jardin' = 'caf' <2> 'parent' | 'jardin'");
        assertThat(parts("!( 'caf' <2> 'parent' ) & 'a'")).isEqualTo("+'a' = 'a' ; -( 'caf' <2> 'parent' ) = 'caf 2 parent' (pairs)");
        assertThat(parts("'l''eau' <-> 'vive'")).isEqualTo("+'l''eau' <-> 'vive' = 'l''eau 1 vive' (pairs)");
    }

    private static String parts(String tsquery) {
        CataloguePhrases.Parts parts = CataloguePhrases.parts(tsquery);
        List<String> shown = new ArrayList<>();
        parts.with().forEach(p -> shown.add("+" + p.key() + " = " + p.read() + (p.paired() ? " (pairs)" : "")));
        parts.without().forEach(p -> shown.add("-" + p.key() + " = " + p.read() + (p.paired() ? " (pairs)" : "")));
        return String.join(" ; ", shown);
    }

    @Test
    void aDocumentTooLongForPairsIsStillFound() {
        // as if the document had been too long for pairs
        jdbc.sql("update catalogue_search set doc = ts_delete(doc, array(select lexeme from unnest(doc) where lexeme like '% % %'))"
                + " || array_to_tsvector(array['no pairs']) where action_id in (select id from catalogue_actions where title = 'Fête de quartier')")
                .update();
        jdbc.sql("update catalogue_state set version = version + 1").update(); // as every change of the catalogue does
        assertThat(found("\"café des parents\"")).containsExactly("Café des parents", "Fête de quartier");
    }

    @Test
    void facetCountsAreThoseOfTheFoundActions() {
        catalogue.saveOwn(centre.id(), null, "Brouillon du centre", Map.of(Field.STRUCTURE, List.of("CS Brouillon - Nord"),
                Field.KEYWORDS, List.of("Santé"), Field.SUMMARY, List.of("Le café des parents du centre.")));
        for (Criteria criteria : List.of(new Criteria("", Map.of(), false, 1), new Criteria("café", Map.of(), false, 1),
                new Criteria("\"café des parents\"", Map.of(), false, 1), new Criteria("", Map.of(Facet.DEPARTEMENT, List.of("Gironde")),
                        false, 1), new Criteria("parents", Map.of(Facet.MOT_CLE, List.of("Parentalité", "Culture")), false, 1))) {
            CatalogueSearch.Result result = search.search(centre.id(), criteria);
            List<Long> ids = jdbc.sql("select id from catalogue_actions where title = any(?)")
                    .param(allTitles(criteria).toArray(String[]::new)).query(Long.class).list();
            assertThat(result.total()).isEqualTo(ids.size());
            for (Facet facet : Facet.values()) {
                assertThat(result.facets().get(facet)).as(criteria + " " + facet).isEqualTo(counted(facet, ids));
            }
        }
    }

    private List<String> allTitles(Criteria criteria) {
        List<String> titles = new ArrayList<>();
        CatalogueSearch.Result first = search.search(centre.id(), criteria);
        for (int page = 1; page <= first.pages(); page++) {
            search.search(centre.id(), new Criteria(criteria.text(), criteria.chosen(), criteria.mine(), page)).hits()
                    .forEach(h -> titles.add(h.title()));
        }
        return titles;
    }

    private List<FacetValue> counted(Facet facet, List<Long> ids) {
        return jdbc.sql("select v, count(distinct a.id) from catalogue_actions a, unnest(" + facet.values + ") v "
                        + "where a.id = any(?) and v <> '' group by v")
                .param(ids.toArray(Long[]::new)).query((rs, n) -> new FacetValue(rs.getString(1), rs.getLong(2))).list().stream()
                .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
                .limit(CatalogueSearch.FACET_VALUES).toList();
    }
}
