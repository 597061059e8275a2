-- The same person twice in one session, compared as events and funds compare names: trimmed, case and accents
-- ignored ("Hélène" and "Helene" are one person). Replaces V34's index, which ignored case only.
drop index training_registrations_once;
create unique index training_registrations_once on training_registrations
    (federation_id, session_id, coalesce(structure_id, 0), trame_fold(trim(last_name)), trame_fold(trim(first_name)))
    where state <> 'annule';
