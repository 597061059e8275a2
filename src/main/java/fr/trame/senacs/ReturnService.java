package fr.trame.senacs;

import fr.trame.form.FieldErrors;
import fr.trame.form.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A centre's SENACS return: read (pre-filled from {@link SenacsFigures}), declared, submitted (every answer frozen),
 * checked by the federation, reopened. States: brouillon → soumis → contrôlé; soumis or contrôlé → rouvert → soumis.
 */
@Service
public class ReturnService {

    private final JdbcClient jdbc;
    private final SenacsCampaigns campaigns;
    private final SenacsFigures figures;

    public ReturnService(JdbcClient jdbc, SenacsCampaigns campaigns, SenacsFigures figures) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.figures = figures;
    }

    private record Row(long campaignId, SenacsReturn.State state, OffsetDateTime submittedAt, OffsetDateTime checkedAt,
                       OffsetDateTime reopenedAt) {
    }

    private record Stored(String declared, String frozen, String frozenSource) {
    }

    /**
     * The return of the centre for {@code year}: a draft of the year's campaign when none was started. Not read-only:
     * the indicator engine writes its per-period tables, and the first read loads the campaign files.
     */
    @Transactional
    public SenacsReturn read(long centreId, String centreCode, int year) {
        Row row = row(centreId, year, false);
        Campaign campaign = row == null ? campaigns.forYear(year) : campaigns.byId(row.campaignId());
        SenacsReturn.State state = row == null ? SenacsReturn.State.BROUILLON : row.state();
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("select question_code, declared, frozen, frozen_source from senacs_answers where centre_id = ? and year = ?")
                .params(centreId, year)
                .query((rs, n) -> stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        Map<String, FigureSource.Computed> live = state.frozen() ? Map.of() : figures.compute(centreId, year, campaign);
        List<SenacsReturn.Answer> answers = new ArrayList<>();
        for (Question q : campaign.questions()) {
            Stored s = stored.getOrDefault(q.code(), new Stored(null, null, null));
            FigureSource.Computed c = q.computed() ? live.get(q.figure()) : null;
            String computed = c == null ? null : c.value();
            String link = c == null ? null : c.link();
            if (state.frozen()) {
                answers.add(new SenacsReturn.Answer(q, s.frozen(), SenacsReturn.Source.of(s.frozenSource()), computed, link,
                        s.declared(), s.frozen(), false));
            } else {
                String value = s.declared() != null ? s.declared() : computed;
                SenacsReturn.Source source = s.declared() != null ? SenacsReturn.Source.DECLARED
                        : computed != null ? SenacsReturn.Source.COMPUTED : SenacsReturn.Source.MISSING;
                boolean changed = state == SenacsReturn.State.ROUVERT && !Objects.equals(value, s.frozen());
                answers.add(new SenacsReturn.Answer(q, value, source, computed, link, s.declared(), s.frozen(), changed));
            }
        }
        return row == null
                ? new SenacsReturn(centreCode, year, campaign, state, null, null, null, answers)
                : new SenacsReturn(centreCode, year, campaign, state, row.submittedAt(), row.checkedAt(), row.reopenedAt(), answers);
    }

    /** The campaign of the centre's return for {@code year}: the one it was started on, else the year's. */
    public Campaign campaign(long centreId, int year) {
        Row row = row(centreId, year, false);
        return row == null ? campaigns.forYear(year) : campaigns.byId(row.campaignId());
    }

    /** The state of each of the centre's returns, by year. */
    public Map<Integer, String> states(long centreId) {
        Map<Integer, String> states = new HashMap<>();
        jdbc.sql("select year, state from senacs_returns where centre_id = ?").param(centreId)
                .query((rs, n) -> states.put(rs.getInt(1), rs.getString(2))).list();
        return states;
    }

    /**
     * Declares answers (question code → what was typed; blank clears the declaration, so a computed question goes back
     * to its figure). Every value is checked first: on any error nothing is saved and the errors come back by code.
     */
    @Transactional
    public FieldErrors declare(long centreId, int year, Map<String, String> typed, Long userId) {
        Row row = open(centreId, year);
        Campaign campaign = campaigns.byId(row.campaignId());
        Map<String, Question> byCode = new HashMap<>();
        campaign.questions().forEach(q -> byCode.put(q.code(), q));
        FieldErrors errors = new FieldErrors();
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, String> e : typed.entrySet()) {
            Question q = byCode.get(e.getKey());
            if (q == null) {
                errors.add(e.getKey(), "Question inconnue dans le questionnaire " + campaign.year() + ".");
                continue;
            }
            try {
                values.put(q.code(), AnswerFormat.parse(q, e.getValue(), q.code()));
            } catch (Refused r) {
                errors.add(q.code(), r.getMessage());
            }
        }
        if (errors.any()) {
            return errors;
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            jdbc.sql("""
                    insert into senacs_answers (centre_id, year, question_code, declared, updated_by) values (?, ?, ?, ?, ?)
                    on conflict (centre_id, year, question_code)
                    do update set declared = excluded.declared, updated_at = now(), updated_by = excluded.updated_by""")
                    .params(centreId, year, v.getKey(), v.getValue(), userId).update();
        }
        return errors;
    }

    /**
     * Submits the return: refused while a question has no answer; every answer is then frozen as it reads now.
     * {@code userId} null: a generated return (the demonstration's), by no account.
     */
    @Transactional
    public void submit(long centreId, String centreCode, int year, Long userId) {
        open(centreId, year);
        SenacsReturn current = read(centreId, centreCode, year);
        List<String> missing = current.answers().stream().filter(a -> a.source() == SenacsReturn.Source.MISSING)
                .map(a -> a.question().code()).toList();
        if (!missing.isEmpty()) {
            throw new Refused(missing.size() == 1 ? "Une question n'a pas de réponse : " + missing.get(0) + "."
                    : missing.size() + " questions n'ont pas de réponse : " + String.join(", ", missing.subList(0, Math.min(10,
                    missing.size()))) + (missing.size() > 10 ? "…" : "."));
        }
        for (SenacsReturn.Answer a : current.answers()) {
            jdbc.sql("""
                    insert into senacs_answers (centre_id, year, question_code, frozen, frozen_source, updated_by)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (centre_id, year, question_code)
                    do update set frozen = excluded.frozen, frozen_source = excluded.frozen_source""")
                    .params(centreId, year, a.question().code(), a.value(), a.source().code(), userId).update();
        }
        jdbc.sql("update senacs_returns set state = 'soumis', submitted_at = now(), submitted_by = ? where centre_id = ? and year = ?")
                .params(userId, centreId, year).update();
    }

    /** Reopens a submitted or checked return: the frozen answers stay what the federation reads until it is submitted again. */
    @Transactional
    public void reopen(long centreId, int year, long userId) {
        Row row = row(centreId, year, true);
        if (row == null || !row.state().frozen()) {
            throw new Refused("Seul un questionnaire transmis peut être rouvert.");
        }
        jdbc.sql("update senacs_returns set state = 'rouvert', reopened_at = now(), reopened_by = ? where centre_id = ? and year = ?")
                .params(userId, centreId, year).update();
    }

    /** The federation marks a submitted return checked. */
    @Transactional
    public void check(long centreId, int year, long userId) {
        Row row = row(centreId, year, true);
        if (row == null || row.state() != SenacsReturn.State.SOUMIS) {
            throw new Refused("Seul un questionnaire transmis, et pas encore contrôlé, peut être marqué contrôlé.");
        }
        jdbc.sql("update senacs_returns set state = 'controle', checked_at = now(), checked_by = ? where centre_id = ? and year = ?")
                .params(userId, centreId, year).update();
    }

    /** The return's row, created as a draft of the year's campaign when missing, locked; refused when it is frozen. */
    private Row open(long centreId, int year) {
        Row row = row(centreId, year, true);
        if (row == null) {
            jdbc.sql("insert into senacs_returns (centre_id, year, campaign_id) values (?, ?, ?) on conflict do nothing")
                    .params(centreId, year, campaigns.forYear(year).id()).update();
            row = row(centreId, year, true);
        }
        if (row.state().frozen()) {
            throw new Refused("Le questionnaire " + year + " est transmis : rouvrez-le pour le modifier.");
        }
        return row;
    }

    private Row row(long centreId, int year, boolean lock) {
        return jdbc.sql("select campaign_id, state, submitted_at, checked_at, reopened_at from senacs_returns"
                        + " where centre_id = ? and year = ?" + (lock ? " for update" : ""))
                .params(centreId, year)
                .query((rs, n) -> new Row(rs.getLong(1), SenacsReturn.State.of(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional().orElse(null);
    }
}
