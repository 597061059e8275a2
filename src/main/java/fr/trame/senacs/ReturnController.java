package fr.trame.senacs;

import fr.trame.centre.CentreScope;
import fr.trame.form.FieldErrors;
import fr.trame.form.FrenchFormat;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Refused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The centre's SENACS returns, for its direction: the years, and one return read, declared, submitted, reopened. */
@Controller
class ReturnController {

    private final ReturnService returns;
    private final CampaignFollowUp followUp;
    private final SenacsCampaigns campaigns;

    ReturnController(ReturnService returns, SenacsCampaigns campaigns, CampaignFollowUp followUp) {
        this.followUp = followUp;
        this.returns = returns;
        this.campaigns = campaigns;
    }

    /** One year of the list: its state (null when no campaign asks about it) and whether a return was started. */
    record YearRow(int year, String state, boolean started, String campaign) {
    }

    @GetMapping("/c/{centre}/senacs")
    String years(CentreScope scope, Model model) {
        scope.requireDirection();
        Map<Integer, String> states = returns.states(scope.id());
        // the return due this spring (last year's figures) first, then the years before, and any year with a return
        int due = scope.today().getYear() - 1;
        TreeSet<Integer> years = new TreeSet<>(states.keySet());
        years.add(due);
        years.add(due - 1);
        years.add(due - 2);
        List<YearRow> rows = new ArrayList<>();
        for (int year : years.descendingSet()) {
            String campaign = campaignTitle(year);
            rows.add(new YearRow(year, states.getOrDefault(year, campaign == null ? null : "brouillon"), states.containsKey(year),
                    campaign));
        }
        rows.sort((a, b) -> a.year() == due ? -1 : b.year() == due ? 1 : Integer.compare(b.year(), a.year()));
        model.addAttribute("rows", rows);
        model.addAttribute("due", due);
        return "senacs/returns";
    }

    private String campaignTitle(int year) {
        try {
            return campaigns.forYear(year).title();
        } catch (NotFound e) {
            return null;
        }
    }

    @GetMapping("/c/{centre}/senacs/{year}")
    String show(CentreScope scope, @PathVariable String year, Model model) {
        scope.requireDirection();
        return page(scope, year(year), model, Map.of(), new FieldErrors());
    }

    @PostMapping("/c/{centre}/senacs/{year}")
    String declare(CentreScope scope, @PathVariable String year, @RequestParam Map<String, String> params, Model model,
                   RedirectAttributes flash) {
        scope.requireDirection();
        int y = year(year);
        Map<String, String> typed = new LinkedHashMap<>();
        // only the questionnaire's fields: the form also carries its CSRF token
        for (Question q : returns.campaign(scope.id(), y).questions()) {
            if (params.containsKey(q.code())) {
                typed.put(q.code(), params.get(q.code()));
            }
        }
        FieldErrors errors = returns.declare(scope.id(), y, typed, scope.userId());
        if (errors.any()) {
            return page(scope, y, model, typed, errors);
        }
        flash.addFlashAttribute("message", "Réponses enregistrées.");
        return "redirect:" + scope.base() + "/senacs/" + y;
    }

    @PostMapping("/c/{centre}/senacs/{year}/soumettre")
    String submit(CentreScope scope, @PathVariable String year, RedirectAttributes flash) {
        scope.requireDirection();
        int y = year(year);
        try {
            returns.submit(scope.id(), scope.code(), y, scope.userId());
            flash.addFlashAttribute("message", "Questionnaire " + y + " transmis à la fédération.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", "Le questionnaire n'est pas transmis. " + e.getMessage());
        }
        return "redirect:" + scope.base() + "/senacs/" + y;
    }

    @PostMapping("/c/{centre}/senacs/{year}/rouvrir")
    String reopen(CentreScope scope, @PathVariable String year, RedirectAttributes flash) {
        scope.requireDirection();
        int y = year(year);
        try {
            returns.reopen(scope.id(), y, scope.userId());
            flash.addFlashAttribute("message", "Questionnaire " + y + " rouvert : il reste transmis tel quel jusqu'au prochain envoi.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + scope.base() + "/senacs/" + y;
    }

    /** A year of the address: four digits, and a campaign asks about it (else 404). */
    private int year(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            throw new NotFound("« " + text + " » n'est pas une année.");
        }
        int year = Integer.parseInt(text);
        campaigns.forYear(year);
        return year;
    }

    /** One question on the page: the answer, shown in French, and what its input holds. */
    record Line(SenacsReturn.Answer answer, String shown, String computedShown, String frozenShown, String input) {

        public Question question() {
            return answer.question();
        }
    }

    record Card(Campaign.Section section, List<Line> lines) {
    }

    private String page(CentreScope scope, int year, Model model, Map<String, String> typed, FieldErrors errors) {
        SenacsReturn r = returns.read(scope.id(), scope.code(), year);
        Map<String, SenacsReturn.Answer> byCode = new HashMap<>();
        r.answers().forEach(a -> byCode.put(a.question().code(), a));
        List<Card> cards = new ArrayList<>();
        for (Campaign.Section s : r.campaign().sections()) {
            List<Line> lines = new ArrayList<>();
            for (Question q : s.questions()) {
                SenacsReturn.Answer a = byCode.get(q.code());
                String input = typed.containsKey(q.code()) ? typed.get(q.code()) : input(q, a.declared());
                lines.add(new Line(a, shown(q, a.value()), shown(q, a.computed()), shown(q, a.frozen()), input));
            }
            cards.add(new Card(s, lines));
        }
        model.addAttribute("ret", r);
        model.addAttribute("cards", cards);
        model.addAttribute("answered", r.answers().size() - r.missing());
        model.addAttribute("errors", errors);
        model.addAttribute("choiceLabels", CHOICES);
        Map<String, String> wordings = new HashMap<>();
        r.campaign().questions().forEach(q -> wordings.put(q.code(), q.wording()));
        model.addAttribute("wordings", wordings);
        model.addAttribute("queries", followUp.openFor(scope.id(), year));
        return "senacs/return";
    }

    /** An answer as a person reads it: 1 234, 12,50, 1 234,50 €, 31/12/2025, Oui, a choice's French name. */
    static String shown(Question q, String value) {
        if (value == null) {
            return null;
        }
        return switch (q.type()) {
            case ENTIER -> FrenchFormat.integer(new BigDecimal(value));
            case DECIMAL -> FrenchFormat.decimal(new BigDecimal(value), 2);
            case MONTANT -> FrenchFormat.euros(new BigDecimal(value), 2);
            case DATE -> LocalDate.parse(value).format(Parse.FRENCH_DATE);
            case OUI_NON -> "oui".equals(value) ? "Oui" : "Non";
            case CHOIX -> choice(value);
            case TEXTE -> value;
        };
    }

    /** A declared answer put back in its input: numbers with a decimal comma, dates as the date input wants them. */
    static String input(Question q, String value) {
        if (value == null) {
            return "";
        }
        return switch (q.type()) {
            case DECIMAL, MONTANT -> FrenchFormat.input(new BigDecimal(value), 2);
            default -> value;
        };
    }

    /** The French names of the questionnaire's choices; a code of a later campaign shows as it is. */
    static final Map<String, String> CHOICES = Map.ofEntries(Map.entry("cs", "Centre social"),
            Map.entry("evs", "Espace de vie sociale"), Map.entry("associatif", "Associatif"), Map.entry("municipal", "Municipal"),
            Map.entry("autre", "Autre"), Map.entry("urbain", "Urbain"), Map.entry("periurbain", "Périurbain"),
            Map.entry("rural", "Rural"), Map.entry("quartier", "Quartier"), Map.entry("commune", "Commune"),
            Map.entry("intercommunalite", "Intercommunalité"));

    static String choice(String code) {
        return CHOICES.getOrDefault(code, code);
    }
}
