-- The federation (design.md, "Tenancy"): a tenant of its own. Every table of a federation's records has
-- federation_id first in its primary key and in every foreign key to another such table; it reads its member
-- centres only through their aggregates, never their rows.

create table federations (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
    name        text not null check (length(trim(name)) > 0),
    created_at  timestamptz not null default now()
);

-- A user's role in a federation: federation-admin (the federation's direction), delegue (the ATs assigned to them),
-- federation (reads). A user may also hold roles in centres (user_roles): the two are separate.
create table network_roles (
    federation_id  bigint not null references federations (id),
    user_id        bigint not null references users (id) on delete cascade,
    role           text not null check (role in ('federation-admin', 'delegue', 'federation')),
    primary key (federation_id, user_id)
);
create index network_roles_user on network_roles (user_id);

-- Territorial grids: the Assemblées Territoriales (each structure belongs to one) and other grids that overlap them
-- (thematic networks, EPCI-level groups).
create table territories (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    name           text not null check (length(trim(name)) between 1 and 200),
    kind           text not null default 'at' check (kind in ('at', 'reseau')),
    primary key (federation_id, id)
);
create unique index territories_name on territories (federation_id, lower(name));

-- A délégué follows the ATs they are assigned, for a period: history is kept (one after the other).
create table delegate_assignments (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    territory_id   bigint not null,
    user_id        bigint not null references users (id),
    since          date not null,
    until          date,
    primary key (federation_id, id),
    foreign key (federation_id, territory_id) references territories (federation_id, id),
    check (until is null or until >= since)
);
create index delegate_assignments_territory on delegate_assignments (federation_id, territory_id, since);

-- A member structure of the registry. centre_id is the Trame centre it is, when it runs Trame: one centre is at most
-- one structure of a federation.
create table structures (
    federation_id          bigint not null references federations (id),
    id                     bigint generated always as identity,
    ref                    text not null check (length(ref) between 1 and 100),
    name                   text not null check (length(trim(name)) between 1 and 300),
    kind                   text not null check (kind in ('cs', 'evs')),
    departement            text not null check (departement ~ '^(2A|2B|[0-9]{2,3})$'),
    territory_id           bigint,
    commune                text,
    epci                   text,
    caf_antenna            text,
    managing_association   text,
    centre_id              bigint references centres (id),
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, territory_id) references territories (federation_id, id)
);
create unique index structures_ref on structures (federation_id, ref);
create unique index structures_centre on structures (federation_id, centre_id) where centre_id is not null;
create index structures_territory on structures (federation_id, territory_id);

-- Other grids a structure belongs to (a thematic network), beside its AT.
create table structure_grids (
    federation_id  bigint not null,
    structure_id   bigint not null,
    territory_id   bigint not null,
    primary key (federation_id, structure_id, territory_id),
    foreign key (federation_id, structure_id) references structures (federation_id, id) on delete cascade,
    foreign key (federation_id, territory_id) references territories (federation_id, id)
);

-- Status history (associatif, municipal): a "passage associatif" is a new row. since null: the status it had when it
-- entered the registry, date not known.
create table structure_statuses (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    structure_id   bigint not null,
    status         text not null check (status in ('associatif', 'municipal')),
    since          date,
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id) on delete cascade
);
create unique index structure_statuses_once on structure_statuses (federation_id, structure_id, coalesce(since, '-infinity'::date));

-- Membership of the federation, a dated lifecycle: each row is the state from that day on.
create table structure_memberships (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    structure_id   bigint not null,
    state          text not null check (state in ('prefiguration', 'adherent', 'reaffiliation', 'attendue', 'sortie')),
    since          date,
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id) on delete cascade
);
create unique index structure_memberships_once on structure_memberships (federation_id, structure_id, coalesce(since, '-infinity'::date));

-- The direction's and présidence's contacts, dated: directors change.
create table structure_contacts (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    structure_id   bigint not null,
    function       text not null check (function in ('direction', 'presidence')),
    name           text not null check (length(trim(name)) between 1 and 200),
    email          text check (length(email) <= 200),
    phone          text check (length(phone) <= 40),
    since          date,
    until          date,
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id) on delete cascade,
    check (until is null or since is null or until >= since)
);
create index structure_contacts_structure on structure_contacts (federation_id, structure_id);

-- Each agrément of a structure, with its dates: CAF centre social (acs), animation collective famille (acf), EVS,
-- or another issuer's.
create table structure_agrements (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    structure_id   bigint not null,
    kind           text not null check (kind in ('centre_social', 'acf', 'evs', 'autre')),
    label          text,
    start_date     date not null,
    end_date       date not null,
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id) on delete cascade,
    check (end_date >= start_date)
);
create unique index structure_agrements_once on structure_agrements (federation_id, structure_id, kind, start_date);
create index structure_agrements_end on structure_agrements (federation_id, end_date);
