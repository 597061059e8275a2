-- French full-text search over the catalogue, and the links from a centre's own actions to its activities and
-- projet social objectives.

-- One document per action: title first, then what describes it in short, then the long texts. Folded (lower case,
-- no accents) before the French stemmer, so that "scolarite" and "Scolarité" stem alike; the parser treats both
-- apostrophe styles as a word break. Declared immutable so that it can feed a generated column: array_to_string is
-- only marked stable because of other element types, text arrays always print the same.
create function catalogue_document(title text, short_texts text, lists text[], long_texts text) returns tsvector
    language sql immutable parallel safe
as $$
    select setweight(to_tsvector('french', trame_fold(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('french', trame_fold(coalesce(short_texts, '') || ' ' || array_to_string(lists, ' '))), 'B')
        || setweight(to_tsvector('french', trame_fold(coalesce(long_texts, ''))), 'D')
$$;

alter table catalogue_actions add column search tsvector generated always as (catalogue_document(
    title,
    coalesce(summary, '') || ' ' || coalesce(dimension, '') || ' ' || coalesce(structure, '') || ' ' || coalesce(departement, ''),
    keywords || publics || initiative || partners,
    coalesce(experience, '') || ' ' || coalesce(description, '') || ' ' || coalesce(resources, '') || ' '
        || coalesce(people, '') || ' ' || coalesce(result_territory, '') || ' ' || coalesce(result_centre, '') || ' '
        || coalesce(result_inhabitants, '') || ' ' || coalesce(limits, '') || ' ' || coalesce(perspectives, '') || ' '
        || coalesce(initiative_detail, '') || ' ' || coalesce(end_reason, ''))) stored;

create index catalogue_actions_search on catalogue_actions using gin (search);

-- when an action written in Trame was last changed, to list a centre's own work
alter table catalogue_actions add column updated_at timestamptz not null default now();

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
