-- A centre's request for a custom training (sur mesure): what it asks, for whom, when, and the federation's answer.
-- The federation's records; structure_id is the asking centre as a structure of the registry; course_id, once the
-- federation has built a course for it.
create table training_requests (
    federation_id   bigint not null references federations (id),
    id              bigint generated always as identity,
    structure_id    bigint not null,
    subject         text not null check (length(trim(subject)) between 1 and 300),
    audience        text not null check (audience in ('salaries', 'benevoles', 'mixte')),
    wished_period   text check (length(wished_period) <= 200),
    expected_people integer check (expected_people between 1 and 1000),
    message         text check (length(message) <= 4000),
    status          text not null default 'recue' check (status in ('recue', 'acceptee', 'refusee', 'realisee')),
    answer          text check (length(answer) <= 4000),
    course_id       bigint,
    requested_by    bigint references users (id),
    requested_at    timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id),
    foreign key (federation_id, course_id) references training_courses (federation_id, id)
);
create index training_requests_structure on training_requests (federation_id, structure_id);
