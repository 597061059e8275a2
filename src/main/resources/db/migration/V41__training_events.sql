-- The network's events (issue 16, point 7): races, the congress, forums, days of the network. The federation's
-- records: federation_id leads every key. A registration names a person as given (names are personal data: a reader
-- of the federation sees counts only); structure_id null is someone outside the network, or an individual.

create table network_events (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    kind           text not null check (kind in ('course', 'congres', 'forum', 'journee', 'autre')),
    title          text not null check (length(trim(title)) between 1 and 300),
    starts_on      date not null,
    ends_on        date not null,
    place          text check (length(place) <= 300),
    description    text check (length(description) <= 4000),
    capacity       integer check (capacity between 1 and 100000),
    created_at     timestamptz not null default now(),
    primary key (federation_id, id),
    check (ends_on >= starts_on)
);
create index network_events_start on network_events (federation_id, starts_on);

-- One registration. A person is one folded name (last and first) within one structure; the same person may be
-- registered under several categories (a race's 5 and 10 km, the congress's two days): figures count persons once.
-- present: null until the day, then true or false as marked.
create table event_registrations (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    event_id       bigint not null,
    structure_id   bigint,
    last_name      text not null check (length(trim(last_name)) between 1 and 100),
    first_name     text not null check (length(trim(first_name)) between 1 and 100),
    quality        text not null check (quality in ('salarie', 'benevole', 'administrateur', 'habitant')),
    category       text check (length(trim(category)) between 1 and 60),
    present        boolean,
    registered_at  timestamptz not null default now(),
    registered_by  bigint references users (id),
    primary key (federation_id, id),
    foreign key (federation_id, event_id) references network_events (federation_id, id) on delete cascade,
    foreign key (federation_id, structure_id) references structures (federation_id, id)
);
create index event_registrations_event on event_registrations (federation_id, event_id, structure_id);
-- the same person in the same category once (names compared without case, accents or outer spaces)
create unique index event_registrations_once on event_registrations
    (federation_id, event_id, coalesce(structure_id, 0), trame_fold(trim(last_name)), trame_fold(trim(first_name)),
     coalesce(trame_fold(trim(category)), ''));

-- The volunteers' shifts: who holds which post (accueil, ravitaillement, sécurité…) and when, in the event's local
-- time (wall-clock hours, as the planning shows them).
create table event_shifts (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    event_id       bigint not null,
    person_name    text not null check (length(trim(person_name)) between 1 and 200),
    structure_id   bigint,
    post           text not null check (length(trim(post)) between 1 and 100),
    starts_at      timestamp not null,
    ends_at        timestamp not null,
    primary key (federation_id, id),
    foreign key (federation_id, event_id) references network_events (federation_id, id) on delete cascade,
    foreign key (federation_id, structure_id) references structures (federation_id, id),
    check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours')
);
create index event_shifts_event on event_shifts (federation_id, event_id, post);
