-- people publishes when each person entered the register: the retention limit (privacy) counts it as a dealing.
-- A view of its own rather than a column added to people_persons, which other migrations may extend.
create view people_person_records as
    select centre_id, id, created_at from persons;
