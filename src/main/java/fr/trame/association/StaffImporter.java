package fr.trame.association;

import fr.trame.csv.CentreImport;
import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static fr.trame.csv.CsvColumns.NAME;
import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * staff.csv (docs/formats.md): the employees and their contracts, one contract a line. {@code employee_ref} and
 * {@code contract_ref} are the file's references: a known one is updated, so re-importing the same file changes nothing.
 */
@Service
@Order(160)
public class StaffImporter implements CentreImport {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("employee_ref", REFERENCE).required("last_name", NAME).required("first_name", NAME)
            .required("contract_ref", REFERENCE).required("kind", SHORT).required("function", SHORT)
            .required("start_date", SHORT)
            .optional("sector", NAME).optional("weekly_hours", SHORT).optional("end_date", SHORT).optional("in_kind", SHORT)
            .optional("vacations", SHORT).optional("vacation_hours", SHORT).optional("diploma", NAME);

    private static final BigDecimal MAX_WEEKLY_HOURS = new BigDecimal("48");
    private static final BigDecimal MAX_VACATION_HOURS = new BigDecimal("99999");

    private record Line(long line, String employeeRef, String lastName, String firstName, String contractRef,
                        StaffService.NewContract contract) {
    }

    private final JdbcClient jdbc;

    public StaffImporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "staff";
    }

    @Override
    public String label() {
        return "Salariés et contrats (staff.csv)";
    }

    @Override
    public String columns() {
        return "employee_ref, last_name, first_name, contract_ref, kind (" + String.join(", ", StaffService.CONTRACTS)
                + "), function (" + String.join(", ", StaffService.FUNCTIONS) + "), start_date (obligatoires) ; "
                + "weekly_hours (obligatoire sauf cee), sector (nom d'un secteur du centre), end_date, in_kind (mad : valeur "
                + "annuelle en euros), vacations et vacation_hours (cee), diploma (stage, apprenti).";
    }

    @Override
    public boolean directionOnly() {
        return true;
    }

    @Override
    @Transactional
    public ImportResult importCsv(long centreId, InputStream in) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        Map<String, Long> sectors = new HashMap<>();
        jdbc.sql("select id, name from activities_sectors where centre_id = ?").param(centreId)
                .query((rs, n) -> sectors.put(key(rs.getString(2)), rs.getLong(1))).list();
        // who holds each contract reference already, to refuse moving a contract to someone else
        Map<String, String> holders = new HashMap<>();
        jdbc.sql("""
                select c.ref, e.ref from contracts c join employees e on e.centre_id = c.centre_id and e.id = c.employee_id
                where c.centre_id = ? and c.ref is not null""").param(centreId)
                .query((rs, n) -> holders.put(rs.getString(1), rs.getString(2))).list();
        Map<String, String[]> names = new HashMap<>();
        Map<String, Long> contractLines = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String employeeRef = row.required("employee_ref");
            String last = row.required("last_name");
            String first = row.required("first_name");
            if (employeeRef != null && last != null && first != null) {
                String[] seen = names.putIfAbsent(employeeRef, new String[] {last, first, String.valueOf(row.line())});
                if (seen != null && !(seen[0].equals(last) && seen[1].equals(first))) {
                    row.error("last_name", "le salarié « " + employeeRef + " » s'appelle « " + seen[1] + " " + seen[0]
                            + " » ligne " + seen[2] + " : un salarié a le même nom sur toutes ses lignes");
                }
            }
            String contractRef = row.required("contract_ref");
            if (contractRef != null) {
                Long before = contractLines.putIfAbsent(contractRef, row.line());
                if (before != null) {
                    row.error("contract_ref", "le contrat « " + contractRef + " » figure déjà ligne " + before
                            + " : une ligne par contrat");
                } else if (employeeRef != null && holders.containsKey(contractRef)
                        && !employeeRef.equals(holders.get(contractRef))) {
                    row.error("contract_ref", "le contrat « " + contractRef + " » est déjà celui d'un autre salarié (« "
                            + holders.get(contractRef) + " ») : un contrat ne change pas de salarié");
                }
            }
            String kind = row.required("kind");
            if (kind != null && !StaffService.CONTRACTS.contains(kind)) {
                row.error("kind", "type de contrat « " + kind + " » inconnu (attendu : "
                        + String.join(", ", StaffService.CONTRACTS) + ")");
                kind = null;
            }
            String function = row.required("function");
            if (function != null && !StaffService.FUNCTIONS.contains(function)) {
                row.error("function", "fonction « " + function + " » inconnue (attendu : "
                        + String.join(", ", StaffService.FUNCTIONS) + ")");
                function = null;
            }
            Long sector = null;
            String sectorName = row.text("sector");
            if (sectorName != null) {
                sector = sectors.get(key(sectorName));
                if (sector == null) {
                    row.error("sector", "secteur « " + sectorName + " » inconnu dans ce centre (créez-le ou importez d'abord"
                            + " activities.csv)");
                }
            }
            boolean cee = "cee".equals(kind);
            BigDecimal hours = FileValues.decimal(row, "weekly_hours", false, MAX_WEEKLY_HOURS);
            if (row.isEmpty("weekly_hours") && kind != null && !cee) {
                row.error("weekly_hours", "valeur obligatoire manquante (seul un contrat cee peut s'en passer)");
            }
            LocalDate start = row.date("start_date");
            row.required("start_date");
            LocalDate end = row.date("end_date");
            FileValues.endNotBefore(row, "end_date", start, end);
            Long inKind = FileValues.euros(row, "in_kind");
            Integer vacations = row.wholeNumber("vacations", 0);
            BigDecimal vacationHours = FileValues.decimal(row, "vacation_hours", true, MAX_VACATION_HOURS);
            String diploma = row.text("diploma");
            if (kind != null) {
                FileValues.onlyWhen(row, "in_kind", kind.equals("mad"), "la valeur en nature ne concerne que les mises à"
                        + " disposition (kind mad)");
                FileValues.onlyWhen(row, "vacations", cee, "les vacations ne concernent que les contrats d'engagement éducatif"
                        + " (kind cee)");
                FileValues.onlyWhen(row, "vacation_hours", cee, "les heures de vacation ne concernent que les contrats"
                        + " d'engagement éducatif (kind cee)");
                FileValues.onlyWhen(row, "diploma", kind.equals("stage") || kind.equals("apprenti"), "le diplôme préparé ne"
                        + " concerne que les stages et l'apprentissage (kind stage ou apprenti)");
            }
            lines.add(new Line(row.line(), employeeRef, last, first, contractRef, new StaffService.NewContract(kind, function,
                    sector, hours, start, end, inKind, vacations, vacationHours, diploma)));
        }
        table.throwIfErrors();

        Map<String, Integer> changes = new LinkedHashMap<>();
        Set<String> employeesDone = new HashSet<>();
        int employeesCreated = 0;
        int employeesUpdated = 0;
        int contractsCreated = 0;
        int contractsUpdated = 0;
        for (Line l : lines) {
            if (employeesDone.add(l.employeeRef())) {
                List<Boolean> written = jdbc.sql("""
                        insert into employees (centre_id, ref, last_name, first_name) values (?, ?, ?, ?)
                        on conflict (centre_id, ref) do update set last_name = excluded.last_name, first_name = excluded.first_name
                        where (employees.last_name, employees.first_name) is distinct from (excluded.last_name, excluded.first_name)
                        returning xmax = 0""").params(centreId, l.employeeRef(), l.lastName(), l.firstName())
                        .query(Boolean.class).list();
                employeesCreated += written.stream().filter(b -> b).count();
                employeesUpdated += written.stream().filter(b -> !b).count();
            }
            StaffService.NewContract c = l.contract();
            List<Boolean> written = jdbc.sql("""
                    insert into contracts (centre_id, ref, employee_id, kind, function, sector_id, weekly_hours, start_date,
                                           end_date, in_kind_cents, vacations, vacation_hours, diploma)
                    values (:centre, :ref, (select e.id from employees e where e.centre_id = :centre and e.ref = :employee),
                            :kind, :function, :sector, :hours, :start, :end, :inKind, :vacations, :vacationHours, :diploma)
                    on conflict (centre_id, ref) do update set kind = excluded.kind, function = excluded.function,
                        sector_id = excluded.sector_id, weekly_hours = excluded.weekly_hours, start_date = excluded.start_date,
                        end_date = excluded.end_date, in_kind_cents = excluded.in_kind_cents, vacations = excluded.vacations,
                        vacation_hours = excluded.vacation_hours, diploma = excluded.diploma
                    where (contracts.kind, contracts.function, contracts.sector_id, contracts.weekly_hours, contracts.start_date,
                           contracts.end_date, contracts.in_kind_cents, contracts.vacations, contracts.vacation_hours,
                           contracts.diploma)
                          is distinct from (excluded.kind, excluded.function, excluded.sector_id, excluded.weekly_hours,
                           excluded.start_date, excluded.end_date, excluded.in_kind_cents, excluded.vacations,
                           excluded.vacation_hours, excluded.diploma)
                    returning xmax = 0""")
                    .param("centre", centreId).param("ref", l.contractRef()).param("employee", l.employeeRef())
                    .param("kind", c.kind()).param("function", c.function()).param("sector", c.sectorId())
                    .param("hours", c.weeklyHours()).param("start", c.startDate()).param("end", c.endDate())
                    .param("inKind", c.inKindCents()).param("vacations", c.vacations())
                    .param("vacationHours", c.vacationHours()).param("diploma", c.diploma())
                    .query(Boolean.class).list();
            contractsCreated += written.stream().filter(b -> b).count();
            contractsUpdated += written.stream().filter(b -> !b).count();
        }
        changes.put("salarié(s) créé(s)", employeesCreated);
        changes.put("salarié(s) mis à jour", employeesUpdated);
        changes.put("contrat(s) créé(s)", contractsCreated);
        changes.put("contrat(s) mis à jour", contractsUpdated);
        return new ImportResult(lines.size(), changes);
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
