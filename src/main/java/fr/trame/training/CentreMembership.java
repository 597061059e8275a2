package fr.trame.training;

import fr.trame.federation.Federation;
import fr.trame.federation.FederationService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Which federation a Trame centre is a structure of (at most one, design.md): the federation whose trainings its
 * staff see and register to, and the structure its registrations are made for.
 */
@Service
public class CentreMembership {

    public record Membership(long federationId, String federationCode, String federationName, long structureId,
                             String structureName) {
    }

    private final JdbcClient jdbc;
    private final FederationService federations;

    public CentreMembership(JdbcClient jdbc, FederationService federations) {
        this.jdbc = jdbc;
        this.federations = federations;
    }

    public Optional<Membership> of(long centreId) {
        record Row(long federationId, long id, String name) {
        }
        return jdbc.sql("select federation_id, id, name from federation_structures where centre_id = :c")
                .param("c", centreId).query(Row.class).optional()
                .map(row -> {
                    Federation f = federations.findById(row.federationId()).orElseThrow();
                    return new Membership(f.id(), f.code(), f.name(), row.id(), row.name());
                });
    }
}
