package fr.trame.senacs;

import fr.trame.centre.CentreScope;
import fr.trame.csv.CsvImportException;
import fr.trame.federation.FederationScope;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import fr.trame.form.FieldErrors;
import fr.trame.form.NotFound;
import fr.trame.form.Refused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The federation's side of the SENACS campaign: the follow-up by AT, the entry and import of the returns of its
 * structures not on Trame, the coherence checks and the questions sent to Trame centres; and the centre's answer to them.
 */
@Controller
class FederationReturnController {

    private final CampaignFollowUp followUp;
    private final StructureReturns structures;
    private final TerritoryService territories;
    private final SenacsCampaigns campaigns;

    FederationReturnController(CampaignFollowUp followUp, StructureReturns structures, TerritoryService territories,
                               SenacsCampaigns campaigns) {
        this.campaigns = campaigns;
        this.followUp = followUp;
        this.structures = structures;
        this.territories = territories;
    }

    private static int year(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw new NotFound("Année de campagne invalide.");
        }
        return year;
    }

    private Map<Long, String> ats(FederationScope fed) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Territory t : territories.list(fed.id(), fed.today())) {
            if (t.isAt()) {
                names.put(t.id(), t.name());
            }
        }
        return names;
    }

    private Long at(FederationScope fed, Long at) {
        if (at != null && !ats(fed).containsKey(at)) {
            throw new NotFound("Cette assemblée territoriale n'est pas de la fédération.");
        }
        return at;
    }

    @GetMapping("/f/{federation}/senacs")
    String followUp(FederationScope fed, @RequestParam(value = "annee", required = false) Integer annee,
                    @RequestParam(value = "at", required = false) Long at, Model model) {
        int year = year(annee == null ? fed.today().getYear() - 1 : annee);
        model.addAttribute("year", year);
        model.addAttribute("at", at(fed, at));
        model.addAttribute("ats", ats(fed));
        model.addAttribute("lines", followUp.lines(fed.id(), year, at));
        model.addAttribute("counts", followUp.counts(fed.id(), year, at));
        return "senacs/follow-up";
    }

    @PostMapping("/f/{federation}/senacs/{year}/structures/{id}/controle")
    String check(FederationScope fed, @PathVariable int year, @PathVariable long id, RedirectAttributes flash) {
        try {
            followUp.check(fed, id, year(year));
            flash.addFlashAttribute("message", "Questionnaire marqué contrôlé.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + fed.base() + "/senacs?annee=" + year;
    }

    @GetMapping("/f/{federation}/senacs/{year}/structures/{id}")
    String entry(FederationScope fed, @PathVariable int year, @PathVariable long id, Model model) {
        StructureReturns.Entry entry = structures.read(fed.id(), id, year(year));
        return entryPage(fed, entry, entry.answers(), new FieldErrors(), model);
    }

    private String entryPage(FederationScope fed, StructureReturns.Entry entry, Map<String, String> typed, FieldErrors errors,
                             Model model) {
        model.addAttribute("year", entry.year());
        model.addAttribute("entry", entry);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("editable", !entry.structure().onTrame() && fed.canEdit(entry.structure().territoryId()));
        return "senacs/structure";
    }

    @PostMapping("/f/{federation}/senacs/{year}/structures/{id}")
    String save(FederationScope fed, @PathVariable int year, @PathVariable long id,
                @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        StructureReturns.Entry entry = structures.read(fed.id(), id, year(year));
        boolean validate = "valider".equals(params.get("action"));
        Map<String, String> typed = new HashMap<>();
        entry.campaign().questions().forEach(q -> typed.put(q.code(), params.get("q_" + q.code())));
        FieldErrors errors = structures.save(fed, id, year, typed, validate);
        if (errors.any()) {
            model.addAttribute("error", validate ? "Questionnaire non validé : corrigez ou complétez les réponses signalées."
                    : "Brouillon non enregistré : corrigez les réponses signalées.");
            return entryPage(fed, entry, typed, errors, model);
        }
        flash.addFlashAttribute("message", validate ? "Questionnaire validé." : "Brouillon enregistré.");
        return "redirect:" + fed.base() + "/senacs/" + year + "/structures/" + id;
    }

    @GetMapping("/f/{federation}/senacs/{year}/import")
    String importPage(FederationScope fed, @PathVariable int year, Model model) {
        fed.requireDirection();
        model.addAttribute("year", year(year));
        return "senacs/import";
    }

    @PostMapping("/f/{federation}/senacs/{year}/import")
    String upload(FederationScope fed, @PathVariable int year, @RequestParam(value = "file", required = false) MultipartFile file,
                  Model model) {
        fed.requireDirection();
        model.addAttribute("year", year(year));
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", CsvImportException.wholeFile("aucun fichier choisi, ou fichier vide"));
            return "senacs/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", structures.importCsv(fed.id(), year, in, fed.userId()));
        } catch (CsvImportException e) {
            model.addAttribute("refusal", e);
        } catch (IOException e) {
            model.addAttribute("refusal", CsvImportException.wholeFile("fichier illisible : " + e.getMessage()));
        }
        return "senacs/import";
    }

    @GetMapping("/f/{federation}/senacs/{year}/controles")
    String controls(FederationScope fed, @PathVariable int year, @RequestParam(value = "at", required = false) Long at,
                    Model model) {
        model.addAttribute("year", year(year));
        model.addAttribute("at", at(fed, at));
        model.addAttribute("ats", ats(fed));
        model.addAttribute("problems", followUp.controls(fed.id(), year, at));
        Map<String, String> wordings = new HashMap<>();
        campaigns.forYear(year).questions().forEach(q -> wordings.put(q.code(), q.wording()));
        model.addAttribute("wordings", wordings);
        model.addAttribute("queries", followUp.raised(fed.id(), year));
        return "senacs/controls";
    }

    @PostMapping("/f/{federation}/senacs/{year}/structures/{id}/questions")
    String raise(FederationScope fed, @PathVariable int year, @PathVariable long id,
                 @RequestParam(value = "questionCode", required = false) String questionCode,
                 @RequestParam(value = "message", required = false) String message, RedirectAttributes flash) {
        try {
            followUp.raise(fed, id, year(year), questionCode == null ? "" : questionCode, message);
            flash.addFlashAttribute("message", "Question envoyée au centre.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + fed.base() + "/senacs/" + year + "/controles";
    }

    /** The centre's direction answers a question of its federation about its return. */
    @PostMapping("/c/{centre}/senacs/{year}/questions/{id}")
    String answer(CentreScope scope, @PathVariable int year, @PathVariable long id,
                  @RequestParam(value = "answer", required = false) String answer, RedirectAttributes flash) {
        scope.requireDirection();
        try {
            followUp.answer(scope.id(), year(year), id, answer, scope.userId());
            flash.addFlashAttribute("message", "Réponse envoyée à la fédération.");
        } catch (Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + scope.base() + "/senacs/" + year + "#senacs-queries";
    }
}
