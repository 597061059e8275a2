package fr.trame.federation;

import fr.trame.form.Vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** What a user may do in a federation. */
public enum FederationRole {
    /** The federation's direction: everything, confidential follow-ups included. */
    ADMIN("federation-admin"),
    /** A territorial délégué: reads the network, works on the ATs assigned to them. */
    DELEGUE("delegue"),
    /** Reads the network's records, nothing confidential. */
    READER("federation");

    private final String code;

    FederationRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** « Direction de la fédération », « Délégué·e »…: {@code code.federation-role.*} in messages.properties. */
    public String label() {
        return Vocabulary.label("federation-role", code);
    }

    public static Optional<FederationRole> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static FederationRole fromCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("rôle de fédération inconnu : " + code));
    }
}
