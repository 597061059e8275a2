-- catalogue publishes its actions' identities for other modules to read (the benchmarks pick actions by id).
create view catalogue_action_titles as
    select id, owner_centre_id, published, title from catalogue_actions;
