package fr.trame.centre;

import fr.trame.form.FieldErrors;
import fr.trame.form.Checks;
import fr.trame.form.Form;
import fr.trame.form.Parse;
import fr.trame.form.Vocabulary;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The centre's identity sheet: name, address, SIRET, RNA, founding date, contacts and logo. */
@Controller
class CentreController {

    private static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg");
    private static final int LOGO_MAX_BYTES = 300_000;

    private final CentreService centres;
    private final AuditLog audit;

    public CentreController(CentreService centres, AuditLog audit) {
        this.centres = centres;
        this.audit = audit;
    }

    @GetMapping("/c/{centre}/admin/centre")
    String form(CentreScope scope, Model model) {
        scope.requireAdmin();
        Centre c = centres.findById(scope.id()).orElseThrow();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", c.name());
        values.put("address", c.address());
        values.put("postcode", c.postcode());
        values.put("commune", c.commune());
        values.put("siret", c.siret());
        values.put("phone", c.phone());
        values.put("email", c.email());
        values.put("rna", c.rna());
        values.put("createdOn", c.createdOn() == null ? null : Parse.FRENCH_DATE.format(c.createdOn()));
        values.put("schoolZone", c.schoolZone());
        values.put("timeZone", c.zone().getId());
        return page(model, values, new FieldErrors(), centres.logo(scope.id()).isPresent());
    }

    /** The identity sheet as sent; the logo comes as a file beside it. */
    static final class CentreForm implements Form {
        public String name;
        public String address;
        public String postcode;
        public String commune;
        public String siret;
        public String phone;
        public String email;
        public String rna;
        /** The founding day, kept as typed (JJ/MM/AAAA). */
        public String createdOn;
        public String schoolZone;
        /** Absent (a form of before the field existed): the zone stays as it is. */
        public String timeZone;

        @Override
        public void validate(Errors errors) {
            Checks.required(errors, "name", name);
            if (siret != null && !siret.isBlank() && !siret.replace(" ", "").trim().matches("\\d{14}")) {
                errors.rejectValue("siret", "siret");
            }
            if (postcode != null && !postcode.isBlank() && !postcode.trim().matches("\\d{5}")) {
                errors.rejectValue("postcode", "postcode");
            }
            Checks.email(errors, "email", email);
            if (CentreService.rnaProblem(Checks.clean(rna)) != null) {
                errors.rejectValue("rna", "rna");
            }
            LocalDate created = Checks.date(errors, "createdOn", createdOn);
            if (created != null && CentreService.createdProblem(created, LocalDate.now()) != null) {
                errors.rejectValue("createdOn", "createdOn");
            }
            if (schoolZone == null || !schoolZone.matches("[ABC]")) {
                errors.rejectValue("schoolZone", "schoolZone");
            }
            if (timeZone != null && !Centre.knownZone(timeZone)) {
                errors.rejectValue("timeZone", "choice");
            }
        }
    }

    @PostMapping("/c/{centre}/admin/centre")
    String save(CentreScope scope, @Validated CentreForm form, BindingResult binding, @RequestParam Map<String, String> typed,
                @RequestParam(value = "logo", required = false) MultipartFile logo, Model model,
                RedirectAttributes flash) throws IOException {
        scope.requireAdmin();
        FieldErrors errors = FieldErrors.of(binding);
        String timeZone = form.timeZone == null ? scope.zone().getId() : form.timeZone;
        boolean newLogo = logo != null && !logo.isEmpty();
        if (newLogo && (!LOGO_TYPES.contains(logo.getContentType()) || logo.getSize() > LOGO_MAX_BYTES)) {
            errors.add("logo", Vocabulary.message("logo"));
        }
        if (errors.any()) {
            return page(model, typed, errors, centres.logo(scope.id()).isPresent());
        }
        String siret = clean(form.siret);
        centres.setIdentity(scope.id(), new CentreService.Identity(clean(form.name), clean(form.address), clean(form.postcode),
                clean(form.commune), clean(form.phone), clean(form.email), siret == null ? null : siret.replace(" ", ""),
                clean(form.rna), Checks.date(clean(form.createdOn))));
        centres.setSchoolZone(scope.id(), form.schoolZone);
        if (!timeZone.equals(scope.zone().getId())) {
            // "today" changes on every page of the centre: who did it must be found
            centres.setTimeZone(scope.id(), timeZone);
            audit.record(scope.id(), scope.userId(), "fuseau horaire", "centre", scope.id(),
                    scope.zone().getId() + " → " + timeZone);
        }
        if (newLogo) {
            centres.setLogo(scope.id(), logo.getBytes(), logo.getContentType());
        }
        flash.addFlashAttribute("message", "Fiche du centre enregistrée.");
        return "redirect:" + scope.base() + "/admin/centre";
    }

    @GetMapping("/c/{centre}/logo")
    ResponseEntity<byte[]> logo(CentreScope scope) {
        return centres.logo(scope.id())
                .map(l -> ResponseEntity.ok().contentType(MediaType.parseMediaType(l.contentType()))
                        .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate()).body(l.bytes()))
                .orElse(ResponseEntity.notFound().build());
    }

    private static String page(Model model, Map<String, String> values, FieldErrors errors, boolean hasLogo) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("hasLogo", hasLogo);
        model.addAttribute("timeZones", Centre.TIME_ZONES);
        return "centre/admin/centre";
    }

    private static String clean(String s) {
        return Checks.clean(s);
    }
}
