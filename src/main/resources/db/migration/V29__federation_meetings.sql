-- The meetings of the network (issue 15, point 6): an AT's plenary, its directors' or présidences' meetings, peer
-- groups, and the federation's own bodies (AG, CA, Bureau). territory_id is the AT concerned; null for the
-- federation's bodies and the meetings of the whole network. ("meetings" is a centre's association table.)
create table network_meetings (
    federation_id  bigint not null references federations (id),
    id             bigint generated always as identity,
    kind           text not null check (kind in ('at_pleniere', 'reunion_directions', 'reunion_presidences', 'groupe_pairs',
                                                 'ag', 'ca', 'bureau', 'autre')),
    meeting_date   date not null,
    title          text not null check (length(trim(title)) between 1 and 300),
    place          text check (length(place) <= 300),
    territory_id   bigint,
    created_at     timestamptz not null default now(),
    primary key (federation_id, id),
    foreign key (federation_id, territory_id) references territories (federation_id, id),
    check (territory_id is null or kind not in ('ag', 'ca', 'bureau'))
);
create index network_meetings_date on network_meetings (federation_id, meeting_date);
create index network_meetings_territory on network_meetings (federation_id, territory_id, meeting_date);

-- Who came: a person named as typed, their structure (null: a partner, the federation's staff), their quality, and
-- whether they came as the structure's direction. A person is one folded name within one structure.
create table network_meeting_attendance (
    federation_id  bigint not null,
    id             bigint generated always as identity,
    meeting_id     bigint not null,
    name           text not null check (length(trim(name)) between 1 and 200),
    structure_id   bigint,
    quality        text not null check (quality in ('salarie', 'benevole', 'administrateur')),
    as_direction   boolean not null default false,
    primary key (federation_id, id),
    foreign key (federation_id, meeting_id) references network_meetings (federation_id, id) on delete cascade,
    foreign key (federation_id, structure_id) references structures (federation_id, id),
    check (not as_direction or structure_id is not null)
);
create index network_meeting_attendance_meeting on network_meeting_attendance (federation_id, meeting_id);
create index network_meeting_attendance_structure on network_meeting_attendance (federation_id, structure_id);
-- The same person is recorded once per meeting (names compared without case, accents or outer spaces).
create unique index network_meeting_attendance_once
    on network_meeting_attendance (federation_id, meeting_id, trame_fold(trim(name)), coalesce(structure_id, 0));
