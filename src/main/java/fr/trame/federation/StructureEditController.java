package fr.trame.federation;

import fr.trame.form.Checks;
import fr.trame.form.FieldErrors;
import fr.trame.form.Forbidden;
import fr.trame.form.Form;
import fr.trame.form.Refused;
import fr.trame.form.Vocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The forms of a structure's page: its record, a dated status change, a membership step, a new contact, the end of
 * one, and (direction only) the Trame centre it is. The direction and the délégué of the structure's AT write; a
 * reader, or the délégué of another AT, is refused (403) before anything of the form is read.
 */
@Controller
class StructureEditController {

    private final StructureService structures;
    private final StructureEditService edits;
    private final StructurePage page;

    StructureEditController(StructureService structures, StructureEditService edits, StructurePage page) {
        this.structures = structures;
        this.edits = edits;
        this.page = page;
    }

    static final class StructureIdentityForm implements Form {
        public String name;
        public String kind;
        public String departement;
        public String commune;
        public String epci;
        public String cafAntenna;
        public String managingAssociation;
        public String territoryId;
        public List<String> grids = new ArrayList<>();
        private Long territory;
        private final List<Long> gridIds = new ArrayList<>();

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "name", name, true, 300);
            Checks.choice(errors, "kind", kind, true, StructureService.KINDS);
            String d = Checks.text(errors, "departement", departement, true);
            if (d != null && !d.toUpperCase().matches("2A|2B|[0-9]{2,3}")) {
                errors.rejectValue("departement", "departement");
            }
            Checks.text(errors, "commune", commune, false, 200);
            Checks.text(errors, "epci", epci, false, 200);
            Checks.text(errors, "cafAntenna", cafAntenna, false, 200);
            Checks.text(errors, "managingAssociation", managingAssociation, false, 300);
            territory = Checks.id(errors, "territoryId", territoryId, false);
            for (String g : grids == null ? List.<String>of() : grids) {
                Long id = Checks.id(errors, "grids", g, false);
                if (id != null) {
                    gridIds.add(id);
                }
            }
        }

        @Override
        public Map<String, String> typed() {
            Map<String, String> typed = Form.super.typed();
            typed.remove("grids");
            return typed;
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/fiche")
    String identity(FederationScope fed, @PathVariable long id, @Validated StructureIdentityForm form, BindingResult binding,
                    Model model, RedirectAttributes flash) {
        Structure structure = editable(fed, id);
        if (!binding.hasErrors() && !fed.isDirection() && !Objects.equals(form.territory, structure.territoryId())
                && !fed.follows(form.territory)) {
            binding.rejectValue("territoryId", "territoryNotFollowed");
        }
        List<String> grids = form.grids == null ? List.of() : form.grids;
        return save(fed, id, "fiche", form, grids, binding, model, flash, () -> {
            edits.update(fed.id(), id, new StructureEditService.Identity(Checks.clean(form.name), form.kind.trim(),
                    form.departement.trim().toUpperCase(), Checks.clean(form.commune), Checks.clean(form.epci),
                    Checks.clean(form.cafAntenna), Checks.clean(form.managingAssociation), form.territory, form.gridIds));
            return "Fiche enregistrée.";
        }, "");
    }

    static final class StructureStatusForm implements Form {
        public String status;
        public String since;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "status", status, true, StructureService.STATUSES);
            Checks.dateInYears(errors, "since", since, true);
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/statut")
    String status(FederationScope fed, @PathVariable long id, @Validated StructureStatusForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        editable(fed, id);
        return save(fed, id, "statut", form, List.of(), binding, model, flash, () -> {
            LocalDate since = Checks.date(form.since);
            edits.recordStatus(fed.id(), id, form.status.trim(), since);
            return "Statut « " + label("structure-status", form.status.trim()) + " » enregistré à partir du "
                    + form.since.trim() + ".";
        }, "#historique");
    }

    static final class StructureMembershipForm implements Form {
        public String state;
        public String since;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "state", state, true, StructureService.MEMBERSHIPS);
            Checks.dateInYears(errors, "since", since, true);
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/adhesion")
    String membership(FederationScope fed, @PathVariable long id, @Validated StructureMembershipForm form, BindingResult binding,
                      Model model, RedirectAttributes flash) {
        editable(fed, id);
        return save(fed, id, "adhesion", form, List.of(), binding, model, flash, () -> {
            edits.recordMembership(fed.id(), id, form.state.trim(), Checks.date(form.since));
            return "Étape d'adhésion « " + label("structure-membership", form.state.trim()) + " » enregistrée à partir du "
                    + form.since.trim() + ".";
        }, "#historique");
    }

    static final class StructureContactForm implements Form {
        public String function;
        public String name;
        public String email;
        public String phone;
        public String since;

        @Override
        public void validate(Errors errors) {
            Checks.choice(errors, "function", function, true, StructureEditService.FUNCTIONS);
            Checks.text(errors, "name", name, true, 200);
            if (Checks.text(errors, "email", email, false, 200) != null) {
                Checks.email(errors, "email", email);
            }
            Checks.text(errors, "phone", phone, false, 40);
            Checks.dateInYears(errors, "since", since, true);
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/contacts")
    String contact(FederationScope fed, @PathVariable long id, @Validated StructureContactForm form, BindingResult binding,
                   Model model, RedirectAttributes flash) {
        editable(fed, id);
        return save(fed, id, "contact", form, List.of(), binding, model, flash, () -> {
            edits.addContact(fed.id(), id, form.function.trim(), Checks.clean(form.name), Checks.clean(form.email),
                    Checks.clean(form.phone), Checks.date(form.since));
            return label("contact-function", form.function.trim()) + " : " + Checks.clean(form.name)
                    + " enregistré·e à partir du " + form.since.trim() + ".";
        }, "#contacts");
    }

    static final class ContactEndForm implements Form {
        public String until;

        @Override
        public void validate(Errors errors) {
            Checks.dateInYears(errors, "until", until, true);
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/contacts/{contact}/fin")
    String endContact(FederationScope fed, @PathVariable long id, @PathVariable long contact, @Validated ContactEndForm form,
                      BindingResult binding, Model model, RedirectAttributes flash) {
        editable(fed, id);
        return save(fed, id, "fin-" + contact, form, List.of(), binding, model, flash, () -> {
            edits.endContact(fed.id(), id, contact, Checks.date(form.until));
            return "Fin de fonctions enregistrée au " + form.until.trim() + ".";
        }, "#contacts");
    }

    static final class StructureCentreForm implements Form {
        public String centreCode;

        @Override
        public void validate(Errors errors) {
            Checks.text(errors, "centreCode", centreCode, true, 40);
        }
    }

    /** The link to a Trame centre opens its aggregates to the federation: the platform's operator makes it. */
    private static void requireCentreLinks(FederationScope fed) {
        if (!fed.canLinkCentres()) {
            throw new Forbidden("Seul l'administrateur de la plateforme relie une structure à un centre Trame : "
                    + "ce lien ouvre les chiffres agrégés du centre à la fédération.");
        }
    }

    @PostMapping("/f/{federation}/structures/{id}/centre")
    String linkCentre(FederationScope fed, @PathVariable long id, @Validated StructureCentreForm form, BindingResult binding,
                      Model model, RedirectAttributes flash) {
        structures.get(fed.id(), id, fed.today());
        requireCentreLinks(fed);
        return save(fed, id, "centre", form, List.of(), binding, model, flash, () -> {
            edits.linkCentre(fed.id(), id, form.centreCode.trim());
            return "La structure est reliée au centre Trame « " + form.centreCode.trim() + " ».";
        }, "");
    }

    @PostMapping("/f/{federation}/structures/{id}/centre/retirer")
    String unlinkCentre(FederationScope fed, @PathVariable long id, RedirectAttributes flash) {
        structures.get(fed.id(), id, fed.today());
        requireCentreLinks(fed);
        edits.unlinkCentre(fed.id(), id);
        flash.addFlashAttribute("message", "La structure n'est plus reliée à un centre Trame : fiche du registre seulement.");
        return "redirect:" + fed.base() + "/structures/" + id;
    }

    /** The structure (404 when it is not this federation's), if this user may change it (403 otherwise). */
    private Structure editable(FederationScope fed, long id) {
        Structure structure = structures.get(fed.id(), id, fed.today());
        fed.requireEdit(structure.territoryId());
        return structure;
    }

    /**
     * Saves when the form is right and goes back to the page, saying so; otherwise, or when the domain refuses it,
     * the page again with the form as typed and the message beside its field.
     */
    private String save(FederationScope fed, long id, String posted, Form form, List<String> grids, BindingResult binding,
                        Model model, RedirectAttributes flash, Supplier<String> save, String anchor) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!binding.hasErrors()) {
            try {
                flash.addFlashAttribute("message", save.get());
                return "redirect:" + fed.base() + "/structures/" + id + anchor;
            } catch (Refused e) {
                errors.add(e.field() == null ? "form" : e.field(), e.getMessage());
            }
        }
        return page.render(fed, id, model, posted, form.typed(), grids, errors);
    }

    private static String label(String kind, String code) {
        return Vocabulary.label(kind, code);
    }
}
