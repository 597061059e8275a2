package fr.trame.senacs;

import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The computed answers of a return: each figure the campaign names, asked of the one source that computes it. */
@Service
public class SenacsFigures {

    private final List<FigureSource> sources;

    public SenacsFigures(List<FigureSource> sources) {
        this.sources = sources;
    }

    /** The figures of {@code campaign} for the centre's year, by figure name (a figure the records cannot give is absent). */
    public Map<String, FigureSource.Computed> compute(long centreId, int year, Campaign campaign) {
        Set<String> wanted = new HashSet<>();
        campaign.questions().stream().filter(Question::computed).forEach(q -> wanted.add(q.figure()));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<String, FigureSource.Computed> values = new HashMap<>();
        for (FigureSource source : sources) {
            Set<String> asked = new HashSet<>(source.figures());
            asked.retainAll(wanted);
            if (!asked.isEmpty()) {
                values.putAll(source.compute(centreId, from, to, asked));
            }
        }
        return values;
    }

    /** The figures no source computes (a questionnaire naming one is a defect, which a test looks for). */
    public Set<String> unknown(Campaign campaign) {
        Set<String> known = new HashSet<>();
        sources.forEach(s -> known.addAll(s.figures()));
        Set<String> unknown = new TreeSet<>();
        campaign.questions().stream().filter(Question::computed).map(Question::figure).filter(f -> !known.contains(f))
                .forEach(unknown::add);
        return unknown;
    }

    List<FigureSource> sources() {
        return sources;
    }
}
