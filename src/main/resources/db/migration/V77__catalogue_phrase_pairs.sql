-- Quoted phrases from the GIN index. A phrase ('caf' <2> 'parent') needs the lexemes' positions, which the index
-- does not hold: PostgreSQL read every document having both words back from TOAST to check them (38,000 of the
-- 50,000 actions of the benchmark for "café des parents", 0.6 s). Each document now also carries one position-less
-- lexeme per pair of its lexemes at most 3 positions apart, 'caf 2 parent' (first lexeme, distance, second lexeme;
-- the parser never puts a space inside a lexeme, so these never meet a word of a query). They are made from the
-- document's own positions, so a document has 'a d b' exactly when it matches 'a' <d> 'b': the search asks the
-- index for the pair instead of the phrase, without rechecking, and for longer phrases rechecks only the documents
-- that have all their pairs (CataloguePhrases). The title's document has its pairs too (actions with the words
-- in their title come first). A document too long for its pairs to fit in a tsvector
-- (over 8,000 positions, far beyond any real action) gets the lexeme 'no pairs' instead, and is checked the old way.
create function catalogue_pairs(doc tsvector) returns tsvector
    language sql immutable strict parallel safe
as $$
    with positioned as materialized (select u.lexeme, p from unnest(doc) u, unnest(u.positions) p)
    select case when (select count(*) from positioned) > 8000 then array_to_tsvector(array['no pairs'])
                else (select array_to_tsvector(coalesce(array_agg(distinct a.lexeme || ' ' || k || ' ' || b.lexeme), '{}'))
                      from positioned a, generate_series(1, 3) k, positioned b
                      where b.p = a.p + k) end
$$;

create or replace function catalogue_indexed() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        delete from catalogue_search where action_id in (select id from changed);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into catalogue_search (action_id, published, owner_centre_id, doc, title_doc)
        select id, published, owner_centre_id, doc || catalogue_pairs(doc), title_doc || catalogue_pairs(title_doc)
        from (select a.id, a.published, a.owner_centre_id,
                     to_tsvector('french', trame_fold(concat_ws(' ', a.title, a.summary, a.dimension, a.structure,
                         a.departement, array_to_string(a.keywords || a.publics || a.initiative || a.partners, ' '),
                         a.files, a.status, a.end_reason, a.initiative_detail, a.territory, a.experience,
                         a.description, a.resources, a.people, a.result_territory, a.result_centre,
                         a.result_inhabitants, a.limits, a.perspectives))) as doc,
                     to_tsvector('french', trame_fold(a.title)) as title_doc
              from changed a) indexed;
    end if;
    update catalogue_state set version = version + 1;
    return null;
end
$$;

update catalogue_search set doc = doc || catalogue_pairs(doc), title_doc = title_doc || catalogue_pairs(title_doc);
update catalogue_state set version = version + 1;
