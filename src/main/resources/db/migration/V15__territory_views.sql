-- What the territory module publishes for other modules to read (docs/architecture.md).
create view territory_quartiers as
    select centre_id, id, name, qpv from quartiers;
