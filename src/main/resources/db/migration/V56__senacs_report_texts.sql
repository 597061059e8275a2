-- The text the federation writes for each chapter of its annual report (chapter: the chapter's key).
create table senacs_report_texts (
    federation_id  bigint not null references federations (id),
    year           integer not null check (year between 2000 and 2100),
    chapter        text not null check (length(chapter) between 1 and 60),
    body           text not null check (length(body) <= 20000),
    updated_at     timestamptz not null default now(),
    updated_by     bigint references users (id),
    primary key (federation_id, year, chapter)
);
