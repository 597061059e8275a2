-- The renewal of a structure's agrément as dated milestones (seed 004: COPAR, comités de pilotage, évaluations
-- intermédiaires, demandes d'aménagement), and who attended each for the federation.

-- One renewal process of one agrément: opened when it is launched, closed at the CAF's decision. When the decision
-- grants it, new_agrement_id is the agrément it created (a new structure_agrements row).
create table renewals (
    federation_id   bigint not null,
    id              bigint generated always as identity,
    structure_id    bigint not null,
    agrement_id     bigint not null,
    opened_on       date not null,
    closed_on       date,
    outcome         text check (outcome in ('accorde', 'refuse')),
    new_agrement_id bigint,
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id) on delete cascade,
    foreign key (federation_id, agrement_id) references structure_agrements (federation_id, id) on delete cascade,
    foreign key (federation_id, new_agrement_id) references structure_agrements (federation_id, id),
    check (closed_on is null or closed_on >= opened_on),
    check ((closed_on is null) = (outcome is null)),
    check (new_agrement_id is null or outcome = 'accorde')
);
-- an agrément has at most one renewal running
create unique index renewals_one_open on renewals (federation_id, agrement_id) where closed_on is null;
create index renewals_structure on renewals (federation_id, structure_id);
create index renewals_agrement on renewals (federation_id, agrement_id);

create table renewal_milestones (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    renewal_id     bigint not null,
    kind           text not null check (kind in ('lancement', 'comite_pilotage', 'copar', 'comite_technique',
                                                 'evaluation_intermediaire', 'depot', 'decision', 'amenagement_demande')),
    date           date not null,
    note           text check (length(note) <= 2000),
    primary key (federation_id, id),
    foreign key (federation_id, renewal_id) references renewals (federation_id, id) on delete cascade
);
create index renewal_milestones_renewal on renewal_milestones (federation_id, renewal_id, date);
create index renewal_milestones_date on renewal_milestones (federation_id, date);

-- The federation's users (network_roles) who attended a milestone.
create table renewal_attendees (
    federation_id  bigint not null,
    milestone_id   bigint not null,
    user_id        bigint not null references users (id),
    primary key (federation_id, milestone_id, user_id),
    foreign key (federation_id, milestone_id) references renewal_milestones (federation_id, id) on delete cascade
);

-- The registry's structures as other modules (the command line's bench, a roll-up) may read them: a projection.
create view federation_structures as
    select federation_id, id, ref, name, kind, departement, territory_id, centre_id from structures;
