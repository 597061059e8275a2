-- A centre's own age and QF bands for its pages and report (the indicators JSON keeps the standard ones),
-- and an activity's own age bands. Bounds are the lower bounds, ascending, from 0.
create table reporting_bands (
    centre_id  bigint not null references centres (id),
    kind       text not null check (kind in ('age', 'qf')),
    bounds     integer[] not null check (cardinality(bounds) between 1 and 12 and bounds[1] = 0),
    primary key (centre_id, kind)
);

alter table activities add column age_bands integer[] check (age_bands is null or (cardinality(age_bands) between 1 and 12 and age_bands[1] = 0));
