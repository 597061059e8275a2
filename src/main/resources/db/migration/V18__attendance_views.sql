-- What the attendance module publishes for other modules to read (docs/architecture.md).
create view attendance_marks as
    select centre_id, session_id, person_id, status, arrival, departure from attendance;

create view attendance_headcounts as
    select centre_id, session_id, headcount from headcounts;
