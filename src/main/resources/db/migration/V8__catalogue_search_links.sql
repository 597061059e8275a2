-- French full-text search over the catalogue, and the links from a centre's own actions to its activities and
-- projet social objectives.

-- when an action was last changed (a centre's own actions are edited in Trame)
alter table catalogue_actions add column updated_at timestamptz not null default now();

-- The search table: one narrow row per action, so that a word found in most of the catalogue costs a few hundred
-- heap pages, not ten thousand. PostgreSQL moves values out of line only from rows over 2 kB, whatever
-- toast_tuple_target says; the padding (2 kB of spaces, compressed to a few bytes) makes every row qualify, and then
-- the document, stored external, leaves the row. The GIN index answers plain words without reading it back.
create table catalogue_search (
    action_id        bigint primary key references catalogue_actions (id) on delete cascade,
    published        boolean not null,
    owner_centre_id  bigint,
    doc              tsvector not null,
    title_doc        tsvector not null,
    padding          text not null default repeat(' ', 2100)
) with (toast_tuple_target = 128);
alter table catalogue_search alter column doc set storage external;
create index catalogue_search_doc on catalogue_search using gin (doc);
create index catalogue_search_title on catalogue_search using gin (title_doc);

-- Bumped by every change of the catalogue, so that each application instance knows when its facet index is stale.
create table catalogue_state (
    version  bigint not null
);
insert into catalogue_state values (0);

-- Keeps the search table in step with the actions, with statement triggers: an import of 50,000 actions indexes
-- them in one insert. The document holds every text and choice of the action, folded (lower case, no accents)
-- before the French stemmer, so that "scolarite" and "Scolarité" stem alike; the parser treats both apostrophe
-- styles as a word break. The title has a document of its own: actions whose title has the words come first.
create function catalogue_indexed() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        delete from catalogue_search where action_id in (select id from changed);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into catalogue_search (action_id, published, owner_centre_id, doc, title_doc)
        select a.id, a.published, a.owner_centre_id,
               to_tsvector('french', trame_fold(concat_ws(' ', a.title, a.summary, a.dimension, a.structure,
                   a.departement, array_to_string(a.keywords || a.publics || a.initiative || a.partners, ' '), a.files,
                   a.status, a.end_reason, a.initiative_detail, a.territory, a.experience, a.description, a.resources,
                   a.people, a.result_territory, a.result_centre, a.result_inhabitants, a.limits, a.perspectives))),
               to_tsvector('french', trame_fold(a.title))
        from changed a;
    end if;
    update catalogue_state set version = version + 1;
    return null;
end
$$;

create trigger catalogue_inserted after insert on catalogue_actions referencing new table as changed
    for each statement execute function catalogue_indexed();
create trigger catalogue_updated after update on catalogue_actions referencing new table as changed
    for each statement execute function catalogue_indexed();
create trigger catalogue_deleted after delete on catalogue_actions
    for each statement execute function catalogue_indexed();

create table catalogue_action_activities (
    centre_id    bigint not null,
    action_id    bigint not null references catalogue_actions (id) on delete cascade,
    activity_id  bigint not null,
    primary key (centre_id, action_id, activity_id),
    foreign key (centre_id, activity_id) references activities (centre_id, id)
);

create table catalogue_action_objectives (
    centre_id     bigint not null,
    action_id     bigint not null references catalogue_actions (id) on delete cascade,
    objective_id  bigint not null,
    primary key (centre_id, action_id, objective_id),
    foreign key (centre_id, objective_id) references project_objectives (centre_id, id)
);
