package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code members} object of the indicators: memberships overlapping the period and whom they cover. */
@JsonPropertyOrder(alphabetic = false)
public record Members(long memberships, long households, long persons, long individual, long organisations) {
}
