package fr.trame.csv;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every kind of a centre's import, in their {@code @Order}. */
@Component
public class CentreImports {

    private final List<CentreImport> kinds;

    public CentreImports(List<CentreImport> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public List<CentreImport> all() {
        return kinds;
    }

    public Optional<CentreImport> find(String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    /** « people, memberships, … » for a usage line or an error. */
    public String names() {
        return kinds.stream().map(CentreImport::kind).collect(Collectors.joining(", "));
    }
}
