package fr.trame.senacs;

import fr.trame.csv.ListDownload;
import fr.trame.federation.FederationScope;
import fr.trame.form.NotFound;
import fr.trame.reporting.ReportRenderer;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The federation's SENACS figures: the roll-up by network, département or AT with N-1, the structures behind each
 * figure, and the export of every submitted return. Every federation role reads them: they are counts, never a person.
 */
@Controller
class SenacsRollupController {

    /** The plaquette's chart: the persons reached by age. */
    static final List<String> AGES = List.of("PUB_AGE_0_5", "PUB_AGE_6_11", "PUB_AGE_12_17", "PUB_AGE_18_25",
            "PUB_AGE_26_59", "PUB_AGE_60_PLUS");

    private final SenacsRollup rollup;
    private final SenacsCampaigns campaigns;
    private final TemplateEngine templates;
    private final ReportRenderer renderer;
    private final ApplicationContext application;

    SenacsRollupController(SenacsRollup rollup, SenacsCampaigns campaigns, TemplateEngine templates,
                           ReportRenderer renderer, ApplicationContext application) {
        this.rollup = rollup;
        this.campaigns = campaigns;
        this.templates = templates;
        this.renderer = renderer;
        this.application = application;
    }

    /** The territorial plaquette: an AT's (or the network's) key figures with N-1, persons by age, its structures. */
    @GetMapping("/f/{federation}/senacs/{year}/plaquette.pdf")
    ResponseEntity<byte[]> plaquette(FederationScope fed, @PathVariable int year, @RequestParam Optional<Long> territoire) {
        SenacsRollup.Group group = territoire.isEmpty() ? rollup.federation(fed.id(), year).groups().get(0)
                : rollup.byTerritory(fed.id(), year).groups().stream()
                        .filter(g -> g.key().equals(Long.toString(territoire.get()))).findFirst()
                        .orElseThrow(() -> new NotFound("Aucun questionnaire " + year + " soumis dans ce territoire."));
        Map<String, SenacsRollup.Row> rows = new HashMap<>();
        group.rows().stream().filter(r -> r.choice() == null).forEach(r -> rows.put(r.code(), r));
        List<SenacsRollup.Row> ages = AGES.stream().map(rows::get).toList();
        BigDecimal most = ages.stream().flatMap(r -> Stream.of(r.value(), r.valueN1())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
        Context context = new Context(Locale.FRANCE);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariable("fed", fed);
        context.setVariable("year", year);
        context.setVariable("group", group);
        context.setVariable("figures", SenacsRollup.KEY_FIGURES.stream().map(rows::get).toList());
        context.setVariable("ages", ages);
        context.setVariable("most", most);
        context.setVariable("structures", rollup.lines(fed.id(), year).stream()
                .filter(l -> territoire.isEmpty() || territoire.get().equals(l.territoryId())).toList());
        byte[] pdf = renderer.pdf(templates.process("senacs/plaquette-pdf", context));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"plaquette-senacs-" + year + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping("/f/{federation}/senacs/{year}/chiffres")
    String figures(FederationScope fed, @PathVariable int year, @RequestParam Optional<String> niveau, Model model) {
        SenacsRollup.Level level = SenacsRollup.Level.of(niveau.orElse("reseau"));
        model.addAttribute("year", year);
        model.addAttribute("level", level);
        model.addAttribute("rollup", rollup.rollup(fed.id(), year, level));
        return "senacs/chiffres";
    }

    @GetMapping("/f/{federation}/senacs/{year}/chiffres/{code}")
    String behind(FederationScope fed, @PathVariable int year, @PathVariable String code,
                  @RequestParam Optional<String> niveau, @RequestParam Optional<String> groupe,
                  @RequestParam Optional<String> choix, Model model) {
        Question question = campaigns.forYear(year).questions().stream().filter(q -> q.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("Cette question n'est pas dans le questionnaire " + year + "."));
        SenacsRollup.Level level = SenacsRollup.Level.of(niveau.orElse("reseau"));
        String group = groupe.orElse("");
        String choice = choix.filter(c -> !c.isBlank()).orElse(null);
        model.addAttribute("year", year);
        model.addAttribute("question", question);
        model.addAttribute("level", level);
        model.addAttribute("group", level == SenacsRollup.Level.RESEAU ? "Réseau"
                : rollup.names(fed.id(), level).getOrDefault(group, group));
        model.addAttribute("choice", choice);
        model.addAttribute("structures", rollup.behind(fed.id(), year, level, group, code, choice));
        return "senacs/chiffres-structures";
    }

    @GetMapping("/f/{federation}/senacs/{year}/export.csv")
    ResponseEntity<byte[]> csv(FederationScope fed, @PathVariable int year) {
        return file(export(fed, year).csv(), "senacs-" + fed.code() + "-" + year + ".csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/f/{federation}/senacs/{year}/export.xlsx")
    ResponseEntity<byte[]> xlsx(FederationScope fed, @PathVariable int year) {
        return file(export(fed, year).xlsx(), "senacs-" + fed.code() + "-" + year + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /** One line per structure, one column per question code; numbers stay numbers, text is made safe from formulas. */
    ListDownload export(FederationScope fed, int year) {
        List<Question> questions = campaigns.forYear(year).questions();
        List<String> header = new ArrayList<>(List.of("ref", "nom", "departement", "at", "origine", "etat"));
        questions.forEach(q -> header.add(q.code()));
        List<List<Object>> lines = new ArrayList<>();
        for (SenacsRollup.Line line : rollup.lines(fed.id(), year)) {
            List<Object> cells = new ArrayList<>(List.of(line.ref(), line.name(), nz(line.departement()),
                    nz(line.territory()), line.origin(), line.state()));
            for (Question q : questions) {
                cells.add(cell(q, line.answers().get(q.code())));
            }
            lines.add(cells);
        }
        return new ListDownload("senacs-" + year, header, lines);
    }

    private static Object cell(Question q, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (q.type()) {
            case ENTIER, DECIMAL, MONTANT -> new BigDecimal(value);
            default -> value;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
