#!/usr/bin/env bash
# Runs every Trame test twice: on the embedded PostgreSQL (each Spring test context on a throw-away cluster of its
# own), then on Debian's packaged PostgreSQL server (each Spring test context on a throw-away database of its own, on
# a throw-away cluster that this script creates, starts on 127.0.0.1 and removes at the end). Installs what the tests
# need when missing: chromium and chromium-driver for the browser tests, postgresql for the second run.
# Options are passed to Maven (e.g. ./run-tests.sh -Dtest=TwoInstancesTest).
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installation de chromium et chromium-driver pour les tests dans le navigateur…"
  apt_install chromium chromium-driver
fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PG_BIN="$(pg_bin)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
  echo "Installation de postgresql (le serveur de Debian) pour la seconde passe des tests…"
  apt_install postgresql
  PG_BIN="$(pg_bin)"
fi

# a cluster of its own, so nothing of the machine's own PostgreSQL (if any) is used or changed
PG_DIR="$(mktemp -d /tmp/trame-tests-pg.XXXXXX)"
chmod 700 "$PG_DIR"
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root
  chown postgres: "$PG_DIR"
  RUN_AS=(runuser -u postgres --)
fi
stop_postgresql() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_postgresql EXIT

PG_PASSWORD="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
PG_PORT=15432
while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
# the password never appears on a command line (ps): written by the shell's builtin, given to psql on its input
(umask 077; printf '%s\n' "$PG_PASSWORD" > "$PG_DIR/pw")
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR/pw"; fi
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pw" -A scram-sha-256 -E UTF8 \
  --locale=C.UTF-8 --lc-messages=C >"$PG_DIR/initdb.log"
# throw-away data: no fsync; one connection pool of 10 per cached Spring test context
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c timezone=Europe/Paris" start >/dev/null
# the tests' login is no superuser: it creates its databases, which then own their extensions (trusted ones)
PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
  -v ON_ERROR_STOP=1 <<<"create role trame login createdb password '$PG_PASSWORD'"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') de Debian démarré sur 127.0.0.1:$PG_PORT pour la seconde passe."

export TRAME_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
export TRAME_TEST_PG_USER=trame
export TRAME_TEST_PG_PASSWORD="$PG_PASSWORD"
# one build: surefire's default execution (embedded), then its execution external-postgresql (pom.xml), then checkstyle
mvn -B -ntp verify "$@"
