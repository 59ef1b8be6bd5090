#!/usr/bin/env bash
# The production stack on one machine, on loopback only, from Debian's packages (installed when missing):
# a throwaway PostgreSQL and Redis, two gunicorn app servers with the production settings, the task worker,
# a plain web server for uploads, an SMTP sink that keeps mails as files, and Varnish in front.
#
#   scripts/prod-stack.sh start [--no-seed]   start everything (fresh data every time), print the addresses
#   scripts/prod-stack.sh stop                stop everything and remove the data (logs stay)
#   scripts/prod-stack.sh status              what is running
#   scripts/prod-stack.sh env                 the environment, for: eval "$(scripts/prod-stack.sh env)"
#   scripts/prod-stack.sh serve               start, wait for Ctrl-C, stop (make serve-prod)
#   scripts/prod-stack.sh run CMD [ARG...]    start, run CMD with SCALEOUT_* set, stop; exits with CMD's status
#   scripts/prod-stack.sh pg-stop | pg-start  stop or start PostgreSQL alone (outage drills)
#   scripts/prod-stack.sh redis-stop | redis-start  the same for Redis (it comes back empty: a cache only)
#   scripts/prod-stack.sh restart-app APP     stop app server APP (app1 or app2), with any workers its
#                                             master left behind when it died, start it again and wait
#                                             for /readyz; prints how long that took
#
# Ports (environment): STACK_PG_PORT 25532, STACK_REDIS_PORT 26479, STACK_APP1_PORT 8001,
# STACK_APP2_PORT 8002, STACK_MEDIA_PORT 8003, STACK_VARNISH_PORT 8080, STACK_VARNISH_ADMIN_PORT 6083,
# STACK_SMTP_PORT 2525. State (pids, logs, mails, env) in PROD_STACK_DIR (default var/prod-stack); the
# data of PostgreSQL and Varnish in a temporary directory. ADMIN_PASSWORD sets the admin's password
# (default: a new random one, printed). Nothing here depends on systemd or on a system service.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

HOST=127.0.0.1
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# Ports of our own, so test runs of scripts/with-services.sh (25432, 26379 and the next free
# ones) never collide with us; below the kernel's ephemeral range, so no outgoing connection
# holds them.
PG_PORT=${STACK_PG_PORT:-25532}
REDIS_PORT=${STACK_REDIS_PORT:-26479}
APP1_PORT=${STACK_APP1_PORT:-8001}
APP2_PORT=${STACK_APP2_PORT:-8002}
MEDIA_PORT=${STACK_MEDIA_PORT:-8003}
VARNISH_PORT=${STACK_VARNISH_PORT:-8080}
VARNISH_ADMIN_PORT=${STACK_VARNISH_ADMIN_PORT:-6083}
SMTP_PORT=${STACK_SMTP_PORT:-2525}
WORKERS=${STACK_GUNICORN_WORKERS:-2}
STATE=${PROD_STACK_DIR:-$ROOT/var/prod-stack}
PY=$ROOT/.venv/bin/python
GUNICORN=$ROOT/.venv/bin/gunicorn
VCL=$ROOT/deploy/varnish/default.vcl
ADMIN_USER="admin"
# Processes we start, each in a session of its own (stopped by its process group): name -> pid file.
# Each also carries PROD_STACK_SERVICE=name in its environment, and so do its children: what is left
# of a service after its pid file is gone is still known as ours (see ours).
SERVICES=(varnish app1 app2 worker housekeeping scheduler media smtp)

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

log() { echo "prod-stack: [$SECONDS s] $*" >&2; }
die() {
    log "$*"
    exit 1
}

runtime_dir() { [ -f "$STATE/runtime" ] && cat "$STATE/runtime"; }

# PostgreSQL refuses to run as root: then it runs as Debian's `postgres` user.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        (cd "$(runtime_dir)" && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# Whether process $1 is there and not a zombie (a zombie holds no port and does no work any more).
running() {
    local stat
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}

alive() { [ -f "$STATE/$1.pid" ] && running "$(cat "$STATE/$1.pid")"; }

# Process $1 still has its memory: one that is exiting has an empty command line (and an unreadable
# environment) for a moment before it becomes a zombie.
has_memory() { [ -n "$(tr -d '\0' 2>/dev/null <"/proc/$1/cmdline")" ]; }

# The running processes in session $1, one pid a line. A service's session (its id is the pid in the
# pid file) outlives its leader: this finds the workers a killed gunicorn master left behind.
session_members() {
    local stat fields
    for stat in /proc/[0-9]*/stat; do
        read -r fields 2>/dev/null <"$stat" || continue
        read -r -a fields <<<"${fields##*) }" # state ppid pgrp session ...
        if [ "${fields[3]}" = "$1" ] && [ "${fields[0]}" != Z ]; then
            echo "${stat//[^0-9]/}"
        fi
    done
}

# The pids that hold a listening TCP socket on port $1, one a line (from /proc: no ss or lsof needed).
port_holders() {
    local inodes inode
    inodes=$(awk -v port="$(printf ':%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == port { print $10 }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null) || true
    for inode in $inodes; do
        find /proc/[0-9]*/fd -maxdepth 1 -lname "socket:\[$inode\]" 2>/dev/null || true
    done | cut -d/ -f3 | sort -un
}

# The service process $1 was started as if this stack (with this state directory) started it, else a
# failure: a process without our mark is never ours to stop.
ours() {
    local environ
    environ=$(tr '\0' '\n' 2>/dev/null <"/proc/$1/environ") || return 1
    grep -qxF "PROD_STACK_DIR=$STATE" <<<"$environ" || return 1
    sed -n 's/^PROD_STACK_SERVICE=//p' <<<"$environ" | grep .
}

# Every running process this stack started, of this run or an earlier one, one pid a line.
all_ours() {
    local files
    # grep fails on processes that end while it reads: what it found still counts.
    files=$(grep -lzxF "PROD_STACK_DIR=$STATE" /proc/[0-9]*/environ 2>/dev/null || true)
    [ -n "$files" ] || return 0
    # shellcheck disable=SC2086 # one file name a word
    grep -lz '^PROD_STACK_SERVICE=' $files 2>/dev/null | cut -d/ -f3 | sort -n || true
}

# "pid (what)" for each pid given, for messages.
describe() {
    local pid what said=()
    for pid in "$@"; do
        what=$(ours "$pid") || what=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | cut -c1-60)
        what=${what% }
        said+=("$pid (${what:-ended})")
    done
    echo "${said[*]}"
}

# Those of the pids given that still run, one a line.
still_running() {
    local pid
    for pid in "$@"; do
        if running "$pid"; then echo "$pid"; fi
    done
}

# Stops the processes given: SIGTERM, and SIGKILL for those still there after 15 s (gunicorn's graceful
# timeout is 10 s). Returns once none of them runs any more.
stop_processes() {
    [ $# -gt 0 ] || return 0
    local left
    kill -TERM "$@" 2>/dev/null || true
    for _ in $(seq 150); do
        left=$(still_running "$@")
        [ -n "$left" ] || return 0
        sleep 0.1
    done
    # shellcheck disable=SC2086 # one pid a word
    log "still running after 15 s, sent SIGKILL: $(describe $left)"
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    for _ in $(seq 50); do
        # shellcheck disable=SC2086
        left=$(still_running $left)
        [ -n "$left" ] || return 0
        sleep 0.1
    done
    # shellcheck disable=SC2086
    die "these do not end even on SIGKILL: $(describe $left)"
}

# Waits until URL answers 200 (at most $2 seconds).
wait_http() {
    "$PY" - "$1" "${2:-60}" <<'EOF'
import sys
import time
import urllib.request

url, limit = sys.argv[1], float(sys.argv[2])
deadline = time.monotonic() + limit
while True:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - our own loopback address
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(f"{url} did not answer 200 within {limit:.0f} s")
    time.sleep(0.2)
EOF
}

# Runs a command in a new session in the background, marked as ours, output added to logs/NAME.log (a
# restarted service keeps what it logged before), pid to NAME.pid.
spawn() {
    local name=$1
    shift
    PROD_STACK_DIR=$STATE PROD_STACK_SERVICE=$name setsid "$@" >>"$STATE/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$STATE/$name.pid"
}

# Runs a command with the stack's environment (production settings).
with_env() { (
    set -a
    # shellcheck source=/dev/null
    . "$STATE/env"
    set +a
    "$@"
); }

manage() { with_env "$PY" manage.py "$@"; }

install_missing() {
    local missing=()
    [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]} from Debian's packages ..."
        export DEBIAN_FRONTEND=noninteractive
        # Only refresh the package lists when the install fails with the ones we have.
        $SUDO apt-get install -y --no-install-recommends "${missing[@]}" \
            || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; }
    fi
    if [ ! -x "$PY" ] || [ ! -x "$GUNICORN" ]; then
        die "no .venv with gunicorn here: run 'make install' first."
    fi
}

write_env() {
    local secret
    secret=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
    umask 077
    cat >"$STATE/env" <<EOF
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY='$secret'
export ALLOWED_HOSTS='$HOST,localhost'
export BASE_URL='http://$HOST:$VARNISH_PORT'
export DATABASE_URL='postgres://postgres@$HOST:$PG_PORT/stories'
export REDIS_URL='redis://$HOST:$REDIS_PORT/0'
export FRONTEND_CACHE_PURGE_URL='http://$HOST:$VARNISH_PORT'
export SECURE_SSL_REDIRECT=0
export SECURE_COOKIES=0
export STATIC_ROOT='$STATE/static'
export MEDIA_ROOT='$STATE/public/media'
export EMAIL_HOST='$HOST'
export EMAIL_PORT='$SMTP_PORT'
export DEFAULT_FROM_EMAIL='geschichten@localhost'
export LOG_LEVEL=WARNING
export PROD_STACK_DIR='$STATE'
export PROD_STACK_VARNISH='http://$HOST:$VARNISH_PORT'
export PROD_STACK_APP1='http://$HOST:$APP1_PORT'
export PROD_STACK_APP2='http://$HOST:$APP2_PORT'
export PROD_STACK_MAIL_DIR='$STATE/mail'
EOF
    umask 022
}

start_postgres() {
    local rt
    rt=$(runtime_dir)
    # Readable for the users PostgreSQL and Varnish's worker run as (the data inside is theirs alone).
    chmod 755 "$rt"
    [ "$(id -u)" != 0 ] || chown postgres: "$rt"
    as_pg "$PG_BIN/initdb" --pgdata="$rt/pgdata" --username=postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 --no-sync >/dev/null
    # Throwaway data, so durability is traded for speed; the socket stays in our directory.
    cat >>"$rt/pgdata/postgresql.conf" <<EOF
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$rt'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    pg_start
    as_pg "$PG_BIN/createdb" -h "$HOST" -p "$PG_PORT" -U postgres stories
}

pg_start() {
    local rt
    rt=$(runtime_dir)
    # In a session of its own: a Ctrl-C in the terminal is for us, not for the postmaster.
    as_pg setsid -w "$PG_BIN/pg_ctl" -D "$rt/pgdata" -l "$rt/postgres.log" -w -t 60 start >/dev/null \
        || { cat "$rt/postgres.log" >&2; return 1; }
}

pg_stop() {
    local rt
    rt=$(runtime_dir)
    if [ -n "$rt" ] && [ -f "$rt/pgdata/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$rt/pgdata" -m fast -w stop >/dev/null
    fi
}

start_redis() {
    local rt
    rt=$(runtime_dir)
    # A cache only: no snapshots, no append-only file; bounded as docs/deploy.md asks of production.
    redis-server --bind "$HOST" --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
        --maxmemory 256mb --maxmemory-policy volatile-lru \
        --pidfile "$rt/redis.pid" --logfile "$STATE/logs/redis.log" --dir "$rt"
    for _ in $(seq 50); do
        redis-cli -h "$HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$STATE/logs/redis.log" >&2
    return 1
}

redis_stop() {
    local rt
    rt=$(runtime_dir)
    # By its pid, never by port: that could be someone else's Redis.
    if [ -n "$rt" ] && [ -f "$rt/redis.pid" ] && kill "$(cat "$rt/redis.pid")" 2>/dev/null; then
        for _ in $(seq 50); do
            timeout 1 redis-cli -h "$HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 || break
            sleep 0.1
        done
    fi
}

start_smtp_sink() {
    mkdir -p "$STATE/mail"
    cat >"$(runtime_dir)/smtp_sink.py" <<'EOF'
"""Accepts every mail on loopback and keeps it as a file in the mail directory (one .eml per mail)."""

import itertools
import os
import socketserver
import sys
import time

host, port, maildir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
numbers = itertools.count(1)


class Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.reply("220 localhost SMTP sink")
        while line := self.rfile.readline():
            verb = line.decode("latin-1").strip().split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) and data.rstrip(b"\r\n") != b".":
                    lines.append(data[1:] if data.startswith(b"..") else data)
                name = f"{time.time_ns()}-{next(numbers)}.eml"
                with open(os.path.join(maildir, f".{name}"), "wb") as file:
                    file.writelines(lines)
                os.replace(os.path.join(maildir, f".{name}"), os.path.join(maildir, name))
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server((host, port), Handler).serve_forever()
EOF
    spawn smtp "$PY" "$(runtime_dir)/smtp_sink.py" "$HOST" "$SMTP_PORT" "$STATE/mail"
}

start_app() {
    local name=$1 port=$2
    # --proxy-protocol: Varnish sends the reader's address first (PROXY v1); plain HTTP works as well.
    # shellcheck disable=SC2016 # expanded by the inner bash
    spawn "$name" bash -c 'set -a; . "$0"; set +a; exec "$@"' "$STATE/env" \
        "$GUNICORN" --config python:config.gunicorn config.wsgi --name "stories-$name" \
        --bind "$HOST:$port" --workers "$WORKERS" \
        --proxy-protocol v1 --proxy-allow-from "$HOST" --timeout 30 --graceful-timeout 10 \
        --access-logfile - --error-logfile -
}

start_worker() {
    # Restarted when it ends (it does when PostgreSQL goes away), like systemd's Restart=always.
    # A short interval: purges and mails go out within a fraction of a second.
    # shellcheck disable=SC2016 # expanded by the inner bash
    spawn worker bash -c '
        set -a; . "$0"; set +a
        while true; do
            "$1" manage.py db_worker --interval 0.2 --no-reload || true
            echo "db_worker ended; starting it again in 2 s"
            sleep 2
        done' "$STATE/env" "$PY"
}

start_housekeeping() {
    # What production's timers run (docs/deploy.md), here every hour: finished mails leave the task
    # queue at once (their rows hold addresses, names and confirmation links; failed ones after a week,
    # for diagnosis), comments nobody confirmed within seven days are deleted, and notices and objections
    # past their retention lose what they kept about people.
    # shellcheck disable=SC2016 # expanded by the inner bash
    spawn housekeeping bash -c '
        set -a; . "$0"; set +a
        while true; do
            "$1" manage.py prune_db_task_results --queue-name "*" --min-age-days 0 --failed-min-age-days 7 || true
            "$1" manage.py purge_unconfirmed_comments || true
            "$1" manage.py prune_moderation_records || true
            sleep 3600
        done' "$STATE/env" "$PY"
}

start_scheduler() {
    # Go-live and expiry dates editors set (docs/deploy.md: publish-scheduled.timer), at the start of
    # every minute. publish_scheduled takes a lock, so a second scheduler elsewhere publishes nothing twice.
    # Webhook messages whose queued retry got lost go out too (send_due_webhooks claims each attempt).
    # shellcheck disable=SC2016 # expanded by the inner bash
    spawn scheduler bash -c '
        set -a; . "$0"; set +a
        while true; do
            "$1" manage.py publish_scheduled || true
            "$1" manage.py send_due_webhooks || true
            sleep $((60 - 10#$(date +%S)))
        done' "$STATE/env" "$PY"
}

start_varnish() {
    local rt
    rt=$(runtime_dir)
    sed -e "s/\"8001\"/\"$APP1_PORT\"/" -e "s/\"8002\"/\"$APP2_PORT\"/" -e "s/\"8003\"/\"$MEDIA_PORT\"/" \
        "$VCL" >"$rt/default.vcl"
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$rt/varnish-secret"
    chmod 600 "$rt/varnish-secret"
    spawn varnish varnishd -F -n "$rt/varnish" -f "$rt/default.vcl" -a "$HOST:$VARNISH_PORT" \
        -T "$HOST:$VARNISH_ADMIN_PORT" -S "$rt/varnish-secret" -s malloc,128m
}

cmd_start() {
    local seed=1
    [ "${1:-}" = "--no-seed" ] && seed=0
    if [ -f "$STATE/runtime" ]; then
        die "already running (or not stopped cleanly): run '$0 stop' first."
    fi
    install_missing
    # What an earlier run of ours left behind (workers whose master was killed, a worker loop whose
    # pid file went): it holds our ports or works against a database that is gone, and is provably ours.
    local port leftovers holders
    leftovers=$(all_ours)
    if [ -n "$leftovers" ]; then
        # shellcheck disable=SC2086 # one pid a word
        log "left over from an earlier run of this stack ($STATE), stopping: $(describe $leftovers)"
        # shellcheck disable=SC2086
        stop_processes $leftovers
    fi
    for port in "$PG_PORT" "$REDIS_PORT" "$APP1_PORT" "$APP2_PORT" "$MEDIA_PORT" "$VARNISH_PORT" \
        "$VARNISH_ADMIN_PORT" "$SMTP_PORT"; do
        if port_busy "$port"; then
            holders=$(port_holders "$port")
            # shellcheck disable=SC2086 # one pid a word
            die "port $port on $HOST is already in use${holders:+ by $(describe $holders)}; stop that server first."
        fi
    done

    mkdir -p "$STATE/logs" "$STATE/static" "$STATE/public/media"
    rm -f "$STATE"/logs/*.log "$STATE"/mail/*.eml
    mktemp -d "${TMPDIR:-/tmp}/stories-prod-stack.XXXXXX" >"$STATE/runtime"
    # Whatever fails on the way, stop what has been started.
    trap 'log "start failed; stopping what was started (logs in $STATE/logs)"; cmd_stop' EXIT
    write_env

    log "PostgreSQL on $HOST:$PG_PORT, Redis on $HOST:$REDIS_PORT ..."
    start_postgres
    start_redis
    start_smtp_sink

    log "migrate, collectstatic$([ "$seed" = 1 ] && echo ", demo content") ..."
    # collectstatic needs no database: it runs while migrate does.
    manage collectstatic --noinput >"$STATE/logs/collectstatic.log" 2>&1 &
    local collecting=$!
    manage migrate --noinput >"$STATE/logs/migrate.log"
    wait "$collecting" || { cat "$STATE/logs/collectstatic.log" >&2; return 1; }
    if [ "$seed" = 1 ]; then
        manage seed_demo --no-warm >"$STATE/logs/seed.log"
    fi
    # Purges name pages by the site's address: make it the one readers use (Varnish's). Saved, not
    # updated, so the cached site root paths are renewed as well.
    manage shell -c "
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = '$HOST', $VARNISH_PORT
site.save()
" >/dev/null
    if [ -z "${ADMIN_PASSWORD:-}" ]; then
        ADMIN_PASSWORD=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')
    fi
    (umask 077 && printf '%s\n' "$ADMIN_PASSWORD" >"$STATE/admin-password")
    DJANGO_SUPERUSER_USERNAME=$ADMIN_USER DJANGO_SUPERUSER_EMAIL=admin@localhost \
        DJANGO_SUPERUSER_PASSWORD=$ADMIN_PASSWORD manage createsuperuser --noinput >/dev/null

    log "gunicorn on $HOST:$APP1_PORT and $HOST:$APP2_PORT, task worker, Varnish on $HOST:$VARNISH_PORT ..."
    start_app app1 "$APP1_PORT"
    start_app app2 "$APP2_PORT"
    start_worker
    start_housekeeping
    start_scheduler
    spawn media "$PY" -m http.server "$MEDIA_PORT" --bind "$HOST" --directory "$STATE/public"
    start_varnish
    wait_http "http://$HOST:$APP1_PORT/healthz" 60
    wait_http "http://$HOST:$APP2_PORT/healthz" 60
    wait_http "http://$HOST:$VARNISH_PORT/" 30
    trap - EXIT
    cmd_status
}

# The processes of app server $1 (port $2) this stack started: everything in the session of its pid
# file (the master and its workers, or the workers alone when their master was killed) and, should the
# pid file be gone or stale, whoever of ours holds its port. Fails if anyone else holds the port.
app_processes() {
    local name=$1 port=$2 pid
    {
        if [ -f "$STATE/$name.pid" ]; then
            for pid in $(session_members "$(cat "$STATE/$name.pid")"); do
                if ours "$pid" >/dev/null; then echo "$pid"; fi
            done
        fi
        for pid in $(port_holders "$port"); do
            if ours "$pid" >/dev/null; then
                echo "$pid"
            elif running "$pid" && has_memory "$pid"; then # (not if it has ended or is ending since)
                die "port $port is held by $(describe "$pid"), not started by this stack: stop it first."
            fi
        done
    } | sort -un
}

cmd_restart_app() {
    local name=${1:-} port
    case "$name" in
    app1) port=$APP1_PORT ;;
    app2) port=$APP2_PORT ;;
    *) die "usage: $0 restart-app app1|app2" ;;
    esac
    [ -f "$STATE/env" ] || die "not running: start it with '$0 start'."
    local started=${EPOCHREALTIME/[^0-9]/} master="" pids round batch stopped=() micros
    [ -f "$STATE/$name.pid" ] && master=$(cat "$STATE/$name.pid")
    pids=$(app_processes "$name" "$port")
    if [ -n "$master" ] && ! running "$master" && [ -n "$pids" ]; then
        # shellcheck disable=SC2086 # one pid a word
        log "$name's master $master is gone, but not its workers: $(describe $pids)"
    fi
    # A master that was still running may have started a worker meanwhile: look again until none is left.
    for round in 1 2 3; do
        [ -n "$pids" ] || break
        # shellcheck disable=SC2086
        [ "$round" != 3 ] || die "$name's processes keep coming back: $(describe $pids)"
        mapfile -t batch <<<"$pids"
        stop_processes "${batch[@]}"
        stopped+=("${batch[@]}")
        pids=$(app_processes "$name" "$port")
    done
    rm -f "$STATE/$name.pid"
    for _ in $(seq 50); do
        port_busy "$port" || break
        sleep 0.1
    done
    port_busy "$port" && die "port $port is still in use after stopping $name."

    echo "--- $(date '+%F %T') $name restarted by $0 restart-app ---" >>"$STATE/logs/$name.log"
    start_app "$name" "$port"
    wait_http "http://$HOST:$port/readyz" 60 || die "$name does not answer /readyz; log: $STATE/logs/$name.log"
    micros=$((${EPOCHREALTIME/[^0-9]/} - started))
    printf '%s restarted in %d.%02d s: stopped %s, new master %s\n' "$name" $((micros / 1000000)) \
        $((micros % 1000000 / 10000)) "${stopped[*]:-nothing}" "$(cat "$STATE/$name.pid")"
}

cmd_stop() {
    set +e
    local name pid pids=() rt
    # The process group of each session we started: gunicorn's workers, the worker's loop. All are
    # asked to stop at once, then waited for (at most 15 s) and killed if still there.
    for name in "${SERVICES[@]}"; do
        [ -f "$STATE/$name.pid" ] || continue
        pid=$(cat "$STATE/$name.pid")
        kill -TERM -- "-$pid" 2>/dev/null && pids+=("$pid")
        rm -f "$STATE/$name.pid"
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 150); do
            kill -0 -- "-$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$pid" 2>/dev/null
    done
    rt=$(runtime_dir)
    if [ -n "$rt" ] && [ -d "$rt" ]; then
        pg_stop
        redis_stop
        cp "$rt/postgres.log" "$STATE/logs/postgres.log" 2>/dev/null
        rm -rf "$rt"
    fi
    rm -f "$STATE/runtime" "$STATE/env" "$STATE/admin-password"
    set -e
}

cmd_status() {
    if [ ! -f "$STATE/runtime" ]; then
        echo "prod-stack: not running"
        return 1
    fi
    local name left
    for name in "${SERVICES[@]}"; do
        if alive "$name"; then
            printf '  %-8s running (pid %s)\n' "$name" "$(cat "$STATE/$name.pid")"
        else
            printf '  %-8s NOT running (log: %s)\n' "$name" "$STATE/logs/$name.log"
            left=""
            if [ -f "$STATE/$name.pid" ]; then
                left=$(session_members "$(cat "$STATE/$name.pid")" | tr '\n' ' ')
            fi
            if [ -n "$left" ]; then
                printf '           but what it started is still there: pids %s%s\n' "$left" \
                    "$(case "$name" in app?) echo "(restart: $0 restart-app $name)" ;; esac)"
            fi
        fi
    done
    if "$PG_BIN/pg_isready" -q -h "$HOST" -p "$PG_PORT"; then
        echo "  postgres running ($HOST:$PG_PORT)"
    else
        echo "  postgres NOT running"
    fi
    if redis-cli -h "$HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1; then
        echo "  redis    running ($HOST:$REDIS_PORT)"
    else
        echo "  redis    NOT running"
    fi
    cat <<EOF

  Website (Varnish):  http://$HOST:$VARNISH_PORT/
  App servers:        http://$HOST:$APP1_PORT/  http://$HOST:$APP2_PORT/
  Admin:              http://$HOST:$VARNISH_PORT/admin/  (login: $ADMIN_USER / password: $(cat "$STATE/admin-password" 2>/dev/null || echo '?'))
  Mails:              files in $STATE/mail/
  Logs:               $STATE/logs/
  Environment:        eval "\$($0 env)"
EOF
}

cmd_env() {
    [ -f "$STATE/env" ] || die "not running: start it with '$0 start'."
    cat "$STATE/env"
}

case "${1:-}" in
start)
    shift
    cmd_start "$@"
    ;;
stop)
    cmd_stop
    ;;
status)
    cmd_status
    ;;
env)
    cmd_env
    ;;
pg-stop)
    pg_stop
    ;;
pg-start)
    pg_start
    ;;
redis-stop)
    redis_stop
    ;;
redis-start)
    start_redis
    ;;
restart-app)
    shift
    cmd_restart_app "$@"
    ;;
serve)
    shift
    cmd_start "$@"
    trap cmd_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    echo
    echo "  Press Ctrl-C to stop everything."
    while true; do sleep 1; done
    ;;
run)
    shift
    [ $# -gt 0 ] || die "usage: $0 run COMMAND [ARG...]"
    cmd_start
    trap cmd_stop EXIT
    # On Ctrl-C or a CI timeout the EXIT trap still runs, once the command has ended.
    trap 'exit 130' INT
    trap 'exit 143' TERM
    export SCALEOUT_BASE="http://$HOST:$VARNISH_PORT"
    export SCALEOUT_APP_A="http://$HOST:$APP1_PORT"
    export SCALEOUT_APP_B="http://$HOST:$APP2_PORT"
    export SCALEOUT_ENV_FILE="$STATE/env"
    export SCALEOUT_MAIL_DIR="$STATE/mail"
    export SCALEOUT_STACK="$ROOT/scripts/prod-stack.sh"
    export SCALEOUT_ADMIN_USER=$ADMIN_USER
    SCALEOUT_ADMIN_PASSWORD=$(cat "$STATE/admin-password")
    export SCALEOUT_ADMIN_PASSWORD
    export PROD_STACK_DIR="$STATE"
    status=0
    "$@" || status=$?
    exit "$status"
    ;;
*)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
