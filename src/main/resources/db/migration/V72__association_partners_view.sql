-- The centre's partners, for the modules that name them (an action's evaluation): name and kind, no contact.
create view association_partners as
    select centre_id, id, name, kind from partners;
