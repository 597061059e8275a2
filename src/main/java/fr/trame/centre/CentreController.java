package fr.trame.centre;

import fr.trame.form.FieldErrors;
import fr.trame.form.Parse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The centre's identity sheet: name, address, SIRET, contacts and logo. */
@Controller
public class CentreController {

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
        values.put("schoolZone", c.schoolZone());
        values.put("timeZone", c.zone().getId());
        return page(model, values, new FieldErrors(), centres.logo(scope.id()).isPresent());
    }

    @PostMapping("/c/{centre}/admin/centre")
    String save(CentreScope scope, @RequestParam Map<String, String> form,
                @RequestParam(value = "logo", required = false) MultipartFile logo, Model model,
                RedirectAttributes flash) throws IOException {
        scope.requireAdmin();
        FieldErrors errors = new FieldErrors();
        String name = clean(form.get("name"));
        String siret = clean(form.get("siret"));
        String postcode = clean(form.get("postcode"));
        String email = clean(form.get("email"));
        if (name == null) {
            errors.add("name", "Le nom du centre est obligatoire.");
        }
        if (siret != null) {
            siret = siret.replace(" ", "");
            if (!siret.matches("\\d{14}")) {
                errors.add("siret", "Le SIRET compte 14 chiffres.");
            }
        }
        if (postcode != null && !postcode.matches("\\d{5}")) {
            errors.add("postcode", "Le code postal compte 5 chiffres.");
        }
        if (email != null && !Parse.isEmail(email)) {
            errors.add("email", "Adresse électronique invalide.");
        }
        String zone = form.getOrDefault("schoolZone", "");
        if (!zone.matches("[ABC]")) {
            errors.add("schoolZone", "Choisissez la zone A, B ou C.");
        }
        // absent (a form of before the field existed): the zone stays as it is
        String timeZone = form.getOrDefault("timeZone", scope.zone().getId());
        if (!Centre.knownZone(timeZone)) {
            errors.add("timeZone", "Choisissez le fuseau horaire du centre dans la liste.");
        }
        boolean newLogo = logo != null && !logo.isEmpty();
        if (newLogo && (!LOGO_TYPES.contains(logo.getContentType()) || logo.getSize() > LOGO_MAX_BYTES)) {
            errors.add("logo", "Le logo doit être une image PNG ou JPEG de moins de 300 Ko.");
        }
        if (errors.any()) {
            return page(model, form, errors, centres.logo(scope.id()).isPresent());
        }
        centres.updateIdentity(scope.id(), name, clean(form.get("address")), postcode, clean(form.get("commune")),
                siret, clean(form.get("phone")), email);
        centres.setSchoolZone(scope.id(), zone);
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
        return s == null || s.isBlank() ? null : s.trim();
    }
}
