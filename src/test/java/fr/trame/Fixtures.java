package fr.trame;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers that make each test's own centre and users, so tests sharing one database never see each other's rows. */
@Component
public class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    public static final String PASSWORD = "mot-de-passe-de-test";

    private final CentreService centres;
    private final UserService users;
    private final FederationService federations;
    private final JdbcClient jdbc;

    public Fixtures(CentreService centres, UserService users, FederationService federations, JdbcClient jdbc) {
        this.centres = centres;
        this.users = users;
        this.federations = federations;
        this.jdbc = jdbc;
    }

    /**
     * A structure of the federation's registry, in no AT; {@code centreId} the Trame centre it is, or null. Returns
     * its id.
     */
    public long structure(Federation federation, String name, String departement, Long centreId) {
        return jdbc.sql("""
                insert into structures (federation_id, ref, name, kind, departement, centre_id)
                values (?, ?, ?, 'cs', ?, ?) returning id""")
                .params(federation.id(), "S" + SEQ.incrementAndGet(), name, departement, centreId)
                .query(Long.class).single();
    }

    public Federation federation(String prefix) {
        int n = SEQ.incrementAndGet();
        return federations.create(prefix + "-" + n + "-" + System.nanoTime() % 100000, "Fédération " + prefix + " " + n);
    }

    /** A user with a role in the federation; returns the username (password {@link #PASSWORD}). */
    public String user(Federation federation, FederationRole role) {
        String username = role.code() + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long id = users.create(username, "Test " + role.label(), PASSWORD, false);
        federations.setRole(federation.id(), id, role);
        return username;
    }

    /** The id of a user made by this class. */
    public long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    public Centre centre(String prefix) {
        int n = SEQ.incrementAndGet();
        return centres.create(prefix + "-" + n + "-" + System.nanoTime() % 100000, "Centre " + prefix + " " + n);
    }

    /** A user with a role in the centre; returns the username (password {@link #PASSWORD}). */
    public String user(Centre centre, Role role) {
        String username = role.code() + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long id = users.create(username, "Test " + role.label(), PASSWORD, false);
        users.setRole(id, centre.id(), role);
        return username;
    }

    public static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cells of a CSV file Trame wrote, its BOM left out: each cell as a spreadsheet receives it. */
    public static List<List<String>> cells(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
