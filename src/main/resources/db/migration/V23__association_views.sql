-- association publishes who volunteers or holds a mandate, and when, without skills or outside names:
-- the retention limit (privacy) counts them as dealings with the person.
create view association_volunteers as
    select centre_id, id, person_id, start_date, end_date from volunteers;

create view association_volunteer_hours as
    select centre_id, id, volunteer_id, date, activity_id from volunteer_hours;

create view association_mandates as
    select centre_id, id, body_id, person_id, start_date, end_date from mandates;
