-- Issue 18: the outcome of a case file is a value of the centre's own list (the direction adds, renames, archives).
-- cases.outcome keeps its column and now holds the code of one of these; no foreign key, so that a record written
-- before (or a test's) is still readable: the service refuses any code outside the list.
create table case_outcomes (
    centre_id  bigint not null references centres (id),
    id         bigint generated always as identity,
    code       text not null check (code ~ '^[a-z0-9_]{2,40}$'),
    label      text not null check (length(trim(label)) > 0),
    archived   boolean not null default false,
    position   integer not null default 100,
    primary key (centre_id, id),
    unique (centre_id, code)
);
create unique index case_outcomes_label on case_outcomes (centre_id, lower(label));

-- The standard list for every existing centre (a centre created later gets it on first use: CaseOutcomeService).
insert into case_outcomes (centre_id, code, label, position)
select c.id, d.code, d.label, d.position
from centres c cross join (values ('emploi', 'Emploi', 10), ('formation', 'Formation', 20), ('logement', 'Logement', 30),
                                  ('droits_ouverts', 'Droits ouverts', 40),
                                  ('orientation', 'Orientation vers un partenaire', 50), ('abandon', 'Abandon', 60),
                                  ('autre', 'Autre', 70)) as d(code, label, position);

-- Free-text outcomes written before: a known one (its code or label, any case or accents) takes that code, an erased
-- one (anonymised person) becomes 'autre', any other text becomes a new entry of the centre's list, labelled as typed.
create temporary table outcome_slugs on commit drop as
select distinct c.centre_id, trim(c.outcome) as text,
       left(trim(both '_' from regexp_replace(translate(lower(trim(c.outcome)), 'àâäáéèêëíîïóôöúùûüçœ', 'aaaaeeeeiiiooouuuuco'),
                                              '[^a-z0-9]+', '_', 'g')), 40) as slug
from cases c where c.outcome is not null;

update outcome_slugs s set slug = 'autre' where s.text = 'Effacé (personne anonymisée)';
update outcome_slugs s set slug = o.code from case_outcomes o
where o.centre_id = s.centre_id and (o.code = s.slug or lower(o.label) = lower(s.text));
update outcome_slugs s set slug = 'issue_' || s.slug where length(s.slug) < 2 or s.slug !~ '^[a-z0-9_]+$';

insert into case_outcomes (centre_id, code, label, position)
select distinct on (s.centre_id, s.slug) s.centre_id, s.slug, s.text, 100 from outcome_slugs s
order by s.centre_id, s.slug, s.text
on conflict do nothing;

update cases c set outcome = s.slug from outcome_slugs s where s.centre_id = c.centre_id and s.text = trim(c.outcome);

-- Published: the list (codes and labels, for the figures' labels and the workshops' participants) and the case files'
-- dates and outcome codes, for the figures: no subject, no person, no household.
create view reception_outcomes as
    select centre_id, id, code, label, archived, position from case_outcomes;

create view reception_case_outcomes as
    select centre_id, id, opened_on, closed_on, outcome from cases;
