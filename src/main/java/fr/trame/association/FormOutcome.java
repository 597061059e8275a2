package fr.trame.association;

import fr.trame.form.NotFound;
import fr.trame.centre.CentreScope;
import fr.trame.form.FieldErrors;
import fr.trame.form.Form;
import org.springframework.validation.BindingResult;

import java.util.function.BooleanSupplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The end of a small form posted from a list page: saved and said so, or nothing saved and what is wrong said. */
final class FormOutcome {

    private FormOutcome() {
    }

    /** Saves when the form is right; back to the page either way, with what is wrong said and what was typed kept. */
    static String saveAndReturn(CentreScope scope, Form form, BindingResult binding, RedirectAttributes flash, String page,
                                Runnable save, String message) {
        if (!binding.hasErrors()) {
            save.run();
            flash.addFlashAttribute("message", message);
        } else {
            flash.addFlashAttribute("error", "Rien n'est enregistré : " + String.join(" ", FieldErrors.of(binding).all().values()));
            flash.addFlashAttribute("typed", form.typed());
        }
        return "redirect:" + scope.base() + page;
    }

    /** The same for a form object changing one record: when it is not this centre's, nothing is said saved (404). */
    static String updateAndReturn(CentreScope scope, Form form, BindingResult binding, RedirectAttributes flash, String page,
                                  BooleanSupplier update, String message) {
        return saveAndReturn(scope, form, binding, flash, page, () -> {
            if (!update.getAsBoolean()) {
                throw new NotFound("Cette fiche n'existe pas dans votre centre.");
            }
        }, message);
    }
}
