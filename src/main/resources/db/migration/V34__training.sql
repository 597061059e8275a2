-- The federation's training organisation (design.md, module training): its catalogue, sessions with their half-days,
-- registrations, signed attendance and evaluations. The federation's records: federation_id leads every key. A
-- registration names the person as the centre gave it; source_id points into the centre's records (an employee or a
-- volunteer) without a foreign key, since those rows are another tenant's.

-- Who trains: the federation's own staff (interne) or an outside trainer or firm (externe).
create table training_trainers (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    name           text not null check (length(trim(name)) between 1 and 200),
    kind           text not null check (kind in ('interne', 'externe')),
    organisation   text check (length(organisation) <= 200),
    email          text check (length(email) <= 200),
    primary key (federation_id, id)
);
create unique index training_trainers_name on training_trainers (federation_id, lower(name));

-- The catalogue. custom: built on request for one structure (sur mesure), then requested_by is that structure.
create table training_courses (
    federation_id   bigint not null references federations (id),
    id              bigint generated always as identity,
    title           text not null check (length(trim(title)) between 1 and 300),
    audience        text not null check (audience in ('salaries', 'benevoles', 'mixte')),
    objectives      text check (length(objectives) <= 4000),
    prerequisites   text check (length(prerequisites) <= 2000),
    content         text check (length(content) <= 8000),
    duration_hours  numeric(6, 2) not null check (duration_hours > 0 and duration_hours <= 1000),
    price_cents     bigint check (price_cents >= 0),
    modality        text not null check (modality in ('presentiel', 'distanciel', 'mixte')),
    custom          boolean not null default false,
    requested_by    bigint,
    archived        boolean not null default false,
    created_at      timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, requested_by) references structures (federation_id, id)
);
create unique index training_courses_title on training_courses (federation_id, lower(title));

-- One session of a course. Held is not a status: a session that is not cancelled and has signed attendance was held.
create table training_sessions (
    federation_id     bigint not null,
    id                bigint generated always as identity,
    course_id         bigint not null,
    place             text check (length(place) <= 300),
    min_participants  integer not null default 1 check (min_participants between 0 and 1000),
    max_participants  integer not null check (max_participants between 1 and 1000),
    status            text not null default 'planifiee' check (status in ('planifiee', 'confirmee', 'annulee')),
    cancel_reason     text check (cancel_reason in ('effectif_insuffisant', 'formateur_indisponible', 'demande_structure',
                                                     'autre')),
    cancel_note       text check (length(cancel_note) <= 1000),
    cancelled_on      date,
    created_at        timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, course_id) references training_courses (federation_id, id),
    check (min_participants <= max_participants),
    check ((status = 'annulee') = (cancel_reason is not null and cancelled_on is not null))
);
create index training_sessions_course on training_sessions (federation_id, course_id);

create table training_session_trainers (
    federation_id  bigint not null,
    session_id     bigint not null,
    trainer_id     bigint not null,
    primary key (federation_id, session_id, trainer_id),
    foreign key (federation_id, session_id) references training_sessions (federation_id, id) on delete cascade,
    foreign key (federation_id, trainer_id) references training_trainers (federation_id, id)
);

-- The half-days a session is made of: what the sign-in sheet has a column for, and the hours it counts.
create table training_half_days (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    session_id     bigint not null,
    day            date not null,
    period         text not null check (period in ('matin', 'apres_midi')),
    hours          numeric(4, 2) not null check (hours > 0 and hours <= 6),
    primary key (federation_id, id),
    foreign key (federation_id, session_id) references training_sessions (federation_id, id) on delete cascade
);
create unique index training_half_days_once on training_half_days (federation_id, session_id, day, period);

-- A person registered to a session. structure_id null: the federation's own people (an internal seminar).
-- state: inscrit (has a place), attente (waiting list, in order of registered_at), annule.
create table training_registrations (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    session_id     bigint not null,
    structure_id   bigint,
    last_name      text not null check (length(trim(last_name)) between 1 and 100),
    first_name     text not null check (length(trim(first_name)) between 1 and 100),
    email          text check (length(email) <= 200),
    job            text check (length(job) <= 200),
    quality        text not null check (quality in ('salarie', 'benevole', 'administrateur')),
    source         text not null default 'saisie' check (source in ('saisie', 'salarie', 'benevole')),
    source_id      bigint,
    state          text not null default 'inscrit' check (state in ('inscrit', 'attente', 'annule')),
    registered_at  timestamptz not null default now(),
    registered_by  bigint references users (id),
    via_centre     boolean not null default false,
    cancelled_at   timestamptz,
    primary key (federation_id, id),
    foreign key (federation_id, session_id) references training_sessions (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id),
    check ((source = 'saisie') = (source_id is null)),
    check ((state = 'annule') = (cancelled_at is not null))
);
create index training_registrations_session on training_registrations (federation_id, session_id, state, registered_at);
create index training_registrations_structure on training_registrations (federation_id, structure_id);
-- the same person twice in one session, while registered or waiting
create unique index training_registrations_once on training_registrations
    (federation_id, session_id, coalesce(structure_id, 0), lower(last_name), lower(first_name)) where state <> 'annule';

-- Attendance as signed: one row per registration and half-day the person was present.
create table training_presences (
    federation_id    bigint not null,
    registration_id  bigint not null,
    half_day_id      bigint not null,
    recorded_by      bigint references users (id),
    recorded_at      timestamptz not null default now(),
    primary key (federation_id, registration_id, half_day_id),
    foreign key (federation_id, registration_id) references training_registrations (federation_id, id) on delete cascade,
    foreign key (federation_id, half_day_id) references training_half_days (federation_id, id) on delete cascade
);
create index training_presences_half_day on training_presences (federation_id, half_day_id);

-- A trainee's evaluation: positioning before and skills acquired after (1 to 4), satisfaction (1 to 5).
create table training_evaluations (
    federation_id    bigint not null,
    registration_id  bigint not null,
    positioning      smallint check (positioning between 1 and 4),
    acquired         smallint check (acquired between 1 and 4),
    satisfaction     smallint check (satisfaction between 1 and 5),
    comment          text check (length(comment) <= 2000),
    recorded_at      timestamptz not null default now(),
    primary key (federation_id, registration_id),
    foreign key (federation_id, registration_id) references training_registrations (federation_id, id) on delete cascade
);
