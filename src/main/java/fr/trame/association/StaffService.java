package fr.trame.association;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The team: employees, their contracts (one ETP is the centre's full-time weekly hours) and their training days. */
@Service
public class StaffService {

    public static final List<String> CONTRACTS = List.of("cdi", "cdd", "cdii", "mad", "apprenti", "service_civique",
            "adulte_relais", "cee", "contrat_aide", "stage");
    public static final List<String> FUNCTIONS = List.of("direction", "accueil", "referente_famille", "animateur",
            "coordinateur", "comptable", "secretariat", "conseiller_numerique", "agent_entretien", "autre");

    public record Contract(long id, long employeeId, String employee, String kind, String function, String sector,
                           BigDecimal weeklyHours, LocalDate startDate, LocalDate endDate, Long inKindCents, BigDecimal etp,
                           Integer vacations, BigDecimal vacationHours, String diploma) {
    }

    /**
     * A contract to record. {@code weeklyHours} may be null for a CEE only (a vacataire is counted by vacations and
     * hours); {@code diploma} is what a trainee or an apprentice prepares.
     */
    public record NewContract(String kind, String function, Long sectorId, BigDecimal weeklyHours, LocalDate startDate,
                              LocalDate endDate, Long inKindCents, Integer vacations, BigDecimal vacationHours, String diploma) {

        public NewContract(String kind, String function, Long sectorId, BigDecimal weeklyHours, LocalDate startDate,
                           LocalDate endDate, Long inKindCents) {
            this(kind, function, sectorId, weeklyHours, startDate, endDate, inKindCents, null, null, null);
        }
    }

    public record Training(long id, String employee, LocalDate date, BigDecimal days, String title) {
    }

    private final JdbcClient jdbc;

    public StaffService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contracts running at some point of the year, with their ETP on the centre's full-time basis. */
    public List<Contract> contracts(long centreId, int year) {
        return jdbc.sql(CONTRACTS_SELECT + " " + """
                 where c.centre_id = :centre and c.start_date <= make_date(:year, 12, 31)
                   and (c.end_date is null or c.end_date >= make_date(:year, 1, 1))
                 order by array_position(array['direction','coordinateur','referente_famille','accueil','conseiller_numerique',
                          'animateur','comptable','secretariat','agent_entretien','autre'], c.function),
                          lower(e.last_name), c.start_date""")
                .param("centre", centreId).param("year", year).query(Contract.class).list();
    }

    private static final String CONTRACTS_SELECT = """
            select c.id, c.employee_id, e.first_name || ' ' || e.last_name as employee, c.kind, c.function,
                   (select s.name from activities_sectors s where s.centre_id = c.centre_id and s.id = c.sector_id) as sector,
                   c.weekly_hours, c.start_date, c.end_date, c.in_kind_cents,
                   round(c.weekly_hours / coalesce((select full_time_hours from association_settings st
                                                    where st.centre_id = c.centre_id), 35), 2) as etp,
                   c.vacations, c.vacation_hours, c.diploma
            from contracts c join employees e on e.centre_id = c.centre_id and e.id = c.employee_id""";

    @Transactional
    public long hire(long centreId, String lastName, String firstName, NewContract contract) {
        long employee = jdbc.sql("insert into employees (centre_id, last_name, first_name) values (?, ?, ?) returning id")
                .params(centreId, lastName, firstName).query(Long.class).single();
        addContract(centreId, employee, contract);
        return employee;
    }

    public long addContract(long centreId, long employeeId, NewContract c) {
        return jdbc.sql("""
                insert into contracts (centre_id, employee_id, kind, function, sector_id, weekly_hours, start_date, end_date, in_kind_cents,
                                       vacations, vacation_hours, diploma)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centreId, employeeId, c.kind(), c.function(), c.sectorId(), c.weeklyHours(), c.startDate(), c.endDate(),
                        c.inKindCents(), c.vacations(), c.vacationHours(), c.diploma()).query(Long.class).single();
    }

    public boolean endContract(long centreId, long contractId, LocalDate end) {
        return 0 < jdbc.sql("update contracts set end_date = greatest(start_date, ?) where centre_id = ? and id = ?")
                .params(end, centreId, contractId).update();
    }

    public Optional<String> employeeName(long centreId, long employeeId) {
        return jdbc.sql("select first_name || ' ' || last_name from employees where centre_id = ? and id = ?")
                .params(centreId, employeeId).query(String.class).optional();
    }

    /** Everyone who has a contract with the centre, for the training form. */
    public List<Map<String, Object>> employees(long centreId) {
        return jdbc.sql("select id, first_name || ' ' || last_name as name from employees where centre_id = ?"
                        + " order by lower(last_name), lower(first_name)")
                .param(centreId).query().listOfRows();
    }

    public void addTraining(long centreId, long employeeId, LocalDate date, BigDecimal days, String title) {
        jdbc.sql("insert into trainings (centre_id, employee_id, date, days, title) values (?, ?, ?, ?, ?)")
                .params(centreId, employeeId, date, days, title).update();
    }

    public List<Training> trainings(long centreId, int year) {
        return jdbc.sql("""
                select t.id, e.first_name || ' ' || e.last_name as employee, t.date, t.days, t.title
                from trainings t join employees e on e.centre_id = t.centre_id and e.id = t.employee_id
                where t.centre_id = ? and extract(year from t.date) = ? order by t.date desc""")
                .params(centreId, year).query(Training.class).list();
    }
}
