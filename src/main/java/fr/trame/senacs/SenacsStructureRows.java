package fr.trame.senacs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Writes a structure's return as the federation keeps it (senacs_structure_returns and answers), values already in
 * {@link AnswerFormat}'s form, without the checks of the entry page: for fixtures and the benchmark, which make
 * many returns at once.
 */
@Component
public class SenacsStructureRows {

    private final JdbcClient jdbc;
    private final SenacsCampaigns campaigns;

    public SenacsStructureRows(JdbcClient jdbc, SenacsCampaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    /** Writes (replaces) the return of a structure for a year in a state (brouillon, soumis, controle, rouvert). */
    @Transactional
    public void write(long federationId, long structureId, int year, String state, Map<String, String> values) {
        jdbc.sql("""
                insert into senacs_structure_returns (federation_id, structure_id, year, campaign_id, state)
                values (?, ?, ?, ?, ?)
                on conflict (federation_id, structure_id, year) do update set state = excluded.state, updated_at = now()""")
                .params(federationId, structureId, year, campaigns.forYear(year).id(), state).update();
        jdbc.sql("delete from senacs_structure_answers where federation_id = ? and structure_id = ? and year = ?")
                .params(federationId, structureId, year).update();
        List<String> codes = List.copyOf(values.keySet());
        jdbc.sql("""
                insert into senacs_structure_answers (federation_id, structure_id, year, question_code, value)
                select ?, ?, ?, c, v from unnest(?::text[], ?::text[]) as x (c, v)""")
                .params(federationId, structureId, year, codes.toArray(String[]::new),
                        codes.stream().map(values::get).toArray(String[]::new))
                .update();
    }

    /** How many answers the federation keeps for its structures, all years. */
    public long count(long federationId) {
        return jdbc.sql("select count(*) from senacs_structure_answers where federation_id = ?").param(federationId)
                .query(Long.class).single();
    }
}
