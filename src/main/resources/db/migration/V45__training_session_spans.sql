-- Two definitions the training module's queries share, written once here (docs/training.md gives them).

-- One row per session, half-days or not: first_day (its first half-day, which places it in a year), last_day, days
-- (distinct days), half_days and hours (the sum of its half-days' hours). A session without half-days has null days and
-- zero hours.
create view training_session_spans as
    select s.federation_id, s.id as session_id, h.first_day, h.last_day, coalesce(h.days, 0) as days,
           coalesce(h.half_days, 0) as half_days, coalesce(h.hours, 0) as hours
    from training_sessions s
    left join lateral (
        select min(d.day) as first_day, max(d.day) as last_day, count(distinct d.day) as days, count(*) as half_days,
               sum(d.hours) as hours
        from training_half_days d where d.federation_id = s.federation_id and d.session_id = s.id) h on true;

-- The answers the satisfaction rate counts: the evaluations with a satisfaction answer (1 to 5) of registrations not
-- cancelled, present at one half-day at least, in sessions not cancelled. satisfied: an answer of 4 or 5. The
-- satisfaction rate is the share of satisfied rows among these rows; its mean is their mean.
create view training_satisfactions as
    select r.federation_id, r.id as registration_id, r.session_id, s.course_id, e.satisfaction,
           e.satisfaction >= 4 as satisfied
    from training_evaluations e
    join training_registrations r on r.federation_id = e.federation_id and r.id = e.registration_id
    join training_sessions s on s.federation_id = r.federation_id and s.id = r.session_id
    where e.satisfaction is not null and r.state <> 'annule' and s.status <> 'annulee'
      and exists (select 1 from training_presences p where p.federation_id = r.federation_id and p.registration_id = r.id);

-- training_session_facts (V42) with its span read from training_session_spans: the same columns, one definition.
create or replace view training_session_facts as
    select s.federation_id, s.id as session_id, s.course_id, c.audience, c.custom, h.first_day, h.last_day,
           s.status, s.cancel_reason, s.cancelled_on, h.half_days, h.hours,
           (s.status <> 'annulee' and exists (
                select 1 from training_presences p
                join training_registrations r on r.federation_id = p.federation_id and r.id = p.registration_id
                where r.federation_id = s.federation_id and r.session_id = s.id and r.state <> 'annule')) as held
    from training_sessions s
    join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
    join training_session_spans h on h.federation_id = s.federation_id and h.session_id = s.id;
