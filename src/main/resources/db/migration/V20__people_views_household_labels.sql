-- What the people module publishes for other modules to read (docs/architecture.md): each household's label, the
-- last names of its current members (HouseholdService.LABEL), so that lists of households elsewhere name them alike.
create view people_household_labels as
    select h.centre_id, h.id as household_id,
           coalesce((select string_agg(distinct p.last_name, ' / ')
                     from household_members hm join persons p on p.centre_id = hm.centre_id and p.id = hm.person_id
                     where hm.centre_id = h.centre_id and hm.household_id = h.id
                       and (hm.end_date is null or hm.end_date >= centre_today(h.centre_id))), 'Foyer sans membre') as label
    from households h;
