-- reception publishes its case files and the dates of their steps, without subjects, notes or outcomes:
-- the retention limit (privacy) counts an open case file and each step as a dealing with its holders.
create view reception_cases as
    select centre_id, id, person_id, household_id, referent_user_id, opened_on, closed_on from cases;

create view reception_case_steps as
    select centre_id, id, case_id, date from case_steps;
