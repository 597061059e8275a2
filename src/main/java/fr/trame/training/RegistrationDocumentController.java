package fr.trame.training;

import fr.trame.federation.FederationScope;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The registration documents on the federation's side: a registration's confirmation and convocation, a session's
 * convocations. They hold names: the direction and the délégués print them, a reader does not.
 */
@Controller
class RegistrationDocumentController {

    private final RegistrationDocuments documents;

    RegistrationDocumentController(RegistrationDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/f/{federation}/formation/inscriptions/{rid}/confirmation.pdf")
    ResponseEntity<byte[]> confirmation(FederationScope fed, @PathVariable long rid) {
        fed.requireNames();
        return TrainingDocuments.response(documents.confirmation(fed.id(), rid, fed.today()),
                "confirmation-inscription-" + rid + ".pdf");
    }

    @GetMapping("/f/{federation}/formation/inscriptions/{rid}/convocation.pdf")
    ResponseEntity<byte[]> convocation(FederationScope fed, @PathVariable long rid) {
        fed.requireNames();
        return TrainingDocuments.response(documents.convocation(fed.id(), rid, fed.today()), "convocation-" + rid + ".pdf");
    }

    @GetMapping("/f/{federation}/formation/sessions/{id}/convocations.pdf")
    ResponseEntity<byte[]> convocations(FederationScope fed, @PathVariable long id) {
        fed.requireNames();
        return TrainingDocuments.response(documents.convocations(fed.id(), id, fed.today()),
                "convocations-session-" + id + ".pdf");
    }
}
