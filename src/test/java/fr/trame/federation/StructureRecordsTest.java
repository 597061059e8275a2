package fr.trame.federation;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static fr.trame.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contacts and networks written at once (the demonstration's way): only the federation's own structures and grids. */
@TrameTest
class StructureRecordsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Autowired Fixtures fixtures;
    @Autowired StructureImporter importer;
    @Autowired StructureService structures;
    @Autowired TerritoryService territories;

    long structure(Federation federation, String ref) {
        importer.importCsv(federation.id(), csv("structure_ref;name;kind;departement;territory\n" + ref
                + ";Centre social " + ref + ";cs;59;Douaisis\n"), TODAY);
        return structures.list(federation.id(), StructureFilter.ALL, TODAY).stream().filter(s -> s.ref().equals(ref))
                .findFirst().orElseThrow().id();
    }

    @Test
    void contactsAndGridsOfTheFederationOnly() {
        Federation mine = fixtures.federation("mine");
        Federation other = fixtures.federation("other");
        long a = structure(mine, "A");
        long b = structure(mine, "B");
        long theirs = structure(other, "X");

        assertThat(structures.addContacts(mine.id(), List.of(
                new StructureService.NewContact(a, "direction", "Ancienne Directrice", null, null, LocalDate.of(2015, 1, 1),
                        LocalDate.of(2023, 2, 28)),
                new StructureService.NewContact(a, "direction", "Nouveau Directeur", "d@demo.invalid", "03 27 00 00 00",
                        LocalDate.of(2023, 3, 1), null)))).isEqualTo(2);
        assertThat(structures.contacts(mine.id(), a)).extracting(StructureService.Contact::name)
                .containsExactly("Nouveau Directeur", "Ancienne Directrice");
        assertThatThrownBy(() -> structures.addContacts(mine.id(), List.of(
                new StructureService.NewContact(theirs, "direction", "Intrus", null, null, null, null))))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> structures.addContacts(mine.id(), List.of(
                new StructureService.NewContact(a, "tresorier", "X", null, null, null, null)))).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> structures.addContacts(mine.id(), List.of(
                new StructureService.NewContact(a, "presidence", " ", null, null, null, null)))).isInstanceOf(Refused.class);
        assertThat(structures.contacts(other.id(), theirs)).isEmpty();

        long network = territories.create(mine.id(), "Réseau Jeunes", "reseau");
        assertThat(territories.addToGrid(mine.id(), network, List.of(a, b, a))).isEqualTo(2);
        assertThat(territories.addToGrid(mine.id(), network, List.of(a))).isZero();
        assertThat(structures.grids(mine.id(), a)).containsExactly("Réseau Jeunes");
        assertThatThrownBy(() -> territories.addToGrid(mine.id(), network, List.of(theirs))).isInstanceOf(NotFound.class);
        long at = territories.list(mine.id(), TODAY).stream().filter(Territory::isAt).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> territories.addToGrid(mine.id(), at, List.of(a))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> territories.addToGrid(other.id(), network, List.of(theirs))).isInstanceOf(NotFound.class);
    }
}
