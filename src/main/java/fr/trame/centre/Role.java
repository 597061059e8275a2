package fr.trame.centre;

/** What a user may do in one centre. */
public enum Role {
    ADMIN("Administrateur"),
    DIRECTION("Direction"),
    ACCUEIL("Accueil"),
    ANIMATEUR("Animateur"),
    FEDERATION("Fédération");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** The role of a code typed by a person (form, command line), if it is one. */
    public static java.util.Optional<Role> parse(String code) {
        return java.util.Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
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
