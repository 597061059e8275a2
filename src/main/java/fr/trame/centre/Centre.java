package fr.trame.centre;

/** A centre social or EVS; {@code schoolZone} (A, B or C) decides which school holidays its schedules skip. */
public record Centre(long id, String code, String name, String address, String postcode, String commune,
                     String siret, String phone, String email, String schoolZone) {
}
