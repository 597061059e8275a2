-- Register search by name, fast at 60,000 persons: the distinct words of a centre's folded names (a few thousand
-- where persons are tens of thousands) have their own trigram index, searched first for the words near the typed
-- ones; the persons bearing those words are then read by exact word in a btree, and only a few dozen of them are
-- measured against the whole query. Anonymised persons have no words here: a word goes with its last bearer.

-- The words of a folded name as pg_trgm cuts them: runs of letters and digits (N'Diaye is n and diaye).
create function trame_name_words(text) returns text[]
    language sql immutable strict parallel safe
as $$ select coalesce(array_agg(distinct w), '{}') from regexp_split_to_table($1, '[^[:alnum:]]+') as w where w <> '' $$;

-- Each word of a centre, with how many of its (not anonymised) persons bear it.
create table person_name_words (
    centre_id  bigint not null,
    word       text not null,
    persons    integer not null,
    primary key (centre_id, word)
);
create index person_name_words_trgm on person_name_words using gist (centre_id, word gist_trgm_ops);

-- Who bears each word, in id order (the first persons of a word are read from the index alone).
create table person_words (
    centre_id  bigint not null,
    word       text not null,
    person_id  bigint not null,
    primary key (centre_id, word, person_id)
);
create index person_words_person on person_words (centre_id, person_id);

insert into person_words (centre_id, word, person_id)
select p.centre_id, w, p.id from persons p, unnest(trame_name_words(p.search_name)) as w where p.anonymised_at is null;
insert into person_name_words (centre_id, word, persons)
select centre_id, word, count(*) from person_words group by 1, 2;

-- Kept up to date for every writer (forms, imports, merges, anonymisation, deletion), set-based once per statement.
-- Counts change in (centre, word) order, so two transactions lock the words they share in the same order.
create function people_name_words_added() returns trigger language plpgsql as $$
begin
    with came as (
        insert into person_words (centre_id, word, person_id)
        select n.centre_id, w, n.id from new_rows n, unnest(trame_name_words(n.search_name)) as w
        where n.anonymised_at is null
        returning centre_id, word)
    insert into person_name_words as t (centre_id, word, persons)
    select centre_id, word, count(*) from came group by 1, 2 order by 1, 2
    on conflict (centre_id, word) do update set persons = t.persons + excluded.persons;
    return null;
end $$;

create function people_name_words_changed() returns trigger language plpgsql as $$
begin
    with changed as (
        select o.centre_id, o.id, o.search_name as old_name, o.anonymised_at is null as was_named,
               n.search_name as new_name, n.anonymised_at is null as is_named
        from old_rows o join new_rows n on n.centre_id = o.centre_id and n.id = o.id
        where o.search_name is distinct from n.search_name
           or (o.anonymised_at is null) <> (n.anonymised_at is null)),
    old_words as (select c.centre_id, w as word, c.id from changed c, unnest(trame_name_words(c.old_name)) as w
               where c.was_named),
    new_words as (select c.centre_id, w as word, c.id from changed c, unnest(trame_name_words(c.new_name)) as w
              where c.is_named),
    gone as (
        delete from person_words pw using (select * from old_words except select * from new_words) g
        where pw.centre_id = g.centre_id and pw.word = g.word and pw.person_id = g.id
        returning pw.centre_id, pw.word, -1 as n),
    came as (
        insert into person_words (centre_id, word, person_id)
        select * from new_words except select * from old_words
        returning centre_id, word, 1 as n)
    insert into person_name_words as t (centre_id, word, persons)
    select centre_id, word, sum(n) from (select * from gone union all select * from came) d
    group by 1, 2 having sum(n) <> 0 order by 1, 2
    on conflict (centre_id, word) do update set persons = t.persons + excluded.persons;
    delete from person_name_words t where t.persons <= 0 and t.centre_id in (select distinct centre_id from old_rows);
    return null;
end $$;

create function people_name_words_removed() returns trigger language plpgsql as $$
begin
    with gone as (
        delete from person_words pw using old_rows o
        where pw.centre_id = o.centre_id and pw.person_id = o.id
        returning pw.centre_id, pw.word)
    update person_name_words t set persons = t.persons - d.n
    from (select centre_id, word, count(*) as n from gone group by 1, 2 order by 1, 2) d
    where t.centre_id = d.centre_id and t.word = d.word;
    delete from person_name_words t where t.persons <= 0 and t.centre_id in (select distinct centre_id from old_rows);
    return null;
end $$;

create trigger persons_name_words_insert after insert on persons
    referencing new table as new_rows for each statement execute function people_name_words_added();
create trigger persons_name_words_update after update on persons
    referencing old table as old_rows new table as new_rows for each statement execute function people_name_words_changed();
create trigger persons_name_words_delete after delete on persons
    referencing old table as old_rows for each statement execute function people_name_words_removed();
