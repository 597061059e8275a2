package fr.trame;

import fr.trame.database.OwnsTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries of docs/architecture.md: every table of the schema is owned by one module (its {@link OwnsTables}),
 * every view is published by the module it is named after, and a module's SQL names only its own tables and the
 * views others publish; it writes only its own tables. {@code reporting} thus reads only views.
 */
@TrameTest
class ModuleBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/fr/trame");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");


    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableHasOneOwnerAndEveryViewIsNamedAfterItsPublisher() {
        Map<String, List<String>> declared = declaredOwners();
        List<String> problems = new ArrayList<>();
        for (String table : tables()) {
            List<String> owners = declared.keySet().stream().filter(m -> owns(declared.get(m), table)).toList();
            if (owners.size() != 1) {
                problems.add("table " + table + " : propriétaires " + owners + " (il en faut exactement un)");
            }
        }
        Map<String, String> createdIn = viewMigrations();
        for (String view : views()) {
            String module = publisher(view, declared.keySet());
            String file = createdIn.get(view);
            if (module == null) {
                problems.add("vue " + view + " : son nom ne commence par aucun module");
            } else if (file == null || !file.matches("V\\d+__" + module + "_.*")) {
                problems.add("vue " + view + " : créée par " + file + ", pas par une migration du module " + module);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void modulesNameOnlyTheirTablesAndPublishedViews() throws IOException {
        Map<String, List<String>> declared = declaredOwners();
        Boundaries boundaries = new Boundaries(ownerOfEachTable(declared), Set.copyOf(views()), declared.keySet());
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                violations.addAll(boundaries.violations(relative.getName(0).toString(), relative.toString(),
                        Files.readString(file)));
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The scanner itself: a read, a write and a text block planted in a source are all caught, with their lines. */
    @Test
    void theScannerCatchesPlantedViolations() {
        Boundaries boundaries = new Boundaries(
                Map.of("persons", "people", "sessions", "activities", "attendance", "attendance", "report_texts", "reporting"),
                Set.of("people_persons", "activities_sessions"), Set.of("people", "activities", "attendance", "reporting"));
        String source = """
                class Planted {
                    // from persons: a comment is not SQL
                    String read = "select p.id from persons p where p.centre_id = ?";
                    String write = "insert into sessions (centre_id) values (?)";
                    String fine = "select count(*) from attendance a join people_persons p on p.id = a.person_id";
                    String block = \"""
                            select a.id
                            from attendance a, sessions s
                            where s.id = a.session_id\""";
                    char quote = '"';
                    String view = "delete from activities_sessions where id = ?";
                }
                """;
        assertThat(boundaries.violations("attendance", "Planted.java", source)).containsExactly(
                "Planted.java:3 lit la table persons du module people",
                "Planted.java:4 écrit dans la table sessions du module activities",
                "Planted.java:8 lit la table sessions du module activities",
                "Planted.java:11 écrit dans la vue activities_sessions du module activities");
        assertThat(boundaries.violations("reporting", "Planted.java", "String s = \"select * from report_texts, persons\";"))
                .containsExactly("Planted.java:1 lit la table persons du module people");
    }

    /** The rule applied to one source of one module. */
    record Boundaries(Map<String, String> tableOwners, Set<String> views, Set<String> modules) {

        List<String> violations(String module, String file, String source) {
            List<String> found = new ArrayList<>();
            for (SqlRelations.Use use : SqlRelations.in(source)) {
                String relation = use.relation();
                String owner = tableOwners.containsKey(relation) ? tableOwners.get(relation)
                        : views.contains(relation) ? publisher(relation, modules) : null;
                if (owner == null || owner.equals(module)) {
                    continue; // not a relation of the schema (an alias, a temporary table, a function), or its own
                }
                String kind = tableOwners.containsKey(relation) ? "la table " : "la vue ";
                if (use.write()) {
                    found.add(file + ":" + use.line() + " écrit dans " + kind + relation + " du module " + owner);
                } else if (tableOwners.containsKey(relation)) {
                    found.add(file + ":" + use.line() + " lit " + kind + relation + " du module " + owner);
                }
            }
            return found;
        }
    }

    /** The module a view is named after: the longest module name it starts with, followed by an underscore. */
    static String publisher(String view, Set<String> modules) {
        return modules.stream().filter(m -> view.startsWith(m + "_")).max((a, b) -> a.length() - b.length()).orElse(null);
    }

    private static boolean owns(List<String> declared, String table) {
        return declared.stream().anyMatch(d -> d.endsWith("*") ? table.startsWith(d.substring(0, d.length() - 1)) : d.equals(table));
    }

    /** Each module (a package under fr.trame) and the tables its package-info declares, none for infrastructure. */
    private static Map<String, List<String>> declaredOwners() {
        Map<String, List<String>> owners = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String module = dir.getFileName().toString();
                Class<?> info = Class.forName("fr.trame." + module + ".package-info");
                OwnsTables tables = info.getPackage().getAnnotation(OwnsTables.class);
                owners.put(module, tables == null ? List.of() : List.of(tables.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("un module sans package-info.java : " + e.getMessage(), e);
        }
        return owners;
    }

    private Map<String, String> ownerOfEachTable(Map<String, List<String>> declared) {
        Map<String, String> owners = new TreeMap<>();
        for (String table : tables()) {
            declared.forEach((module, tables) -> {
                if (owns(tables, table)) {
                    owners.put(table, module);
                }
            });
        }
        return owners;
    }

    private List<String> tables() {
        return jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by 1""").query(String.class).list();
    }

    private List<String> views() {
        return jdbc.sql("select table_name from information_schema.views where table_schema = current_schema() order by 1")
                .query(String.class).list();
    }

    /** Each view and the migration file that last creates it. */
    private static Map<String, String> viewMigrations() {
        Pattern created = Pattern.compile("create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> sql = Files.list(MIGRATIONS)) {
            for (Path file : sql.sorted(Comparator.comparingInt(ModuleBoundariesTest::version)).toList()) {
                Matcher m = created.matcher(Files.readString(file));
                while (m.find()) {
                    files.put(m.group(1).toLowerCase(), file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
