-- The records Qualiopi asks for that the training organisation did not keep yet (référentiel national qualité,
-- décret 2019-565): the needs analysed before a training (indicators 4, 10 and 26), the complaints and how each was
-- handled (indicator 31), and the improvement actions decided from evaluations, complaints, trainers' feedback or the
-- pedagogical council (indicator 32). The federation's records: federation_id leads every key.

-- A complaint (réclamation) from a trainee, a structure, a funder or anyone else. structure_id and session_id: what it
-- is about, when known. Treated (traitee) means answered: the response and the day it was given are then kept.
create table training_complaints (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    received_on    date not null,
    structure_id   bigint,
    session_id     bigint,
    complainant    text check (length(complainant) <= 200),
    channel        text not null check (channel in ('courriel', 'telephone', 'courrier', 'entretien', 'questionnaire',
                                                     'autre')),
    subject        text not null check (length(trim(subject)) between 1 and 300),
    description    text check (length(description) <= 4000),
    status         text not null default 'recue' check (status in ('recue', 'en_cours', 'traitee')),
    response       text check (length(response) <= 4000),
    handled_on     date,
    action_taken   text check (length(action_taken) <= 2000),
    recorded_by    bigint references users (id),
    recorded_at    timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id),
    foreign key (federation_id, session_id) references training_sessions (federation_id, id),
    check ((status = 'traitee') = (handled_on is not null)),
    check (status <> 'traitee' or response is not null),
    check (handled_on is null or handled_on >= received_on)
);
create index training_complaints_received on training_complaints (federation_id, received_on);

-- The needs analysed before a training: for one registration (what this person expects) or for a custom course
-- (what the structure that asked for it expects). level: where the person or the group starts from.
-- adaptation: what is arranged for a disability or another constraint (accessibility, pace, documents).
create table training_needs (
    federation_id    bigint not null references federations (id),
    id               bigint generated always as identity,
    registration_id  bigint,
    course_id        bigint,
    expectations     text not null check (length(trim(expectations)) between 1 and 4000),
    level            text check (level in ('debutant', 'intermediaire', 'confirme')),
    constraints      text check (length(constraints) <= 2000),
    adaptation       text check (length(adaptation) <= 2000),
    recorded_on      date not null,
    recorded_by      bigint references users (id),
    primary key (federation_id, id),
    foreign key (federation_id, registration_id) references training_registrations (federation_id, id) on delete cascade,
    foreign key (federation_id, course_id) references training_courses (federation_id, id),
    check ((registration_id is null) <> (course_id is null))
);
create unique index training_needs_registration on training_needs (federation_id, registration_id)
    where registration_id is not null;
create unique index training_needs_course on training_needs (federation_id, course_id) where course_id is not null;

-- An improvement action: what was found, where it came from, what is done about it. complaint_id: the complaint it
-- answers, when it comes from one; course_id: the course it changes, when it is about one.
create table training_improvements (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    decided_on     date not null,
    source         text not null check (source in ('evaluation', 'reclamation', 'retour_formateur',
                                                   'conseil_pedagogique', 'veille', 'autre')),
    complaint_id   bigint,
    course_id      bigint,
    finding        text check (length(finding) <= 2000),
    action         text not null check (length(trim(action)) between 1 and 2000),
    status         text not null default 'prevue' check (status in ('prevue', 'en_cours', 'realisee')),
    done_on        date,
    recorded_by    bigint references users (id),
    primary key (federation_id, id),
    foreign key (federation_id, complaint_id) references training_complaints (federation_id, id),
    foreign key (federation_id, course_id) references training_courses (federation_id, id),
    check ((status = 'realisee') = (done_on is not null)),
    check (done_on is null or done_on >= decided_on)
);
create index training_improvements_decided on training_improvements (federation_id, decided_on);
