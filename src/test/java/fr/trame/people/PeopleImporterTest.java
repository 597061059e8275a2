package fr.trame.people;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.csv.CsvError;
import fr.trame.csv.CsvImportException;
import fr.trame.csv.ImportResult;
import fr.trame.territory.Quartier;
import fr.trame.territory.QuartierService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@TrameTest
class PeopleImporterTest {

    @Autowired PeopleImporter importer;
    @Autowired HouseholdService households;
    @Autowired RegisterSearch search;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired QuartierService quartiers;

    Centre centre;

    // BOM, header in another order and case, French dates, quoted value with a ';' inside
    static final String FILE = "\uFEFFPerson_Ref;HOUSEHOLD_REF;last_name;first_name;sex;birth_date;role;address;postcode;commune;quartier;qpv;qf;phone;email\n"
            + "P1;H1;Lefèvre;Marie;F;12/03/1985;responsable;\"3; rue des Lilas\";13800;Istres;Les Tilleuls;oui;420;06 12 34 56 78;marie@exemple.fr\n"
            + "P2;H1;Lefèvre;Théo;M;2016-09-01;enfant;;;;;;420;;\n"
            + "P3;H2;Benali;Karim;M;;responsable;8 avenue Jaurès;13800;Istres;centre ancien;non;;;\n"
            + "P4;H2;Benali;Inès;;;;;;;;;;;\n";

    @BeforeEach
    void setUp() {
        centre = fixtures.centre("imp");
    }

    @Test
    void importsHouseholdsPersonsLinksAndQfThenChangesNothingOnReimport() {
        ImportResult first = importer.importCsv(centre.id(), csv(FILE));
        assertThat(first.changes()).containsEntry("foyer(s) créé(s)", 2).containsEntry("personne(s) créée(s)", 4)
                .containsEntry("rattachement(s) à un foyer", 4).containsEntry("QF enregistré(s)", 1)
                .containsEntry("quartier(s) créé(s)", 2);

        long h1 = jdbc.sql("select id from households where centre_id = ? and ref = 'H1'").param(centre.id())
                .query(Long.class).single();
        HouseholdService.Household household = households.find(centre.id(), h1).orElseThrow();
        assertThat(household.address()).isEqualTo("3; rue des Lilas");
        assertThat(household.qpv()).isTrue();
        assertThat(household.currentQf()).isEqualTo(420);
        assertThat(household.quartierName()).isEqualTo("Les Tilleuls");
        List<HouseholdService.Member> members = households.members(centre.id(), h1);
        assertThat(members).extracting(HouseholdService.Member::firstName).containsExactly("Marie", "Théo");
        assertThat(members.get(0).birthDate()).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(members.get(1).role()).isEqualTo("enfant");

        ImportResult again = importer.importCsv(centre.id(), csv(FILE));
        assertThat(again.changedNothing()).as(again.summary()).isTrue();
        assertThat(count("households")).isEqualTo(2);
        assertThat(count("persons")).isEqualTo(4);
        assertThat(count("qf_history")).isEqualTo(1);
    }

    @Test
    void aChangedRowUpdatesOnlyWhatChanged() {
        importer.importCsv(centre.id(), csv(FILE));
        String changed = FILE.replace("P4;H2;Benali;Inès;;;;", "P4;H2;Benali;Inès;F;2010-05-05;enfant;")
                .replace(";420;06 12", ";450;06 12").replace("Théo;M;2016-09-01;enfant;;;;;;420", "Théo;M;2016-09-01;enfant;;;;;;450");
        ImportResult result = importer.importCsv(centre.id(), csv(changed));
        assertThat(result.changes()).containsEntry("personne(s) mise(s) à jour", 1).containsEntry("QF enregistré(s)", 1)
                .containsEntry("rôle(s) changé(s)", 1).containsEntry("foyer(s) créé(s)", 0);
        assertThat(count("qf_history")).isEqualTo(2);
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryErrorLocated() {
        String bad = "household_ref;person_ref;last_name;first_name;sex;birth_date;qf;email;commune\n"
                + "H1;P1;Martin;Léa;F;31/02/2001;300;lea@exemple.fr;Istres\n"   // impossible date
                + "H1;P2;Martin;;X;;-5;pas-un-courriel;Miramas\n"               // no first name, bad sex, QF, email, commune
                + "H2;P1;Durand;Paul;M;;;;\n";                                    // person_ref repeated
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(), csv(bad)));
        assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 2, colonne 6 (birth_date) : date invalide « 31/02/2001 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                "ligne 3, colonne 4 (first_name) : valeur obligatoire manquante",
                "ligne 3, colonne 5 (sex) : valeur « X » inconnue (attendu : F ou M)",
                "ligne 3, colonne 7 (qf) : « -5 » n'est pas un nombre entier supérieur ou égal à 0",
                "ligne 3, colonne 8 (email) : adresse électronique invalide « pas-un-courriel »",
                "ligne 3, colonne 9 (commune) : le foyer « H1 » a déjà la valeur « Istres » ligne 2 ; une seule valeur par foyer",
                "ligne 4, colonne 2 (person_ref) : la personne « P1 » figure déjà ligne 2");
        assertThat(count("persons")).isZero();
        assertThat(count("households")).isZero();
    }

    @Test
    void unknownOrMissingColumnsAreRefusedAtTheHeader() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(),
                csv("household_ref;person_ref;last_name;prenom\nH1;P1;Martin;Léa\n")));
        assertThat(e.errors()).extracting(CsvError::toString).containsExactly(
                "ligne 1, colonne 4 (prenom) : colonne inconnue « prenom »",
                "ligne 1 : colonne obligatoire manquante : « first_name »");
    }

    @Test
    void importedNamesAreFoundWithoutAccentsAndWithATypo() {
        importer.importCsv(centre.id(), csv(FILE));
        assertThat(search.households(centre.id(), "lefevre", 10)).extracting(RegisterSearch.Hit::label).containsExactly("Lefèvre");
        assertThat(search.households(centre.id(), "benaly", 10)).extracting(RegisterSearch.Hit::label).containsExactly("Benali");
        assertThat(search.households(centre.id(), "LEFEVRE theo", 10)).extracting(RegisterSearch.Hit::label).containsExactly("Lefèvre");
        assertThat(search.households(centre.id(), "06 12 34", 10)).extracting(RegisterSearch.Hit::label).containsExactly("Lefèvre");
        assertThat(search.households(centre.id(), "dupont", 10)).isEmpty();
    }

    /** Quartiers belong to territory: the import creates the missing ones through its service, once, in its transaction. */
    @Test
    void createsEachMissingQuartierOnceAsFirstWrittenAndNoneWhenTheFileHasAnError() {
        quartiers.create(centre.id(), "Bastide", true);
        String header = "household_ref;person_ref;last_name;first_name;quartier\n";
        CsvImportException refused = catchThrowableOfType(CsvImportException.class, () -> importer.importCsv(centre.id(),
                csv(header + "H1;P1;Durand;Luc;Le Moulin\nH2;P2;;Zoé;Le Moulin\n")));
        assertThat(refused.errors()).extracting(CsvError::line).containsExactly(3L);
        assertThat(quartiers.list(centre.id())).extracting(Quartier::name).containsExactly("Bastide");

        ImportResult result = importer.importCsv(centre.id(), csv(header
                + "H1;P1;Durand;Luc;les tilleuls\nH2;P2;Roux;Zoé;Les Tilleuls\nH3;P3;Petit;Léa;BASTIDE\n"));
        assertThat(result.changes()).containsEntry("quartier(s) créé(s)", 1);
        assertThat(quartiers.list(centre.id())).extracting(Quartier::name).containsExactly("Bastide", "les tilleuls");
        assertThat(jdbc.sql("select count(distinct quartier_id) from households where centre_id = ? and ref in ('H1', 'H2')")
                .param(centre.id()).query(Long.class).single()).isEqualTo(1);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").param(centre.id()).query(Long.class).single();
    }
}
