package fr.trame.training;

import fr.trame.csv.ListDownload;
import fr.trame.federation.FederationScope;
import fr.trame.form.NotFound;
import fr.trame.form.Parse;
import fr.trame.form.Vocabulary;
import fr.trame.training.TrainingFigures.Figures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;

/**
 * The training organisation's figures of a year beside the year before ({@code /formation/chiffres}), and the records
 * behind each figure: the held sessions, the cancelled ones, the structures trained, the persons trained. Every
 * federation role reads them; a reader sees structures and counts, never a trainee's name.
 */
@Controller
class TrainingFiguresController {

    private final TrainingFigures figures;
    private final TrainingService training;

    TrainingFiguresController(TrainingFigures figures, TrainingService training) {
        this.figures = figures;
        this.training = training;
    }

    /** The year asked, or the latest with a held session; a notice in French when what was asked is not a year. */
    record Year(int year, String notice) {
    }

    Year year(FederationScope fed, String annee) {
        AskedYear asked = AskedYear.of(annee, () -> figures.latestYear(fed.id(), fed.today()), "les chiffres de ");
        return new Year(asked.year(), asked.notice());
    }

    private void common(FederationScope fed, Year y, Model model) {
        model.addAttribute("year", y.year());
        model.addAttribute("notice", y.notice());
        int now = fed.today().getYear();
        List<Integer> years = new ArrayList<>(List.of(now - 4, now - 3, now - 2, now - 1, now, now + 1));
        if (!years.contains(y.year())) {
            years.add(y.year());
            years.sort(Integer::compareTo);
        }
        model.addAttribute("years", years);
        model.addAttribute("names", fed.seesNames());
    }

    @GetMapping("/f/{federation}/formation/chiffres")
    String page(FederationScope fed, @RequestParam(required = false) String annee, Model model) {
        Year y = year(fed, annee);
        common(fed, y, model);
        Figures current = figures.year(fed.id(), y.year());
        Figures previous = figures.year(fed.id(), y.year() - 1);
        model.addAttribute("y", current);
        model.addAttribute("p", previous);
        List<String> departements = new ArrayList<>();
        current.departements().forEach(d -> departements.add(d.departement()));
        previous.departements().stream().map(TrainingFigures.Departement::departement).filter(d -> !departements.contains(d))
                .forEach(departements::add);
        departements.sort(String::compareTo);
        model.addAttribute("departements", departements);
        model.addAttribute("qualities", TrainingService.QUALITIES);
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingFigures.CourseRow c : current.courses()) {
            rows.add(List.of(c.title(), Vocabulary.label("training-audience", c.audience()), c.sessions(), c.salaries(),
                    c.benevoles(), c.administrateurs(), c.persons(), c.traineeHours()));
        }
        model.addAttribute(ListDownload.MODEL, new ListDownload("formation-chiffres-" + y.year(), List.of("Formation", "Public",
                "Sessions tenues", "Salarié·es", "Bénévoles", "Administrateur·rices", "Personnes distinctes", "Heures stagiaires"),
                rows));
        return "training/figures";
    }

    @GetMapping("/f/{federation}/formation/chiffres/actions")
    String held(FederationScope fed, @RequestParam(required = false) String annee,
                @RequestParam(required = false) String formation, Model model) {
        Year y = year(fed, annee);
        common(fed, y, model);
        Long courseId = course(fed, formation, model);
        List<TrainingFigures.HeldSession> sessions = figures.heldSessions(fed.id(), y.year(), courseId);
        model.addAttribute("sessions", sessions);
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingFigures.HeldSession s : sessions) {
            rows.add(nullable(s.title(), s.firstDay(), s.lastDay(), s.hours(), s.structures(), s.persons(), s.traineeHours(),
                    s.answered(), s.meanSatisfaction(), s.satisfiedShare()));
        }
        model.addAttribute(ListDownload.MODEL, new ListDownload("formation-actions-" + y.year(), List.of("Formation", "Du", "Au",
                "Heures", "Structures", "Personnes", "Heures stagiaires", "Satisfaction : réponses", "Satisfaction moyenne",
                "Part 4 ou 5"), rows));
        return "training/figures-held";
    }

    @GetMapping("/f/{federation}/formation/chiffres/annulees")
    String cancelled(FederationScope fed, @RequestParam(required = false) String annee, Model model) {
        Year y = year(fed, annee);
        common(fed, y, model);
        List<TrainingFigures.CancelledSession> sessions = figures.cancelledSessions(fed.id(), y.year());
        model.addAttribute("sessions", sessions);
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingFigures.CancelledSession s : sessions) {
            rows.add(nullable(s.title(), s.firstDay(), Vocabulary.label("cancel-reason", s.reason()), s.note(), s.cancelledOn(),
                    s.registrations()));
        }
        model.addAttribute(ListDownload.MODEL, new ListDownload("formation-annulees-" + y.year(), List.of("Formation", "Prévue le",
                "Motif", "Précision", "Annulée le", "Inscriptions"), rows));
        return "training/figures-cancelled";
    }

    @GetMapping("/f/{federation}/formation/chiffres/structures")
    String structures(FederationScope fed, @RequestParam(required = false) String annee,
                      @RequestParam(required = false) String departement, Model model) {
        Year y = year(fed, annee);
        common(fed, y, model);
        String d = departement == null || departement.isBlank() ? null : departement.trim();
        if (d != null && !d.matches("[0-9]{2,3}|2[AB]")) {
            throw new NotFound("« " + (d.length() > 10 ? d.substring(0, 10) + "…" : d.replace('\0', ' '))
                    + " » n'est pas un département.");
        }
        model.addAttribute("departement", d);
        List<TrainingFigures.TrainedStructure> list = figures.trainedStructures(fed.id(), y.year(), d);
        model.addAttribute("structures", list);
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingFigures.TrainedStructure s : list) {
            rows.add(nullable(s.name(), s.departement(), s.sessions(), s.persons(), s.traineeHours()));
        }
        model.addAttribute(ListDownload.MODEL, new ListDownload("formation-structures-" + y.year(), List.of("Structure",
                "Département", "Sessions", "Personnes distinctes", "Heures stagiaires"), rows));
        return "training/figures-structures";
    }

    @GetMapping("/f/{federation}/formation/chiffres/participants")
    String participants(FederationScope fed, @RequestParam(required = false) String annee,
                        @RequestParam(required = false) String formation, @RequestParam(required = false) String qualite,
                        Model model) {
        Year y = year(fed, annee);
        common(fed, y, model);
        Long courseId = course(fed, formation, model);
        String quality = qualite == null || qualite.isBlank() ? null : qualite;
        if (quality != null && !TrainingService.QUALITIES.contains(quality)) {
            throw new NotFound("Cette qualité n'existe pas : salarié·e, bénévole ou administrateur·rice.");
        }
        model.addAttribute("quality", quality);
        List<List<Object>> rows = new ArrayList<>();
        if (fed.seesNames()) {
            List<TrainingFigures.TrainedPerson> persons = figures.trainedPersons(fed.id(), y.year(), courseId, quality);
            model.addAttribute("persons", persons);
            for (TrainingFigures.TrainedPerson p : persons) {
                rows.add(nullable(p.lastName(), p.firstName(), p.structure() == null ? "La fédération" : p.structure(),
                        Vocabulary.label("attendee-quality", p.quality()), p.sessions(), p.hours()));
            }
            model.addAttribute(ListDownload.MODEL, new ListDownload("formation-participants-" + y.year(), List.of("Nom", "Prénom",
                    "Structure", "Qualité", "Sessions", "Heures"), rows));
        } else {
            List<TrainingFigures.StructureCount> counts = figures.trainedPersonsByStructure(fed.id(), y.year(), courseId, quality);
            model.addAttribute("counts", counts);
            for (TrainingFigures.StructureCount c : counts) {
                rows.add(nullable(c.structure(), c.departement(), c.persons(), c.hours()));
            }
            model.addAttribute(ListDownload.MODEL, new ListDownload("formation-participants-" + y.year(), List.of("Structure",
                    "Département", "Personnes distinctes", "Heures stagiaires"), rows));
        }
        return "training/figures-participants";
    }

    /** The course asked ({@code ?formation=}), of this federation, else 404; null when none is asked. */
    private Long course(FederationScope fed, String formation, Model model) {
        if (formation == null || formation.isBlank()) {
            return null;
        }
        Long id = Parse.id(formation.trim());
        if (id == null) {
            throw new NotFound("Cette formation n'est pas au catalogue de votre fédération.");
        }
        model.addAttribute("course", training.course(fed.id(), id));
        return id;
    }

    private static List<Object> nullable(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c == null ? "" : c);
        }
        return row;
    }
}
