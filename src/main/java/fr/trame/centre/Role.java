package fr.trame.centre;

import fr.trame.form.Vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** What a user may do in one centre. */
public enum Role {
    ADMIN, DIRECTION, ACCUEIL, ANIMATEUR, FEDERATION;

    /** « Administrateur », « Direction »…: {@code code.role.*} in messages.properties. */
    public String label() {
        return Vocabulary.label("role", code());
    }

    public String code() {
        return name().toLowerCase();
    }

    /** The role of a code typed by a person (form, command line), if it is one. */
    public static Optional<Role> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    public static Role fromCode(String code) {
        return Role.valueOf(code.toUpperCase());
    }

    /** Federation staff see aggregates only, never a person. */
    public boolean seesPersonalData() {
        return this != FEDERATION;
    }

    /** Who takes attendance: everyone working with the public. */
    public boolean takesAttendance() {
        return this != FEDERATION;
    }

    /** Who registers households and takes memberships. */
    public boolean editsRegister() {
        return this == ADMIN || this == DIRECTION || this == ACCUEIL;
    }
}
