-- The actions catalogue (interchange.md): shared by all centres and federations, like the national one, so its
-- tables are global; an action written by a centre names its owner and is seen by others once published.

-- Choice lists are data: the values met in the national export are the starting set; imports add new ones.
create table catalogue_vocabulary (
    kind   text not null check (kind in ('statut', 'dimension', 'mot_cle', 'public', 'initiative', 'territoire', 'partenaire')),
    value  text not null,
    primary key (kind, value)
);

insert into catalogue_vocabulary (kind, value) values
    ('statut', 'En cours'), ('statut', 'Terminée'),
    ('dimension', 'Accompagnement de projets'), ('dimension', 'Citoyenneté'), ('dimension', 'Services'),
    ('mot_cle', 'Culture'), ('mot_cle', 'Démocratie & citoyenneté'), ('mot_cle', 'Emploi, économie'),
    ('mot_cle', 'Environnement'), ('mot_cle', 'Intégration'), ('mot_cle', 'Mixité sociale'), ('mot_cle', 'Parentalité'),
    ('mot_cle', 'Santé'), ('mot_cle', 'Solidarité'), ('mot_cle', 'Viellissement'),
    ('mot_cle', 'alphabétisation & apprentissage du français'), ('mot_cle', 'intergénérationnel'),
    ('mot_cle', 'mobilité / transport'), ('mot_cle', 'vacances / loisirs'), ('mot_cle', 'éducation / scolarité'),
    ('public', 'Adultes'), ('public', 'Enfance'), ('public', 'Jeunesse'), ('public', 'Petite enfance'),
    ('public', 'Seniors'), ('public', 'Tous publics'), ('public', 'familles'),
    ('initiative', 'Autre'), ('initiative', 'Le centre social'), ('initiative', 'Un groupe d''habitants'),
    ('initiative', 'Un habitant'), ('initiative', 'Un ou plusieurs partenaire(s)'),
    ('territoire', 'Plusieurs quartiers'), ('territoire', 'Un quartier'), ('territoire', 'Une commune'),
    ('partenaire', 'ANCV'), ('partenaire', 'Association locale'), ('partenaire', 'Association nationale'),
    ('partenaire', 'Autre'), ('partenaire', 'Bailleur social'), ('partenaire', 'CARSAT'), ('partenaire', 'Caf'),
    ('partenaire', 'Commune'), ('partenaire', 'Conseil départemental'), ('partenaire', 'Conseil régional'),
    ('partenaire', 'Entreprise privée'), ('partenaire', 'Mutuelle'), ('partenaire', 'Éducation Nationale');

create table catalogue_actions (
    id                  bigint generated always as identity primary key,
    -- the record as imported, line for line, and its fingerprint (a repeat has the same); null when written in Trame
    raw                 text,
    raw_hash            text unique,
    owner_centre_id     bigint references centres (id),
    published           boolean not null default true,
    title               text not null,
    structure           text,
    departement         text,
    files               text,
    status              text,
    end_reason          text,
    dimension           text,
    keywords            text[] not null default '{}',
    summary             text,
    initiative          text[] not null default '{}',
    initiative_detail   text,
    territory           text,
    experience          text,
    publics             text[] not null default '{}',
    partners            text[] not null default '{}',
    territory_again     text,
    description         text,
    resources           text,
    people              text,
    result_territory    text,
    result_centre       text,
    result_inhabitants  text,
    limits              text,
    perspectives        text,
    created_at          timestamptz not null default now()
);
create index catalogue_actions_owner on catalogue_actions (owner_centre_id);
