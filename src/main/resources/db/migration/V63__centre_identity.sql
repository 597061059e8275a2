-- The centre's identity for its annual report (interchange.md, centre set): its RNA number (W and 9 digits, given to
-- associations by the prefecture) and the date it was created (founded, not the day its Trame record was).
alter table centres add column rna text check (rna ~ '^W[0-9]{9}$');
alter table centres add column created_on date check (created_on between date '1800-01-01' and date '2100-12-31');
