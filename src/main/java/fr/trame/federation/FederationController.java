package fr.trame.federation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The federation's home: its network at a glance, and for a délégué the ATs they follow. */
@Controller
class FederationController {

    private final StructureService structures;
    private final TerritoryService territories;
    private final MeetingService meetings;
    private final RenewalService renewals;

    FederationController(StructureService structures, TerritoryService territories, MeetingService meetings,
                         RenewalService renewals) {
        this.structures = structures;
        this.territories = territories;
        this.meetings = meetings;
        this.renewals = renewals;
    }

    @GetMapping("/f/{federation}")
    String home(FederationScope fed, Model model) {
        List<Structure> members = structures.list(fed.id(), StructureFilter.ALL, fed.today()).stream()
                .filter(s -> s.membership() != null && StructureService.MEMBER_STATES.contains(s.membership())).toList();
        Map<String, Long> byDepartement = new TreeMap<>();
        members.forEach(s -> byDepartement.merge(s.departement(), 1L, Long::sum));
        List<Territory> all = territories.list(fed.id(), fed.today());
        model.addAttribute("members", members.size());
        model.addAttribute("byDepartement", byDepartement);
        model.addAttribute("ats", all.stream().filter(Territory::isAt).count());
        model.addAttribute("mine", all.stream().filter(t -> fed.territories().contains(t.id())).toList());
        // a délégué's ATs (and the federation's own meetings); the whole network for the others
        Set<Long> followed = fed.isDelegue() ? fed.territories() : null;
        model.addAttribute("renewalAlerts", renewals.alerts(fed.id(), fed.today(), followed));
        model.addAttribute("upcomingMeetings", meetings.upcoming(fed.id(), fed.today(), followed, 5));
        return "federation/home";
    }
}
