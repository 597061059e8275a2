package fr.trame.federation;

/**
 * An Assemblée Territoriale ({@code at}) or another grid ({@code reseau}: a thematic network overlapping the ATs),
 * with the délégué following it today, if any, and how many structures it holds.
 */
public record Territory(long id, String name, String kind, String delegue, Long delegueId, int structures) {

    public boolean isAt() {
        return "at".equals(kind);
    }
}
