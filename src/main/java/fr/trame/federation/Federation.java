package fr.trame.federation;

/** A federation of centres sociaux: departmental or regional (seed 004: Nord Pas-de-Calais). */
public record Federation(long id, String code, String name) {
}
