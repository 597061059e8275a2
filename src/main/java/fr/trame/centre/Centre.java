package fr.trame.centre;

public record Centre(long id, String code, String name, String address, String postcode, String commune,
                     String siret, String phone, String email) {
}
