-- The periods of a centre's employees' contracts, for the modules that need to know who works there on a given day
-- (the training module offers only current employees for registration).
create view association_contract_periods as
    select centre_id, employee_id, start_date, end_date from contracts;
