package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.centre.Role;
import fr.trame.centre.UserService;
import fr.trame.reception.ThemeService;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the simulated staff of one centre work on: its households, the names they type, the sessions whose sheet they
 * tap, a theme for the contacts they record, and their own accounts.
 */
record LoadPlan(String centreCode, List<Long> households, List<String> names, List<Sheet> sheets, List<Long> persons,
                String theme, List<Staff> staff) {

    /** A session's sheet and the persons on it. */
    record Sheet(long sessionId, List<Long> persons) {
    }

    /** One account; its role decides its mix of pages (see {@link LoadGenerator}). */
    record Staff(String username, String password, Role role) {
    }

    /** The roles of the staff in turn: of every five, two at the counter, two running activities, one of the direction. */
    private static final List<Role> ROLES = List.of(Role.ACCUEIL, Role.ANIMATEUR, Role.DIRECTION, Role.ACCUEIL, Role.ANIMATEUR);

    /**
     * Reads the centre's data through the published views and creates {@code staff} accounts on it (usernames
     * {@code charge-<n>-<role>-<random>}), each with the role of its turn and a random password.
     */
    static LoadPlan of(JdbcClient jdbc, UserService users, ThemeService themes, Centre centre, int staff) {
        long c = centre.id();
        List<Long> households = jdbc.sql("select id from people_households where centre_id = ? order by random() limit 2000")
                .param(c).query(Long.class).list();
        List<String> names = jdbc.sql("select last_name from people_persons where centre_id = ? order by random() limit 1000")
                .param(c).query(String.class).list();
        List<Long> persons = jdbc.sql("select id from people_persons where centre_id = ? order by random() limit 2000")
                .param(c).query(Long.class).list();
        // the sheets of the day, else of the latest days: those are the ones tapped
        List<Long> sessions = jdbc.sql("""
                select id from activities_sessions where centre_id = ? and cancelled_reason is null and date <= ?
                order by date desc, id limit 30""").params(c, LocalDate.now()).query(Long.class).list();
        List<Sheet> sheets = new ArrayList<>();
        for (long session : sessions) {
            List<Long> onSheet = jdbc.sql("""
                    select e.person_id from activities_enrolments e
                    join activities_sessions s on s.centre_id = e.centre_id and s.activity_id = e.activity_id
                    where s.centre_id = ? and s.id = ? order by e.person_id limit 40""")
                    .params(c, session).query(Long.class).list();
            if (!onSheet.isEmpty()) {
                sheets.add(new Sheet(session, onSheet));
            }
        }
        if (households.isEmpty() || names.isEmpty() || sheets.isEmpty()) {
            throw new IllegalStateException("Le centre " + centre.code() + " n'a pas de foyers, ou pas de séance avec des "
                    + "inscrits : pas de charge possible.");
        }
        String theme = themes.list(c).get(0).code();
        SecureRandom random = new SecureRandom();
        String run = HexFormat.of().formatHex(random.generateSeed(3));
        List<Staff> accounts = new ArrayList<>();
        for (int i = 0; i < staff; i++) {
            Role role = ROLES.get(i % ROLES.size());
            String username = "charge-" + i + "-" + role.code() + "-" + run;
            String password = HexFormat.of().formatHex(random.generateSeed(12));
            long id = users.create(username, "Charge " + i + " (" + role.label() + ")", password, false);
            users.setRole(id, c, role);
            accounts.add(new Staff(username, password, role));
        }
        return new LoadPlan(centre.code(), households, names, sheets, persons, theme, List.copyOf(accounts));
    }
}
