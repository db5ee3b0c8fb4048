#!/usr/bin/env bash
# The restore drill (docs/operations.md, "Backup and restore"): dumps a database with pg_dump -Fc, restores
# the dump into a fresh database on the same server, compares the copy with the source table by table
# (row counts of every table in public, pgboss and drizzle, and a checksum of up to SAMPLE_ROWS rows of
# each, in text order; sequences' positions), runs `cli migrate` on the copy (it must apply nothing),
# starts the API on the copy and checks /health and /ready. Prints a report; exits non-zero on any
# difference or failed step. Drops the databases it created, and nothing else.
#
#   bash infra/restore-drill.sh [--demo-source] [--tamper-for-test delete|update] [--keep] URL
#
# URL is the owner's connection to the source database. With --demo-source it is any database on the
# server instead: the drill creates its own source there and fills it with `cli seed` (what CI does).
# --tamper-for-test changes the copy before comparing (deletes or alters one row), to prove the
# comparison catches it. Environment: SAMPLE_ROWS (default 1000), DATABASE_APP_PASSWORD (passed to the
# API), NNS_API_RUNNER=dist (default: apps/api/dist, built) or src (tsx, for the tests).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
api="$root/apps/api"
sample_rows="${SAMPLE_ROWS:-1000}"
demo_source=false
tamper=""
keep=false
url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --demo-source) demo_source=true ;;
    --tamper-for-test) tamper="$2"; shift ;;
    --keep) keep=true ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) url="$1" ;;
  esac
  shift
done
url="${url:-${DATABASE_URL:-}}"
[ -n "$url" ] || { echo "usage: restore-drill.sh [--demo-source] [--tamper-for-test delete|update] URL" >&2; exit 2; }
case "$tamper" in "" | delete | update) ;; *) echo "--tamper-for-test takes delete or update" >&2; exit 2 ;; esac

export PGCONNECT_TIMEOUT=10
if [ "${NNS_API_RUNNER:-dist}" = src ]; then
  cli=("$api/node_modules/.bin/tsx" "$api/src/cli.ts")
  server=("$api/node_modules/.bin/tsx" "$api/src/server.ts")
else
  [ -f "$api/dist/cli.js" ] || { echo "apps/api/dist is not built: run pnpm build first" >&2; exit 2; }
  cli=(node "$api/dist/cli.js")
  server=(node "$api/dist/server.js")
fi

# The same URL with another database name (keeps user, password, host and query parameters).
with_db() { printf '%s' "$1" | sed -E "s#^([a-z]+://[^/]*)/?[^?]*#\1/$2#"; }
q() { psql "$1" -X -v ON_ERROR_STOP=1 -Atq -c "$2"; }
step_started=0
step() { step_started=$(date +%s%N); printf '%s: ' "$1"; }
done_step() { printf 'ok (%s ms)\n' $(( ($(date +%s%N) - step_started) / 1000000 )); }

suffix="$(date +%s)_$$"
work="$(mktemp -d)"
created=()
api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  if ! $keep; then
    for db in "${created[@]}"; do q "$url" "drop database if exists $db with (force)" || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
# Stopped from outside (a CI or test timeout): still drop what was created.
trap 'exit 143' TERM INT

started=$(date +%s)
if $demo_source; then
  source_db="nns_drill_source_$suffix"
  source_url="$(with_db "$url" "$source_db")"
  step "creating the source $source_db with the demo data"
  q "$url" "create database $source_db"
  created+=("$source_db")
  DATABASE_URL="$source_url" DEMO_DATA=never LOG_LEVEL=warn "${cli[@]}" seed >"$work/seed.log" 2>&1 \
    || { echo; cat "$work/seed.log"; exit 1; }
  done_step
else
  source_url="$url"
fi
source_db="$(q "$source_url" "select current_database()")"

step "pg_dump -Fc $source_db"
pg_dump -Fc -f "$work/drill.dump" "$source_url"
done_step
echo "  dump: $(du -h "$work/drill.dump" | cut -f1)"

copy_db="nns_drill_copy_$suffix"
copy_url="$(with_db "$source_url" "$copy_db")"
step "pg_restore into a fresh database $copy_db"
q "$source_url" "create database $copy_db"
created+=("$copy_db")
# --no-owner: the copy belongs to whoever restores it (the owner role of the target). Grants to nns_app
# are kept; the role is cluster-wide and must exist before the restore.
q "$copy_url" "select 1 from pg_roles where rolname = 'nns_app'" | grep -q 1 \
  || { echo; echo "the role nns_app does not exist on the target cluster: create it first" >&2; exit 1; }
pg_restore --no-owner --exit-on-error --single-transaction -d "$copy_url" "$work/drill.dump"
done_step

case "$tamper" in
  delete)
    q "$copy_url" "set session_replication_role = replica; delete from public.municipalities where code = (select max(code) from public.municipalities)"
    echo "  tampered: deleted one row of public.municipalities in the copy" ;;
  update)
    q "$copy_url" "update public.counties set name = name || ' (ändrad)' where code = (select min(code) from public.counties)"
    echo "  tampered: changed one row of public.counties in the copy" ;;
esac

# One query per database: every table's count and the md5 of its first SAMPLE_ROWS rows in text order
# (the whole table when it is smaller). Partitions are counted through their parent (pgboss.job).
tables_sql="select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in ('public', 'pgboss', 'drizzle') order by 1"
q "$source_url" "$tables_sql" >"$work/source.tables"
q "$copy_url" "$tables_sql" >"$work/copy.tables"
figures() {
  local sql="" table
  while read -r table; do
    [ -n "$sql" ] && sql+=" union all "
    sql+="select '$table', (select count(*) from $table), (select coalesce(md5(string_agg(r, E'\\n' order by r)), '-') from (select t::text as r from $table t order by 1 limit $sample_rows) s)"
  done <"$work/source.tables"
  sql+=" union all select 'sequence ' || schemaname || '.' || sequencename, last_value, '-' from pg_sequences where schemaname in ('public', 'pgboss')"
  q "$1" "select * from ($sql) f order by 1"
}

step "comparing the copy with the source"
figures "$source_url" >"$work/source.figures"
figures "$copy_url" >"$work/copy.figures" 2>"$work/copy.errors" || true
differences=0
if ! diff -q "$work/source.tables" "$work/copy.tables" >/dev/null; then
  differences=$((differences + 1))
fi
if ! diff -q "$work/source.figures" "$work/copy.figures" >/dev/null; then
  differences=$((differences + 1))
fi
if [ "$differences" -eq 0 ]; then done_step; else echo "DIFFERENT"; fi
tables=$(wc -l <"$work/source.tables")
rows=$(awk -F'|' '$1 !~ /^sequence / {s += $2} END {print s + 0}' "$work/source.figures")
echo "  $tables tables, $rows rows in the source; sample: up to $sample_rows rows per table"
if [ "$differences" -ne 0 ]; then
  diff -q "$work/source.tables" "$work/copy.tables" >/dev/null || echo "  tables only in the source (<) or only in the copy (>):"
  diff "$work/source.tables" "$work/copy.tables" | grep '^[<>]' | sed 's/^/    /' || true
  echo "  figures that differ (table|rows|md5 of the sample), source (<) and copy (>):"
  diff "$work/source.figures" "$work/copy.figures" | grep '^[<>]' | sed 's/^/    /' || true
  sed 's/^/    /' "$work/copy.errors"
fi

step "cli migrate on the copy applies nothing"
before=$(q "$copy_url" "select count(*) from drizzle.__drizzle_migrations")
DATABASE_URL="$copy_url" DEMO_DATA=never LOG_LEVEL=warn "${cli[@]}" migrate >"$work/migrate.log" 2>&1 \
  || { echo "FAILED"; cat "$work/migrate.log"; exit 1; }
after=$(q "$copy_url" "select count(*) from drizzle.__drizzle_migrations")
q "$copy_url" "$tables_sql" >"$work/copy.tables.after"
if [ "$before" != "$after" ] || ! diff -q "$work/copy.tables" "$work/copy.tables.after" >/dev/null; then
  echo "FAILED: $before migrations before, $after after"
  diff "$work/copy.tables" "$work/copy.tables.after" | sed 's/^/    /' || true
  differences=$((differences + 1))
else
  done_step
  echo "  $after migrations applied, as in the source"
fi

step "the API on the copy answers /health and /ready"
(cd "$api" && DATABASE_URL="$copy_url" PORT=0 RUN_JOBS=false DEMO_DATA=never LOG_LEVEL=warn \
  exec "${server[@]}") >"$work/api.log" 2>&1 &
api_pid=$!
base=""
for _ in $(seq 1 120); do
  base=$(grep -oE 'Listening on http://[0-9.]+:[0-9]+' "$work/api.log" | head -1 | sed 's/Listening on //') || true
  [ -n "$base" ] && break
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 0.5
done
[ -n "$base" ] || { echo "FAILED: the API did not start"; cat "$work/api.log"; exit 1; }
get() { node -e 'fetch(process.argv[1]).then(async (r) => console.log(`${await r.text()}\n${r.status}`), () => console.log("\n0"))' "$1"; }
health=$(get "$base/health" | tail -1)
ready_body=$(get "$base/ready")
ready=$(printf '%s' "$ready_body" | tail -1)
kill "$api_pid" && wait "$api_pid" 2>/dev/null || true
api_pid=""
if [ "$health" = 200 ] && [ "$ready" = 200 ]; then
  done_step
  echo "  /ready: $(printf '%s' "$ready_body" | head -1)"
else
  echo "FAILED: /health $health, /ready $ready"
  printf '%s\n' "$ready_body" | head -1 | sed 's/^/    /'
  differences=$((differences + 1))
fi

echo "Restore drill of $source_db took $(($(date +%s) - started)) s"
if [ "$differences" -ne 0 ]; then
  echo "RESTORE DRILL FAILED: the restored copy differs from the source or does not serve"
  exit 1
fi
echo "RESTORE DRILL PASSED: the restored copy matches the source and serves"
