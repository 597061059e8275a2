package fr.trame.centre;

import fr.trame.form.Parse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

@Service
public class CentreService {

    public static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");
    private static final String COLUMNS = "id, code, name, address, postcode, commune, siret, phone, email, school_zone, time_zone,"
            + " rna, created_on";

    private final JdbcClient jdbc;

    public CentreService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Centre create(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Code de centre « " + code
                    + " » invalide : 2 à 40 caractères parmi a-z, 0-9 et le tiret.");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Le nom du centre est obligatoire.");
        }
        try {
            long id = jdbc.sql("insert into centres (code, name) values (?, ?) returning id")
                    .params(code, name.trim()).query(Long.class).single();
            return findById(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("Un centre de code « " + code + " » existe déjà.");
        }
    }

    public Optional<Centre> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from centres where code = ?").param(code).query(Centre.class).optional();
    }

    public Optional<Centre> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from centres where id = ?").param(id).query(Centre.class).optional();
    }

    public List<Centre> all() {
        return jdbc.sql("select " + COLUMNS + " from centres order by name").query(Centre.class).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from centres)").query(Boolean.class).single();
    }

    public record Logo(byte[] bytes, String contentType) {
    }

    public Optional<Logo> logo(long id) {
        return jdbc.sql("select logo, logo_type from centres where id = ? and logo is not null").param(id)
                .query((rs, n) -> new Logo(rs.getBytes(1), rs.getString(2))).optional();
    }

    @Transactional
    public void setLogo(long id, byte[] bytes, String contentType) {
        jdbc.sql("update centres set logo = ?, logo_type = ? where id = ?").params(bytes, contentType, id).update();
    }

    @Transactional
    public void setSchoolZone(long id, String zone) {
        if (!zone.matches("[ABC]")) {
            throw new IllegalArgumentException("Zone de vacances scolaires inconnue : " + zone + " (A, B ou C).");
        }
        jdbc.sql("update centres set school_zone = ? where id = ?").params(zone, id).update();
    }

    @Transactional
    public void setTimeZone(long id, String zone) {
        if (!Centre.knownZone(zone)) {
            throw new IllegalArgumentException("Fuseau horaire inconnu : " + zone + ".");
        }
        jdbc.sql("update centres set time_zone = ? where id = ?").params(zone, id).update();
    }

    /** What {@code centre set} and the identity sheet write: every value, null for none. */
    public record Identity(String name, String address, String postcode, String commune, String phone, String email,
                           String siret, String rna, LocalDate createdOn) {

        public static Identity of(Centre c) {
            return new Identity(c.name(), c.address(), c.postcode(), c.commune(), c.phone(), c.email(), c.siret(), c.rna(),
                    c.createdOn());
        }
    }

    /** Why a SIRET is refused, in French, or null: 14 digits (spaces allowed as typed, removed before). */
    public static String siretProblem(String siret) {
        return siret == null || siret.replace(" ", "").matches("\\d{14}") ? null
                : "le SIRET « " + siret + " » doit compter 14 chiffres";
    }

    /** Why an RNA number is refused, or null: W followed by 9 digits (W595012345). */
    public static String rnaProblem(String rna) {
        return rna == null || rna.matches("W\\d{9}") ? null
                : "le numéro RNA « " + rna + " » doit être un W suivi de 9 chiffres (exemple : W595012345)";
    }

    public static String postcodeProblem(String postcode) {
        return postcode == null || postcode.matches("\\d{5}") ? null
                : "le code postal « " + postcode + " » doit compter 5 chiffres";
    }

    public static String emailProblem(String email) {
        return email == null || Parse.isEmail(email) ? null : "l'adresse électronique « " + email + " » n'est pas valide";
    }

    /** Why a founding date is refused, or null: a real day between 1800 and today. */
    public static String createdProblem(LocalDate day, LocalDate today) {
        return day == null || (day.getYear() >= 1800 && !day.isAfter(today)) ? null
                : "la date de création (" + day + ") doit être passée et postérieure à 1800";
    }

    /** Writes the identity, each value checked again here: a refused one throws, nothing written. */
    @Transactional
    public void setIdentity(long id, Identity identity) {
        if (identity.name() == null || identity.name().isBlank()) {
            throw new IllegalArgumentException("Le nom du centre est obligatoire.");
        }
        for (String problem : new String[] {siretProblem(identity.siret()), rnaProblem(identity.rna()),
                postcodeProblem(identity.postcode()), emailProblem(identity.email())}) {
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        jdbc.sql("""
                update centres set name = ?, address = ?, postcode = ?, commune = ?, phone = ?, email = ?, siret = ?, rna = ?,
                    created_on = ?
                where id = ?""")
                .params(identity.name().trim(), identity.address(), identity.postcode(), identity.commune(), identity.phone(),
                        identity.email(), identity.siret() == null ? null : identity.siret().replace(" ", ""), identity.rna(),
                        identity.createdOn(), id).update();
    }
}
