-- Issue 13, finding 11: a quartier's QPV status is unknown until someone sets it. A quartier created by an import of
-- people.csv used to be QPV = false, so its households without their own answer were counted "non" instead of
-- "inconnu". Existing values are kept: nothing records whether a false was chosen or defaulted.
alter table quartiers alter column qpv drop default;
alter table quartiers alter column qpv drop not null;
