package fr.trame.territory;

public record Quartier(long id, String name, Boolean qpv) {
}
