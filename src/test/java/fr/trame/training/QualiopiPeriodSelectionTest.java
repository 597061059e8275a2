package fr.trame.training;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The period a Qualiopi page is asked for: the calendar year by default, a French notice for what cannot be read. */
class QualiopiPeriodSelectionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 12);

    @Test
    void theDefaultIsTheCalendarYear() {
        QualiopiPeriodSelection s = QualiopiPeriodSelection.of(null, " ", TODAY);
        assertThat(s.period().from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(s.period().to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(s.period().end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(s.period().query()).isEqualTo("du=01/01/2026&au=31/12/2026");
        assertThat(s.notice()).isNull();
    }

    @Test
    void typedDatesAreKeptAndWrongOnesSaidInFrench() {
        QualiopiPeriodSelection s = QualiopiPeriodSelection.of("01/09/2025", "30/06/2026", TODAY);
        assertThat(s.period()).isEqualTo(new QualiopiEvidence.Period(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)));
        assertThat(s.notice()).isNull();

        QualiopiPeriodSelection wrong = QualiopiPeriodSelection.of("31/02/2025", "01/01/3024", TODAY);
        assertThat(wrong.period().from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(wrong.period().to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(wrong.notice()).contains("« 31/02/2025 » n'est pas une date", "« 01/01/3024 » n'est pas une date");

        QualiopiPeriodSelection reversed = QualiopiPeriodSelection.of("01/06/2025", "01/03/2025", TODAY);
        assertThat(reversed.period().from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(reversed.notice()).contains("précède son début", "l'année 2026");
    }
}
