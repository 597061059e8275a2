package fr.trame.association;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code association} object of the indicators (docs/indicateurs-association.md), as {@link AssociationIndicators}
 * computes it. Jackson writes each record's components in their declared order ({@code alphabetic = false}), which is
 * the order of the JSON; amounts keep 2 decimals; ordered counts keep their vocabulary's order.
 */
@JsonPropertyOrder(alphabetic = false)
public record Association(Governance governance, Volunteers volunteers, Staff staff, Partners partners, Funding funding,
                          List<Agrement> agrements) {

    /** The board on the period's last day, and the meetings of each kind of body in the period. */
    @JsonPropertyOrder(alphabetic = false)
    public record Governance(long boardMembers, Map<String, Long> boardByCollege, Map<String, Long> boardByRole,
                             Map<String, Long> boardLivingInTerritory, Map<String, Long> boardInQpv,
                             Map<String, Long> meetings) {
    }

    @JsonPropertyOrder(alphabetic = false)
    public record Volunteers(long volunteers, Map<String, Long> byCategory, long withHours, BigDecimal hours,
                             BigDecimal valuation) {
    }

    @JsonPropertyOrder(alphabetic = false)
    public record Staff(long employees, BigDecimal etp, BigDecimal etpAverage, Map<String, Long> byContract,
                        Map<String, Long> byFunction, BigDecimal trainingDays, Vacataires vacataires, Interns interns) {
    }

    /** The CEE contracts (contrats d'engagement éducatif) that started in the period: who, how many vacations and hours. */
    @JsonPropertyOrder(alphabetic = false)
    public record Vacataires(long persons, long contracts, long vacations, BigDecimal hours) {
    }

    /** The trainees whose stage started in the period, and by the diploma they prepare ({@code inconnu} when not given). */
    @JsonPropertyOrder(alphabetic = false)
    public record Interns(long persons, Map<String, Long> byDiploma) {
    }

    @JsonPropertyOrder(alphabetic = false)
    public record Partners(long partners, Map<String, Long> byKind, long conventions, long permanences) {
    }

    /** {@code charges} is null when the year's accounts were not entered. */
    @JsonPropertyOrder(alphabetic = false)
    public record Funding(BigDecimal products, Map<String, BigDecimal> byFunder, BigDecimal charges, InKind inKind,
                          Grants grants) {
    }

    @JsonPropertyOrder(alphabetic = false)
    public record InKind(BigDecimal mad, BigDecimal volunteers) {
    }

    @JsonPropertyOrder(alphabetic = false)
    public record Grants(BigDecimal requested, BigDecimal granted, Map<String, Long> byStatus) {
    }

    /** An agrément in force on the period's last day; {@code to} is null when it has no end. */
    @JsonPropertyOrder(alphabetic = false)
    public record Agrement(String label, String issuer, LocalDate from, LocalDate to) {
    }
}
