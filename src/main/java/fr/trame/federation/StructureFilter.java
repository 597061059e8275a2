package fr.trame.federation;

/**
 * What the registry list is narrowed to; a null or blank field does not filter. {@code dueMonths}: the CAF agrément in
 * force ends within that many months from today (or has ended).
 */
public record StructureFilter(String departement, Long territoryId, String kind, String status, String membership,
                              Integer dueMonths, String q) {

    public static final StructureFilter ALL = new StructureFilter(null, null, null, null, null, null, null);

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public StructureFilter {
        departement = blankToNull(departement);
        kind = blankToNull(kind);
        status = blankToNull(status);
        membership = blankToNull(membership);
        q = blankToNull(q);
    }
}
