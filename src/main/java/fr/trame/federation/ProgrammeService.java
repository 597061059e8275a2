package fr.trame.federation;

import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The federation's programmes: their funders, the structures taking part and their projects, and the table by
 * département. One definition of each figure: structures are DISTINCT structures having at least one project of the
 * programme, projects are counted once each, amounts are the projects' amounts.
 */
@Service
public class ProgrammeService {

    public static final Set<String> KINDS = Set.of("numerique", "retraite", "sante", "vacances", "autre");
    public static final List<String> THEMES = List.of("nutrition", "prevention_cancer", "numerique", "acces_droits",
            "bien_vieillir", "vacances", "autre");

    public record Programme(long id, String name, String kind, int startYear, int endYear, String description,
                            long funded, int participants, int structures, int projects, long amount) {
        public String period() {
            return startYear == endYear ? String.valueOf(startYear) : startYear + "–" + endYear;
        }
    }

    public record Funder(long id, String funder, long amount) {
    }

    public record Participant(long structureId, String name, String departement, Long territoryId, String territory,
                              LocalDate since, int projects, long amount) {
    }

    public record Project(long id, long structureId, String structure, String departement, Long territoryId,
                          String title, String theme, long amount) {
    }

    public record NewProgramme(String name, String kind, int startYear, int endYear, String description) {
    }

    public record NewProject(long structureId, String title, String theme, long amount) {
    }

    /** One cell group of the table: for a département (null: all) and a theme (null: all themes). */
    public record Cell(String departement, String theme, int structures, int projects, long amount) {
    }

    /** The table by département: its columns (the départements then the total) and its cells. */
    public record Table(List<String> departements, Map<String, Cell> cells, List<String> themes) {
        public Cell cell(String departement, String theme) {
            Cell c = cells.get(key(departement, theme));
            return c != null ? c : new Cell(departement, theme, 0, 0, 0);
        }

        static String key(String departement, String theme) {
            return (departement == null ? "*" : departement) + "|" + (theme == null ? "*" : theme);
        }
    }

    private static final String SUMMARY = """
            select p.id, p.name, p.kind, p.start_year, p.end_year, p.description,
                   coalesce((select sum(f.amount_cents) from programme_funders f
                             where f.federation_id = p.federation_id and f.programme_id = p.id), 0) as funded,
                   (select count(*) from programme_participants pa
                    where pa.federation_id = p.federation_id and pa.programme_id = p.id) as participants,
                   (select count(distinct pr.structure_id) from programme_projects pr
                    where pr.federation_id = p.federation_id and pr.programme_id = p.id) as structures,
                   (select count(*) from programme_projects pr
                    where pr.federation_id = p.federation_id and pr.programme_id = p.id) as projects,
                   coalesce((select sum(pr.amount_cents) from programme_projects pr
                             where pr.federation_id = p.federation_id and pr.programme_id = p.id), 0) as amount
            from programmes p where p.federation_id = :federation""";

    private final JdbcClient jdbc;

    public ProgrammeService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Programme> list(long federationId) {
        return jdbc.sql(SUMMARY + " order by p.start_year desc, lower(p.name)").param("federation", federationId)
                .query(Programme.class).list();
    }

    public Programme get(long federationId, long programmeId) {
        return jdbc.sql(SUMMARY + " and p.id = :id").param("federation", federationId).param("id", programmeId)
                .query(Programme.class).optional()
                .orElseThrow(() -> new NotFound("Ce programme n'existe pas dans cette fédération."));
    }

    public long create(long federationId, NewProgramme p) {
        try {
            return jdbc.sql("""
                    insert into programmes (federation_id, name, kind, start_year, end_year, description)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(federationId, p.name().trim(), p.kind(), p.startYear(), p.endYear(), p.description())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new Refused("name", "Un programme « " + p.name().trim() + " » commence déjà en " + p.startYear() + ".");
        }
    }

    public List<Funder> funders(long federationId, long programmeId) {
        return jdbc.sql("""
                select id, funder, amount_cents as amount from programme_funders
                where federation_id = ? and programme_id = ? order by amount_cents desc, lower(funder)""")
                .params(federationId, programmeId).query(Funder.class).list();
    }

    public void addFunder(long federationId, long programmeId, String funder, long amount) {
        get(federationId, programmeId);
        jdbc.sql("insert into programme_funders (federation_id, programme_id, funder, amount_cents) values (?, ?, ?, ?)")
                .params(federationId, programmeId, funder.trim(), amount).update();
    }

    /** The participants, with their projects' count and amount. */
    public List<Participant> participants(long federationId, long programmeId) {
        return jdbc.sql("""
                select s.id as structure_id, s.name, s.departement, s.territory_id, t.name as territory, pa.since,
                       count(pr.id) as projects, coalesce(sum(pr.amount_cents), 0) as amount
                from programme_participants pa
                join structures s on s.federation_id = pa.federation_id and s.id = pa.structure_id
                left join territories t on t.federation_id = s.federation_id and t.id = s.territory_id
                left join programme_projects pr on pr.federation_id = pa.federation_id and pr.programme_id = pa.programme_id
                     and pr.structure_id = pa.structure_id
                where pa.federation_id = ? and pa.programme_id = ?
                group by s.id, s.name, s.departement, s.territory_id, t.name, pa.since
                order by s.departement, lower(s.name)""")
                .params(federationId, programmeId).query(Participant.class).list();
    }

    /** The projects, of one département and one theme when given: the records behind a cell of the table. */
    public List<Project> projects(long federationId, long programmeId, String departement, String theme) {
        return jdbc.sql("""
                select pr.id, s.id as structure_id, s.name as structure, s.departement, s.territory_id, pr.title,
                       pr.theme, pr.amount_cents as amount
                from programme_projects pr
                join structures s on s.federation_id = pr.federation_id and s.id = pr.structure_id
                where pr.federation_id = :federation and pr.programme_id = :programme
                  and (cast(:departement as text) is null or s.departement = :departement)
                  and (cast(:theme as text) is null or pr.theme = :theme)
                order by s.departement, lower(s.name), pr.id""")
                .param("federation", federationId).param("programme", programmeId)
                .param("departement", departement).param("theme", theme)
                .query(Project.class).list();
    }

    public record StructureLine(long id, String name, String departement, int projects, long amount) {
    }

    /** The DISTINCT structures behind a cell of the table: those with a project of that département and theme. */
    public List<StructureLine> structuresWithProjects(long federationId, long programmeId, String departement, String theme) {
        return jdbc.sql("""
                select s.id, s.name, s.departement, count(*) as projects, sum(pr.amount_cents) as amount
                from programme_projects pr
                join structures s on s.federation_id = pr.federation_id and s.id = pr.structure_id
                where pr.federation_id = :federation and pr.programme_id = :programme
                  and (cast(:departement as text) is null or s.departement = :departement)
                  and (cast(:theme as text) is null or pr.theme = :theme)
                group by s.id, s.name, s.departement
                order by s.departement, lower(s.name)""")
                .param("federation", federationId).param("programme", programmeId)
                .param("departement", departement).param("theme", theme)
                .query(StructureLine.class).list();
    }

    /** A structure takes part (again: nothing changes when it already does). */
    public void addParticipant(long federationId, long programmeId, long structureId, LocalDate since) {
        get(federationId, programmeId);
        jdbc.sql("""
                insert into programme_participants (federation_id, programme_id, structure_id, since)
                select s.federation_id, ?, s.id, ? from structures s where s.federation_id = ? and s.id = ?
                on conflict do nothing""").params(programmeId, since, federationId, structureId).update();
    }

    /** A project of a structure, which takes part in the programme from then on if it did not already. */
    @Transactional
    public long addProject(long federationId, long programmeId, NewProject p, LocalDate today) {
        addParticipant(federationId, programmeId, p.structureId(), today);
        Integer takesPart = jdbc.sql("""
                select 1 from programme_participants where federation_id = ? and programme_id = ? and structure_id = ?""")
                .params(federationId, programmeId, p.structureId()).query(Integer.class).optional().orElse(null);
        if (takesPart == null) {
            throw new NotFound("Cette structure n'existe pas dans cette fédération.");
        }
        return jdbc.sql("""
                insert into programme_projects (federation_id, programme_id, structure_id, title, theme, amount_cents)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(federationId, programmeId, p.structureId(), p.title().trim(), p.theme(), p.amount())
                .query(Long.class).single();
    }

    /** Many projects at once (the demonstration, an import): structures taking part as needed. */
    @Transactional
    public void addProjects(long federationId, long programmeId, List<NewProject> projects, LocalDate since) {
        for (NewProject p : projects) {
            jdbc.sql("""
                    insert into programme_participants (federation_id, programme_id, structure_id, since)
                    values (?, ?, ?, ?) on conflict do nothing""").params(federationId, programmeId, p.structureId(), since).update();
        }
        for (NewProject p : projects) {
            jdbc.sql("""
                    insert into programme_projects (federation_id, programme_id, structure_id, title, theme, amount_cents)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(federationId, programmeId, p.structureId(), p.title(), p.theme(), p.amount()).update();
        }
    }

    /**
     * The table by département, computed in one query: for each département and in total, DISTINCT structures with
     * at least one project, projects, amounts; the same for each theme.
     */
    public Table table(long federationId, long programmeId) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        Set<String> departements = new TreeSet<>();
        Set<String> themes = new TreeSet<>((a, b) -> THEMES.indexOf(a) - THEMES.indexOf(b));
        jdbc.sql("""
                select s.departement, pr.theme, count(distinct pr.structure_id) as structures, count(*) as projects,
                       sum(pr.amount_cents) as amount
                from programme_projects pr
                join structures s on s.federation_id = pr.federation_id and s.id = pr.structure_id
                where pr.federation_id = ? and pr.programme_id = ?
                group by grouping sets ((s.departement, pr.theme), (s.departement), (pr.theme), ())""")
                .params(federationId, programmeId)
                .query((rs, n) -> new Cell(rs.getString("departement"), rs.getString("theme"), rs.getInt("structures"),
                        rs.getInt("projects"), rs.getLong("amount")))
                .list().forEach(c -> {
                    cells.put(Table.key(c.departement(), c.theme()), c);
                    if (c.departement() != null) {
                        departements.add(c.departement());
                    }
                    if (c.theme() != null) {
                        themes.add(c.theme());
                    }
                });
        return new Table(new ArrayList<>(departements), cells, new ArrayList<>(themes));
    }
}
