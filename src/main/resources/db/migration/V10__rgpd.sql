-- RGPD (issue 12): an anonymised person keeps the rows the figures count, without what identifies them.
-- Set once, by fr.trame.privacy: the person's names are replaced, contact details and free texts removed, and they no
-- longer come up in any search by name.
alter table persons add column anonymised_at timestamptz;
