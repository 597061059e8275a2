package fr.trame.senacs;

import fr.trame.csv.CsvColumns;
import fr.trame.csv.CsvTable;
import fr.trame.csv.ImportResult;
import fr.trame.federation.FederationScope;
import fr.trame.form.FieldErrors;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.trame.csv.CsvColumns.REFERENCE;
import static fr.trame.csv.CsvColumns.SHORT;

/**
 * The returns a federation enters, or imports, for its structures not on Trame: every answer is declared; saved as a
 * draft, then validated (state soumis) once every question has an answer. A structure that is a Trame centre answers
 * on Trame: the federation reads its submitted answers only.
 */
@Service
public class StructureReturns {

    static final CsvColumns COLUMNS = new CsvColumns()
            .required("structure_ref", REFERENCE).required("code", SHORT).optional("value", 2000);

    private final JdbcClient jdbc;
    private final SenacsCampaigns campaigns;

    public StructureReturns(JdbcClient jdbc, SenacsCampaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    /** A structure of the federation's registry, as the SENACS pages need it. */
    public record Structure(long id, String ref, String name, Long territoryId, Long centreId) {
        public boolean onTrame() {
            return centreId != null;
        }
    }

    /** A structure's return for a year: its state ("non_commence" when none), and its answers by question code. */
    public record Entry(Structure structure, int year, Campaign campaign, String state, OffsetDateTime updatedAt,
                        Map<String, String> answers) {
        public String stateLabel() {
            return StructureReturns.stateLabel(state);
        }

        public long missing() {
            return campaign.questions().stream().filter(q -> answers.get(q.code()) == null).count();
        }
    }

    /** The federation's structure, or 404 (another federation's id included). */
    public Structure structure(long federationId, long structureId) {
        return jdbc.sql("select id, ref, name, territory_id, centre_id from federation_structures where federation_id = ? and id = ?")
                .params(federationId, structureId)
                .query((rs, n) -> new Structure(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class)))
                .optional().orElseThrow(() -> new NotFound("Cette structure n'est pas dans le registre de la fédération."));
    }

    /**
     * The return of a structure: the one the federation entered, or for a Trame centre its last submitted (frozen)
     * answers, read from the roll-up's view: never the centre's draft.
     */
    @Transactional(readOnly = true)
    public Entry read(long federationId, long structureId, int year) {
        Structure s = structure(federationId, structureId);
        Map<String, String> answers = new HashMap<>();
        if (s.onTrame()) {
            jdbc.sql("select question_code, value from senacs_network_answers where federation_id = ? and structure_id = ? and year = ?")
                    .params(federationId, structureId, year)
                    .query((rs, n) -> answers.put(rs.getString(1), rs.getString(2))).list();
            record Head(long campaignId, String state, OffsetDateTime at) {
            }
            Head head = jdbc.sql("select campaign_id, state, submitted_at from senacs_returns where centre_id = ? and year = ?")
                    .params(s.centreId(), year)
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                    .optional().orElse(null);
            Campaign c = head == null ? campaigns.forYear(year) : campaigns.byId(head.campaignId());
            return new Entry(s, year, c, head == null ? "non_commence" : head.state(), head == null ? null : head.at(), answers);
        }
        jdbc.sql("select question_code, value from senacs_structure_answers where federation_id = ? and structure_id = ? and year = ?")
                .params(federationId, structureId, year)
                .query((rs, n) -> answers.put(rs.getString(1), rs.getString(2))).list();
        record Head(long campaignId, String state, OffsetDateTime at) {
        }
        Head head = jdbc.sql("""
                select campaign_id, state, updated_at from senacs_structure_returns
                where federation_id = ? and structure_id = ? and year = ?""")
                .params(federationId, structureId, year)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .optional().orElse(null);
        Campaign c = head == null ? campaigns.forYear(year) : campaigns.byId(head.campaignId());
        return new Entry(s, year, c, head == null ? "non_commence" : head.state(), head == null ? null : head.at(), answers);
    }

    /**
     * Saves what was typed for a structure not on Trame (question code → typed; blank = no answer), replacing its
     * answers; {@code validate} also asks every question to be answered and makes the return soumis, else it is a
     * draft. All or nothing: the errors come back by question code. The direction, or the délégué of its AT.
     */
    @Transactional
    public FieldErrors save(FederationScope fed, long structureId, int year, Map<String, String> typed, boolean validate) {
        Structure s = structure(fed.id(), structureId);
        fed.requireEdit(s.territoryId());
        if (s.onTrame()) {
            throw new Refused("Cette structure est un centre Trame : elle remplit elle-même son questionnaire.");
        }
        Campaign campaign = campaigns.forYear(year);
        FieldErrors errors = new FieldErrors();
        Map<String, String> values = new LinkedHashMap<>();
        for (Question q : campaign.questions()) {
            try {
                String v = AnswerFormat.parse(q, typed.get(q.code()), q.code());
                if (v != null) {
                    values.put(q.code(), v);
                } else if (validate) {
                    errors.add(q.code(), "Réponse obligatoire pour valider le questionnaire.");
                }
            } catch (Refused r) {
                errors.add(q.code(), r.getMessage());
            }
        }
        if (!errors.any()) {
            write(fed.id(), structureId, year, campaign, values, validate, fed.userId() == 0 ? null : fed.userId());
        }
        return errors;
    }

    private void write(long federationId, long structureId, int year, Campaign campaign, Map<String, String> values,
                       boolean validated, Long userId) {
        jdbc.sql("""
                insert into senacs_structure_returns (federation_id, structure_id, year, campaign_id, state, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (federation_id, structure_id, year)
                do update set state = excluded.state, updated_at = now(), updated_by = excluded.updated_by""")
                .params(federationId, structureId, year, campaign.id(), validated ? "soumis" : "brouillon", userId).update();
        jdbc.sql("delete from senacs_structure_answers where federation_id = ? and structure_id = ? and year = ?")
                .params(federationId, structureId, year).update();
        // one statement for the return's answers (the demo and an import write many returns)
        jdbc.sql("""
                insert into senacs_structure_answers (federation_id, structure_id, year, question_code, value)
                select ?, ?, ?, code, value from unnest(cast(? as text[]), cast(? as text[])) as a (code, value)""")
                .params(federationId, structureId, year, values.keySet().toArray(new String[0]),
                        values.values().toArray(new String[0])).update();
    }

    /**
     * senacs.csv (docs/formats.md): {@code structure_ref;code;value}, one line per answer. A structure's lines replace
     * the return entered for it, validated when every question is answered, else kept as a draft. All or nothing: every
     * error is listed by line and column.
     */
    @Transactional
    public ImportResult importCsv(long federationId, int year, InputStream in, Long userId) {
        CsvTable table = CsvTable.read(in, COLUMNS);
        Campaign campaign = campaigns.forYear(year);
        Map<String, Question> byCode = new HashMap<>();
        campaign.questions().forEach(q -> byCode.put(q.code(), q));
        Map<String, Structure> byRef = new HashMap<>();
        jdbc.sql("select id, ref, name, territory_id, centre_id from federation_structures where federation_id = ?")
                .param(federationId)
                .query((rs, n) -> byRef.put(rs.getString(2).toLowerCase(Locale.ROOT), new Structure(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getObject(5, Long.class))))
                .list();
        Map<String, Long> seen = new HashMap<>();
        Map<Long, Map<String, String>> returns = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String ref = row.required("structure_ref");
            String code = row.required("code");
            Structure s = null;
            if (ref != null) {
                s = byRef.get(ref.toLowerCase(Locale.ROOT));
                if (s == null) {
                    row.error("structure_ref", "structure « " + ref + " » inconnue dans le registre de la fédération");
                } else if (s.onTrame()) {
                    row.error("structure_ref", "la structure « " + ref
                            + " » est un centre Trame : elle remplit elle-même son questionnaire");
                    s = null;
                }
            }
            Question q = null;
            if (code != null) {
                q = byCode.get(code.toUpperCase(Locale.ROOT));
                if (q == null) {
                    row.error("code", "question « " + code + " » inconnue dans le questionnaire " + campaign.year());
                }
            }
            String value = null;
            if (q != null) {
                try {
                    value = AnswerFormat.parse(q, row.text("value"), "value");
                } catch (Refused r) {
                    row.error("value", lowerFirst(r.getMessage()));
                }
            }
            if (ref != null && q != null) {
                Long first = seen.putIfAbsent(ref.toLowerCase(Locale.ROOT) + "\0" + q.code(), row.line());
                if (first != null) {
                    row.error("code", "la réponse de « " + ref + " » à " + q.code() + " figure déjà ligne " + first);
                }
            }
            if (s != null) {
                Map<String, String> answers = returns.computeIfAbsent(s.id(), k -> new LinkedHashMap<>());
                if (q != null && value != null) {
                    answers.put(q.code(), value);
                }
            }
        }
        table.throwIfErrors();
        int validated = 0;
        for (Map.Entry<Long, Map<String, String>> r : returns.entrySet()) {
            boolean complete = r.getValue().size() == byCode.size();
            write(federationId, r.getKey(), year, campaign, r.getValue(), complete, userId);
            validated += complete ? 1 : 0;
        }
        Map<String, Integer> changes = new LinkedHashMap<>();
        changes.put("questionnaire(s) validé(s)", validated);
        changes.put("questionnaire(s) incomplet(s) gardé(s) en brouillon", returns.size() - validated);
        return new ImportResult(table.rows().size(), changes);
    }

    /** A return's state in French; "non_commence" when there is no return yet. */
    static String stateLabel(String state) {
        return "non_commence".equals(state) ? "Non commencé" : Vocabulary.label("senacs-state", state);
    }

    private static String lowerFirst(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    /** The structures not on Trame of a federation (the demo fills their returns). */
    public List<Structure> notOnTrame(long federationId) {
        return jdbc.sql("""
                select id, ref, name, territory_id, centre_id from federation_structures
                where federation_id = ? and centre_id is null order by ref""")
                .param(federationId)
                .query((rs, n) -> new Structure(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), null)).list();
    }
}
