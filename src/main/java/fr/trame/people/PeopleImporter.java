package fr.trame.people;

import fr.trame.centre.CentreScope;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportPhases;
import fr.trame.csv.ImportResult;
import fr.trame.csv.PgCopy;
import fr.trame.territory.QuartierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import fr.trame.csv.CentreImport;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.EMAIL;
import static fr.trame.csv.CsvColumns.LABEL;
import static fr.trame.csv.CsvColumns.NAME;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * people.csv of interchange.md: households and persons. All rows are checked first; then, in one transaction, the rows
 * are copied to a staging table and merged by set-based SQL keyed on the file's references, so re-importing the same
 * file changes nothing and a refused file writes nothing.
 */
@Service
@Order(10)
public class PeopleImporter implements CentreImport {

    /** A few situation flags of up to 40 characters each. */
    private static final int FLAGS_MAX = 400;
    static final CsvColumns COLUMNS = new CsvColumns()
            .required("household_ref", REFERENCE).required("person_ref", REFERENCE)
            .required("last_name", NAME).required("first_name", NAME)
            .optional("sex", SHORT).optional("birth_date", SHORT).optional("role", SHORT)
            .optional("address", LABEL).optional("postcode", SHORT).optional("commune", NAME).optional("quartier", NAME)
            .optional("qpv", SHORT).optional("qf", SHORT).optional("phone", SHORT).optional("email", EMAIL)
            .optional("school", LABEL).optional("school_level", NAME).optional("disability", SHORT)
            .optional("flags", FLAGS_MAX);
    private static final Set<String> ROLES = Set.of("responsable", "enfant", "autre");
    private static final List<String> HOUSEHOLD_COLUMNS = List.of("address", "postcode", "commune", "quartier", "qpv", "qf");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final QuartierService quartiers;
    private final FlagService flags;

    public PeopleImporter(JdbcClient jdbc, DataSource dataSource, QuartierService quartiers, FlagService flags) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.quartiers = quartiers;
        this.flags = flags;
    }


    @Override
    public String kind() {
        return "people";
    }

    @Override
    public String label() {
        return "Foyers et personnes (people.csv)";
    }

    @Override
    public String columns() {
        return "household_ref, person_ref, last_name, first_name (obligatoires) ; sex (F/M), birth_date, role "
                + "(responsable, enfant, autre), address, postcode, commune, quartier, qpv (oui/non), qf, phone, email, school, "
                + "school_level, disability (oui/non, avec la permission « situation de handicap »), flags (codes des "
                + "situations séparés par des virgules ; un code inconnu est créé).";
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        return importCsv(centreId, in, ImportPhases.NONE);
    }

    /** The same, the time of each phase recorded into {@code phases} (for {@code bench}). */
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in, ImportPhases phases) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        phases.end("lecture");
        // the upload page is shared by every kind: a user without the permission may not write a disability
        boolean disabilityAllowed = CentreScope.ofCurrentRequest().map(CentreScope::seesDisability).orElse(true);
        List<Object[]> staged = validate(table, disabilityAllowed);
        table.throwIfErrors();
        phases.end("validation");

        PgCopy.stage(jdbc, dataSource, "stage_people", """
                line bigint, household_ref text, person_ref text, last_name text, first_name text, sex text,
                birth_date date, role text, address text, postcode text, commune text, quartier text, qpv boolean,
                qf integer, phone text, email text, school text, school_level text, disability boolean,
                flags text""", staged);
        jdbc.sql("analyze stage_people").update(); // row counts for the planner: hash joins, not nested loops
        phases.end("staging");
        return merge(centreId, staged.size(), phases);
    }

    private List<Object[]> validate(CsvTable table, boolean disabilityAllowed) {
        List<Object[]> staged = new ArrayList<>(table.rows().size());
        Map<String, Long> personLines = new HashMap<>();
        // household_ref → column → (value, line where first given)
        Map<String, Map<String, Object[]>> householdValues = new HashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.MAX); // a birth after the latest date on earth is surely future
        for (CsvTable.Row row : table.rows()) {
            String householdRef = row.required("household_ref");
            String personRef = row.required("person_ref");
            String lastName = row.required("last_name");
            String firstName = row.required("first_name");
            String sex = row.text("sex");
            if (sex != null) {
                sex = sex.toUpperCase();
                if (!sex.equals("F") && !sex.equals("M")) {
                    row.error("sex", "valeur « " + row.text("sex") + " » inconnue (attendu : F ou M)");
                    sex = null;
                }
            }
            LocalDate birth = row.date("birth_date");
            if (birth != null && birth.isAfter(today)) {
                row.error("birth_date", "date de naissance dans le futur");
            }
            String role = row.oneOf("role", ROLES);
            String qpvText = row.oneOf("qpv", Set.of("oui", "non"));
            Boolean qpv = qpvText == null ? null : qpvText.equals("oui");
            Integer qf = row.wholeNumber("qf", 0);
            String email = row.email("email");
            String disabilityText = row.oneOf("disability", Set.of("oui", "non"));
            if (disabilityText != null && !disabilityAllowed) {
                row.error("disability", "la situation de handicap ne s'importe qu'avec la permission « situation de "
                        + "handicap » (page Utilisateurs) ; videz cette colonne ou demandez l'import à une personne habilitée");
            }
            Boolean disability = disabilityText == null ? null : disabilityText.equals("oui");
            String flagCodes = flags(row);
            if (personRef != null) {
                Long first = personLines.putIfAbsent(personRef, row.line());
                if (first != null) {
                    row.error("person_ref", "la personne « " + personRef + " » figure déjà ligne " + first);
                }
            }
            if (householdRef != null) {
                Map<String, Object[]> seen = householdValues.computeIfAbsent(householdRef, k -> new LinkedHashMap<>());
                Object[] values = {row.text("address"), row.text("postcode"), row.text("commune"), row.text("quartier"), qpv, qf};
                for (int i = 0; i < HOUSEHOLD_COLUMNS.size(); i++) {
                    if (values[i] == null) {
                        continue;
                    }
                    String column = HOUSEHOLD_COLUMNS.get(i);
                    Object[] earlier = seen.putIfAbsent(column, new Object[] {values[i], row.line()});
                    if (earlier != null && !sameValue(column, earlier[0], values[i])) {
                        row.error(column, "le foyer « " + householdRef + " » a déjà la valeur « "
                                + shown(earlier[0]) + " » ligne " + earlier[1] + " ; une seule valeur par foyer");
                    }
                }
            }
            staged.add(new Object[] {row.line(), householdRef, personRef, lastName, firstName, sex, birth, role,
                    row.text("address"), row.text("postcode"), row.text("commune"), row.text("quartier"), qpv, qf,
                    row.text("phone"), email, row.text("school"), row.text("school_level"), disability, flagCodes});
        }
        return staged;
    }

    /**
     * The flags cell as codes joined by « , » (lower case, each once, in the file's order), or null when empty; a code
     * that cannot be one is an error of the cell.
     */
    private static String flags(CsvTable.Row row) {
        String cell = row.text("flags");
        if (cell == null) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : cell.split(",")) {
            String code = part.strip().toLowerCase();
            if (code.isEmpty()) {
                continue;
            }
            if (!FlagService.CODE.matcher(code).matches()) {
                row.error("flags", "code de situation « " + part.strip() + " » invalide : lettres minuscules sans accent, "
                        + "chiffres et « _ », 40 au plus, codes séparés par des virgules (ex. primo_arrivant,allophone)");
            } else {
                codes.add(code);
            }
        }
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    private static boolean sameValue(String column, Object a, Object b) {
        return column.equals("quartier") ? a.toString().equalsIgnoreCase(b.toString()) : a.equals(b);
    }

    private static String shown(Object value) {
        return value instanceof Boolean b ? (b ? "oui" : "non") : value.toString();
    }

    private ImportResult merge(long centreId, int rows, ImportPhases phases) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        // the quartiers belong to territory: its service creates the missing ones at once, in this transaction; a name
        // written in several cases is created as first written in the file
        changes.put("quartier(s) créé(s)", quartiers.createMissing(centreId, jdbc.sql("""
                select quartier from stage_people where quartier is not null group by quartier order by min(line)""")
                .query(String.class).list()));
        phases.end("fusion quartiers");

        List<Boolean> households = jdbc.sql("""
                with h as (
                    select household_ref as ref, max(address) as address, max(postcode) as postcode,
                           max(commune) as commune, max(quartier) as quartier, bool_or(qpv) as qpv
                    from stage_people group by household_ref)
                insert into households as t (centre_id, ref, address, postcode, commune, quartier_id, qpv)
                select :centre, h.ref, h.address, h.postcode, h.commune, q.id, h.qpv
                from h left join territory_quartiers q on q.centre_id = :centre and lower(q.name) = lower(h.quartier)
                on conflict (centre_id, ref) where ref is not null do update set
                    address = coalesce(excluded.address, t.address), postcode = coalesce(excluded.postcode, t.postcode),
                    commune = coalesce(excluded.commune, t.commune),
                    quartier_id = coalesce(excluded.quartier_id, t.quartier_id), qpv = coalesce(excluded.qpv, t.qpv),
                    updated_at = now()
                where (t.address, t.postcode, t.commune, t.quartier_id, t.qpv) is distinct from
                      (coalesce(excluded.address, t.address), coalesce(excluded.postcode, t.postcode),
                       coalesce(excluded.commune, t.commune), coalesce(excluded.quartier_id, t.quartier_id),
                       coalesce(excluded.qpv, t.qpv))
                returning (xmax = 0)""").param("centre", centreId).query(Boolean.class).list();
        changes.put("foyer(s) créé(s)", count(households, true));
        changes.put("foyer(s) mis à jour", count(households, false));
        phases.end("fusion foyers");

        List<Boolean> persons = jdbc.sql("""
                insert into persons as t (centre_id, ref, last_name, first_name, sex, birth_date, phone, email, school,
                                          school_level, disability)
                select :centre, person_ref, last_name, first_name, sex, birth_date, phone, email, school, school_level,
                       disability
                from stage_people
                on conflict (centre_id, ref) where ref is not null do update set
                    last_name = excluded.last_name, first_name = excluded.first_name,
                    sex = coalesce(excluded.sex, t.sex), birth_date = coalesce(excluded.birth_date, t.birth_date),
                    phone = coalesce(excluded.phone, t.phone), email = coalesce(excluded.email, t.email),
                    school = coalesce(excluded.school, t.school),
                    school_level = coalesce(excluded.school_level, t.school_level),
                    disability = coalesce(excluded.disability, t.disability),
                    updated_at = now()
                where (t.last_name, t.first_name, t.sex, t.birth_date, t.phone, t.email, t.school, t.school_level,
                       t.disability) is distinct from
                      (excluded.last_name, excluded.first_name, coalesce(excluded.sex, t.sex),
                       coalesce(excluded.birth_date, t.birth_date), coalesce(excluded.phone, t.phone),
                       coalesce(excluded.email, t.email), coalesce(excluded.school, t.school),
                       coalesce(excluded.school_level, t.school_level), coalesce(excluded.disability, t.disability))
                returning (xmax = 0)""").param("centre", centreId).query(Boolean.class).list();
        changes.put("personne(s) créée(s)", count(persons, true));
        changes.put("personne(s) mise(s) à jour", count(persons, false));
        phases.end("fusion personnes");

        mergeFlags(centreId, changes);
        phases.end("fusion situations");

        changes.put("rattachement(s) à un foyer", jdbc.sql("""
                insert into household_members (centre_id, household_id, person_id, role, principal)
                select :centre, h.id, p.id, coalesce(s.role, 'autre'),
                       not exists (select 1 from household_members x where x.centre_id = :centre and x.person_id = p.id
                                   and x.principal and x.end_date is null)
                from stage_people s
                join households h on h.centre_id = :centre and h.ref = s.household_ref
                join persons p on p.centre_id = :centre and p.ref = s.person_ref
                where not exists (select 1 from household_members x where x.centre_id = :centre
                                  and x.household_id = h.id and x.person_id = p.id and x.end_date is null)""")
                .param("centre", centreId).update());
        changes.put("rôle(s) changé(s)", jdbc.sql("""
                update household_members x set role = s.role
                from stage_people s
                join households h on h.centre_id = :centre and h.ref = s.household_ref
                join persons p on p.centre_id = :centre and p.ref = s.person_ref
                where x.centre_id = :centre and x.household_id = h.id and x.person_id = p.id and x.end_date is null
                  and s.role is not null and x.role <> s.role""").param("centre", centreId).update());
        phases.end("fusion rattachements");

        changes.put("QF enregistré(s)", jdbc.sql("""
                insert into qf_history (centre_id, household_id, valid_from, amount_euros, source)
                select :centre, h.id, centre_today(:centre), s.qf, 'declare'
                from (select household_ref, max(qf) as qf from stage_people where qf is not null group by household_ref) s
                join households h on h.centre_id = :centre and h.ref = s.household_ref
                where s.qf is distinct from (select q.amount_euros from qf_history q
                                             where q.centre_id = :centre and q.household_id = h.id
                                             order by q.valid_from desc, q.id desc limit 1)""")
                .param("centre", centreId).update());
        phases.end("fusion QF");
        return new ImportResult(rows, changes);
    }

    /**
     * A non-empty flags cell gives the person's flags: the codes the centre lacks are created first (labelled by the
     * code made readable), then the person's set becomes exactly the cell's; an empty cell leaves it as it is.
     */
    private void mergeFlags(long centreId, Map<String, Integer> changes) {
        List<String> created = flags.createMissing(centreId, jdbc.sql("""
                select code from stage_people, unnest(string_to_array(flags, ',')) with ordinality as c(code, n)
                where flags is not null group by code order by min(line), min(n)""").query(String.class).list());
        changes.put("situation(s) créée(s)" + (created.isEmpty() ? "" : " (" + String.join(", ", created) + ")"),
                created.size());
        jdbc.sql("drop table if exists pg_temp.stage_people_flags").update();
        jdbc.sql("""
                create temp table stage_people_flags on commit drop as
                select p.id as person_id, f.id as flag_id
                from stage_people s
                join persons p on p.centre_id = :centre and p.ref = s.person_ref
                cross join unnest(string_to_array(s.flags, ',')) as c(code)
                join situation_flags f on f.centre_id = :centre and f.code = c.code
                where s.flags is not null""").param("centre", centreId).update();
        int removed = jdbc.sql("""
                delete from person_flags pf using stage_people s, persons p
                where s.flags is not null and p.centre_id = :centre and p.ref = s.person_ref
                  and pf.centre_id = :centre and pf.person_id = p.id
                  and not exists (select 1 from stage_people_flags x where x.person_id = pf.person_id
                                  and x.flag_id = pf.flag_id)""").param("centre", centreId).update();
        int added = jdbc.sql("""
                insert into person_flags (centre_id, person_id, flag_id)
                select :centre, person_id, flag_id from stage_people_flags
                on conflict do nothing""").param("centre", centreId).update();
        changes.put("situation(s) ajoutée(s) à une personne", added);
        changes.put("situation(s) retirée(s) d'une personne", removed);
        jdbc.sql("drop table stage_people_flags").update();
    }

    private static int count(List<Boolean> inserted, boolean value) {
        return (int) inserted.stream().filter(b -> b == value).count();
    }
}
