package fr.trame.people;

import fr.trame.centre.CentreScope;
import fr.trame.csv.ListDownload;
import fr.trame.form.FrenchFormat;
import fr.trame.form.Parse;
import fr.trame.form.Vocabulary;
import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Controller
@RequestMapping("/c/{centre}/adhesions")
class MembershipController {

    private final MembershipService memberships;
    private final HouseholdService households;
    private final PersonService persons;

    public MembershipController(MembershipService memberships, HouseholdService households, PersonService persons) {
        this.memberships = memberships;
        this.households = households;
        this.persons = persons;
    }

    /** A page link of the list, keeping its filters. */
    public record PageLink(String label, String href, boolean current) {
    }

    /**
     * Members of a season (or of every season), with totals by type, 50 a page, sorted by name, date or season;
     * the filters stay in every page, sort and export link.
     */
    @GetMapping
    String list(CentreScope scope, @RequestParam(required = false) String saison,
                @RequestParam(required = false) String type, @RequestParam(required = false) String tri,
                @RequestParam(required = false) String page, Model model) {
        scope.requirePersonalData();
        ListQuery query = query(scope, saison, type, tri, page);
        MembershipService.Page rows = memberships.page(scope.id(), query.filter());
        MembershipService.Season season = query.season() == null ? memberships.seasonOf(scope.id(), scope.today())
                : query.season();
        List<MembershipService.TypeTotal> totals = memberships.totals(scope.id(), season);
        model.addAttribute("season", season);
        model.addAttribute("allSeasons", query.season() == null);
        model.addAttribute("seasons", memberships.seasons(scope.id()));
        model.addAttribute("type", query.filter().type());
        model.addAttribute("sort", query.filter().sort());
        model.addAttribute("types", MembershipService.TYPES);
        model.addAttribute("page", rows);
        model.addAttribute("memberships", rows.rows());
        model.addAttribute("here", query.href(scope, "", rows.page()));
        model.addAttribute(ListDownload.MODEL, new ListDownload("adhesions-" + (query.season() == null ? "toutes-saisons"
                : query.season().label()), DOWNLOAD_HEADER, () -> downloadRows(scope, query)));
        model.addAttribute("sortLinks", MembershipService.Filter.SORTS.stream().map(s -> new PageLink(
                switch (s) { case "date" -> "date de début"; case "saison" -> "saison"; default -> "nom"; },
                query.withSort(s).href(scope, "", null), s.equals(query.filter().sort()))).toList());
        model.addAttribute("pageLinks", pageLinks(scope, query, rows));
        model.addAttribute("totals", totals.stream().filter(t -> !t.type().equals("total")).toList());
        model.addAttribute("grandTotal", totals.stream().filter(t -> t.type().equals("total")).findFirst()
                .orElse(new MembershipService.TypeTotal("total", 0, 0, 0, 0)));
        model.addAttribute("paymentModes", MembershipService.PAYMENT_MODES);
        return "people/memberships/list";
    }

    private static final List<String> DOWNLOAD_HEADER = List.of("Type", "Adhérent", "Repère", "Saison", "Début", "Fin",
            "Montant (€)", "Paiement", "Annulation");

    /** The filtered list, every page, with the columns the page shows. */
    private List<List<Object>> downloadRows(CentreScope scope, ListQuery query) {
        return memberships.all(scope.id(), query.filter()).stream().map(m -> Arrays.<Object>asList(
                Vocabulary.label(m.type()), m.holder(), repere(m, scope.today()), m.seasonLabel(), m.startDate(),
                m.endDate(), m.amountCents() == null ? null : BigDecimal.valueOf(m.amountCents()).movePointLeft(2),
                m.paid() ? "payée" + (m.paidOn() == null ? "" : " le " + Forms.display(m.paidOn()))
                        + (m.paymentMode() == null ? "" : " (" + Vocabulary.label(m.paymentMode()) + ")") : "à encaisser",
                m.cancelled() ? "annulée le " + m.cancelledAt().atZoneSameInstant(scope.zone()).toLocalDate()
                        .format(Parse.FRENCH_DATE) + " : " + m.cancelReason() : "")).toList();
    }

    /** What tells two holders of one name apart: reference, address and, for a person, age. */
    static String repere(MembershipService.Membership m, LocalDate today) {
        String age = m.personId() != null && m.birthDate() != null ? FrenchFormat.age(m.birthDate(), today) : null;
        return Stream.of(age, m.detail()).filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
    }

    /** The list's parameters, read leniently: an unknown value falls back to the default rather than failing. */
    private record ListQuery(MembershipService.Season season, String saisonParam, MembershipService.Filter filter) {
        ListQuery withSort(String sort) {
            return new ListQuery(season, saisonParam, new MembershipService.Filter(filter.seasonId(), filter.type(), sort, 1));
        }

        String href(CentreScope scope, String suffix, Integer page) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(scope.base() + "/adhesions" + suffix);
            if (saisonParam != null) {
                b.queryParam("saison", saisonParam);
            }
            if (filter.type() != null) {
                b.queryParam("type", filter.type());
            }
            b.queryParam("tri", filter.sort());
            if (page != null && page > 1) {
                b.queryParam("page", page);
            }
            return b.build().toUriString();
        }
    }

    private ListQuery query(CentreScope scope, String saison, String type, String tri, String page) {
        MembershipService.Season season;
        String saisonParam;
        if ("toutes".equals(saison)) {
            season = null;
            saisonParam = "toutes";
        } else {
            Long id = saison == null || !saison.matches("\\d{1,18}") ? null : Long.valueOf(saison);
            season = id == null ? memberships.seasonOf(scope.id(), scope.today())
                    : memberships.season(scope.id(), id).orElseThrow(HouseholdController::notFound);
            saisonParam = String.valueOf(season.id());
        }
        // (List.of(…).contains(null) throws: test for null first)
        String t = type != null && MembershipService.TYPES.contains(type) ? type : null;
        String sort = tri != null && MembershipService.Filter.SORTS.contains(tri) ? tri : "nom";
        int p = page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
        return new ListQuery(season, saisonParam,
                new MembershipService.Filter(season == null ? null : season.id(), t, sort, p));
    }

    private static List<PageLink> pageLinks(CentreScope scope, ListQuery query, MembershipService.Page rows) {
        List<PageLink> links = new ArrayList<>();
        if (rows.pages() <= 1) {
            return links;
        }
        int last = 0;
        for (int p = 1; p <= rows.pages(); p++) {
            if (p == 1 || p == rows.pages() || Math.abs(p - rows.page()) <= 3) {
                if (last != 0 && p > last + 1) {
                    links.add(new PageLink("…", null, false));
                }
                ListQuery at = new ListQuery(query.season(), query.saisonParam(), query.filter());
                links.add(new PageLink(String.valueOf(p), at.href(scope, "", p), p == rows.page()));
                last = p;
            }
        }
        return links;
    }

    /** A new membership, from a household page, a person page or the season list. */
    static final class MembershipForm implements Form {
        public String type;
        public Long householdId;
        public Long personId;
        public String organisation;
        public Long seasonId;
        public String amount;
        public boolean paid;
        public String paymentMode;
        public String returnTo;

        @Override
        public void validate(Errors errors) {
            Checks.amount(errors, "amount", amount);
            if ("associative".equals(type)) {
                Checks.required(errors, "organisation", organisation);
            } else if (!"familiale".equals(type) && !"individuelle".equals(type)) {
                errors.rejectValue("type", "choice");
            }
        }
    }

    /** Takes a membership for the chosen season, from a household page, a person page or the season list. */
    @PostMapping
    String create(CentreScope scope, @Validated MembershipForm form, BindingResult binding, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        if (form.seasonId == null || form.returnTo == null) {
            throw HouseholdController.notFound();
        }
        MembershipService.Season season = memberships.season(scope.id(), form.seasonId)
                .orElseThrow(HouseholdController::notFound);
        String type = form.type;
        // the household or the person must be this centre's
        if ("familiale".equals(type) && (form.householdId == null || households.find(scope.id(), form.householdId).isEmpty())
                || "individuelle".equals(type) && (form.personId == null || persons.find(scope.id(), form.personId).isEmpty())) {
            throw HouseholdController.notFound();
        }
        FieldErrors errors = FieldErrors.of(binding);
        String mode = form.paymentMode != null && MembershipService.PAYMENT_MODES.contains(form.paymentMode) ? form.paymentMode : null;
        if (errors.any()) {
            flash.addFlashAttribute("membershipErrors", errors);
            flash.addFlashAttribute("membershipAmount", form.amount == null ? "" : form.amount);
            flash.addFlashAttribute("membershipOrganisation", form.organisation == null ? "" : form.organisation);
        } else {
            Integer cents = Checks.cents(form.amount);
            boolean paid = form.paid;
            try {
                memberships.create(scope.id(), new MembershipService.NewMembership(type,
                        type.equals("familiale") ? form.householdId : null, type.equals("individuelle") ? form.personId : null,
                        type.equals("associative") ? Checks.clean(form.organisation) : null, season.startDate(),
                        season.endDate(), cents, paid, paid ? scope.today() : null, paid ? mode : null));
                flash.addFlashAttribute("message", "Adhésion " + type + " " + season.label() + " enregistrée.");
            } catch (MembershipService.AlreadyMember e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:" + scope.pageOrElse(form.returnTo, "/adhesions");
    }

    @PostMapping("/{id}/renouveler")
    String renew(CentreScope scope, @PathVariable long id, @RequestParam String returnTo, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        if (memberships.find(scope.id(), id).orElseThrow(HouseholdController::notFound).cancelled()) {
            flash.addFlashAttribute("error", "Cette adhésion est annulée : prenez une nouvelle adhésion plutôt que de la renouveler.");
            return "redirect:" + scope.pageOrElse(returnTo, "/adhesions");
        }
        long renewed;
        try {
            renewed = memberships.renew(scope.id(), id);
        } catch (MembershipService.AlreadyMember e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + scope.pageOrElse(returnTo, "/adhesions");
        }
        MembershipService.Membership m = memberships.find(scope.id(), renewed).orElseThrow();
        flash.addFlashAttribute("message", "Adhésion renouvelée pour " + Forms.display(m.startDate()) + " – "
                + Forms.display(m.endDate()) + " (à encaisser).");
        return "redirect:" + scope.pageOrElse(returnTo, "/adhesions");
    }

    @PostMapping("/{id}/payee")
    String markPaid(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String paymentMode,
                    @RequestParam String returnTo, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        memberships.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        if (memberships.markPaid(scope.id(), id, scope.today(),
                MembershipService.PAYMENT_MODES.contains(paymentMode) ? paymentMode : null)) {
            flash.addFlashAttribute("message", "Paiement enregistré.");
        } else {
            flash.addFlashAttribute("error", "Cette adhésion est annulée : aucun paiement n'y est enregistré.");
        }
        return "redirect:" + scope.pageOrElse(returnTo, "/adhesions");
    }

    /**
     * Cancels a membership with a reason (who may take one may cancel it): it stays listed, struck through, and
     * leaves the figures; the audit log keeps who and when.
     */
    @PostMapping("/{id}/annuler")
    String cancel(CentreScope scope, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                  @RequestParam String returnTo, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        MembershipService.Membership m = memberships.find(scope.id(), id).orElseThrow(HouseholdController::notFound);
        String why = Checks.clean(reason);
        if (why == null) {
            flash.addFlashAttribute("error", "Motif de l'annulation : indiquez pourquoi l'adhésion est annulée.");
            flash.addFlashAttribute("cancelErrorId", id);
        } else if (why.length() > 500) {
            flash.addFlashAttribute("error", "Motif de l'annulation : 500 caractères au plus.");
            flash.addFlashAttribute("cancelErrorId", id);
            flash.addFlashAttribute("cancelTyped", reason);
        } else if (memberships.cancel(scope.id(), id, why, scope.userId())) {
            flash.addFlashAttribute("message", "Adhésion de " + m.holder() + " annulée (" + why + ").");
        } else {
            flash.addFlashAttribute("error", "Cette adhésion était déjà annulée.");
        }
        return "redirect:" + scope.pageOrElse(returnTo, "/adhesions");
    }
}
