-- Dues (cotisations): each year a rule on the structure's declared budget, calls computed from it, credit notes
-- (avoirs) and payments. Integer cents everywhere; what is owed is calls - credits - payments.

-- The year's rule: rate in basis points of the budget (50 = 0,5 %), rounded half up to the cent, then held between
-- the floor and the ceiling.
create table dues_schedules (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    year           integer not null check (year between 2000 and 2100),
    rate_bp        integer not null check (rate_bp between 0 and 10000),
    floor_cents    bigint not null check (floor_cents between 0 and 100000000000),
    ceiling_cents  bigint not null check (ceiling_cents between 0 and 100000000000),
    primary key (federation_id, id),
    check (ceiling_cents >= floor_cents)
);
create unique index dues_schedules_year on dues_schedules (federation_id, year);

-- The budget a structure declared for a year: the base of its call.
create table dues_budgets (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    year           integer not null check (year between 2000 and 2100),
    structure_id   bigint not null,
    budget_cents   bigint not null check (budget_cents between 0 and 100000000000),
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id)
);
create unique index dues_budgets_once on dues_budgets (federation_id, year, structure_id);

-- A call: the rule and base it was computed from are kept, so a later change of the rule never changes it. Once it
-- has a payment it is never edited: a credit note cancels it (all or part) and a new call may be issued.
create table dues_calls (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    year           integer not null check (year between 2000 and 2100),
    structure_id   bigint not null,
    base_cents     bigint not null check (base_cents between 0 and 100000000000),
    rate_bp        integer not null check (rate_bp between 0 and 10000),
    floor_cents    bigint not null check (floor_cents >= 0),
    ceiling_cents  bigint not null check (ceiling_cents >= 0),
    amount_cents   bigint not null check (amount_cents between 0 and 100000000000),
    issued_on      date not null,
    primary key (federation_id, id),
    foreign key (federation_id, structure_id) references structures (federation_id, id)
);
create index dues_calls_year on dues_calls (federation_id, year, structure_id);

-- A credit note (avoir) on a call: what it takes off, and why.
create table dues_credits (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    call_id        bigint not null,
    amount_cents   bigint not null check (amount_cents between 1 and 100000000000),
    issued_on      date not null,
    reason         text not null check (length(trim(reason)) between 1 and 500),
    primary key (federation_id, id),
    foreign key (federation_id, call_id) references dues_calls (federation_id, id)
);
create index dues_credits_call on dues_credits (federation_id, call_id);

create table dues_payments (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    call_id        bigint not null,
    paid_on        date not null,
    amount_cents   bigint not null check (amount_cents between 1 and 100000000000),
    mode           text not null check (mode in ('virement', 'cheque', 'prelevement', 'especes')),
    reference      text check (length(reference) <= 200),
    primary key (federation_id, id),
    foreign key (federation_id, call_id) references dues_calls (federation_id, id)
);
create index dues_payments_call on dues_payments (federation_id, call_id);
