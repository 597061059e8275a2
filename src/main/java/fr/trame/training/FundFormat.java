package fr.trame.training;

import fr.trame.form.FrenchFormat;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/** The funds' pages show every amount to the cent: {@code ${@fundFmt.exact(cents)}} → « 70 700,00 € ». */
@Component("fundFmt")
public class FundFormat {

    public String exact(Number cents) {
        return cents == null ? "—" : FrenchFormat.decimal(BigDecimal.valueOf(cents.longValue(), 2), 2) + FrenchFormat.BEFORE_UNIT + "€";
    }

    /** An amount put back in a form field: 3535 → « 35,35 », 70700000 → « 707000 ». */
    public String input(Number cents) {
        return cents == null ? "" : FrenchFormat.input(BigDecimal.valueOf(cents.longValue(), 2), cents.longValue() % 100 == 0 ? 0 : 2);
    }

    /** Basis points as the form reads them back: 500 → « 5 », 250 → « 2,5 ». */
    public String percentInput(Integer basisPoints) {
        return basisPoints == null ? "" : BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
