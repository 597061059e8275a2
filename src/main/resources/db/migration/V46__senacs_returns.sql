-- SENACS. The questionnaire is national reference data (no tenant): a campaign, its sections and questions, loaded
-- from src/main/resources/senacs/. A centre on Trame keeps its own return (centre_id leads the keys); the federation
-- keeps the returns it enters for its structures not on Trame (federation_id leads the keys).
create table senacs_campaigns (
    id       bigint generated always as identity primary key,
    year     integer not null,            -- the first year of figures it asks about (used until a later campaign)
    version  text not null,
    title    text not null,
    source   text not null,               -- the file it was loaded from
    unique (year, version)
);

create table senacs_sections (
    campaign_id bigint not null references senacs_campaigns (id),
    code        text not null,
    position    integer not null,
    title       text not null,
    primary key (campaign_id, code)
);

create table senacs_questions (
    campaign_id  bigint not null,
    code         text not null,
    section_code text not null,
    position     integer not null,
    wording      text not null,
    type         text not null check (type in ('oui_non', 'entier', 'decimal', 'montant', 'date', 'choix', 'texte')),
    unit         text,
    choices      text[],
    figure       text,                     -- the figure Trame computes the answer from; null: the centre declares it
    rollup       text not null check (rollup in ('somme', 'oui', 'repartition', 'aucun')),
    primary key (campaign_id, code),
    foreign key (campaign_id, section_code) references senacs_sections (campaign_id, code)
);

-- A centre's return for a year. While it is a draft (or reopened) the computed answers are read live; submitting
-- freezes every answer into senacs_answers.frozen.
create table senacs_returns (
    centre_id    bigint not null references centres (id),
    year         integer not null,
    campaign_id  bigint not null references senacs_campaigns (id),
    state        text not null default 'brouillon' check (state in ('brouillon', 'soumis', 'controle', 'rouvert')),
    submitted_at timestamptz,
    submitted_by bigint references users (id),
    checked_at   timestamptz,
    checked_by   bigint references users (id),
    reopened_at  timestamptz,
    reopened_by  bigint references users (id),
    primary key (centre_id, year)
);

create table senacs_answers (
    centre_id     bigint not null,
    year          integer not null,
    question_code text not null,
    declared      text,                    -- what the centre typed; null: not declared
    frozen        text,                    -- the answer at the last submission; null: missing then, or never submitted
    frozen_source text check (frozen_source in ('computed', 'declared', 'missing')),
    updated_at    timestamptz not null default now(),
    updated_by    bigint references users (id),
    primary key (centre_id, year, question_code),
    foreign key (centre_id, year) references senacs_returns (centre_id, year)
);

-- The returns the federation enters (or imports) for its structures not on Trame: every answer is declared.
create table senacs_structure_returns (
    federation_id bigint not null references federations (id),
    structure_id  bigint not null,
    year          integer not null,
    campaign_id   bigint not null references senacs_campaigns (id),
    state         text not null default 'brouillon' check (state in ('brouillon', 'soumis', 'controle', 'rouvert')),
    updated_at    timestamptz not null default now(),
    updated_by    bigint references users (id),
    primary key (federation_id, structure_id, year),
    foreign key (federation_id, structure_id) references structures (federation_id, id)
);

create table senacs_structure_answers (
    federation_id bigint not null,
    structure_id  bigint not null,
    year          integer not null,
    question_code text not null,
    value         text not null,
    primary key (federation_id, structure_id, year, question_code),
    foreign key (federation_id, structure_id, year) references senacs_structure_returns (federation_id, structure_id, year)
        on delete cascade
);

-- What the federation's roll-up reads: the last submitted answers of its structures' returns, a Trame centre's (frozen
-- at submission) or the one the federation entered. Aggregates only: a return holds no personal data.
create view senacs_network_answers as
    select s.federation_id, s.id as structure_id, r.year, r.campaign_id, r.state, 'trame' as origin,
           a.question_code, a.frozen as value, a.frozen_source as source
    from federation_structures s
    join senacs_returns r on r.centre_id = s.centre_id
    join senacs_answers a on a.centre_id = r.centre_id and a.year = r.year
    where r.submitted_at is not null
    union all
    select sr.federation_id, sr.structure_id, sr.year, sr.campaign_id, sr.state, 'federation' as origin,
           a.question_code, a.value, 'declared' as source
    from senacs_structure_returns sr
    join senacs_structure_answers a on a.federation_id = sr.federation_id and a.structure_id = sr.structure_id
                                   and a.year = sr.year
    where sr.state <> 'brouillon';
