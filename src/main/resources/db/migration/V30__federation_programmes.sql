-- Programmes the federation runs with its member structures (Centres sociaux connectés, Vivons retraite, santé,
-- vacances ANCV): a period, its funders and their amounts, the structures taking part and their projects. Amounts are
-- integer cents.
create table programmes (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    name           text not null check (length(trim(name)) between 1 and 200),
    kind           text not null check (kind in ('numerique', 'retraite', 'sante', 'vacances', 'autre')),
    start_year     integer not null check (start_year between 2000 and 2100),
    end_year       integer not null check (end_year between 2000 and 2100),
    description    text check (length(description) <= 4000),
    created_at     timestamptz not null default now(),
    primary key (federation_id, id),
    check (end_year >= start_year)
);
create unique index programmes_name on programmes (federation_id, lower(name), start_year);

-- Who pays for a programme, and how much (FEDER, a département, a CAF, the CARSAT, the ARS...).
create table programme_funders (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    programme_id   bigint not null,
    funder         text not null check (length(trim(funder)) between 1 and 200),
    amount_cents   bigint not null check (amount_cents between 0 and 100000000000),
    primary key (federation_id, id),
    foreign key (federation_id, programme_id) references programmes (federation_id, id) on delete cascade
);
create index programme_funders_programme on programme_funders (federation_id, programme_id);

-- A structure taking part in a programme (engaged in it), with or without a project of its own.
create table programme_participants (
    federation_id  bigint not null,
    programme_id   bigint not null,
    structure_id   bigint not null,
    since          date,
    primary key (federation_id, programme_id, structure_id),
    foreign key (federation_id, programme_id) references programmes (federation_id, id) on delete cascade,
    foreign key (federation_id, structure_id) references structures (federation_id, id)
);
create index programme_participants_structure on programme_participants (federation_id, structure_id);

-- A participant's project in the programme: its theme and the amount it received. A structure may have several.
create table programme_projects (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    programme_id   bigint not null,
    structure_id   bigint not null,
    title          text not null check (length(trim(title)) between 1 and 300),
    theme          text not null check (theme in ('nutrition', 'prevention_cancer', 'numerique', 'acces_droits',
                                                  'bien_vieillir', 'vacances', 'autre')),
    amount_cents   bigint not null check (amount_cents between 0 and 100000000000),
    created_at     timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, programme_id, structure_id)
        references programme_participants (federation_id, programme_id, structure_id) on delete cascade
);
create index programme_projects_programme on programme_projects (federation_id, programme_id, structure_id);
