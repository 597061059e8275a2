package fr.trame.demo;

import fr.trame.federation.FederationScope;
import fr.trame.federation.FederationService;
import fr.trame.senacs.Question;
import fr.trame.senacs.SenacsCampaigns;
import fr.trame.senacs.StructureReturns;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The SENACS returns the federation entered for most of its structures not on Trame, validated, for last year and the
 * year before: figures drawn from a size per structure (people reached), the year before a little different.
 */
@Component
@Order(950)
class DemoSenacsStructureReturns implements FederationDemoPart {

    private final FederationService federations;
    private final StructureReturns returns;
    private final SenacsCampaigns campaigns;

    DemoSenacsStructureReturns(FederationService federations, StructureReturns returns, SenacsCampaigns campaigns) {
        this.federations = federations;
        this.returns = returns;
        this.campaigns = campaigns;
    }

    @Override
    public void fill(long federationId, LocalDate today, Random random) {
        FederationScope scope = FederationScope.commandLine(federations.findById(federationId).orElseThrow());
        int last = today.getYear() - 1;
        for (StructureReturns.Structure s : returns.notOnTrame(federationId)) {
            if (random.nextInt(100) < 15) {
                continue; // a few returns are still missing
            }
            int persons = 150 + random.nextInt(2500);
            for (int year = last - 1; year <= last; year++) {
                double drift = year == last ? 1 : 0.9 + random.nextDouble() * 0.2;
                Map<String, String> answers = answers(year, (int) Math.round(persons * drift), random);
                if (returns.save(scope, s.id(), year, answers, true).any()) {
                    throw new IllegalStateException("demo SENACS return refused for " + s.ref() + " " + year);
                }
            }
        }
    }

    Map<String, String> answers(int year, int persons, Random random) {
        int volunteers = Math.max(3, persons / 25 + random.nextInt(10));
        int employees = Math.max(1, persons / 120 + random.nextInt(4));
        BigDecimal etp = BigDecimal.valueOf(employees * (0.6 + random.nextDouble() * 0.3)).setScale(2, RoundingMode.HALF_UP);
        int board = 9 + random.nextInt(12);
        long products = Math.round(etp.doubleValue() * (48_000 + random.nextInt(12_000)));
        Map<String, String> a = new HashMap<>();
        for (Question q : campaigns.forYear(year).questions()) {
            a.put(q.code(), switch (q.type()) {
                case OUI_NON -> random.nextInt(3) == 0 ? "non" : "oui";
                case CHOIX -> q.choices().get(random.nextInt(q.choices().size()));
                case DATE -> LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
                case TEXTE -> "Saisi par la fédération";
                case ENTIER -> String.valueOf(random.nextInt(Math.max(2, persons / 20)));
                case DECIMAL -> String.valueOf(random.nextInt(Math.max(2, employees)));
                case MONTANT -> String.valueOf(random.nextInt((int) Math.max(2, products / 10)));
            });
        }
        a.put("PUB_PERSONNES", String.valueOf(persons));
        a.put("BEN_TOTAL", String.valueOf(volunteers));
        a.put("BEN_HEURES", String.valueOf(volunteers * (20 + random.nextInt(60))));
        a.put("SAL_EFFECTIF", String.valueOf(employees));
        a.put("SAL_ETP", etp.toPlainString());
        a.put("GOV_CA_MEMBRES", String.valueOf(board));
        int inhabitants = board / 2;
        int partners = (board - inhabitants) / 2;
        a.put("GOV_COLLEGE_HABITANTS", String.valueOf(inhabitants));
        a.put("GOV_COLLEGE_PARTENAIRES", String.valueOf(partners));
        a.put("GOV_COLLEGE_INSTITUTIONS", String.valueOf(board - inhabitants - partners));
        a.put("FIN_PRODUITS", String.valueOf(products));
        return a;
    }
}
