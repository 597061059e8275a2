-- What the centre module publishes for other modules to read (docs/architecture.md): no password, no logo.
create view centre_centres as
    select id, code, name, commune, school_zone, time_zone from centres;

create view centre_users as
    select id, username, display_name, platform_admin, enabled from users;

create view centre_user_roles as
    select centre_id, user_id, role from user_roles;
