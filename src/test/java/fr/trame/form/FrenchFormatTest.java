package fr.trame.form;

import fr.trame.reception.ThemeService;
import fr.trame.web.Fmt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** French typography of numbers (FrenchFormat, which templates reach as {@code @fmt}) and the names of the codes. */
class FrenchFormatTest {

    private static final String NNBSP = "\u202f";
    private static final String NBSP = "\u00a0";
    private final Fmt fmt = new Fmt();

    @Test
    void thousandsAreSeparatedByANarrowNoBreakSpaceAndDecimalsByAComma() {
        assertThat(fmt.integer(1234)).isEqualTo("1" + NNBSP + "234");
        assertThat(fmt.integer(1234567L)).isEqualTo("1" + NNBSP + "234" + NNBSP + "567");
        assertThat(fmt.integer(999)).isEqualTo("999");
        assertThat(fmt.integer(-1234)).isEqualTo("-1" + NNBSP + "234");
        assertThat(fmt.decimal(new BigDecimal("1234.5"), 2)).isEqualTo("1" + NNBSP + "234,50");
        assertThat(fmt.decimal(0.125, 2)).isEqualTo("0,13");
        assertThat(fmt.number(new BigDecimal("12.67"))).isEqualTo("12,67");
        assertThat(fmt.number(new BigDecimal("1.7E+3"))).isEqualTo("1" + NNBSP + "700");
        assertThat(fmt.number(37.5)).isEqualTo("37,5");
        assertThat(fmt.number(null)).isEqualTo("—");
    }

    @Test
    void unitsFollowANoBreakSpace() {
        assertThat(fmt.hours(new BigDecimal("35.00"))).isEqualTo("35,00" + NBSP + "h");
        assertThat(fmt.hours(35)).isEqualTo("35,00" + NBSP + "h");
        assertThat(fmt.percent(12.5, 1)).isEqualTo("12,5" + NBSP + "%");
        assertThat(fmt.share(1, 8)).isEqualTo("12,5" + NBSP + "%");
        assertThat(fmt.share(1, 0)).isEqualTo("—");
        assertThat(FrenchFormat.share(1, 3)).isEqualTo("33,3" + NBSP + "%");
        assertThat(FrenchFormat.percent(100, 0)).isEqualTo("100" + NBSP + "%");
        assertThat(fmt.euros(123450L)).isEqualTo("1" + NNBSP + "234,50" + NBSP + "€");
        assertThat(fmt.euros(100000L)).isEqualTo("1" + NNBSP + "000" + NBSP + "€");
        assertThat(fmt.euros(new BigDecimal("1234.5"), 0)).isEqualTo("1" + NNBSP + "235" + NBSP + "€");
        assertThat(fmt.euros((Number) null)).isEqualTo("—");
    }

    @Test
    void theDashboardsVariationIsAFrenchPercentage() {
        assertThat(new fr.trame.reporting.YearOnYear("x", 112, 100).variation()).isEqualTo("+12" + NBSP + "%");
        assertThat(new fr.trame.reporting.YearOnYear("x", 50, 100).variation()).isEqualTo("-50" + NBSP + "%");
        assertThat(new fr.trame.reporting.YearOnYear("x", 5, 0).variation()).isEqualTo("nouveau");
    }

    @Test
    void aValuePutBackInAFieldReadsBackAsTyped() {
        assertThat(fmt.input(1234.5, 2)).isEqualTo("1234,50");
    }

    @Test
    void agesSayMonthsUnderOneYearAndAgreeInNumber() {
        LocalDate today = LocalDate.of(2026, 6, 15);
        assertThat(FrenchFormat.age(LocalDate.of(2026, 3, 10), today)).isEqualTo("3 mois");
        assertThat(FrenchFormat.age(LocalDate.of(2026, 6, 1), today)).isEqualTo("moins d'un mois");
        assertThat(FrenchFormat.age(LocalDate.of(2025, 6, 15), today)).isEqualTo("1 an");
        assertThat(FrenchFormat.age(LocalDate.of(2024, 1, 1), today)).isEqualTo("2 ans");
        assertThat(FrenchFormat.age(null, today)).isEqualTo("âge inconnu");
    }

    @Test
    void anOpenEndedAgeRangeReadsAndOver() {
        assertThat(fmt.ageRange(16, null)).isEqualTo("16 ans et plus");
        assertThat(fmt.ageRange(null, 11)).isEqualTo("jusqu'à 11 ans");
        assertThat(fmt.ageRange(6, 11)).isEqualTo("6 à 11 ans");
        assertThat(fmt.ageRange(null, null)).isEqualTo("tous âges");
        assertThat(fmt.ageRange(1, null)).isEqualTo("1 an et plus");
    }

    @Test
    void bandsAndCodesHaveFrenchNames() {
        assertThat(fmt.breakdown("byAgeBand", "0-2")).isEqualTo("0 à 2" + NBSP + "ans");
        assertThat(fmt.breakdown("byAgeBand", "60+")).isEqualTo("60" + NBSP + "ans et plus");
        assertThat(fmt.breakdown("byQfBand", "1801+")).isEqualTo("1" + NNBSP + "801" + NBSP + "€ et plus");
        assertThat(fmt.breakdown("byQfBand", "inconnu")).isEqualTo("Non renseigné");
        assertThat(fmt.label("inconnu")).isEqualTo("Non renseigné");
        assertThat(fmt.label("oui")).isEqualTo("Oui");
        assertThat(fmt.breakdown("bySex", "F")).isEqualTo("Femmes");
        assertThat(fmt.breakdown("byChannel", "telephone")).isEqualTo("Téléphone");
        assertThat(fmt.breakdown("appointments", "non_honore")).isEqualTo("non honoré");
        assertThat(fmt.label("titre_sejour")).isEqualTo("titre_sejour"); // a centre's theme: its own label, from ThemeService
        assertThat(fmt.label("mad")).isEqualTo("Mise à disposition");
        assertThat(fmt.label("Les Tilleuls")).isEqualTo("Les Tilleuls");
    }

    @Test
    void everyCodeOfEveryVocabularyHasAFrenchName() {
        java.util.List<String> association = new java.util.ArrayList<>();
        association.addAll(fr.trame.association.GovernanceService.KINDS);
        association.addAll(fr.trame.association.GovernanceService.ROLES);
        association.addAll(fr.trame.association.GovernanceService.COLLEGES);
        association.addAll(fr.trame.association.PartnerService.KINDS);
        association.addAll(fr.trame.association.StaffService.CONTRACTS);
        association.addAll(fr.trame.association.StaffService.FUNCTIONS);
        association.addAll(fr.trame.association.VolunteerService.CATEGORIES);
        association.addAll(fr.trame.association.FundingService.STATUSES);
        assertThat(association).allMatch(Vocabulary::names);
        assertThat(ThemeService.CHANNELS).allMatch(Vocabulary::names);
        assertThat(List.of("honore", "non_honore", "annule", "present", "absent", "excuse", "familiale", "individuelle",
                "associative", "responsable", "enfant", "autre", "atelier", "acm", "accompagnement_scolaire", "sortie",
                "sejour", "evenement", "permanence")).allMatch(Vocabulary::names);
    }

    @Test
    void grantRequestsAreCountedInTheSameWordsAgreeingInNumber() {
        assertThat(fmt.grants("depose", 1)).isEqualTo("1 demande déposée");
        assertThat(fmt.grants("depose", 3)).isEqualTo("3 demandes déposées");
        assertThat(fmt.grants("preparation", 2)).isEqualTo("2 demandes en préparation");
        assertThat(fr.trame.association.Labels.grants("accorde")).isEqualTo("Demandes accordées");
    }

    @Test
    void aHouseholdIsNeverCalledFoyerTwice() {
        assertThat(fmt.household("Martin / Diallo")).isEqualTo("Foyer Martin / Diallo");
        assertThat(fmt.household("Foyer sans membre")).isEqualTo("Foyer sans membre");
    }
}
