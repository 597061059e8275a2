-- A Trame centre is the structure of one federation at most: linking it opens its aggregates to that federation, so a
-- second federation cannot claim it.
drop index structures_centre;
create unique index structures_centre on structures (centre_id) where centre_id is not null;
