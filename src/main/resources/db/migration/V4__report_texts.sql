-- The texts the director writes for the annual report: one per chapter and year, and the rapport moral.
create table report_texts (
    centre_id  bigint not null references centres (id),
    year       integer not null,
    chapter    text not null,
    body       text not null,
    updated_at timestamptz not null default now(),
    primary key (centre_id, year, chapter)
);
