package fr.trame.cli;

import fr.trame.centre.Centre;
import fr.trame.senacs.AnswerFormat;
import fr.trame.senacs.ReturnService;
import fr.trame.senacs.SenacsReturn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code senacs --centre CODE --year YYYY}: the centre's SENACS return as JSON (interchange.md). */
@Component
@Order(5)
class SenacsCommand implements Command {

    private final CentreOption centres;
    private final ReturnService returns;
    private final JsonMapper json = JsonMapper.builder().build();

    SenacsCommand(CentreOption centres, ReturnService returns) {
        this.centres = centres;
        this.returns = returns;
    }

    @Override
    public String name() {
        return "senacs";
    }

    @Override
    public String synopsis() {
        return "senacs --centre CODE --year AAAA";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        if (!args.positional().isEmpty()) {
            throw new UsageException("Usage : " + synopsis());
        }
        Centre centre = centres.centre(args);
        String year = args.required("year");
        if (!year.matches("\\d{4}")) {
            throw new UsageException("--year : année sur quatre chiffres attendue, reçu « " + year + " ».");
        }
        SenacsReturn r = returns.read(centre.id(), centre.code(), Integer.parseInt(year));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("centre", r.centre());
        document.put("year", r.year());
        document.put("campaign", r.campaign().year() + "-" + r.campaign().version());
        document.put("state", r.state().code());
        List<Map<String, Object>> answers = r.answers().stream().map(a -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("code", a.question().code());
            answer.put("value", AnswerFormat.json(a.question(), a.value()));
            answer.put("source", a.source().code());
            return answer;
        }).toList();
        document.put("answers", answers);
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        return 0;
    }
}
