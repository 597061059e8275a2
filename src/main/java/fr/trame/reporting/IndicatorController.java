package fr.trame.reporting;

import fr.trame.centre.CentreScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/centres/{code}/indicators?from=…&to=…}: the indicators JSON of interchange.md (aggregates only);
 * the disability counts are null for who does not hold the disability permission (the federation never does).
 */
@RestController
class IndicatorController {

    private final IndicatorService indicators;

    IndicatorController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/centres/{centre}/indicators")
    Indicators indicators(CentreScope scope, @RequestParam String from, @RequestParam String to) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        if (end.isBefore(start)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "La fin de la période (to) précède son début (from).");
        }
        Indicators figures = indicators.compute(scope.id(), scope.code(), start, end);
        return scope.seesDisability() ? figures : figures.withoutDisability();
    }

    private static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " : date AAAA-MM-JJ attendue, reçu « " + value + " ».");
        }
    }
}
