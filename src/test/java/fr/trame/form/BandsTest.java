package fr.trame.form;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BandsTest {

    @Test
    void lowerBoundsMakeLabelsAndTheStandardBandsAreThoseOfTheContract() {
        assertThat(Bands.parse("0, 4; 12 18").labels()).containsExactly("0-3", "4-11", "12-17", "18+", "inconnu");
        assertThat(Bands.STANDARD_AGE.labels()).containsExactly("0-2", "3-5", "6-11", "12-17", "18-25", "26-59", "60+", "inconnu");
        assertThat(Bands.STANDARD_QF.labels()).containsExactly("0-300", "301-600", "601-900", "901-1200", "1201-1500",
                "1501-1800", "1801+", "inconnu");
    }

    @Test
    void badBoundsAreExplained() {
        assertThatThrownBy(() -> Bands.parse("3, 6")).hasMessageContaining("commencent à 0");
        assertThatThrownBy(() -> Bands.parse("0, 12, 6")).hasMessageContaining("6 suit 12");
        assertThatThrownBy(() -> Bands.parse("0, dix")).hasMessageContaining("« dix » n'est pas un nombre entier");
    }
}
