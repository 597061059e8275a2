-- Each centre's civil time zone: what "today" is there and how its timestamps read. A centre column rather than one
-- setting for the instance, because a federation's instance can hold centres overseas (La Réunion, Antilles, Guyane…).
alter table centres add column time_zone text not null default 'Europe/Paris'
    check (time_zone in ('Europe/Paris', 'Indian/Reunion', 'Indian/Mayotte', 'America/Guadeloupe', 'America/Martinique',
                         'America/Cayenne', 'America/Miquelon', 'Pacific/Noumea', 'Pacific/Tahiti', 'Pacific/Wallis'));

-- The centre's today, whatever the session's TimeZone: SQL uses it instead of current_date (which is the session's day).
create function centre_today(centre bigint) returns date language sql stable as $$
    select (now() at time zone time_zone)::date from centres where id = centre
$$;
