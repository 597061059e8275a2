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

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** French search (accents, case, apostrophes, stems), facets over what is found, who sees what, a centre's own actions. */
@TrameTest
class CatalogueSearchTest {

    @Autowired CatalogueService catalogue;
    @Autowired CatalogueSearch search;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Centre centre;

    @BeforeEach
    void threeActions() {
        jdbc.sql("delete from catalogue_actions").update();
        centre = fixtures.centre("cat");
        catalogue.importText(CatalogueFormat.write(List.of(
                CatalogueFormat.render("Accompagnement à la scolarité", values("CS Les Tilleuls - Gironde", "Services",
                        List.of("éducation / scolarité"), List.of("Enfance"), "Des bénévoles aident aux devoirs.")),
                CatalogueFormat.render("Café des parents", values("Maison des familles - Nord", "Citoyenneté",
                        List.of("Parentalité"), List.of("familles"), "L’accueil des parents le samedi, avec les enfants de l'école.")),
                CatalogueFormat.render("Jardin partagé", values("CS Bel Air - Gironde", "Citoyenneté",
                        List.of("Environnement", "Parentalité"), List.of("Tous publics"), "Les enfants jardinent avec leurs grands-parents.")))));
    }

    private static Map<Field, List<String>> values(String structure, String dimension, List<String> keywords,
                                                   List<String> publics, String summary) {
        Map<Field, List<String>> values = new EnumMap<>(Field.class);
        values.put(Field.STRUCTURE, List.of(structure));
        values.put(Field.STATUS, List.of("En cours"));
        values.put(Field.DIMENSION, List.of(dimension));
        values.put(Field.KEYWORDS, keywords);
        values.put(Field.SUMMARY, List.of(summary));
        values.put(Field.INITIATIVE, List.of("Le centre social"));
        values.put(Field.TERRITORY, List.of("Un quartier"));
        values.put(Field.PUBLIC, publics);
        values.put(Field.TERRITORY_AGAIN, List.of("Un quartier"));
        return values;
    }

    private List<String> titles(String text) {
        return search.search(centre.id(), new Criteria(text, Map.of(), false, 1)).hits().stream()
                .map(CatalogueSearch.Hit::title).toList();
    }

    @Test
    void wordsAreFoundWhateverTheirAccentsCaseApostropheOrEnding() {
        assertThat(titles("scolarité")).containsExactly("Accompagnement à la scolarité");
        assertThat(titles("SCOLARITE")).containsExactly("Accompagnement à la scolarité");
        // the text has a typographic apostrophe, the query a straight one
        assertThat(titles("l'accueil")).containsExactly("Café des parents");
        assertThat(titles("l’accueil des parents")).containsExactly("Café des parents");
        // "enfant" finds "enfants"; "devoir" finds "devoirs"
        assertThat(titles("enfant")).containsExactlyInAnyOrder("Café des parents", "Jardin partagé");
        assertThat(titles("devoir")).containsExactly("Accompagnement à la scolarité");
        // every word must be there
        assertThat(titles("enfants samedi")).containsExactly("Café des parents");
        assertThat(titles("piscine")).isEmpty();
    }

    @Test
    void actionsWithTheWordsInTheirTitleComeFirst() {
        // "parents" is in the Jardin's summary (grands-parents) and in the Café's title
        assertThat(titles("parents")).first().isEqualTo("Café des parents");
    }

    @Test
    void commonWordsAloneShowTheWholeCatalogue() {
        CatalogueSearch.Result result = search.search(centre.id(), new Criteria("et de la", Map.of(), false, 1));
        assertThat(result.wordsIgnored()).isTrue();
        assertThat(result.total()).isEqualTo(3);
    }

    @Test
    void facetsCountWhatIsFoundAndNarrowIt() {
        CatalogueSearch.Result all = search.search(centre.id(), new Criteria("", Map.of(), false, 1));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.facets().get(Facet.DEPARTEMENT)).containsExactly(new FacetValue("Gironde", 2), new FacetValue("Nord", 1));
        assertThat(all.facets().get(Facet.MOT_CLE)).containsExactly(new FacetValue("Parentalité", 2),
                new FacetValue("Environnement", 1), new FacetValue("éducation / scolarité", 1));
        // a territory given twice counts once per action
        assertThat(all.facets().get(Facet.TERRITOIRE)).containsExactly(new FacetValue("Un quartier", 3));

        CatalogueSearch.Result gironde = search.search(centre.id(), new Criteria("", Map.of(Facet.DEPARTEMENT, List.of("Gironde")), false, 1));
        assertThat(gironde.total()).isEqualTo(2);
        assertThat(gironde.facets().get(Facet.DIMENSION)).containsExactly(new FacetValue("Citoyenneté", 1), new FacetValue("Services", 1));
        // two values of one facet: either; two facets: both
        assertThat(search.search(centre.id(), new Criteria("", Map.of(Facet.DEPARTEMENT, List.of("Gironde", "Nord")), false, 1)).total()).isEqualTo(3);
        assertThat(search.search(centre.id(), new Criteria("", Map.of(Facet.DEPARTEMENT, List.of("Gironde"),
                Facet.MOT_CLE, List.of("Parentalité")), false, 1)).hits()).extracting(CatalogueSearch.Hit::title).containsExactly("Jardin partagé");
        // words and a facet
        assertThat(search.search(centre.id(), new Criteria("enfants", Map.of(Facet.DEPARTEMENT, List.of("Nord")), false, 1))
                .hits()).extracting(CatalogueSearch.Hit::title).containsExactly("Café des parents");
    }

    @Test
    void aCentresDraftIsItsOwnUntilPublishedAndTheCountsFollow() {
        Centre other = fixtures.centre("autre");
        Map<Field, List<String>> values = values("Centre " + centre.name() + " - Gironde", "Services", List.of("Santé"),
                List.of("Seniors"), "Promenade hebdomadaire pour les aînés.");
        long id = catalogue.saveOwn(centre.id(), null, "Marche bleue", values);
        assertThat(titles("marche")).containsExactly("Marche bleue");
        assertThat(search.search(other.id(), new Criteria("marche", Map.of(), false, 1)).total()).isZero();
        assertThat(catalogue.find(other.id(), id)).isEmpty();
        assertThat(search.search(centre.id(), new Criteria("", Map.of(), true, 1)).hits()).extracting(CatalogueSearch.Hit::title)
                .containsExactly("Marche bleue");
        // another centre cannot publish it
        assertThat(catalogue.publish(other.id(), id, true)).isFalse();

        assertThat(catalogue.publish(centre.id(), id, true)).isTrue();
        CatalogueSearch.Result seen = search.search(other.id(), new Criteria("", Map.of(), false, 1));
        assertThat(seen.total()).isEqualTo(4);
        assertThat(seen.facets().get(Facet.MOT_CLE)).contains(new FacetValue("Santé", 1));
        // its text goes out with the export, and importing that export again adds nothing
        assertThat(catalogue.exportText()).endsWith(CatalogueFormat.render("Marche bleue", values));
        assertThat(catalogue.importText(catalogue.exportText()).stored()).isZero();

        // edited: the new words are found, the old ones no longer
        values.put(Field.SUMMARY, List.of("Randonnée douce le mardi."));
        catalogue.saveOwn(centre.id(), id, "Marche bleue", values);
        assertThat(search.search(other.id(), new Criteria("randonnee", Map.of(), false, 1)).total()).isEqualTo(1);
        assertThat(search.search(other.id(), new Criteria("promenade", Map.of(), false, 1)).total()).isZero();
    }

    @Test
    void aLineTheFormatWouldReadAsALabelIsRefused() {
        Map<Field, List<String>> values = values("CS Test - Nord", "Services", List.of(), List.of("Adultes"), "Un résumé");
        values.put(Field.DESCRIPTION, List.of("Première ligne", "- Ressources financières mobilisées pour cette action"));
        CatalogueService.OwnActionException e = catchThrowableOfType(CatalogueService.OwnActionException.class,
                () -> catalogue.saveOwn(centre.id(), null, "Piège", values));
        assertThat(e.field()).isEqualTo(Field.DESCRIPTION);
        assertThat(e.getMessage()).contains("Description générale");
        // a line starting with "- " that is not the next label is plain text
        values.put(Field.DESCRIPTION, List.of("Au programme :", "- des jeux", "- un goûter"));
        long id = catalogue.saveOwn(centre.id(), null, "Après-midi jeux", values);
        assertThat(catalogue.find(centre.id(), id).orElseThrow().get("description")).isEqualTo("Au programme :\n- des jeux\n- un goûter");
    }

    @Test
    void statisticsCountEachFacetAndHowOftenEachFieldIsFilled() {
        assertThat(catalogue.facetCounts().get("Département")).extracting(m -> m.get("value") + "=" + m.get("actions"))
                .containsExactly("Gironde=2", "Nord=1");
        Map<String, Object> summary = catalogue.fillRates().stream().filter(r -> r.get("field").equals("Résumé")).findFirst().orElseThrow();
        assertThat(summary).containsEntry("filled", 3L).containsEntry("total", 3L).containsEntry("percent", 100L);
        Map<String, Object> partners = catalogue.fillRates().stream()
                .filter(r -> r.get("field").equals("Avec qui cette action a-t-elle été menée ?")).findFirst().orElseThrow();
        assertThat(partners).containsEntry("filled", 0L).containsEntry("percent", 0L);
    }
}
