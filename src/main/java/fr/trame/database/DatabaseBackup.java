package fr.trame.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code backup} and {@code restore} (interchange.md), in the format of docs/formats.md. zonky's binaries hold initdb,
 * pg_ctl and postgres but no pg_dump, and a pg_dump older than the server refuses to dump it, so the dump is our own:
 * every table of the schema read with COPY in one snapshot, in a ZIP. The schema is not in the dump but in the
 * migrations: a restore migrates the empty database to the dump's version with Flyway, then loads every table,
 * flyway_schema_history included, so Flyway finds the database as it was.
 */
public final class DatabaseBackup {

    private static final String MANIFEST = "trame-backup.json";
    private static final String FORMAT = "trame-backup";
    private static final int FORMAT_VERSION = 1;
    /**
     * Login sessions are not saved: a backup file must not carry live session identifiers, and a restored server has
     * everyone log in again. Their tables come back empty from the migrations.
     */
    public static final Set<String> NOT_SAVED = Set.of("web_sessions", "web_sessions_attributes");

    private final Flyway flyway;
    private final JsonMapper json = JsonMapper.builder().build();

    /** {@code flyway} as Trame configures it: its data source is the database backed up or restored. */
    public DatabaseBackup(Flyway flyway) {
        this.flyway = flyway;
    }

    public record Manifest(String format, int formatVersion, String createdAt, String postgresql, String schemaVersion,
                           List<Migration> migrations, List<Table> tables, List<Sequence> sequences) {
        public long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    /** A row of flyway_schema_history: the restored schema must come from the same migrations. */
    public record Migration(String version, String description, Integer checksum) {
    }

    public record Table(String name, String file, List<String> columns, long rows) {
    }

    /** {@code lastValue} is null for a sequence never used. */
    public record Sequence(String name, Long lastValue) {
    }

    /** Writes the dump to {@code out}, replaced only once the dump is complete. */
    public Manifest backup(Path out) throws IOException, SQLException {
        Path partial = out.resolveSibling(out.getFileName() + ".partiel");
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            // one snapshot for every table, as pg_dump takes it, however the server writes meanwhile
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Manifest manifest;
            try (Statement s = c.createStatement();
                 ZipOutputStream zip = new ZipOutputStream(OwnerOnlyFiles.create(partial))) {
                Map<String, List<String>> columns = tableColumns(c);
                List<Migration> migrations = migrations(c, columns);
                columns.keySet().removeAll(NOT_SAVED);
                for (String table : columns.keySet()) {
                    // keeps a migration from changing a table while we read it
                    s.execute("lock table " + quote(table) + " in access share mode");
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                List<Table> tables = new ArrayList<>();
                for (var table : columns.entrySet()) {
                    String file = "tables/" + table.getKey() + ".copy";
                    zip.putNextEntry(new ZipEntry(file));
                    long rows = copy.copyOut("copy " + quote(table.getKey()) + " (" + quoteAll(table.getValue()) + ") to stdout", zip);
                    zip.closeEntry();
                    tables.add(new Table(table.getKey(), file, table.getValue(), rows));
                }
                manifest = new Manifest(FORMAT, FORMAT_VERSION, text(s, "select to_char(now(), 'YYYY-MM-DD\"T\"HH24:MI:SSOF')"),
                        text(s, "show server_version"), schemaVersion(migrations), migrations, tables, sequences(s));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            c.commit();
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Loads the dump {@code in} into the database, which must be empty. */
    public Manifest restore(Path in) throws IOException, SQLException {
        try (ZipFile zip = open(in)) {
            Manifest manifest = manifest(zip, in);
            failIfNotEmpty();
            failIfNewer(manifest);
            try {
                migrateTo(manifest);
                try (Connection c = dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    load(c, zip, manifest);
                    c.commit();
                }
            } catch (SQLException | IOException | RuntimeException e) {
                // the sentence is what the command prints: it carries the cause's message, not the cause
                throw new IllegalStateException("Restauration interrompue (" + e.getMessage() + ") : la base cible a reçu "
                        + "le schéma de Trame mais aucune donnée, videz-la avant de recommencer.");
            }
            return manifest;
        }
    }

    private void failIfNotEmpty() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            long relations = Long.parseLong(text(s, "select count(*) from pg_class k join pg_namespace n on n.oid = k.relnamespace"
                    + " where k.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and n.nspname not like 'pg\\_%'"
                    + " and n.nspname <> 'information_schema'"));
            if (relations > 0) {
                throw new IllegalArgumentException("La base cible n'est pas vide (" + relations + " tables, vues ou séquences) : "
                        + "restaurez dans un répertoire de données vide (--data-dir) ou une base vide (--db-url).");
            }
        }
    }

    private void failIfNewer(Manifest manifest) {
        boolean known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .anyMatch(v -> v != null && v.getVersion().equals(manifest.schemaVersion()));
        if (!known) {
            throw new IllegalArgumentException("Cette sauvegarde vient d'une version plus récente de Trame (schéma version "
                    + manifest.schemaVersion() + ") : restaurez-la avec cette version de Trame ou une plus récente.");
        }
    }

    private void migrateTo(Manifest manifest) throws SQLException {
        Flyway.configure().configuration(flyway.getConfiguration()).target(manifest.schemaVersion()).load().migrate();
        try (Connection c = dataSource().getConnection()) {
            if (!new HashSet<>(migrations(c, tableColumns(c))).equals(new HashSet<>(manifest.migrations()))) {
                throw new IllegalStateException("les migrations de cette version de Trame diffèrent de celles de la base sauvegardée");
            }
        }
    }

    /** One transaction: all the rows, or none. */
    private static void load(Connection c, ZipFile zip, Manifest manifest) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            List<Table> tables = parentsFirst(c, manifest.tables());
            for (Table t : tables) {
                // the dump holds what triggers wrote (e.g. the catalogue's search table): they must not write it twice
                s.execute("alter table " + quote(t.name()) + " disable trigger user");
            }
            // rows the migrations wrote (vocabularies, holidays…) come back from the dump
            s.execute("truncate " + tables.stream().map(t -> quote(t.name())).collect(Collectors.joining(", ")));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Table t : tables) {
                try (InputStream rows = zip.getInputStream(zip.getEntry(t.file()))) {
                    long loaded = copy.copyIn("copy " + quote(t.name()) + " (" + quoteAll(t.columns()) + ") from stdin", rows);
                    if (loaded != t.rows()) {
                        throw new IllegalStateException(t.name() + " : " + loaded + " lignes au lieu de " + t.rows());
                    }
                }
            }
            for (Table t : tables) {
                s.execute("alter table " + quote(t.name()) + " enable trigger user");
            }
            try (PreparedStatement setval = c.prepareStatement("select setval(?::regclass, ?)")) {
                for (Sequence seq : manifest.sequences()) {
                    if (seq.lastValue() != null) {
                        setval.setString(1, quote(seq.name()));
                        setval.setLong(2, seq.lastValue());
                        setval.execute();
                    }
                }
            }
        }
    }

    /** Foreign keys are checked as rows come in: a table after the tables it refers to. */
    private static List<Table> parentsFirst(Connection c, List<Table> tables) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select child.relname, parent.relname from pg_constraint k"
                     + " join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid"
                     + " where k.contype = 'f' and k.connamespace = current_schema()::regnamespace and k.conrelid <> k.confrelid")) {
            while (rs.next()) {
                parents.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        Map<String, Table> byName = tables.stream().collect(Collectors.toMap(Table::name, t -> t));
        Set<String> ordered = new LinkedHashSet<>();
        tables.forEach(t -> visit(t.name(), parents, ordered, new HashSet<>()));
        return ordered.stream().map(byName::get).filter(Objects::nonNull).toList();
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table) || !path.add(table)) {
            return; // done, or a cycle of foreign keys: its check will say which rows
        }
        parents.getOrDefault(table, Set.of()).stream().sorted().forEach(p -> visit(p, parents, ordered, path));
        ordered.add(table);
    }

    /** The tables of Trame's schema and their columns, generated ones left out (PostgreSQL computes them again). */
    private static Map<String, List<String>> tableColumns(Connection c) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select k.relname, a.attname from pg_class k"
                     + " join pg_attribute a on a.attrelid = k.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''"
                     + " where k.relkind = 'r' and k.relnamespace = current_schema()::regnamespace order by k.relname, a.attnum")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tables;
    }

    private static List<Migration> migrations(Connection c, Map<String, List<String>> tables) throws SQLException {
        if (!tables.containsKey("flyway_schema_history")) {
            throw new IllegalArgumentException("Cette base ne contient pas de données Trame (pas de flyway_schema_history) :"
                    + " rien à sauvegarder.");
        }
        List<Migration> migrations = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, description, checksum from flyway_schema_history"
                     + " where success order by installed_rank")) {
            while (rs.next()) {
                migrations.add(new Migration(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)));
            }
        }
        return migrations;
    }

    private static String schemaVersion(List<Migration> migrations) {
        return migrations.stream().map(Migration::version).filter(Objects::nonNull).map(MigrationVersion::fromVersion)
                .max(Comparator.naturalOrder()).map(MigrationVersion::getVersion)
                .orElseThrow(() -> new IllegalArgumentException("Cette base n'a reçu aucune migration de Trame : rien à sauvegarder."));
    }

    private static List<Sequence> sequences(Statement s) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select sequencename, last_value from pg_sequences"
                + " where schemaname = current_schema() order by sequencename")) {
            while (rs.next()) {
                sequences.add(new Sequence(rs.getString(1), (Long) rs.getObject(2)));
            }
        }
        return sequences;
    }

    private static ZipFile open(Path in) throws IOException {
        try {
            return new ZipFile(in.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new IllegalArgumentException("Fichier introuvable : " + in);
        } catch (ZipException e) {
            throw notABackup(in);
        }
    }

    private Manifest manifest(ZipFile zip, Path in) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw notABackup(in);
        }
        try (InputStream text = zip.getInputStream(entry)) {
            Manifest manifest = json.readValue(text, Manifest.class);
            if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() != FORMAT_VERSION
                    || manifest.tables().stream().anyMatch(t -> zip.getEntry(t.file()) == null)) {
                throw notABackup(in);
            }
            return manifest;
        } catch (JacksonException e) {
            throw notABackup(in);
        }
    }

    private static IllegalArgumentException notABackup(Path in) {
        return new IllegalArgumentException("Ce fichier n'est pas une sauvegarde Trame lisible par cette version : " + in);
    }

    private DataSource dataSource() {
        return flyway.getConfiguration().getDataSource();
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(DatabaseBackup::quote).collect(Collectors.joining(", "));
    }
}
