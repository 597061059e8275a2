package fr.trame.reporting;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting reads other modules only through the views they publish (docs/architecture.md): its SQL names after
 * {@code from} or {@code join} no table of another module, only views ({@code <module>_<what>}), its own tables and
 * the per-period tables of {@link PeriodTables}.
 */
class ReportingReadsViewsTest {

    /** Tables of the other modules (design.md), which reporting must not name. */
    private static final List<String> OTHERS = List.of("centres", "users", "user_roles", "audit_log", "households", "persons",
            "household_members", "qf_history", "consents", "seasons", "memberships", "quartiers", "sectors", "activities",
            "schedules", "sessions", "enrolments", "school_holidays", "attendance", "headcounts", "reception_themes", "contacts",
            "contact_themes", "cases", "case_shares", "case_steps", "case_documents");

    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join)\\s+([a-z_]+)\\b");

    @Test
    void reportingNamesNoTableOfAnotherModule() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/fr/trame/reporting"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    String table = m.group(1);
                    if (OTHERS.contains(table)) {
                        found.add(file.getFileName() + ": " + table);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckSeesATableOfAnotherModule() {
        assertThat(TABLE.matcher("select * from persons p where p.id = 1").find()).isTrue();
        Matcher m = TABLE.matcher("select 1 from people_persons p join sessions se on se.id = p.id");
        List<String> tables = new ArrayList<>();
        while (m.find()) {
            tables.add(m.group(1));
        }
        assertThat(tables).containsExactly("people_persons", "sessions");
    }
}
