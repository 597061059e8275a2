package fr.trame.territory;

public record Quartier(long id, String name, boolean qpv) {
}
