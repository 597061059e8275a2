package fr.trame.web;

import fr.trame.form.Parse;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Period;
import java.util.Map;

/** French display of values in templates: {@code ${@fmt.euros(cents)}}. */
@Component("fmt")
public class Fmt {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("familiale", "Familiale"), Map.entry("individuelle", "Individuelle"),
            Map.entry("associative", "Associative"), Map.entry("responsable", "Responsable"),
            Map.entry("enfant", "Enfant"), Map.entry("autre", "Autre"), Map.entry("especes", "Espèces"),
            Map.entry("cheque", "Chèque"), Map.entry("carte", "Carte bancaire"), Map.entry("virement", "Virement"),
            Map.entry("prelevement", "Prélèvement"), Map.entry("declare", "Déclaré"),
            Map.entry("attestation_caf", "Attestation CAF"), Map.entry("droit_image", "Droit à l'image"),
            Map.entry("donnees", "Utilisation des données"), Map.entry("F", "Femme"), Map.entry("M", "Homme"),
            Map.entry("atelier", "Atelier"), Map.entry("acm", "Accueil de loisirs (ACM)"),
            Map.entry("accompagnement_scolaire", "Accompagnement scolaire"), Map.entry("sortie", "Sortie"),
            Map.entry("sejour", "Séjour"), Map.entry("evenement", "Événement"), Map.entry("permanence", "Permanence"),
            Map.entry("hors_vacances", "hors vacances scolaires"), Map.entry("vacances_seulement", "vacances scolaires seulement"),
            Map.entry("toutes", "toute l'année"), Map.entry("present", "présent"), Map.entry("absent", "absent"),
            Map.entry("excuse", "excusé"), Map.entry("accueil", "Accueil"), Map.entry("telephone", "Téléphone"),
            Map.entry("rdv", "Rendez-vous"), Map.entry("courriel", "Courriel"), Map.entry("domicile", "À domicile"),
            Map.entry("exterieur", "À l'extérieur"), Map.entry("prevu", "prévu"), Map.entry("honore", "honoré"),
            Map.entry("non_honore", "non honoré"), Map.entry("annule", "annulé"),
            Map.entry("memberships", "Adhésions"), Map.entry("households", "Foyers"), Map.entry("persons", "Personnes"),
            Map.entry("individual", "dont individuelles"), Map.entry("organisations", "dont associatives"),
            Map.entry("contacts", "Contacts"), Map.entry("anonymousContacts", "dont anonymes"),
            Map.entry("bySex", "Sexe"), Map.entry("byAgeBand", "Tranche d'âge"), Map.entry("byQuartier", "Quartier"),
            Map.entry("qpv", "Domicile en QPV"), Map.entry("byQfBand", "Quotient familial (€)"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    private static final String[] WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};

    public String euros(Number cents) {
        if (cents == null) {
            return "—";
        }
        long c = cents.longValue();
        String euros = String.format("%,d", c / 100).replace(',', '\u202f');
        return c % 100 == 0 ? euros + " €" : euros + "," + String.format("%02d", c % 100) + " €";
    }

    public String date(LocalDate date) {
        return date == null ? "—" : date.format(Parse.FRENCH_DATE);
    }

    /** The time of an instant at the centre ({@code scope.zone()}), whatever the server's time zone: 08:21. */
    public String time(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(TIME);
    }

    /** 15/01/2026 08:21 at the centre. */
    public String dateTime(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(DATE_TIME);
    }

    /** 15/01/2026 08:21:05 at the centre (the audit log). */
    public String dateTimeSeconds(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(DATE_TIME_SECONDS);
    }

    /** The day of an instant at the centre. */
    public String date(OffsetDateTime at, ZoneId zone) {
        return at == null ? "—" : at.atZoneSameInstant(zone).format(Parse.FRENCH_DATE);
    }

    public String age(LocalDate birth) {
        if (birth == null) {
            return "âge inconnu";
        }
        // a day's difference at midnight between zones changes no age that matters here
        int years = Period.between(birth, LocalDate.now(fr.trame.centre.Centre.DEFAULT_ZONE)).getYears();
        return years + (years > 1 ? " ans" : " an");
    }

    public String label(String code) {
        return code == null ? "—" : LABELS.getOrDefault(code, fr.trame.association.Labels.of(code));
    }

    /** ISO weekday, 1 = lundi. */
    public String weekday(int isoDay) {
        return WEEKDAYS[isoDay - 1];
    }

    public String longDate(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH));
    }

}
