#!/usr/bin/env bash
# CI's PgBouncer stage: installs Debian's pgbouncer when missing and starts one in transaction mode on
# 127.0.0.1:$1, in front of the PostgreSQL server on 127.0.0.1:5432, passing every database name through
# (test databases are made per file). Clients are trusted; the server passwords come from
# DATABASE_URL and DATABASE_APP_PASSWORD when set. Prints the pid file's path on stdout; stop it with
# `kill "$(cat <that file>)"`. Everything else goes to stderr.
set -euo pipefail
exec 3>&1 1>&2
port="$1"

if [ ! -x /usr/sbin/pgbouncer ]; then
  echo "Installing PgBouncer from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq pgbouncer >/dev/null
fi

dir=$(mktemp -d /tmp/nns-ci-pgbouncer.XXXXXX)
owner_password=$(node -e 'const u = new URL(process.argv[1]); console.log(decodeURIComponent(u.password))' "${DATABASE_URL:-postgres://postgres@x/}")
printf '"postgres" "%s"\n"nns_app" "%s"\n' "$owner_password" "${DATABASE_APP_PASSWORD:-}" > "$dir/users.txt"
cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
default_pool_size = 20
max_client_conn = 2000
ignore_startup_parameters = extra_float_digits,options
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
# PgBouncer refuses to run as root. The daemon must not keep fd 3, or the caller waits for it forever.
if [ "$(id -u)" = 0 ]; then
  chown -R postgres: "$dir"
  runuser -u postgres -- /usr/sbin/pgbouncer -d "$dir/pgbouncer.ini" 3>&-
else
  /usr/sbin/pgbouncer -d "$dir/pgbouncer.ini" 3>&-
fi
for _ in $(seq 1 50); do
  pg_isready -h 127.0.0.1 -p "$port" -q && break
  sleep 0.2
done
echo "$dir/pgbouncer.pid" >&3
