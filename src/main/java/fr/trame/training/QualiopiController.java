package fr.trame.training;

import fr.trame.federation.FederationScope;
import fr.trame.form.NotFound;
import fr.trame.training.QualiopiEvidence.IndicatorEvidence;
import fr.trame.training.QualiopiLists.Listing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Qualiopi audit page of the federation's training organisation: the 32 indicators with the evidence Trame holds
 * for a period and what is missing, and the lists of records behind each figure. The direction's only.
 */
@Controller
class QualiopiController {

    private final QualiopiEvidence evidence;

    QualiopiController(QualiopiEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/f/{federation}/formation/qualiopi")
    String page(FederationScope fed, @RequestParam(required = false) String du, @RequestParam(required = false) String au,
                Model model) {
        fed.requireDirection();
        QualiopiPeriodSelection selection = QualiopiPeriodSelection.of(du, au, fed.today());
        List<IndicatorEvidence> all = evidence.indicators(fed.id(), selection.period(), fed.today());
        Map<QualiopiFramework.Criterion, List<IndicatorEvidence>> byCriterion = new LinkedHashMap<>();
        for (QualiopiFramework.Criterion c : QualiopiFramework.CRITERIA) {
            byCriterion.put(c, all.stream().filter(i -> i.indicator().criterion() == c.number()).toList());
        }
        model.addAttribute("selection", selection);
        model.addAttribute("criteria", byCriterion);
        model.addAttribute("missing", all.stream().filter(i -> !i.missing().isEmpty()).toList());
        model.addAttribute("applicable", all.stream().filter(i -> i.indicator().applies()).count());
        return "training/qualiopi";
    }

    @GetMapping("/f/{federation}/formation/qualiopi/sessions")
    String sessions(FederationScope fed, @RequestParam(required = false) String liste, @RequestParam(required = false) String du,
                    @RequestParam(required = false) String au, Model model) {
        QualiopiLists.Sessions list = list(fed, QualiopiLists.Sessions.class, liste, QualiopiLists.Sessions.PERIODE);
        QualiopiPeriodSelection selection = selection(fed, du, au, list, model);
        model.addAttribute("rows", evidence.sessions(fed.id(), selection.period(), fed.today(), list));
        return "training/qualiopi-sessions";
    }

    @GetMapping("/f/{federation}/formation/qualiopi/inscriptions")
    String registrations(FederationScope fed, @RequestParam(required = false) String liste,
                         @RequestParam(required = false) String du, @RequestParam(required = false) String au, Model model) {
        QualiopiLists.Registrations list = list(fed, QualiopiLists.Registrations.class, liste,
                QualiopiLists.Registrations.CONVOQUEES);
        QualiopiPeriodSelection selection = selection(fed, du, au, list, model);
        model.addAttribute("rows", evidence.registrations(fed.id(), selection.period(), fed.today(), list));
        return "training/qualiopi-registrations";
    }

    @GetMapping("/f/{federation}/formation/qualiopi/formations")
    String courses(FederationScope fed, @RequestParam(required = false) String liste, @RequestParam(required = false) String du,
                   @RequestParam(required = false) String au, Model model) {
        QualiopiLists.Courses list = list(fed, QualiopiLists.Courses.class, liste, QualiopiLists.Courses.DONNEES);
        QualiopiPeriodSelection selection = selection(fed, du, au, list, model);
        model.addAttribute("rows", evidence.courses(fed.id(), selection.period(), fed.today(), list));
        return "training/qualiopi-courses";
    }

    @GetMapping("/f/{federation}/formation/qualiopi/formateurs")
    String trainers(FederationScope fed, @RequestParam(required = false) String liste, @RequestParam(required = false) String du,
                    @RequestParam(required = false) String au, Model model) {
        QualiopiLists.Trainers list = list(fed, QualiopiLists.Trainers.class, liste, QualiopiLists.Trainers.PERIODE);
        QualiopiPeriodSelection selection = selection(fed, du, au, list, model);
        model.addAttribute("rows", evidence.trainers(fed.id(), selection.period(), fed.today(), list));
        return "training/qualiopi-trainers";
    }

    /** The list asked for (the default when none is), for the direction only; an unknown one is not found. */
    static <E extends Enum<E> & Listing> E list(FederationScope fed, Class<E> kind, String slug, E otherwise) {
        fed.requireDirection();
        if (slug == null || slug.isBlank()) {
            return otherwise;
        }
        E list = QualiopiLists.bySlug(kind, slug.trim());
        if (list == null) {
            throw new NotFound("Cette liste de preuves n'existe pas.");
        }
        return list;
    }

    static QualiopiPeriodSelection selection(FederationScope fed, String du, String au, Listing list, Model model) {
        QualiopiPeriodSelection selection = QualiopiPeriodSelection.of(du, au, fed.today());
        model.addAttribute("selection", selection);
        model.addAttribute("list", list);
        model.addAttribute("lists", list.getClass().getEnumConstants());
        return selection;
    }
}
