-- The permission to see and record a person's situation of disability (a health datum, RGPD art. 9): its own right,
-- given to a user in one centre beside their role, never by default (not even to the direction).
alter table user_roles add column sees_disability boolean not null default false;
