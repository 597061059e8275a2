-- A question the federation sends a Trame centre about its submitted return (a coherence check), and the centre's
-- answer. The centre owns its return: centre_id leads the keys.
create table senacs_queries (
    centre_id     bigint not null,
    year          integer not null,
    id            bigint generated always as identity,
    question_code text not null,
    message       text not null,
    raised_by     bigint references users (id),
    raised_at     timestamptz not null default now(),
    answer        text,
    answered_at   timestamptz,
    answered_by   bigint references users (id),
    primary key (centre_id, year, id),
    foreign key (centre_id, year) references senacs_returns (centre_id, year)
);
