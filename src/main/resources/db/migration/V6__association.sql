-- Vie associative: governance, volunteers, staff, partners, funding, agréments and the projet social.
-- Every table is a centre's: centre_id leads its primary key and every foreign key (design.md).

-- The centre's own settings for valuing and counting: volunteer hourly rate, the weekly hours of one ETP.
create table association_settings (
    centre_id                  bigint primary key references centres (id),
    volunteer_rate_cents       integer not null default 1188 check (volunteer_rate_cents >= 0),
    full_time_hours            numeric(5, 2) not null default 35 check (full_time_hours > 0)
);

-- Governance ----------------------------------------------------------------------------------------------------
create table bodies (
    centre_id  bigint not null references centres (id),
    id         bigint generated always as identity,
    kind       text not null check (kind in ('ag', 'ca', 'bureau', 'commission')),
    name       text not null,
    primary key (centre_id, id),
    unique (centre_id, name)
);

create table mandates (
    centre_id          bigint not null,
    id                 bigint generated always as identity,
    body_id            bigint not null,
    person_id          bigint,
    outsider_name      text,
    role               text not null default 'membre'
                       check (role in ('president', 'vice_president', 'tresorier', 'secretaire', 'membre')),
    college            text not null default 'habitant' check (college in ('habitant', 'partenaire', 'institution')),
    start_date         date not null,
    end_date           date,
    lives_in_territory boolean,
    qpv                boolean,
    primary key (centre_id, id),
    foreign key (centre_id, body_id) references bodies (centre_id, id),
    foreign key (centre_id, person_id) references persons (centre_id, id),
    check ((person_id is null) <> (outsider_name is null)),
    check (end_date is null or end_date >= start_date)
);
create index mandates_body on mandates (centre_id, body_id);

create table meetings (
    centre_id  bigint not null,
    id         bigint generated always as identity,
    body_id    bigint not null,
    date       date not null,
    agenda     text,
    decisions  text,
    minutes    text,
    quorum     integer check (quorum >= 0),
    primary key (centre_id, id),
    foreign key (centre_id, body_id) references bodies (centre_id, id)
);
create index meetings_date on meetings (centre_id, date);

create table meeting_attendance (
    centre_id   bigint not null,
    meeting_id  bigint not null,
    mandate_id  bigint not null,
    present     boolean not null,
    primary key (centre_id, meeting_id, mandate_id),
    foreign key (centre_id, meeting_id) references meetings (centre_id, id) on delete cascade,
    foreign key (centre_id, mandate_id) references mandates (centre_id, id)
);

-- Volunteers ----------------------------------------------------------------------------------------------------
create table volunteers (
    centre_id   bigint not null,
    id          bigint generated always as identity,
    person_id   bigint not null,
    categories  text[] not null default '{}'
                check (categories <@ array['activite', 'gouvernance', 'ponctuel', 'commission']),
    skills      text,
    start_date  date not null,
    end_date    date,
    primary key (centre_id, id),
    unique (centre_id, person_id),
    foreign key (centre_id, person_id) references persons (centre_id, id),
    check (end_date is null or end_date >= start_date)
);

create table volunteer_hours (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    volunteer_id  bigint not null,
    date          date not null,
    hours         numeric(6, 2) not null check (hours > 0 and hours <= 24),
    activity_id   bigint,
    event         text,
    recorded_by   bigint references users (id),
    primary key (centre_id, id),
    foreign key (centre_id, volunteer_id) references volunteers (centre_id, id),
    foreign key (centre_id, activity_id) references activities (centre_id, id)
);
create index volunteer_hours_date on volunteer_hours (centre_id, date);

-- Staff ---------------------------------------------------------------------------------------------------------
create table employees (
    centre_id   bigint not null references centres (id),
    id          bigint generated always as identity,
    last_name   text not null,
    first_name  text not null,
    primary key (centre_id, id)
);

create table contracts (
    centre_id        bigint not null,
    id               bigint generated always as identity,
    employee_id      bigint not null,
    kind             text not null check (kind in ('cdi', 'cdd', 'cdii', 'mad', 'apprenti', 'service_civique',
                                                   'adulte_relais', 'cee', 'contrat_aide', 'stage')),
    function         text not null check (function in ('direction', 'accueil', 'referente_famille', 'animateur',
                                                       'coordinateur', 'comptable', 'secretariat', 'conseiller_numerique',
                                                       'agent_entretien', 'autre')),
    sector_id        bigint,
    weekly_hours     numeric(5, 2) not null check (weekly_hours > 0 and weekly_hours <= 48),
    start_date       date not null,
    end_date         date,
    -- what the lending body values a MAD at, for the year (contributions en nature)
    in_kind_cents    bigint check (in_kind_cents >= 0),
    primary key (centre_id, id),
    foreign key (centre_id, employee_id) references employees (centre_id, id),
    foreign key (centre_id, sector_id) references sectors (centre_id, id),
    check (end_date is null or end_date >= start_date)
);
create index contracts_employee on contracts (centre_id, employee_id);

create table trainings (
    centre_id    bigint not null,
    id           bigint generated always as identity,
    employee_id  bigint not null,
    date         date not null,
    days         numeric(4, 1) not null check (days > 0),
    title        text not null,
    primary key (centre_id, id),
    foreign key (centre_id, employee_id) references employees (centre_id, id)
);

-- Partners and funding -----------------------------------------------------------------------------------------
create table partners (
    centre_id  bigint not null references centres (id),
    id         bigint generated always as identity,
    name       text not null,
    kind       text not null check (kind in ('commune', 'intercommunalite', 'caf', 'departement', 'region', 'etat',
                                             'association', 'ecole', 'bailleur', 'sante', 'entreprise', 'fondation', 'autre')),
    contact    text,
    primary key (centre_id, id),
    unique (centre_id, name)
);

create table conventions (
    centre_id   bigint not null,
    id          bigint generated always as identity,
    partner_id  bigint not null,
    object      text not null,
    start_date  date not null,
    end_date    date,
    signed_on   date,
    primary key (centre_id, id),
    foreign key (centre_id, partner_id) references partners (centre_id, id),
    check (end_date is null or end_date >= start_date)
);

create table permanences (
    centre_id   bigint not null,
    id          bigint generated always as identity,
    partner_id  bigint not null,
    label       text not null,
    schedule    text,
    start_date  date not null,
    end_date    date,
    primary key (centre_id, id),
    foreign key (centre_id, partner_id) references partners (centre_id, id)
);

create table grants (
    centre_id        bigint not null,
    id               bigint generated always as identity,
    partner_id       bigint not null,
    year             integer not null,
    object           text not null,
    call_name        text,
    deadline         date,
    report_due       date,
    requested_cents  bigint check (requested_cents >= 0),
    granted_cents    bigint check (granted_cents >= 0),
    status           text not null default 'preparation'
                     check (status in ('preparation', 'depose', 'accorde', 'refuse', 'verse')),
    primary key (centre_id, id),
    foreign key (centre_id, partner_id) references partners (centre_id, id)
);
create index grants_year on grants (centre_id, year);

-- The year's accounts: products (by funder, or another source such as the families' fees) and total charges.
create table products (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    year          integer not null,
    partner_id    bigint,
    label         text not null,
    amount_cents  bigint not null check (amount_cents >= 0),
    primary key (centre_id, id),
    unique (centre_id, year, label),
    foreign key (centre_id, partner_id) references partners (centre_id, id)
);

create table yearly_accounts (
    centre_id      bigint not null references centres (id),
    year           integer not null,
    charges_cents  bigint not null check (charges_cents >= 0),
    primary key (centre_id, year)
);

-- Agréments -----------------------------------------------------------------------------------------------------
create table agrements (
    centre_id   bigint not null references centres (id),
    id          bigint generated always as identity,
    label       text not null,
    issuer      text not null,
    start_date  date not null,
    end_date    date,
    reference   text,
    primary key (centre_id, id),
    check (end_date is null or end_date >= start_date)
);

-- Projet social -------------------------------------------------------------------------------------------------
create table social_projects (
    centre_id   bigint not null references centres (id),
    id          bigint generated always as identity,
    title       text not null,
    start_year  integer not null,
    end_year    integer not null,
    primary key (centre_id, id),
    check (end_year >= start_year)
);

create table project_axes (
    centre_id   bigint not null,
    id          bigint generated always as identity,
    project_id  bigint not null,
    position    integer not null,
    title       text not null,
    primary key (centre_id, id),
    foreign key (centre_id, project_id) references social_projects (centre_id, id)
);

create table project_objectives (
    centre_id  bigint not null,
    id         bigint generated always as identity,
    axis_id    bigint not null,
    title      text not null,
    primary key (centre_id, id),
    foreign key (centre_id, axis_id) references project_axes (centre_id, id)
);

create table action_sheets (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    objective_id  bigint not null,
    title         text not null,
    description   text,
    primary key (centre_id, id),
    foreign key (centre_id, objective_id) references project_objectives (centre_id, id)
);

create table objective_activities (
    centre_id     bigint not null,
    objective_id  bigint not null,
    activity_id   bigint not null,
    primary key (centre_id, objective_id, activity_id),
    foreign key (centre_id, objective_id) references project_objectives (centre_id, id),
    foreign key (centre_id, activity_id) references activities (centre_id, id)
);

-- An objective's indicator: a target, and its actual value either from the engine (metric) or typed in (per year).
create table objective_indicators (
    centre_id     bigint not null,
    id            bigint generated always as identity,
    objective_id  bigint not null,
    label         text not null,
    metric        text,
    target        numeric(12, 2),
    primary key (centre_id, id),
    foreign key (centre_id, objective_id) references project_objectives (centre_id, id)
);

create table objective_indicator_values (
    centre_id     bigint not null,
    indicator_id  bigint not null,
    year          integer not null,
    value         numeric(12, 2) not null,
    primary key (centre_id, indicator_id, year),
    foreign key (centre_id, indicator_id) references objective_indicators (centre_id, id)
);
