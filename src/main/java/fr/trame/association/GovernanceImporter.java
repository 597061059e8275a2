package fr.trame.association;

import fr.trame.csv.CentreImport;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.NAME;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * governance.csv (docs/formats.md): the bodies and their mandates. A mandate is known by its body, its holder (a
 * person of the register, or an outsider's name) and its start date, so re-importing the same file changes nothing and a
 * changed line updates its mandate; an empty cell keeps what Trame knows.
 */
@Service
@Order(110)
public class GovernanceImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("body", LABEL).optional("body_kind", SHORT).optional("person_ref", REFERENCE).optional("name", NAME)
            .optional("role", SHORT).optional("college", SHORT).required("start_date", SHORT).optional("end_date", SHORT)
            .optional("lives_in_territory", SHORT).optional("qpv", SHORT);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final GovernanceService governance;

    public GovernanceImporter(JdbcClient jdbc, DataSource dataSource, GovernanceService governance) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.governance = governance;
    }

    @Override
    public String kind() {
        return "governance";
    }

    @Override
    public String label() {
        return "Instances et mandats (governance.csv)";
    }

    @Override
    public String columns() {
        return "body (nom de l'instance), start_date (obligatoires), person_ref (personne du registre) ou name (personne"
                + " extérieure) ; body_kind (ag, ca, bureau, commission : pour une instance nouvelle), role (president,"
                + " vice_president, tresorier, secretaire, membre), college (habitant, partenaire, institution), end_date,"
                + " lives_in_territory (oui/non), qpv (oui/non).";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        List<Object[]> staged = validate(table);
        governance.bodies(centreId); // the AG, the CA and the Bureau, under their usual names, as the web pages make them
        PgCopy.stage(jdbc, dataSource, "stage_mandates", """
                line bigint, body text, body_kind text, person_ref text, outsider_name text, role text, college text,
                start_date date, end_date date, lives_in_territory boolean, qpv boolean, body_id bigint, person_id bigint""",
                staged);
        table.unknownReferences(jdbc, """
                select s.line, 'person_ref', s.person_ref from stage_mandates s
                where s.person_ref is not null and not exists (
                    select 1 from people_persons p where p.centre_id = :centre and p.ref = s.person_ref)
                order by 1""", centreId, Map.of("person_ref", "personne"), " (importez d'abord people.csv)");
        AssociationCsv.errors(jdbc, table, centreId, """
                select s.line, 'body', 'instance « ' || s.body || ' » inconnue dans ce centre : indiquez son type dans'
                       || ' body_kind (ag, ca, bureau, commission) pour la créer'
                from stage_mandates s
                where not exists (select 1 from bodies b where b.centre_id = :centre and lower(b.name) = lower(s.body))
                  and not exists (select 1 from stage_mandates o where lower(o.body) = lower(s.body) and o.body_kind is not null)
                union all
                select s.line, 'body_kind', 'l''instance « ' || b.name || ' » existe déjà, de type « ' || b.kind || ' »'
                from stage_mandates s join bodies b on b.centre_id = :centre and lower(b.name) = lower(s.body)
                where s.body_kind is not null and s.body_kind <> b.kind
                order by 1""");
        table.throwIfErrors();
        return merge(centreId, staged.size());
    }

    private List<Object[]> validate(CsvTable table) {
        List<Object[]> staged = new ArrayList<>();
        Map<String, Long> mandateLines = new HashMap<>();
        Map<String, Object[]> bodyKinds = new HashMap<>(); // body → (kind, line)
        for (CsvTable.Row row : table.rows()) {
            String body = row.required("body");
            String kind = row.oneOf("body_kind", new LinkedHashSet<>(GovernanceService.KINDS));
            String personRef = row.text("person_ref");
            String name = row.text("name");
            if (personRef == null && name == null && row.isEmpty("person_ref") && row.isEmpty("name")) {
                row.error("person_ref", "indiquez person_ref (une personne du registre) ou name (une personne extérieure)");
            } else if (personRef != null && name != null) {
                row.error("name", "indiquez person_ref ou name, pas les deux");
            }
            String role = row.oneOf("role", new LinkedHashSet<>(GovernanceService.ROLES));
            String college = row.oneOf("college", new LinkedHashSet<>(GovernanceService.COLLEGES));
            LocalDate start = row.requiredDate("start_date");
            LocalDate end = row.date("end_date");
            AssociationCsv.checkPeriod(row, start, end, "end_date");
            Boolean lives = AssociationCsv.yesNo(row, "lives_in_territory");
            Boolean qpv = AssociationCsv.yesNo(row, "qpv");
            if (body != null && kind != null) {
                Object[] earlier = bodyKinds.putIfAbsent(body.toLowerCase(Locale.ROOT), new Object[] {kind, row.line()});
                if (earlier != null && !earlier[0].equals(kind)) {
                    row.error("body_kind", "l'instance « " + body + " » a le type « " + earlier[0] + " » ligne " + earlier[1]);
                }
            }
            if (body != null && start != null && (personRef != null || name != null)) {
                String holder = personRef != null ? "ref:" + personRef : "name:" + name.toLowerCase(Locale.ROOT);
                Long first = mandateLines.putIfAbsent(body.toLowerCase(Locale.ROOT) + "|" + holder + "|" + start, row.line());
                if (first != null) {
                    row.error("start_date", "ce mandat (même instance, même personne, même date de début) figure déjà ligne " + first);
                }
            }
            staged.add(new Object[] {row.line(), body, kind, personRef, personRef == null ? name : null, role, college, start, end,
                    lives, qpv, null, null});
        }
        return staged;
    }

    private ImportResult merge(long centreId, int rows) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("instance(s) créée(s)", jdbc.sql("""
                insert into bodies (centre_id, kind, name)
                select distinct on (lower(s.body)) :centre, s.body_kind, s.body from stage_mandates s
                where s.body_kind is not null
                  and not exists (select 1 from bodies b where b.centre_id = :centre and lower(b.name) = lower(s.body))
                order by lower(s.body), s.line""").param("centre", centreId).update());
        jdbc.sql("""
                update stage_mandates s set
                    body_id = (select b.id from bodies b where b.centre_id = :centre and lower(b.name) = lower(s.body)
                               order by (b.name = s.body) desc, b.id limit 1),
                    person_id = (select p.id from people_persons p where p.centre_id = :centre and p.ref = s.person_ref)""")
                .param("centre", centreId).update();
        changes.put("mandat(s) mis à jour", jdbc.sql("""
                update mandates m set role = coalesce(s.role, m.role), college = coalesce(s.college, m.college),
                    end_date = coalesce(s.end_date, m.end_date),
                    lives_in_territory = coalesce(s.lives_in_territory, m.lives_in_territory), qpv = coalesce(s.qpv, m.qpv)
                from stage_mandates s
                where m.centre_id = :centre and\s""" + SAME_MANDATE + """
                  and (m.role, m.college, m.end_date, m.lives_in_territory, m.qpv) is distinct from
                      (coalesce(s.role, m.role), coalesce(s.college, m.college), coalesce(s.end_date, m.end_date),
                       coalesce(s.lives_in_territory, m.lives_in_territory), coalesce(s.qpv, m.qpv))""")
                .param("centre", centreId).update());
        changes.put("mandat(s) créé(s)", jdbc.sql("""
                insert into mandates (centre_id, body_id, person_id, outsider_name, role, college, start_date, end_date,
                                      lives_in_territory, qpv)
                select :centre, s.body_id, s.person_id, s.outsider_name, coalesce(s.role, 'membre'),
                       coalesce(s.college, 'habitant'), s.start_date, s.end_date, s.lives_in_territory, s.qpv
                from stage_mandates s
                where not exists (select 1 from mandates m where m.centre_id = :centre and\s""" + SAME_MANDATE + ")")
                .param("centre", centreId).update());
        return new ImportResult(rows, changes);
    }

    /** The mandate {@code m} a staged line {@code s} names: same body, same holder, same start. */
    private static final String SAME_MANDATE = """
            m.body_id = s.body_id and m.start_date = s.start_date
            and (m.person_id = s.person_id or (m.person_id is null and lower(m.outsider_name) = lower(s.outsider_name)))
            """;
}
