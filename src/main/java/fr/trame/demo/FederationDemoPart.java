package fr.trame.demo;

import java.time.LocalDate;
import java.util.Random;

/**
 * One part of the demonstration federation's records (renewals, accompaniments, meetings…), filled by
 * {@link DemoFederation} once the registry is built: the structures, ATs and users are there to read through the
 * federation's services. Each part gets its own seeded {@code random}, so that a new part changes no other's data.
 */
public interface FederationDemoPart {

    void fill(long federationId, LocalDate today, Random random);
}
