-- Account safety (issue 12): a password an administrator generated must be changed at first login, and repeated
-- wrong passwords lock an account or an address for a growing time.

alter table users add column must_change_password boolean not null default false;
-- A session opened before this instant is closed: a reset, a change of password or a disabling ends open sessions.
alter table users add column credentials_changed_at timestamptz not null default now();

-- One row per account ('user:<lower username>') or address ('ip:<address>') with recent failed logins.
-- In PostgreSQL, not in memory, so the count holds across restarts and across several application instances.
create table login_throttle (
    key           text primary key,
    failures      integer not null,
    last_failure  timestamptz not null,
    locked_until  timestamptz
);
