-- What the reception module publishes for other modules to read (docs/architecture.md): contacts without their
-- notes; case files are not published.
create view reception_contacts as
    select centre_id, id, date, starts_at, person_id, channel, duration_min, status, staff_user_id, orientation
    from contacts;

create view reception_contact_themes as
    select centre_id, contact_id, theme from contact_themes;
