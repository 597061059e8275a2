-- The evaluation of an action (« fiche bilan »): per activity and calendar year, what its referent writes. The public
-- reached is never stored: it is computed by the indicator engine from the year's sessions and presences.
create table activity_evaluations (
    centre_id            bigint not null references centres (id),
    id                   bigint generated always as identity,
    activity_id          bigint not null,
    year                 integer not null check (year between 1900 and 2100),
    public_expected      integer check (public_expected >= 0),
    public_expected_text text,
    strengths            text,
    difficulties         text,
    perspectives         text,
    partners_text        text,
    updated_at           timestamptz not null default now(),
    updated_by           bigint,
    primary key (centre_id, id),
    unique (centre_id, activity_id, year),
    foreign key (centre_id, activity_id) references activities (centre_id, id)
);

-- The objectives of the year, in the order written, each with whether it was reached.
create table evaluation_objectives (
    centre_id      bigint not null,
    evaluation_id  bigint not null,
    position       integer not null,
    objective      text not null,
    reached        text not null check (reached in ('atteint', 'partiel', 'non_atteint')),
    comment        text,
    primary key (centre_id, evaluation_id, position),
    foreign key (centre_id, evaluation_id) references activity_evaluations (centre_id, id) on delete cascade
);

-- The centre's partners (association's register) the action worked with.
create table evaluation_partners (
    centre_id      bigint not null,
    evaluation_id  bigint not null,
    partner_id     bigint not null,
    primary key (centre_id, evaluation_id, partner_id),
    foreign key (centre_id, evaluation_id) references activity_evaluations (centre_id, id) on delete cascade,
    foreign key (centre_id, partner_id) references partners (centre_id, id)
);

-- Published for the annual report (reporting): the grids, without who typed them.
create view activities_evaluations as
    select centre_id, id, activity_id, year, public_expected, public_expected_text, strengths, difficulties, perspectives,
           partners_text
    from activity_evaluations;

create view activities_evaluation_objectives as
    select centre_id, evaluation_id, position, objective, reached, comment from evaluation_objectives;

create view activities_evaluation_partners as
    select centre_id, evaluation_id, partner_id from evaluation_partners;
