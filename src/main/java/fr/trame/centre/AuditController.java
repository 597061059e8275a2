package fr.trame.centre;

import fr.trame.form.Forbidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log, for direction: who read or changed confidential files, and when. */
@Controller
class AuditController {

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/c/{centre}/journal")
    String log(CentreScope scope, Model model) {
        // direction only: its entries name the case files' outcomes and documents, which only direction may read
        if (scope.role() != Role.DIRECTION) {
            throw new Forbidden("Le journal des accès est réservé à la direction.");
        }
        model.addAttribute("entries", audit.latest(scope.id(), 500));
        return "centre/admin/journal";
    }
}
