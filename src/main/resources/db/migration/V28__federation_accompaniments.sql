-- Accompaniments: the federation's dated follow-up of a member structure (a direction's recruitment, governance,
-- a passage associatif...), followed by a délégué, with its steps. A "cellule de veille" (a centre in difficulty) is
-- confidential: only its délégué, the users it is shared with and the direction read it, and every read is journalled.
create table accompaniments (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    structure_id   bigint not null,
    kind           text not null check (kind in ('recrutement_direction', 'gouvernance', 'pilotage', 'partenariats', 'rh',
                                                 'evaluation_projet_social', 'passage_associatif', 'prefiguration',
                                                 'difficulte_financiere')),
    title          text not null check (length(trim(title)) between 1 and 200),
    delegue_id     bigint not null references users (id),
    opened_on      date not null,
    closed_on      date,
    confidential   boolean not null default false,
    created_at     timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id),
    check (closed_on is null or closed_on >= opened_on)
);
create index accompaniments_structure on accompaniments (federation_id, structure_id);
create index accompaniments_opened on accompaniments (federation_id, opened_on);

-- A dated note of what was done, and what comes next.
create table accompaniment_steps (
    federation_id     bigint not null,
    id                bigint generated always as identity,
    accompaniment_id  bigint not null,
    date              date not null,
    done              text not null check (length(trim(done)) between 1 and 4000),
    next_step         text check (length(next_step) <= 500),
    author_id         bigint references users (id),
    primary key (federation_id, id),
    foreign key (federation_id, accompaniment_id) references accompaniments (federation_id, id) on delete cascade
);
create index accompaniment_steps_of on accompaniment_steps (federation_id, accompaniment_id, date);

-- The federation users a confidential accompaniment is shared with, beside its délégué and the direction.
create table accompaniment_shares (
    federation_id     bigint not null,
    accompaniment_id  bigint not null,
    user_id           bigint not null references users (id),
    shared_at         timestamptz not null default now(),
    primary key (federation_id, accompaniment_id, user_id),
    foreign key (federation_id, accompaniment_id) references accompaniments (federation_id, id) on delete cascade
);

-- The federation's journal of who did what to its confidential records: every read of a cellule de veille, its
-- sharing, its steps. Only the direction reads it.
create table network_audit (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    at             timestamptz not null default now(),
    user_id        bigint references users (id),
    action         text not null check (action in ('ouverture', 'lecture', 'modification', 'etape', 'partage',
                                                   'retrait_partage', 'acces_refuse')),
    entity         text not null check (entity in ('accompagnement')),
    entity_id      bigint not null,
    detail         text check (length(detail) <= 500),
    primary key (federation_id, id)
);
create index network_audit_at on network_audit (federation_id, at desc);
create index network_audit_entity on network_audit (federation_id, entity, entity_id);
