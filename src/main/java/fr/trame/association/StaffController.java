package fr.trame.association;

import fr.trame.activities.SectorService;
import fr.trame.centre.CentreScope;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
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
class StaffController {

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
        return page(scope, annee == null ? scope.today().getYear() : annee, model, Map.of(), new FieldErrors());
    }

    private String page(CentreScope scope, int year, Model model, Map<String, String> typed, FieldErrors errors) {
        model.addAttribute("year", year);
        model.addAttribute("contracts", staff.contracts(scope.id(), year));
        model.addAttribute("trainings", staff.trainings(scope.id(), year));
        model.addAttribute("employees", staff.employees(scope.id()));
        model.addAttribute("figures", indicators.compute(scope.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).staff());
        model.addAttribute("kinds", StaffService.CONTRACTS);
        model.addAttribute("functions", StaffService.FUNCTIONS);
        model.addAttribute("sectors", sectors.list(scope.id()));
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        return "association/staff";
    }

    /** A new employee (or one already employed) and their contract. */
    static final class HireForm implements Form {
        public String employeeId;
        public String lastName;
        public String firstName;
        public String kind;
        public String function;
        public String sectorId;
        public String weeklyHours;
        public String startDate;
        public String endDate;
        public String inKind;
        /** A CEE vacataire's vacations and hours; the diploma a trainee or an apprentice prepares. */
        public String vacations;
        public String vacationHours;
        public String diploma;

        /** Read by {@link #validate}. */
        private Long employee;
        private StaffService.NewContract contract;

        @Override
        public void validate(Errors errors) {
            employee = Checks.id(errors, "employeeId", employeeId, false);
            if (employee == null) {
                Checks.text(errors, "lastName", lastName, true);
                Checks.text(errors, "firstName", firstName, true);
            }
            String k = Checks.choice(errors, "kind", kind, true, StaffService.CONTRACTS);
            String f = Checks.choice(errors, "function", function, true, StaffService.FUNCTIONS);
            Long sector = Checks.id(errors, "sectorId", sectorId, false);
            boolean cee = "cee".equals(k);
            // a CEE vacataire is counted by vacations and hours: weekly hours may stay empty
            BigDecimal hours = Checks.decimal(errors, "weeklyHours", weeklyHours, !cee, new BigDecimal("0.5"), new BigDecimal("48"));
            LocalDate start = Checks.date(errors, "startDate", startDate, true);
            LocalDate end = Checks.date(errors, "endDate", endDate, false);
            Checks.notBefore(errors, "endDate", end, start);
            Long value = Checks.cents(errors, "inKind", inKind, false);
            Integer vacationCount = Checks.integer(errors, "vacations", vacations, false, 0, 10_000);
            BigDecimal vacationHourCount = Checks.decimal(errors, "vacationHours", vacationHours, false, BigDecimal.ZERO,
                    new BigDecimal("99999"));
            String prepared = Checks.text(errors, "diploma", diploma, false, 100);
            if (k != null && !cee) {
                onlyWhenFilled(errors, "vacations", vacations, "onlyCee");
                onlyWhenFilled(errors, "vacationHours", vacationHours, "onlyCee");
            }
            if (k != null && !k.equals("stage") && !k.equals("apprenti")) {
                onlyWhenFilled(errors, "diploma", diploma, "onlyTraineeOrApprentice");
            }
            contract = new StaffService.NewContract(k, f, sector, hours, start, end, value, vacationCount, vacationHourCount,
                    prepared == null ? null : prepared.trim());
        }
    }

    private static void onlyWhenFilled(Errors errors, String field, String value, String code) {
        if (value != null && !value.isBlank() && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, code);
        }
    }

    /** A new employee with their first contract, or a new contract for someone already employed. */
    @PostMapping("/c/{centre}/equipe")
    String hire(CentreScope scope, @Validated HireForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        scope.requireDirection();
        Long employee = form.employee;
        if (employee != null && staff.employeeName(scope.id(), employee).isEmpty()) {
            binding.rejectValue("employeeId", "choice");
        }
        if (binding.hasErrors()) {
            return page(scope, scope.today().getYear(), model, form.typed(), FieldErrors.of(binding));
        }
        StaffService.NewContract contract = form.contract;
        if (employee == null) {
            staff.hire(scope.id(), form.lastName.trim(), form.firstName.trim(), contract);
        } else {
            staff.addContract(scope.id(), employee, contract);
        }
        flash.addFlashAttribute("message", "Contrat enregistré.");
        return "redirect:" + scope.base() + "/equipe?annee=" + contract.startDate().getYear();
    }

    static final class ContractEndForm implements Form {
        public String endDate;

        @Override
        public void validate(Errors errors) {
            Checks.date(errors, "endDate", endDate, true);
        }
    }

    @PostMapping("/c/{centre}/equipe/contrats/{id}/fin")
    String endContract(CentreScope scope, @PathVariable long id, @Validated ContractEndForm form, BindingResult binding,
                       RedirectAttributes flash) {
        scope.requireDirection();
        return FormOutcome.updateAndReturn(scope, form, binding, flash, "/equipe",
                () -> staff.endContract(scope.id(), id, Checks.date(form.endDate)), "Fin du contrat enregistrée.");
    }

    static final class TrainingForm implements Form {
        /** Which form of the page was sent (a hidden field): the page shows what was typed in that one only. */
        public String form;
        public String employeeId;
        public String date;
        public String days;
        public String title;

        /** Read by {@link #validate}. */
        private Long employee;
        private BigDecimal dayCount;

        @Override
        public void validate(Errors errors) {
            employee = Checks.id(errors, "employeeId", employeeId, true);
            Checks.date(errors, "date", date, true);
            dayCount = Checks.decimal(errors, "days", days, true, new BigDecimal("0.5"), new BigDecimal("60"));
            Checks.text(errors, "title", title, true);
        }
    }

    @PostMapping("/c/{centre}/equipe/formations")
    String addTraining(CentreScope scope, @Validated TrainingForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireDirection();
        Long employee = form.employee;
        if (employee != null && staff.employeeName(scope.id(), employee).isEmpty()) {
            binding.rejectValue("employeeId", "choice");
        }
        return FormOutcome.saveAndReturn(scope, form, binding, flash, "/equipe",
                () -> staff.addTraining(scope.id(), employee, Checks.date(form.date), form.dayCount, form.title.trim()),
                "Formation enregistrée.");
    }
}
