package fr.trame.federation;

/**
 * What the registry list is narrowed to; a null or blank field does not filter. {@code dueMonths}: the CAF agrément in
 * force ends within that many months from today (or has ended). {@code association}: part of the managing
 * association's name (one association can run several centres).
 */
public record StructureFilter(String departement, Long territoryId, String kind, String status, String membership,
                              Integer dueMonths, String q, String association) {

    public static final StructureFilter ALL = new StructureFilter(null, null, null, null, null, null, null, null);

    /** Every filter but the managing association. */
    public StructureFilter(String departement, Long territoryId, String kind, String status, String membership,
                           Integer dueMonths, String q) {
        this(departement, territoryId, kind, status, membership, dueMonths, q, null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public StructureFilter {
        departement = blankToNull(departement);
        kind = blankToNull(kind);
        status = blankToNull(status);
        membership = blankToNull(membership);
        q = blankToNull(q);
        association = blankToNull(association);
    }
}
