#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432, installing Debian's package and starting a
# cluster when there is none, and prints shell assignments for DATABASE_URL (and DATABASE_APP_PASSWORD)
# on stdout. Everything else goes to stderr.
set -euo pipefail
exec 3>&1 1>&2

can_connect() { psql "$1" -Atqc "select 1" >/dev/null 2>&1; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

# The scale-out tests run their replicas' request pools through Debian's PgBouncer.
if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing PgBouncer from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null; }
fi

version=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done

trust_url="postgres://postgres@127.0.0.1:5432/postgres"
password_url="postgres://postgres:postgres@127.0.0.1:5432/postgres"
if can_connect "$trust_url"; then
  echo "DATABASE_URL=$trust_url" >&3
  echo "DATABASE_URL_REDACTED=$trust_url" >&3
else
  # A fresh Debian cluster asks for passwords over TCP: give the superuser and the app role one.
  su postgres -c "psql -qc \"alter user postgres password 'postgres'\""
  can_connect "$password_url" || { echo "cannot reach PostgreSQL on 127.0.0.1:5432"; exit 1; }
  echo "DATABASE_URL=$password_url" >&3
  echo "DATABASE_URL_REDACTED=postgres://postgres:***@127.0.0.1:5432/postgres" >&3
  echo "DATABASE_APP_PASSWORD=nns-app-ci" >&3
fi
