package fr.trame.federation;

import java.time.LocalDate;

/**
 * A member structure as the registry lists it: today's status and membership state, the end of the CAF agrément in
 * force, and the Trame centre it is (null when it does not run Trame: a registry entry only).
 */
public record Structure(long id, String ref, String name, String kind, String departement, Long territoryId,
                        String territory, String commune, String epci, String cafAntenna, String managingAssociation,
                        String status, String membership, LocalDate agrementEnd, String centreCode, String centreName) {
}
