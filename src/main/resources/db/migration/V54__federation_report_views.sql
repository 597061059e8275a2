-- What the federation publishes for its annual report (the senacs module builds it): counts only, no person's name,
-- no confidential note of an accompaniment, no meeting's title or place.

create view federation_territories as
    select federation_id, id, name, kind from territories;

create view federation_structure_memberships as
    select federation_id, structure_id, state, since from structure_memberships;

create view federation_structure_statuses as
    select federation_id, structure_id, status, since from structure_statuses;

create view federation_network_meetings as
    select federation_id, id, kind, meeting_date, territory_id from network_meetings;

-- Who came to a meeting, counted per structure (structure_id null: partners, the federation's staff): each attendance
-- row is one person at one meeting.
create view federation_network_meeting_participation as
    select federation_id, meeting_id, structure_id, count(*) as persons
    from network_meeting_attendance group by federation_id, meeting_id, structure_id;

create view federation_renewals as
    select federation_id, id, structure_id, opened_on, closed_on, outcome from renewals;

create view federation_accompaniments as
    select federation_id, id, structure_id, kind, opened_on, closed_on from accompaniments;

create view federation_programmes as
    select p.federation_id, p.id, p.name, p.kind, p.start_year, p.end_year,
           coalesce((select sum(f.amount_cents) from programme_funders f
                     where f.federation_id = p.federation_id and f.programme_id = p.id), 0) as funded_cents
    from programmes p;

create view federation_programme_projects as
    select federation_id, id, programme_id, structure_id, theme, amount_cents from programme_projects;
