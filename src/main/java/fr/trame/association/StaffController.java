package fr.trame.association;

import fr.trame.activities.SectorService;
import fr.trame.centre.CentreScope;
import fr.trame.form.FormReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The team, its contracts and ETP, its training: human-resources data, for direction only. */
@Controller
public class StaffController {

    private final StaffService staff;
    private final AssociationIndicators indicators;
    private final SectorService sectors;

    public StaffController(StaffService staff, AssociationIndicators indicators, SectorService sectors) {
        this.staff = staff;
        this.indicators = indicators;
        this.sectors = sectors;
    }

    @GetMapping("/c/{centre}/equipe")
    String page(CentreScope scope, @RequestParam(required = false) Integer annee, Model model) {
        scope.requireDirection();
        return page(scope, annee == null ? scope.today().getYear() : annee, model, new FormReader(Map.of()));
    }

    private String page(CentreScope scope, int year, Model model, FormReader form) {
        model.addAttribute("year", year);
        model.addAttribute("contracts", staff.contracts(scope.id(), year));
        model.addAttribute("trainings", staff.trainings(scope.id(), year));
        model.addAttribute("employees", staff.employees(scope.id()));
        model.addAttribute("figures", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).staff());
        model.addAttribute("kinds", StaffService.CONTRACTS);
        model.addAttribute("functions", StaffService.FUNCTIONS);
        model.addAttribute("sectors", sectors.list(scope.id()));
        model.addAttribute("form", form.values());
        model.addAttribute("errors", form.errors());
        return "association/staff";
    }

    /** A new employee with their first contract, or a new contract for someone already employed. */
    @PostMapping("/c/{centre}/equipe")
    String hire(CentreScope scope, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long employee = f.id("employeeId", "la personne", false);
        String lastName = employee == null ? f.text("lastName", "le nom", true) : null;
        String firstName = employee == null ? f.text("firstName", "le prénom", true) : null;
        StaffService.NewContract contract = contract(f);
        if (employee != null && staff.employeeName(scope.id(), employee).isEmpty()) {
            f.errors().add("employeeId", "Choisissez la personne dans la liste.");
        }
        if (!f.ok()) {
            return page(scope, scope.today().getYear(), model, f);
        }
        if (employee == null) {
            staff.hire(scope.id(), lastName, firstName, contract);
        } else {
            staff.addContract(scope.id(), employee, contract);
        }
        flash.addFlashAttribute("message", "Contrat enregistré.");
        return "redirect:" + scope.base() + "/equipe?annee=" + contract.startDate().getYear();
    }

    private StaffService.NewContract contract(FormReader f) {
        String kind = f.choice("kind", "le type de contrat", true, StaffService.CONTRACTS);
        String function = f.choice("function", "la fonction", true, StaffService.FUNCTIONS);
        Long sector = f.id("sectorId", "le secteur", false);
        BigDecimal hours = f.decimal("weeklyHours", "les heures par semaine", true, new BigDecimal("0.5"), new BigDecimal("48"));
        LocalDate start = f.date("startDate", "le début du contrat", true);
        LocalDate end = f.date("endDate", "la fin du contrat", false);
        f.notBefore("endDate", end, start);
        Long inKind = f.cents("inKind", "la valeur annuelle de la mise à disposition", false);
        return new StaffService.NewContract(kind, function, sector, hours, start, end, inKind);
    }

    @PostMapping("/c/{centre}/equipe/contrats/{id}/fin")
    String endContract(CentreScope scope, @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        LocalDate end = f.date("endDate", "la fin du contrat", true);
        return FormOutcome.updateAndReturn(scope, f, flash, "/equipe",
                () -> staff.endContract(scope.id(), id, end), "Fin du contrat enregistrée.");
    }

    @PostMapping("/c/{centre}/equipe/formations")
    String addTraining(CentreScope scope, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        scope.requireDirection();
        FormReader f = new FormReader(form);
        Long employee = f.id("employeeId", "la personne formée", true);
        LocalDate date = f.date("date", "la date", true);
        BigDecimal days = f.decimal("days", "le nombre de jours", true, new BigDecimal("0.5"), new BigDecimal("60"));
        String title = f.text("title", "l'intitulé de la formation", true);
        if (employee != null && staff.employeeName(scope.id(), employee).isEmpty()) {
            f.errors().add("employeeId", "Choisissez la personne dans la liste.");
        }
        return FormOutcome.saveAndReturn(scope, f, flash, "/equipe",
                () -> staff.addTraining(scope.id(), employee, date, days, title), "Formation enregistrée.");
    }
}
