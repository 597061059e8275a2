-- Person details the centres' reports count: the school a child attends (school_level already exists), a situation of
-- disability (sensitive: its own permission, counted only, never in an export to the federation; null = not known),
-- and the centre's own situation flags (primo-arrivant, allophone, language level…), a vocabulary each centre extends.
alter table persons add column school text;
alter table persons add column disability boolean;

create table situation_flags (
    centre_id  bigint not null references centres (id),
    id         bigint generated always as identity,
    code       text not null check (code ~ '^[a-z0-9_]{1,40}$'),
    label      text not null check (length(trim(label)) > 0),
    archived   boolean not null default false,
    primary key (centre_id, id),
    unique (centre_id, code)
);

create table person_flags (
    centre_id  bigint not null,
    person_id  bigint not null,
    flag_id    bigint not null,
    primary key (centre_id, person_id, flag_id),
    foreign key (centre_id, person_id) references persons (centre_id, id) on delete cascade,
    foreign key (centre_id, flag_id) references situation_flags (centre_id, id)
);
create index person_flags_flag on person_flags (centre_id, flag_id);
