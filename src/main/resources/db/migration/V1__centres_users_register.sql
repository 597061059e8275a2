-- Trame, first schema: centres and users, territory, the household register and memberships.
-- Tenancy rule (design.md): every table holding a centre's data has centre_id first in its primary key
-- and in every foreign key to another such table.
-- The big register tables (households, persons, memberships) carry no foreign key to centres: centre_id always
-- comes from the request's CentreScope, centres are never deleted, and the per-row check costs imports ~40 %.

create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

-- Lower case without accents: the form names are compared in (Lefèvre = lefevre). pg_trgm already treats
-- punctuation as a word break, so N'Diaye and n diaye share their trigrams.
create function trame_fold(text) returns text
    language sql immutable strict parallel safe
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

create table centres (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
    name        text not null check (length(trim(name)) > 0),
    address     text,
    postcode    text,
    commune     text,
    siret       text check (siret ~ '^[0-9]{14}$'),
    phone       text,
    email       text,
    logo        bytea,
    logo_type   text,
    created_at  timestamptz not null default now()
);

create table users (
    id              bigint generated always as identity primary key,
    username        text not null,
    display_name    text not null,
    password_hash   text not null,
    platform_admin  boolean not null default false,
    enabled         boolean not null default true,
    created_at      timestamptz not null default now()
);
create unique index users_username on users (lower(username));

-- One role per user and centre.
create table user_roles (
    centre_id  bigint not null references centres (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    role       text not null check (role in ('admin', 'direction', 'accueil', 'animateur', 'federation')),
    primary key (centre_id, user_id)
);
create index user_roles_user on user_roles (user_id);

create table quartiers (
    centre_id  bigint not null references centres (id),
    id         bigint generated always as identity,
    name       text not null check (length(trim(name)) > 0),
    qpv        boolean not null default false,
    primary key (centre_id, id)
);
create unique index quartiers_name on quartiers (centre_id, lower(name));

create table households (
    centre_id    bigint not null,
    id           bigint generated always as identity,
    ref          text,
    address      text,
    postcode     text,
    commune      text,
    quartier_id  bigint,
    qpv          boolean,
    caf_number   text,
    notes        text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (centre_id, id),
    foreign key (centre_id, quartier_id) references quartiers (centre_id, id)
);
create unique index households_ref on households (centre_id, ref) where ref is not null;
create index households_caf on households (centre_id, caf_number text_pattern_ops) where caf_number is not null;

create table persons (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    ref           text,
    last_name     text not null check (length(trim(last_name)) > 0),
    first_name    text not null check (length(trim(first_name)) > 0),
    sex           char(1) check (sex in ('F', 'M')),
    birth_date    date,
    phone         text,
    email         text,
    school_level  text,
    search_name   text generated always as (trame_fold(last_name || ' ' || first_name)) stored,
    phone_digits  text generated always as (nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '')) stored,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (centre_id, id)
);
create unique index persons_ref on persons (centre_id, ref) where ref is not null;
-- Nearest names first (KNN on word similarity), within one centre: a few milliseconds whatever the register's size.
create index persons_search on persons using gist (centre_id, search_name gist_trgm_ops (siglen = 64));
create index persons_phone on persons (centre_id, phone_digits text_pattern_ops) where phone_digits is not null;

-- Dated links: a child in shared custody belongs to two households, one of them principal.
create table household_members (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    household_id  bigint not null,
    person_id     bigint not null,
    role          text not null default 'autre' check (role in ('responsable', 'enfant', 'autre')),
    principal     boolean not null default true,
    start_date    date,
    end_date      date,
    primary key (centre_id, id),
    foreign key (centre_id, household_id) references households (centre_id, id),
    foreign key (centre_id, person_id) references persons (centre_id, id),
    check (end_date is null or start_date is null or end_date >= start_date)
);
create index household_members_person on household_members (centre_id, person_id);
create index household_members_household on household_members (centre_id, household_id);

create table qf_history (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    household_id  bigint not null,
    valid_from    date not null,
    amount_euros  integer not null check (amount_euros >= 0),
    source        text not null default 'declare' check (source in ('declare', 'attestation_caf')),
    recorded_at   timestamptz not null default now(),
    primary key (centre_id, id),
    foreign key (centre_id, household_id) references households (centre_id, id)
);
create index qf_history_household on qf_history (centre_id, household_id, valid_from desc, id desc);

create table consents (
    centre_id  bigint not null,
    id         bigint generated always as identity,
    person_id  bigint not null,
    kind       text not null check (kind in ('droit_image', 'donnees')),
    granted    boolean not null,
    given_on   date not null,
    primary key (centre_id, id),
    foreign key (centre_id, person_id) references persons (centre_id, id)
);
create index consents_person on consents (centre_id, person_id);

create table seasons (
    centre_id   bigint not null references centres (id),
    id          bigint generated always as identity,
    label       text not null,
    start_date  date not null,
    end_date    date not null,
    primary key (centre_id, id),
    unique (centre_id, label),
    check (end_date > start_date)
);

create table memberships (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    ref           text,
    type          text not null check (type in ('familiale', 'individuelle', 'associative')),
    household_id  bigint,
    person_id     bigint,
    organisation  text,
    start_date    date not null,
    end_date      date not null,
    amount_cents  integer check (amount_cents >= 0),
    paid          boolean not null default false,
    paid_on       date,
    payment_mode  text check (payment_mode in ('especes', 'cheque', 'carte', 'virement', 'prelevement', 'autre')),
    created_at    timestamptz not null default now(),
    primary key (centre_id, id),
    foreign key (centre_id, household_id) references households (centre_id, id),
    foreign key (centre_id, person_id) references persons (centre_id, id),
    check (end_date >= start_date),
    check ((type = 'familiale' and household_id is not null)
        or (type = 'individuelle' and person_id is not null)
        or (type = 'associative' and organisation is not null))
);
create unique index memberships_ref on memberships (centre_id, ref) where ref is not null;
create index memberships_dates on memberships (centre_id, start_date, end_date);
create index memberships_household on memberships (centre_id, household_id);
create index memberships_person on memberships (centre_id, person_id);
