package fr.trame.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/** The {@code reception} object of the indicators: the period's contacts, by theme, channel and appointment status. */
@JsonPropertyOrder(alphabetic = false)
public record Reception(long contacts, long persons, long anonymousContacts, Map<String, Long> byTheme,
                        Map<String, Long> byChannel, Map<String, Long> appointments) {
}
