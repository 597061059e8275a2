package fr.trame.catalogue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The strict reader and the writer of the catalogue text format, on fixtures written for each rule. */
class CatalogueFormatTest {

    /** Two records: the first with every optional label, the second without any. */
    static final String TWO = String.join("\n",
            "Les actions des centres sociaux",
            "Actions",
            "Jardin des familles",
            "- Structure organisatrice",
            "- CS du Moulin - Haute-Garonne",
            "- Fichier(s) associé(s)",
            "- Statut de l'action",
            "- Terminée",
            "- Raisons pour lesquelles l'action est terminée",
            "- Le terrain a été vendu.",
            "- Dimension",
            "- Citoyenneté",
            "- Mots clés associés à l'action",
            "-",
            "- Environnement",
            "- Parentalité",
            "- Résumé",
            "Un jardin cultivé par les familles du quartier.   ",
            "- une parcelle par famille",
            "- Qui est à l'initiative de l'action ?",
            "-",
            "- Un groupe d'habitants",
            "- Autre",
            "- Précision ( si autre )",
            "L’école voisine",
            "- Territoire concerné",
            "- Un quartier",
            "- Description de l'expérience, ses objectifs, ses acteurs et ses différentes phases.",
            "Les familles sèment au printemps et récoltent à l’automne.",
            "- Public",
            "- familles",
            "- Avec qui cette action a-t-elle été menée ?",
            "-",
            "Partenaires d'action:",
            "- Commune",
            "- Bailleur social",
            "- Territoire concerné",
            "- Un quartier",
            "- Description générale",
            "",
            "- Ressources financières mobilisées pour cette action",
            "Fonds propres",
            "- Nombre de personnes mobilisés pour cette action",
            "12 familles",
            "- Résultat sur le territoire",
            "Un lieu de rencontre.",
            "- Résultat pour le centre social",
            "- Résultat pour les habitants",
            "Des légumes et des liens.",
            "- Suite de l'action : Limites",
            "- Suite de l'action : Perspectives",
            "Chercher un autre terrain.",
            "Actions",
            "Café des parents",
            "- Fichier(s) associé(s)",
            "- Statut de l'action",
            "- En cours",
            "- Dimension",
            "- Mots clés associés à l'action",
            "-",
            "- Résumé",
            "- Qui est à l'initiative de l'action ?",
            "-",
            "- Le centre social",
            "- Territoire concerné",
            "- Description de l'expérience, ses objectifs, ses acteurs et ses différentes phases.",
            "- Public",
            "- Avec qui cette action a-t-elle été menée ?",
            "-",
            "Partenaires d'action:",
            "- Territoire concerné",
            "- Description générale",
            "- Ressources financières mobilisées pour cette action",
            "- Nombre de personnes mobilisés pour cette action",
            "- Résultat sur le territoire",
            "- Résultat pour le centre social",
            "- Résultat pour les habitants",
            "- Suite de l'action : Limites",
            "- Suite de l'action : Perspectives");

    @Test
    void readsEveryFieldAndKeepsFreeTextExactly() {
        List<CatalogueFormat.Parsed> records = CatalogueFormat.read(TWO);
        assertThat(records).hasSize(2);
        CatalogueFormat.Parsed garden = records.get(0);
        assertThat(garden.title()).isEqualTo("Jardin des familles");
        assertThat(garden.get(CatalogueFormat.Field.STRUCTURE)).containsExactly("CS du Moulin - Haute-Garonne");
        assertThat(garden.get(CatalogueFormat.Field.STATUS)).containsExactly("Terminée");
        assertThat(garden.text(CatalogueFormat.Field.END_REASON)).isEqualTo("- Le terrain a été vendu.");
        assertThat(garden.get(CatalogueFormat.Field.KEYWORDS)).containsExactly("Environnement", "Parentalité");
        // trailing spaces and a line starting with "- " stay in the free text
        assertThat(garden.text(CatalogueFormat.Field.SUMMARY))
                .isEqualTo("Un jardin cultivé par les familles du quartier.   \n- une parcelle par famille");
        assertThat(garden.get(CatalogueFormat.Field.INITIATIVE)).containsExactly("Un groupe d'habitants", "Autre");
        assertThat(garden.text(CatalogueFormat.Field.INITIATIVE_DETAIL)).isEqualTo("L’école voisine");
        assertThat(garden.get(CatalogueFormat.Field.PARTNERS)).containsExactly("Commune", "Bailleur social");
        assertThat(garden.get(CatalogueFormat.Field.PUBLIC)).containsExactly("familles");
        assertThat(garden.text(CatalogueFormat.Field.DESCRIPTION)).isEqualTo("");
        assertThat(garden.text(CatalogueFormat.Field.RESULT_CENTRE)).isEqualTo("");
        assertThat(garden.text(CatalogueFormat.Field.PERSPECTIVES)).isEqualTo("Chercher un autre terrain.");

        CatalogueFormat.Parsed cafe = records.get(1);
        assertThat(cafe.firstLine()).isEqualTo(53);
        assertThat(cafe.has(CatalogueFormat.Field.STRUCTURE)).isFalse();
        assertThat(cafe.has(CatalogueFormat.Field.END_REASON)).isFalse();
        assertThat(cafe.get(CatalogueFormat.Field.DIMENSION)).isEmpty();
        assertThat(cafe.get(CatalogueFormat.Field.KEYWORDS)).isEmpty();

        assertThat(CatalogueFormat.write(records.stream().map(CatalogueFormat.Parsed::raw).toList())).isEqualTo(TWO);
    }

    @Test
    void aBadStructureNamesItsLine() {
        String missing = TWO.replace("- Statut de l'action\n- En cours\n", "");
        CatalogueFormat.FormatException e = catchThrowableOfType(CatalogueFormat.FormatException.class,
                () -> CatalogueFormat.read(missing));
        assertThat(e.getMessage()).isEqualTo("ligne 56 : libellé « - Statut de l'action » attendu, trouvé « - Dimension ».");
        String badChoice = TWO.replace("- Un quartier\n- Description de l'expérience", "Un quartier\n- Description de l'expérience");
        assertThat(catchThrowableOfType(CatalogueFormat.FormatException.class, () -> CatalogueFormat.read(badChoice)).getMessage())
                .isEqualTo("ligne 27 : valeur « - … » attendue pour « Territoire concerné », trouvé « Un quartier ».");
        assertThat(catchThrowableOfType(CatalogueFormat.FormatException.class, () -> CatalogueFormat.read("Actions\nx")).line())
                .isEqualTo(1);
        String cut = TWO.substring(0, TWO.indexOf("- Public\n- familles"));
        assertThat(catchThrowableOfType(CatalogueFormat.FormatException.class, () -> CatalogueFormat.read(cut)).getMessage())
                .isEqualTo("ligne 30 : le fichier s'arrête ici, avant le libellé « - Public ».");
    }

    @Test
    void theNationalExportReadsAndWritesBackByteForByte() throws Exception {
        Path seed = Path.of("..", "shared", "seeds", "002_aa8ed177602d5f0b.txt");
        assumeThat(Files.exists(seed)).isTrue();
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        List<CatalogueFormat.Parsed> records = CatalogueFormat.read(text);
        assertThat(records).hasSize(25);
        assertThat(CatalogueFormat.write(records.stream().map(CatalogueFormat.Parsed::raw).toList())).isEqualTo(text);
    }
}
