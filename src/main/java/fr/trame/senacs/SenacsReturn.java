package fr.trame.senacs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A centre's SENACS return for a year, as {@link ReturnService#read} gives it. While it is a draft or reopened its
 * computed answers are today's figures; once submitted every answer is the one frozen at submission.
 */
public record SenacsReturn(String centre, int year, Campaign campaign, State state, OffsetDateTime submittedAt,
                           OffsetDateTime checkedAt, OffsetDateTime reopenedAt, List<Answer> answers) {

    public enum State {
        BROUILLON, SOUMIS, CONTROLE, ROUVERT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }

        /** A submitted or checked return does not move: nothing is declared on it until it is reopened. */
        public boolean frozen() {
            return this == SOUMIS || this == CONTROLE;
        }
    }

    public enum Source {
        COMPUTED, DECLARED, MISSING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Source of(String code) {
            return code == null ? MISSING : valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One answer: its {@code value} and {@code source} (what the return says now); {@code computed} the figure Trame
     * computes (live while the return is open) and {@code link} the records behind it; {@code declared} what the centre
     * typed; {@code frozen} what the last submission said, and {@code changed} when a reopened return now differs from it.
     */
    public record Answer(Question question, String value, Source source, String computed, String link, String declared,
                         String frozen, boolean changed) {
    }

    public long missing() {
        return answers.stream().filter(a -> a.source() == Source.MISSING).count();
    }

    public boolean frozen() {
        return state.frozen();
    }
}
