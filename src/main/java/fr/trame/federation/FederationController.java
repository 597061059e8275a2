package fr.trame.federation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The federation's home: its network at a glance, and for a délégué the ATs they follow. */
@Controller
class FederationController {

    private final StructureService structures;
    private final TerritoryService territories;
    private final RenewalService renewals;

    FederationController(StructureService structures, TerritoryService territories, RenewalService renewals) {
        this.structures = structures;
        this.territories = territories;
        this.renewals = renewals;
    }

    @GetMapping("/f/{federation}")
    String home(FederationScope fed, Model model) {
        List<Structure> members = structures.list(fed.id(), StructureFilter.ALL, fed.today()).stream()
                .filter(s -> StructureService.MEMBER_STATES.contains(s.membership())).toList();
        Map<String, Long> byDepartement = new TreeMap<>();
        members.forEach(s -> byDepartement.merge(s.departement(), 1L, Long::sum));
        List<Territory> all = territories.list(fed.id(), fed.today());
        model.addAttribute("members", members.size());
        model.addAttribute("byDepartement", byDepartement);
        model.addAttribute("ats", all.stream().filter(Territory::isAt).count());
        model.addAttribute("mine", all.stream().filter(t -> fed.territories().contains(t.id())).toList());
        // a délégué's alerts are those of their ATs; the direction and the readers see the whole network's
        model.addAttribute("renewalAlerts", renewals.alerts(fed.id(), fed.today(), fed.isDelegue() ? fed.territories() : null));
        return "federation/home";
    }
}
