package fr.trame.cli;

import fr.trame.federation.Federation;
import fr.trame.federation.FederationService;
import org.springframework.stereotype.Component;

/** The {@code --federation CODE} option. */
@Component
class FederationOption {

    private final FederationService federations;

    FederationOption(FederationService federations) {
        this.federations = federations;
    }

    Federation federation(Arguments args) {
        String code = args.required("federation");
        return federations.findByCode(code).orElseThrow(() -> new UsageException("Fédération inconnue : « " + code
                + " » (créez-la avec : federation create " + code + " --name …)."));
    }
}
