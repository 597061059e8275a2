package fr.trame.training;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * A whole year of registrations, signed attendance and evaluations written at once, for the demonstration (which owns
 * no table): the same rows {@link TrainingService#register} and the sign-in sheet write one by one, for sessions of the
 * federation only.
 */
@Service
public class TrainingDemoWriter {

    /**
     * One person in one session. {@code presentMask}: bit n set when present at the session's n-th half-day (by day,
     * morning first); {@code satisfaction} null: no evaluation written (positioning and acquired go with it).
     */
    public record Trainee(long sessionId, Long structureId, String lastName, String firstName, String quality, String source,
                          Long sourceId, String state, boolean viaCentre, int presentMask, Integer positioning,
                          Integer acquired, Integer satisfaction) {
    }

    /** A person of a Trame centre's records: an employee (salarie) or a volunteer (benevole), by its id there. */
    public record CentrePerson(String source, long sourceId, String lastName, String firstName) {
    }

    private final JdbcClient jdbc;

    public TrainingDemoWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the registrations, then the presences and evaluations of those that have them; returns how many
     * registrations. All of them are of the federation's sessions and structures, or none is written.
     */
    @Transactional
    public int write(long federationId, List<Trainee> trainees) {
        int n = trainees.size();
        Long[] sessions = new Long[n];
        Long[] structures = new Long[n];
        String[] lasts = new String[n];
        String[] firsts = new String[n];
        String[] qualities = new String[n];
        String[] sources = new String[n];
        Long[] sourceIds = new Long[n];
        String[] states = new String[n];
        Boolean[] viaCentre = new Boolean[n];
        Integer[] masks = new Integer[n];
        Integer[] positionings = new Integer[n];
        Integer[] acquired = new Integer[n];
        Integer[] satisfactions = new Integer[n];
        for (int i = 0; i < n; i++) {
            Trainee t = trainees.get(i);
            sessions[i] = t.sessionId();
            structures[i] = t.structureId();
            lasts[i] = t.lastName();
            firsts[i] = t.firstName();
            qualities[i] = t.quality();
            sources[i] = t.source();
            sourceIds[i] = t.sourceId();
            states[i] = t.state();
            viaCentre[i] = t.viaCentre();
            masks[i] = t.presentMask();
            positionings[i] = t.positioning();
            acquired[i] = t.acquired();
            satisfactions[i] = t.satisfaction();
        }
        String given = """
                with x as (
                    select * from unnest(cast(:sessions as bigint[]), cast(:structures as bigint[]), cast(:lasts as text[]),
                                         cast(:firsts as text[]), cast(:qualities as text[]), cast(:sources as text[]),
                                         cast(:sourceIds as bigint[]), cast(:states as text[]), cast(:via as boolean[]),
                                         cast(:masks as int[]), cast(:positionings as int[]), cast(:acquired as int[]),
                                         cast(:satisfactions as int[]))
                        with ordinality as x(session_id, structure_id, last_name, first_name, quality, source, source_id,
                                             state, via_centre, mask, positioning, acquired, satisfaction, n)
                    -- only the federation's sessions, and structures
                    where exists (select 1 from training_sessions s where s.federation_id = :f and s.id = x.session_id)
                      and (x.structure_id is null or exists (select 1 from federation_structures st
                                                             where st.federation_id = :f and st.id = x.structure_id)))
                """;
        // identities are drawn in the order the rows are inserted, here the trainees' order
        List<Long> ids = jdbc.sql(given + """
                insert into training_registrations (federation_id, session_id, structure_id, last_name, first_name, quality,
                                                    source, source_id, state, via_centre, registered_at, cancelled_at)
                select :f, session_id, structure_id, last_name, first_name, quality, source, source_id, state, via_centre,
                       now() + n * interval '1 microsecond', case when state = 'annule' then now() end
                from x order by n
                returning id""")
                .param("f", federationId).param("sessions", sessions).param("structures", structures).param("lasts", lasts)
                .param("firsts", firsts).param("qualities", qualities).param("sources", sources).param("sourceIds", sourceIds)
                .param("states", states).param("via", viaCentre).param("masks", masks).param("positionings", positionings)
                .param("acquired", acquired).param("satisfactions", satisfactions).query(Long.class).list()
                .stream().sorted().toList();
        if (ids.size() != n) {
            throw new IllegalArgumentException("Inscriptions à des sessions ou structures d'une autre fédération.");
        }
        Long[] registrations = ids.toArray(new Long[0]);
        jdbc.sql("""
                insert into training_presences (federation_id, registration_id, half_day_id)
                select :f, x.registration_id, h.id
                from unnest(cast(:registrations as bigint[]), cast(:sessions as bigint[]), cast(:states as text[]),
                            cast(:masks as int[])) as x(registration_id, session_id, state, mask)
                join (select id, session_id, row_number() over (partition by session_id
                             order by day, case period when 'matin' then 0 else 1 end) - 1 as k
                      from training_half_days where federation_id = :f and session_id = any(cast(:sessions as bigint[]))) h
                     on h.session_id = x.session_id
                where x.state <> 'annule' and (x.mask >> cast(h.k as int)) & 1 = 1""")
                .param("f", federationId).param("registrations", registrations).param("sessions", sessions)
                .param("states", states).param("masks", masks).update();
        jdbc.sql("""
                insert into training_evaluations (federation_id, registration_id, positioning, acquired, satisfaction)
                select :f, registration_id, positioning, acquired, satisfaction
                from unnest(cast(:registrations as bigint[]), cast(:states as text[]), cast(:positionings as int[]),
                            cast(:acquired as int[]), cast(:satisfactions as int[]))
                     as x(registration_id, state, positioning, acquired, satisfaction)
                where state <> 'annule' and satisfaction is not null""")
                .param("f", federationId).param("registrations", registrations).param("states", states)
                .param("positionings", positionings).param("acquired", acquired).param("satisfactions", satisfactions).update();
        int written = n;
        return written;
    }

    /**
     * The employees and volunteers in the records of the Trame centre a structure of the federation is, if it is one:
     * whom a centre would pick when registering its people.
     */
    public List<CentrePerson> centrePeople(long federationId, long structureId) {
        return jdbc.sql("""
                select 'salarie' as source, e.id as source_id, e.last_name, e.first_name
                from federation_structures st
                join association_employees e on e.centre_id = st.centre_id
                where st.federation_id = :f and st.id = :s
                union all
                select 'benevole', v.id, p.last_name, p.first_name
                from federation_structures st
                join association_volunteers v on v.centre_id = st.centre_id and v.end_date is null
                join people_persons p on p.centre_id = v.centre_id and p.id = v.person_id and p.anonymised_at is null
                where st.federation_id = :f and st.id = :s
                order by 1, 2""")
                .param("f", federationId).param("s", structureId).query(CentrePerson.class).list();
    }
}
