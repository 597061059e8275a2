package fr.trame.reception;

import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import fr.trame.csv.CentreImport;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * reception.csv of interchange.md. The file has no reference column, so each row gets a key made of its values and
 * of how many identical rows came before it in the file: re-importing the same file changes nothing.
 */
@Service
@Order(60)
public class ReceptionImporter implements CentreImport {

    /** {@code theme} lists codes: the twelve of interchange.md and the centre's own fit easily in 500 characters. */
    static final CsvColumns COLUMNS = new CsvColumns()
            .required("date", SHORT).required("channel", SHORT).required("theme", 500)
            .optional("person_ref", REFERENCE).optional("duration_min", SHORT).optional("status", SHORT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ThemeService themes;

    public ReceptionImporter(JdbcClient jdbc, DataSource dataSource, ThemeService themes) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.themes = themes;
    }


    @Override
    public String kind() {
        return "reception";
    }

    @Override
    public String label() {
        return "Accueil (reception.csv)";
    }

    @Override
    public String columns() {
        return "date, channel (accueil, telephone, rdv, courriel, domicile, exterieur), theme (un ou plusieurs codes"
                + " séparés par des virgules, dont ceux ajoutés par le centre) ; person_ref (vide : anonyme), "
                + "duration_min, status (pour rdv : honore, non_honore, annule).";
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        Set<String> known = themes.list(centreId).stream().map(ThemeService.Theme::code).collect(Collectors.toSet());
        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> contactThemes = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            LocalDate date = row.requiredDate("date");
            String channel = row.required("channel");
            if (channel != null && !ThemeService.CHANNELS.contains(channel)) {
                row.error("channel", "canal « " + channel + " » inconnu (attendu : " + String.join(", ", ThemeService.CHANNELS) + ")");
                channel = null;
            }
            TreeSet<String> rowThemes = new TreeSet<>();
            String themeCell = row.required("theme");
            if (themeCell != null) {
                for (String t : themeCell.split(",")) {
                    String code = t.trim();
                    if (!known.contains(code)) {
                        row.error("theme", "thème « " + code + " » inconnu (thèmes du centre : "
                                + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
                    } else {
                        rowThemes.add(code);
                    }
                }
            }
            Integer duration = row.wholeNumber("duration_min", 0);
            String status = row.oneOf("status", Set.of("honore", "non_honore", "annule"));
            if (status != null && !"rdv".equals(channel)) {
                row.error("status", "le statut ne concerne que les rendez-vous (canal rdv)");
            }
            if ("rdv".equals(channel) && status == null) {
                status = "honore";
            }
            String person = row.text("person_ref");
            String values = String.join("|", String.valueOf(date), String.valueOf(person), String.valueOf(channel),
                    String.join(",", rowThemes), String.valueOf(duration), String.valueOf(status));
            int occurrence = occurrences.merge(values, 1, Integer::sum);
            String key = sha1(values + "#" + occurrence);
            contacts.add(new Object[] {row.line(), key, date, person, channel, duration, status});
            for (String theme : rowThemes) {
                contactThemes.add(new Object[] {key, theme});
            }
        }
        PgCopy.stage(jdbc, dataSource, "stage_contacts", """
                line bigint, import_key text, date date, person_ref text, channel text, duration_min integer, status text""",
                contacts);
        PgCopy.stage(jdbc, dataSource, "stage_contact_themes", "import_key text, theme text", contactThemes);
        table.unknownReferences(jdbc, """
                select s.line, 'person_ref', s.person_ref from stage_contacts s
                where s.person_ref is not null and not exists (
                    select 1 from people_persons p where p.centre_id = :centre and p.ref = s.person_ref)
                order by 1""", centreId, Map.of("person_ref", "personne"), " (importez d'abord people.csv)");
        table.throwIfErrors();

        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("contact(s) enregistré(s)", jdbc.sql("""
                insert into contacts (centre_id, date, person_id, channel, duration_min, status, import_key)
                select :centre, s.date, p.id, s.channel, s.duration_min, s.status, s.import_key
                from stage_contacts s left join people_persons p on p.centre_id = :centre and p.ref = s.person_ref
                on conflict (centre_id, import_key) where import_key is not null do nothing""")
                .param("centre", centreId).update());
        jdbc.sql("""
                insert into contact_themes (centre_id, contact_id, theme)
                select :centre, c.id, t.theme
                from stage_contact_themes t join contacts c on c.centre_id = :centre and c.import_key = t.import_key
                on conflict do nothing""").param("centre", centreId).update();
        return new ImportResult(contacts.size(), changes);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
