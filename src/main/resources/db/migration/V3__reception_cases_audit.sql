-- Reception, appointments and follow-up case files (issue 4), and the audit log of confidential reads.

-- A centre's reception themes: the standard ones of interchange.md, and those the centre adds (code = its slug).
create table reception_themes (
    centre_id  bigint not null references centres (id),
    code       text not null check (code ~ '^[a-z0-9_]{2,40}$'),
    label      text not null,
    builtin    boolean not null default false,
    position   integer not null default 100,
    primary key (centre_id, code)
);

-- Every visit, call, e-mail or appointment. An appointment is a contact on channel 'rdv' with a time, a staff member
-- and a status: 'prevu' until it is honoured, missed (non_honore) or cancelled.
create table contacts (
    centre_id        bigint not null,
    id               bigint generated always as identity,
    date             date not null,
    starts_at        time,
    person_id        bigint,
    channel          text not null check (channel in ('accueil', 'telephone', 'rdv', 'courriel', 'domicile', 'exterieur')),
    duration_min     integer check (duration_min >= 0),
    status           text check (status in ('prevu', 'honore', 'non_honore', 'annule')),
    staff_user_id    bigint references users (id),
    note             text,
    orientation      text,
    recorded_by      bigint references users (id),
    import_key       text,
    created_at       timestamptz not null default now(),
    primary key (centre_id, id),
    foreign key (centre_id, person_id) references persons (centre_id, id),
    check ((channel = 'rdv') = (status is not null))
);
create index contacts_date on contacts (centre_id, date);
create index contacts_person on contacts (centre_id, person_id) where person_id is not null;
create index contacts_staff on contacts (centre_id, staff_user_id, date) where staff_user_id is not null;
create unique index contacts_import_key on contacts (centre_id, import_key) where import_key is not null;

create table contact_themes (
    centre_id   bigint not null,
    contact_id  bigint not null,
    theme       text not null,
    primary key (centre_id, contact_id, theme),
    foreign key (centre_id, contact_id) references contacts (centre_id, id) on delete cascade,
    foreign key (centre_id, theme) references reception_themes (centre_id, code)
);

-- Accompagnement individuel: a case file for a person or a household, followed by a referent.
create table cases (
    centre_id         bigint not null,
    id                bigint generated always as identity,
    person_id         bigint,
    household_id      bigint,
    referent_user_id  bigint not null references users (id),
    subject           text not null check (length(trim(subject)) > 0),
    opened_on         date not null,
    closed_on         date,
    outcome           text,
    primary key (centre_id, id),
    foreign key (centre_id, person_id) references persons (centre_id, id),
    foreign key (centre_id, household_id) references households (centre_id, id),
    check (person_id is not null or household_id is not null),
    check (closed_on is null or (closed_on >= opened_on and outcome is not null))
);
create index cases_person on cases (centre_id, person_id);
create index cases_household on cases (centre_id, household_id);

-- Staff the referent explicitly shares the case with.
create table case_shares (
    centre_id  bigint not null,
    case_id    bigint not null,
    user_id    bigint not null references users (id),
    primary key (centre_id, case_id, user_id),
    foreign key (centre_id, case_id) references cases (centre_id, id) on delete cascade
);

-- Dated steps: the confidential note of what was done, and its outcome.
create table case_steps (
    centre_id  bigint not null,
    id         bigint generated always as identity,
    case_id    bigint not null,
    date       date not null,
    note       text not null,
    outcome    text,
    author_id  bigint references users (id),
    primary key (centre_id, id),
    foreign key (centre_id, case_id) references cases (centre_id, id) on delete cascade
);

-- Documents are listed by name (the papers themselves stay in the person's hands or the centre's files).
create table case_documents (
    centre_id  bigint not null,
    id         bigint generated always as identity,
    case_id    bigint not null,
    name       text not null check (length(trim(name)) > 0),
    added_on   date not null default current_date,
    primary key (centre_id, id),
    foreign key (centre_id, case_id) references cases (centre_id, id) on delete cascade
);

-- Who read or changed what, when: every read of a confidential case file is written here.
create table audit_log (
    centre_id  bigint not null,
    id         bigint generated always as identity,
    at         timestamptz not null default now(),
    user_id    bigint references users (id),
    action     text not null,
    entity     text not null,
    entity_id  bigint,
    detail     text,
    primary key (centre_id, id)
);
create index audit_log_at on audit_log (centre_id, at desc);
