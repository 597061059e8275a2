-- What the people module publishes for other modules to read (docs/architecture.md): the register without its
-- free-text notes.
create view people_persons as
    select centre_id, id, ref, last_name, first_name, sex, birth_date, phone, email, school_level, search_name,
           anonymised_at
    from persons;

create view people_households as
    select centre_id, id, ref, address, postcode, commune, quartier_id, qpv, caf_number from households;

create view people_household_members as
    select centre_id, id, household_id, person_id, role, principal, start_date, end_date from household_members;

create view people_qf_history as
    select centre_id, id, household_id, valid_from, amount_euros, source from qf_history;

create view people_seasons as
    select centre_id, id, label, start_date, end_date from seasons;

create view people_memberships as
    select centre_id, id, ref, type, household_id, person_id, organisation, season_id, start_date, end_date,
           amount_cents, paid, paid_on, cancelled_at
    from memberships;
