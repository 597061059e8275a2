-- Activities, sessions, enrolments and attendance (issue 3).

-- Reference data: the French school holidays of metropolitan zones A, B and C (official calendars, 2023 to 2027).
-- start_date is the first day without school, end_date the day classes resume (exclusive).
create table school_holidays (
    zone        char(1) not null check (zone in ('A', 'B', 'C')),
    name        text not null,
    start_date  date not null,
    end_date    date not null,
    primary key (zone, start_date),
    check (end_date > start_date)
);

insert into school_holidays (zone, name, start_date, end_date)
select z.zone, h.name, h.start_date::date, h.end_date::date
from (values ('A'), ('B'), ('C')) as z(zone)
cross join (values
    ('Noël', '2022-12-17', '2023-01-03'),
    ('Été', '2023-07-08', '2023-09-04'),
    ('Toussaint', '2023-10-21', '2023-11-06'),
    ('Noël', '2023-12-23', '2024-01-08'),
    ('Été', '2024-07-06', '2024-09-02'),
    ('Toussaint', '2024-10-19', '2024-11-04'),
    ('Noël', '2024-12-21', '2025-01-06'),
    ('Été', '2025-07-05', '2025-09-01'),
    ('Toussaint', '2025-10-18', '2025-11-03'),
    ('Noël', '2025-12-20', '2026-01-05'),
    ('Été', '2026-07-04', '2026-09-01'),
    ('Toussaint', '2026-10-17', '2026-11-02'),
    ('Noël', '2026-12-19', '2027-01-04'),
    ('Été', '2027-07-03', '2027-09-01')
) as h(name, start_date, end_date);

insert into school_holidays (zone, name, start_date, end_date) values
    ('A', 'Hiver', '2023-02-04', '2023-02-20'), ('B', 'Hiver', '2023-02-11', '2023-02-27'), ('C', 'Hiver', '2023-02-18', '2023-03-06'),
    ('A', 'Printemps', '2023-04-08', '2023-04-24'), ('B', 'Printemps', '2023-04-15', '2023-05-02'), ('C', 'Printemps', '2023-04-22', '2023-05-09'),
    ('A', 'Hiver', '2024-02-17', '2024-03-04'), ('B', 'Hiver', '2024-02-24', '2024-03-11'), ('C', 'Hiver', '2024-02-10', '2024-02-26'),
    ('A', 'Printemps', '2024-04-13', '2024-04-29'), ('B', 'Printemps', '2024-04-20', '2024-05-06'), ('C', 'Printemps', '2024-04-06', '2024-04-22'),
    ('A', 'Hiver', '2025-02-22', '2025-03-10'), ('B', 'Hiver', '2025-02-08', '2025-02-24'), ('C', 'Hiver', '2025-02-15', '2025-03-03'),
    ('A', 'Printemps', '2025-04-19', '2025-05-05'), ('B', 'Printemps', '2025-04-05', '2025-04-22'), ('C', 'Printemps', '2025-04-12', '2025-04-28'),
    ('A', 'Hiver', '2026-02-07', '2026-02-23'), ('B', 'Hiver', '2026-02-14', '2026-03-02'), ('C', 'Hiver', '2026-02-21', '2026-03-09'),
    ('A', 'Printemps', '2026-04-04', '2026-04-20'), ('B', 'Printemps', '2026-04-11', '2026-04-27'), ('C', 'Printemps', '2026-04-18', '2026-05-04'),
    ('A', 'Hiver', '2027-02-13', '2027-03-01'), ('B', 'Hiver', '2027-02-20', '2027-03-08'), ('C', 'Hiver', '2027-02-06', '2027-02-22'),
    ('A', 'Printemps', '2027-04-10', '2027-04-26'), ('B', 'Printemps', '2027-04-17', '2027-05-03'), ('C', 'Printemps', '2027-04-03', '2027-04-19');

alter table centres add column school_zone char(1) not null default 'B' check (school_zone in ('A', 'B', 'C'));

create table sectors (
    centre_id  bigint not null references centres (id),
    id         bigint generated always as identity,
    name       text not null check (length(trim(name)) > 0),
    position   integer not null default 100,
    primary key (centre_id, id)
);
create unique index sectors_name on sectors (centre_id, lower(name));

create table activities (
    centre_id         bigint not null,
    id                bigint generated always as identity,
    ref               text,
    name              text not null check (length(trim(name)) > 0),
    sector_id         bigint not null,
    kind              text not null default 'atelier' check (kind in ('atelier', 'acm', 'accompagnement_scolaire',
                          'sortie', 'sejour', 'evenement', 'permanence')),
    public            text check (public in ('Petite enfance', 'Enfance', 'Jeunesse', 'Adultes', 'familles', 'Seniors',
                          'Tous publics')),
    age_min           integer check (age_min >= 0),
    age_max           integer check (age_max >= 0),
    capacity          integer check (capacity > 0),
    place             text,
    referent_user_id  bigint references users (id),
    price_note        text,
    season_id         bigint,
    archived          boolean not null default false,
    created_at        timestamptz not null default now(),
    primary key (centre_id, id),
    foreign key (centre_id, sector_id) references sectors (centre_id, id),
    foreign key (centre_id, season_id) references seasons (centre_id, id),
    check (age_max is null or age_min is null or age_max >= age_min)
);
create unique index activities_ref on activities (centre_id, ref) where ref is not null;

-- A weekly recurrence: on these ISO weekdays (1 = Monday), between two dates, in or out of school holidays.
create table schedules (
    centre_id   bigint not null,
    id          bigint generated always as identity,
    activity_id bigint not null,
    weekdays    smallint[] not null check (weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[] and cardinality(weekdays) > 0),
    start_time  time not null,
    end_time    time not null,
    from_date   date not null,
    to_date     date not null,
    holidays    text not null default 'hors_vacances' check (holidays in ('hors_vacances', 'vacances_seulement', 'toutes')),
    primary key (centre_id, id),
    foreign key (centre_id, activity_id) references activities (centre_id, id),
    check (end_time > start_time),
    check (to_date >= from_date)
);

-- Planned sessions; a session is "held" when it has attendance or a headcount, "cancelled" with a reason.
create table sessions (
    centre_id        bigint not null,
    id               bigint generated always as identity,
    activity_id      bigint not null,
    schedule_id      bigint,
    date             date not null,
    start_time       time not null,
    end_time         time not null,
    cancelled_reason text,
    primary key (centre_id, id),
    foreign key (centre_id, activity_id) references activities (centre_id, id),
    foreign key (centre_id, schedule_id) references schedules (centre_id, id),
    unique (centre_id, activity_id, date, start_time),
    check (end_time > start_time)
);
create index sessions_date on sessions (centre_id, date);

-- Inscriptions: 'inscrit' holds a place, 'attente' waits in order of request, 'annule' ended.
create table enrolments (
    centre_id            bigint not null,
    id                   bigint generated always as identity,
    activity_id          bigint not null,
    person_id            bigint not null,
    status               text not null check (status in ('inscrit', 'attente', 'annule')),
    requested_at         timestamptz not null default clock_timestamp(),
    age_override_reason  text,
    ended_at             timestamptz,
    primary key (centre_id, id),
    foreign key (centre_id, activity_id) references activities (centre_id, id),
    foreign key (centre_id, person_id) references persons (centre_id, id)
);
create unique index enrolments_active on enrolments (centre_id, activity_id, person_id) where status <> 'annule';
create index enrolments_person on enrolments (centre_id, person_id);

-- One row per person and session. No foreign keys on this, the largest table: rows are only written through the
-- session's sheet or the attendance import, both of which resolve session and person within the centre first.
create table attendance (
    centre_id   bigint not null,
    session_id  bigint not null,
    person_id   bigint not null,
    status      text not null check (status in ('present', 'absent', 'excuse')),
    arrival     time,
    departure   time,
    primary key (centre_id, session_id, person_id),
    check (departure is null or arrival is null or departure > arrival)
);
create index attendance_person on attendance (centre_id, person_id);

create table headcounts (
    centre_id   bigint not null,
    session_id  bigint not null,
    headcount   integer not null check (headcount > 0),
    primary key (centre_id, session_id),
    foreign key (centre_id, session_id) references sessions (centre_id, id)
);
