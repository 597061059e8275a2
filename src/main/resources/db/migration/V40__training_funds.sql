-- Funds that pay for the network's trainings (FOSFORA and others): a yearly envelope, the levy passed on to the
-- national federation, and allocation lines with their rule. Nothing computed is stored: the allocations per line,
-- session and structure come from the registrations and signed presences (FundService, docs/fonds-formation.md).
--
-- Definitions (the one place they are written in SQL is FundService.CELLS):
-- * a volunteer: a registration, not cancelled, of quality benevole or administrateur with at least one presence,
--   one person per structure and name (case and accents ignored), whichever session they came to;
-- * a session counts for a line when it is covered (attached, or a session of the line's course in the envelope's
--   year), not cancelled, and a volunteer signed at least one of its half-days; a half-day counts the same way;
-- * par_session: rate × sessions counted; par_demi_journee: rate × half-days counted; par_benevole: rate × distinct
--   volunteers over the line (twice in the line counts once); forfait: the rate itself, shared by no structure;
-- * a session's (half-day's) amount goes to the structures of its volunteers pro rata to their number, a ceiling
--   caps the line's total and scales every part pro rata; both by largest remainder, so parts sum to the cent;
-- * remainder = amount − levy − allocations, negative when the lines overrun the envelope.

-- A fund: FOSFORA (fed by part of the centres' dues), a grant, the federation's own money.
create table training_funds (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    name           text not null check (length(trim(name)) between 1 and 100),
    kind           text not null check (kind in ('cotisations', 'subvention', 'fonds_propres')),
    description    text check (length(description) <= 2000),
    primary key (federation_id, id)
);
create unique index training_funds_name on training_funds (federation_id, lower(name));

-- A fund's envelope for one year. The levy: levy_cents when given, else amount × levy_rate_bp / 10 000 rounded half
-- up to the cent (basis points: 500 = 5 %), else nothing.
create table training_fund_envelopes (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    fund_id        bigint not null,
    year           integer not null check (year between 2000 and 2100),
    amount_cents   bigint not null check (amount_cents >= 0),
    levy_rate_bp   integer check (levy_rate_bp between 0 and 10000),
    levy_cents     bigint check (levy_cents >= 0),
    levy_due_cents bigint generated always as
        (coalesce(levy_cents, (amount_cents * levy_rate_bp + 5000) / 10000, 0)) stored,
    note           text check (length(note) <= 2000),
    primary key (federation_id, id),
    foreign key (federation_id, fund_id) references training_funds (federation_id, id) on delete cascade,
    unique (federation_id, fund_id, year),
    check (levy_cents is null or levy_cents <= amount_cents)
);

-- A line of an envelope: what it pays for and by which rule. rate_cents: the amount per session, half-day or volunteer,
-- or the fixed amount (forfait). course_id: the line covers that course's sessions of the envelope's year, as well as
-- the sessions attached to it.
create table training_fund_lines (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    envelope_id    bigint not null,
    label          text not null check (length(trim(label)) between 1 and 200),
    rule           text not null check (rule in ('par_session', 'par_demi_journee', 'par_benevole', 'forfait')),
    rate_cents     bigint not null check (rate_cents > 0),
    ceiling_cents  bigint check (ceiling_cents > 0),
    course_id      bigint,
    created_at     timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, envelope_id) references training_fund_envelopes (federation_id, id) on delete cascade,
    foreign key (federation_id, course_id) references training_courses (federation_id, id),
    check (rule <> 'forfait' or (ceiling_cents is null and course_id is null))
);
create index training_fund_lines_envelope on training_fund_lines (federation_id, envelope_id);
create unique index training_fund_lines_label on training_fund_lines (federation_id, envelope_id, lower(label));

-- The sessions a line covers by name.
create table training_fund_line_sessions (
    federation_id  bigint not null,
    line_id        bigint not null,
    session_id     bigint not null,
    primary key (federation_id, line_id, session_id),
    foreign key (federation_id, line_id) references training_fund_lines (federation_id, id) on delete cascade,
    foreign key (federation_id, session_id) references training_sessions (federation_id, id)
);
create index training_fund_line_sessions_session on training_fund_line_sessions (federation_id, session_id);
