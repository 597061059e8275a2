-- What the training module publishes to the others (reporting, the federation's annual report): the facts behind
-- its figures, without any trainee's name, e-mail or comment. docs/training.md gives the definitions.

-- One row per session. first_day: its first half-day, which places it in a year. hours: the sum of its half-days.
-- held: not cancelled and at least one presence signed by a registration that is not cancelled.
create view training_session_facts as
    select s.federation_id, s.id as session_id, s.course_id, c.audience, c.custom, h.first_day, h.last_day,
           s.status, s.cancel_reason, s.cancelled_on, coalesce(h.half_days, 0) as half_days,
           coalesce(h.hours, 0) as hours,
           (s.status <> 'annulee' and exists (
                select 1 from training_presences p
                join training_registrations r on r.federation_id = p.federation_id and r.id = p.registration_id
                where r.federation_id = s.federation_id and r.session_id = s.id and r.state <> 'annule')) as held
    from training_sessions s
    join training_courses c on c.federation_id = s.federation_id and c.id = s.course_id
    left join lateral (
        select min(day) as first_day, max(day) as last_day, count(*) as half_days, sum(hours) as hours
        from training_half_days d where d.federation_id = s.federation_id and d.session_id = s.id) h on true;

-- One row per registration. person_no: the same number for the same person within a federation — a person is a name
-- (last and first, without case or accents) within one structure, or among the federation's own people when
-- structure_id is null; the name itself is not published. present_half_days, hours_attended: from the signed
-- presences (a half-day's hours each).
create view training_participations as
    select r.federation_id, r.id as registration_id, r.session_id, s.course_id, r.structure_id, r.quality, r.state,
           dense_rank() over (partition by r.federation_id
                              order by coalesce(r.structure_id, 0), trame_fold(trim(r.last_name)),
                                       trame_fold(trim(r.first_name))) as person_no,
           coalesce(p.half_days, 0) as present_half_days, coalesce(p.hours, 0) as hours_attended
    from training_registrations r
    join training_sessions s on s.federation_id = r.federation_id and s.id = r.session_id
    left join lateral (
        select count(*) as half_days, sum(d.hours) as hours
        from training_presences x
        join training_half_days d on d.federation_id = x.federation_id and d.id = x.half_day_id
        where x.federation_id = r.federation_id and x.registration_id = r.id) p on true;

-- The evaluations' scores, without their comments.
create view training_evaluation_facts as
    select e.federation_id, e.registration_id, r.session_id, e.positioning, e.acquired, e.satisfaction
    from training_evaluations e
    join training_registrations r on r.federation_id = e.federation_id and r.id = e.registration_id;
