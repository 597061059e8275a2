package fr.trame.federation;

import fr.trame.form.Checks;

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

    public StructureFilter {
        departement = Checks.clean(departement);
        kind = Checks.clean(kind);
        status = Checks.clean(status);
        membership = Checks.clean(membership);
        q = Checks.clean(q);
        association = Checks.clean(association);
    }
}
