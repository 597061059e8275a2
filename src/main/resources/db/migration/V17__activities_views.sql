-- What the activities module publishes for other modules to read (docs/architecture.md).
create view activities_sectors as
    select centre_id, id, name, position from sectors;

create view activities_activities as
    select centre_id, id, ref, name, sector_id, kind, public, age_min, age_max, age_bands, capacity, place,
           referent_user_id, season_id, archived
    from activities;

create view activities_sessions as
    select centre_id, id, activity_id, schedule_id, date, start_time, end_time, cancelled_reason from sessions;

create view activities_enrolments as
    select centre_id, id, activity_id, person_id, status, requested_at, ended_at from enrolments;
