-- Issue 18: the outcome of a participant of an insertion workshop (any activity's enrolment may carry one), a code
-- of the centre's outcome list that reception publishes (reception_outcomes), and the day it was recorded.
alter table enrolments add column outcome_code text check (outcome_code ~ '^[a-z0-9_]{2,40}$'),
                       add column outcome_on date,
                       add check ((outcome_code is null) = (outcome_on is null));

-- Published for the figures and the lists behind them: the participants' outcomes.
create view activities_enrolment_outcomes as
    select centre_id, id, activity_id, person_id, outcome_code, outcome_on from enrolments where outcome_code is not null;
