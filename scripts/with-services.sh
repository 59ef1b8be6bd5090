#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL and Redis on loopback, the production stack:
#   scripts/with-services.sh .venv/bin/pytest
# Installs Debian's packages when missing, exports DATABASE_URL and REDIS_URL for the command,
# stops both servers and removes their data afterwards (also on failure) and exits with the
# command's status. Nothing here depends on systemd or on a system cluster.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# Non-default ports, so a system cluster or Redis on the machine is never touched, and below the
# kernel's ephemeral range (32768-60999), where any outgoing connection (a test's browser, a
# webhook receiver) may hold the port as its local end. The first free port from these on is used.
PG_PORT=${PG_PORT:-25432}
REDIS_PORT=${REDIS_PORT:-26379}
# A Redis database of its own for the tests' cache.
REDIS_DB=1
HOST=127.0.0.1

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

missing=()
[ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages ..."
    export DEBIAN_FRONTEND=noninteractive
    # Only refresh the package lists when the install fails with the ones we have.
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}" \
        || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stories-services.XXXXXX")
PGDATA="$WORK/pgdata"

# PostgreSQL refuses to run as root: then the server runs as Debian's `postgres` user.
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$WORK"
    as_pg() { (cd "$WORK" && runuser -u postgres -- "$@"); }
else
    as_pg() { "$@"; }
fi

cleanup() {
    set +e
    if [ -f "$PGDATA/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    fi
    # By its pid, never by port: that could be someone else's Redis. Wait until the port is free.
    if [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null; then
        for _ in $(seq 50); do
            timeout 1 redis-cli -h "$HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 || break
            sleep 0.1
        done
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
# On Ctrl-C or a CI timeout the EXIT trap still runs, once the command has ended.
trap 'exit 130' INT
trap 'exit 143' TERM

# The first port from $1 on that nothing on this machine holds: no server listens there and no
# connection uses it (a server of another run, or anything else, is never tested against).
free_port() {
    python3 - "$HOST" "$1" <<'PY'
import socket
import sys

host, first = sys.argv[1], int(sys.argv[2])
for port in range(first, first + 100):
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            continue
    print(port)
    break
else:
    sys.exit(f"no free port on {host} from {first} to {first + 99}")
PY
}
PG_PORT=$(free_port "$PG_PORT")
REDIS_PORT=$(free_port "$REDIS_PORT")

as_pg "$PG_BIN/initdb" --pgdata="$PGDATA" --username=postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >/dev/null
# Throwaway data: durability settings off make the suite faster; the socket stays in our directory.
cat >>"$PGDATA/postgresql.conf" <<EOF
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$WORK'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgres.log" -w -t 60 start >/dev/null \
    || { cat "$WORK/postgres.log" >&2; exit 1; }
as_pg "$PG_BIN/createdb" -h "$HOST" -p "$PG_PORT" -U postgres stories

# A cache only: no snapshots, no append-only file.
redis-server --bind "$HOST" --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
    --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
for _ in $(seq 50); do
    redis-cli -h "$HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
done
redis-cli -h "$HOST" -p "$REDIS_PORT" -n "$REDIS_DB" flushdb >/dev/null \
    || { cat "$WORK/redis.log" >&2; exit 1; }

export DATABASE_URL="postgres://postgres@$HOST:$PG_PORT/stories"
export REDIS_URL="redis://$HOST:$REDIS_PORT/$REDIS_DB"
echo "PostgreSQL on $HOST:$PG_PORT and Redis on $HOST:$REDIS_PORT are up; running: $*"

status=0
"$@" || status=$?
exit "$status"
