-- What the staff file (import staff) brings that the pages did not record: the file's own references, so that
-- re-importing it changes nothing; a CEE vacataire's vacations and hours (counted by them, not by weekly hours, which
-- a CEE may leave empty); the diploma a trainee or an apprentice prepares.
alter table employees add column ref text;
alter table employees add constraint employees_ref unique (centre_id, ref);

alter table contracts add column ref text;
alter table contracts add constraint contracts_ref unique (centre_id, ref);
alter table contracts add column vacations integer check (vacations >= 0);
alter table contracts add column vacation_hours numeric(8, 2) check (vacation_hours >= 0);
alter table contracts add column diploma text;
alter table contracts alter column weekly_hours drop not null;
alter table contracts add constraint contracts_weekly_hours_known check (weekly_hours is not null or kind = 'cee');
