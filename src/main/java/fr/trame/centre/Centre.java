package fr.trame.centre;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A centre social or EVS; {@code schoolZone} (A, B or C) decides which school holidays its schedules skip, and
 * {@code timeZone} what "today" is there and how its times read (timestamps are stored as instants). {@code rna} is
 * the association's RNA number, {@code createdOn} the day the centre was founded (its report's identity sheet).
 */
public record Centre(long id, String code, String name, String address, String postcode, String commune,
                     String siret, String phone, String email, String schoolZone, String timeZone, String rna,
                     LocalDate createdOn) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    /** The time zones a centre may have (metropolitan France and overseas), with their French names. */
    public static final List<List<String>> TIME_ZONES = List.of(
            List.of("Europe/Paris", "France métropolitaine (Paris)"), List.of("Indian/Reunion", "La Réunion"),
            List.of("Indian/Mayotte", "Mayotte"), List.of("America/Guadeloupe", "Guadeloupe"),
            List.of("America/Martinique", "Martinique"), List.of("America/Cayenne", "Guyane"),
            List.of("America/Miquelon", "Saint-Pierre-et-Miquelon"), List.of("Pacific/Noumea", "Nouvelle-Calédonie"),
            List.of("Pacific/Tahiti", "Polynésie française"), List.of("Pacific/Wallis", "Wallis-et-Futuna"));

    public ZoneId zone() {
        return timeZone == null ? DEFAULT_ZONE : ZoneId.of(timeZone);
    }

    public static boolean knownZone(String zone) {
        return TIME_ZONES.stream().anyMatch(z -> z.get(0).equals(zone));
    }
}
