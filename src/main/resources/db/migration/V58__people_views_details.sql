-- people publishes, for the figures only, each person's school, disability answer and situation flags.
create view people_person_details as
    select centre_id, id as person_id, school, school_level, disability from persons;

create view people_situation_flags as
    select centre_id, id, code, label, archived from situation_flags;

create view people_person_flags as
    select centre_id, person_id, flag_id from person_flags;
