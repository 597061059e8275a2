package fr.trame.senacs;

import java.util.List;

/** A SENACS questionnaire: the first year of figures it asks about, its version, its sections in order. */
public record Campaign(long id, int year, String version, String title, List<Section> sections) {

    public record Section(String code, String title, List<Question> questions) {
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }
}
