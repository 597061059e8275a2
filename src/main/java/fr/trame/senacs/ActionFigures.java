package fr.trame.senacs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions by SENACS theme, the access-to-rights figures of reception, and the kind of the federation structure the
 * centre is. The theme of an activity is derived by the rule of {@link #THEMES} (docs/senacs.md); an activity may fall
 * in several themes (an ACM for 6-11 is enfance once).
 */
@Component
class ActionFigures implements FigureSource {

    static final List<String> THEME_CODES = List.of("petite_enfance", "enfance", "jeunesse", "familles", "scolarite",
            "acces_droits", "numerique", "linguistique", "insertion", "culture", "sante", "sejours");

    /** Each activity of the centre with the SENACS themes its kind, public, ages, sector and name give it. */
    static final String THEMES = """
            themed as (
                select a.id as activity_id, t.theme
                from activities_activities a
                join activities_sectors s on s.centre_id = a.centre_id and s.id = a.sector_id
                cross join lateral (values (lower(s.name || ' ' || a.name))) w(words)
                cross join lateral (values
                    ('petite_enfance', a.public = 'Petite enfance' or a.age_max <= 5),
                    ('enfance', a.kind = 'acm' or a.public = 'Enfance' or (a.age_min >= 6 and a.age_max <= 11)),
                    ('jeunesse', a.public = 'Jeunesse' or (a.age_min >= 12 and a.age_max <= 25)),
                    ('familles', a.public = 'familles' or w.words ~ '(famil|parentalit)'),
                    ('scolarite', a.kind = 'accompagnement_scolaire'),
                    ('acces_droits', a.kind = 'permanence' or w.words ~ '(droits|accès aux droits)'),
                    ('numerique', w.words ~ '(numérique|numerique|informatique)'),
                    ('linguistique', w.words ~ '(\\mfle\\M|\\masl\\M|alpha|linguisti)'),
                    ('insertion', w.words ~ '(insertion|emploi)'),
                    ('culture', w.words ~ '(cultur)'),
                    ('sante', w.words ~ '(santé|sante)'),
                    ('sejours', a.kind = 'sejour')) t(theme, holds)
                where a.centre_id = :centre and t.holds)""";

    private final JdbcClient jdbc;

    ActionFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> figures() {
        Set<String> figures = new HashSet<>(Set.of("droits.informed", "droits.accompanied", "structure.kind"));
        for (String theme : THEME_CODES) {
            figures.add("actions." + theme + ".exists");
            figures.add("actions." + theme + ".count");
            figures.add("actions." + theme + ".persons");
        }
        return figures;
    }

    @Override
    public Map<String, Computed> compute(long centreId, LocalDate from, LocalDate to, Set<String> wanted) {
        Map<String, Object> params = Map.of("centre", centreId, "from", from, "to", to);
        Map<String, Computed> values = new HashMap<>();
        THEME_CODES.forEach(theme -> {
            values.put("actions." + theme + ".exists", new Computed("non", null));
            values.put("actions." + theme + ".count", new Computed("0", null));
            values.put("actions." + theme + ".persons", new Computed("0", null));
        });
        // activities of a theme with a session held in the year, and the distinct persons present in those sessions
        jdbc.sql("with " + THEMES + """
                ,
                held as (
                    select se.id, se.activity_id from activities_sessions se
                    where se.centre_id = :centre and se.cancelled_reason is null and se.date between :from and :to)
                select t.theme, count(distinct h.activity_id) as activities, count(distinct m.person_id) as persons
                from themed t
                join held h on h.activity_id = t.activity_id
                left join attendance_marks m on m.centre_id = :centre and m.session_id = h.id and m.status = 'present'
                group by t.theme""").params(params).query((rs, n) -> {
                    String theme = rs.getString("theme");
                    values.put("actions." + theme + ".exists", new Computed("oui", null));
                    values.put("actions." + theme + ".count", new Computed(Long.toString(rs.getLong("activities")), null));
                    values.put("actions." + theme + ".persons", new Computed(Long.toString(rs.getLong("persons")), null));
                    return theme;
                }).list();
        // a case file active on at least one day of the year; informed: a contact in the year and no such case file
        jdbc.sql("""
                with accompanied as (
                    select distinct person_id from reception_cases
                    where centre_id = :centre and person_id is not null
                      and opened_on <= :to and (closed_on is null or closed_on >= :from)),
                informed as (
                    select distinct c.person_id from reception_contacts c
                    where c.centre_id = :centre and c.person_id is not null and c.date between :from and :to
                      and (c.status is null or c.status = 'honore')
                      and c.person_id not in (select person_id from accompanied))
                select (select count(*) from informed) as informed, (select count(*) from accompanied) as accompanied""")
                .params(params).query((rs, n) -> {
                    values.put("droits.informed", new Computed(Long.toString(rs.getLong("informed")), null));
                    values.put("droits.accompanied", new Computed(Long.toString(rs.getLong("accompanied")), null));
                    return 0;
                }).single();
        jdbc.sql("select kind from federation_structures where centre_id = :centre order by federation_id, id limit 1")
                .param("centre", centreId).query(String.class).optional()
                .ifPresent(kind -> values.put("structure.kind", new Computed(kind, null)));
        values.keySet().retainAll(wanted);
        return values;
    }
}
