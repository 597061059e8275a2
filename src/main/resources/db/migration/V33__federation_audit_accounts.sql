-- The federation's journal also keeps what the direction does to its accounts: who created, changed, disabled or
-- gave a new password to whom.
alter table network_audit drop constraint network_audit_action_check;
alter table network_audit add constraint network_audit_action_check check (action in ('ouverture', 'lecture',
    'modification', 'etape', 'partage', 'retrait_partage', 'acces_refuse', 'creation_compte', 'changement_role',
    'activation', 'desactivation', 'nouveau_mot_de_passe'));
alter table network_audit drop constraint network_audit_entity_check;
alter table network_audit add constraint network_audit_entity_check check (entity in ('accompagnement', 'compte'));
