-- Issue 13: one membership per household (familiale) or person (individuelle) and season, and a membership is
-- cancelled with a reason, never deleted. A cancelled membership is not a membership: figures leave it out.
--
-- A membership belongs to the season containing its start date (as MembershipService.seasonOf finds it); the season is
-- stored so that the rule can be a unique index.
alter table memberships
    add column season_id     bigint,
    add column cancelled_at  timestamptz,
    add column cancel_reason text,
    add column cancelled_by  bigint references users (id),
    add constraint memberships_season foreign key (centre_id, season_id) references seasons (centre_id, id),
    add constraint memberships_cancel_reason check (cancelled_at is null or cancel_reason is not null);

-- Seasons missing for existing memberships, on the September–August pattern the application uses.
insert into seasons (centre_id, label, start_date, end_date)
select distinct m.centre_id, y.year || '-' || (y.year + 1), make_date(y.year, 9, 1), make_date(y.year + 1, 8, 31)
from memberships m
cross join lateral (select extract(year from m.start_date)::int
                           - case when extract(month from m.start_date) < 9 then 1 else 0 end as year) y
where not exists (select 1 from seasons s
                  where s.centre_id = m.centre_id and s.start_date <= m.start_date and s.end_date >= m.start_date)
on conflict (centre_id, label) do nothing;

-- The season containing the start date, else the season of that name the centre typed with other dates.
update memberships m set season_id = coalesce(
    (select s.id from seasons s where s.centre_id = m.centre_id and s.start_date <= m.start_date
     and s.end_date >= m.start_date order by s.start_date desc limit 1),
    (select s.id from seasons s where s.centre_id = m.centre_id
     and s.label = (extract(year from m.start_date)::int - case when extract(month from m.start_date) < 9 then 1 else 0 end)
                   || '-' || (extract(year from m.start_date)::int - case when extract(month from m.start_date) < 9 then 0 else -1 end)));
-- every membership has its season: a null would escape the unique indexes below
alter table memberships alter column season_id set not null;

-- Duplicates already recorded: one stays (a paid one first, then the earliest), the others are cancelled as
-- "doublon", so that nothing is lost and the figures count each holder once per season.
update memberships m set cancelled_at = now(), cancel_reason = 'doublon'
from (select centre_id, id,
             row_number() over (partition by centre_id, season_id, type, coalesce(household_id, person_id)
                                order by paid desc, start_date, id) as rank
      from memberships
      where type in ('familiale', 'individuelle') and season_id is not null) d
where d.centre_id = m.centre_id and d.id = m.id and d.rank > 1;

create unique index memberships_one_per_household on memberships (centre_id, season_id, household_id)
    where type = 'familiale' and cancelled_at is null;
create unique index memberships_one_per_person on memberships (centre_id, season_id, person_id)
    where type = 'individuelle' and cancelled_at is null;
