-- A centre's employees by name, for the module that registers them to the federation's trainings.
create view association_employees as
    select centre_id, id, last_name, first_name from employees;
