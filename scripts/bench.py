"""`make bench`: throughput, latency and SQL queries of the public pages on the production stack.

Runs inside `scripts/with-services.sh` (which provides DATABASE_URL and REDIS_URL: a throwaway
PostgreSQL and Redis on loopback) and, in a temporary directory, on loopback ports of its own:

- migrates, collects the static files and seeds stories with 10, 200 and 1,000 comments (`seed_bench`);
- counts SQL queries per page and times repeated renders in-process (Django's test client under the
  production settings, app page cache off), and once more with the page cache on;
- starts two gunicorns (`config.wsgi`, 2 sync workers each): "cold" with PAGE_CACHE_TIMEOUT=0 and
  "warm" with PAGE_CACHE_TIMEOUT=600; Varnish with deploy/varnish/default.vcl (its backends pointed at
  the warm gunicorn and at nginx) and nginx serving the story HTML saved from the app as a static file;
- measures each with wrk (a warm-up run, then the measured run);
- reads home, story index and the story through Varnish, quiet and then while a confirmer process
  publishes comments at a steady rate (`--comment-rate`, default 20 per second; `--skip-comment-load`
  leaves it out) and a task worker (`manage.py db_worker`) sends their purges to this Varnish;
- prints a table, also written to var/bench/latest.md (and the raw numbers to var/bench/latest.json,
  the SQL to var/bench/queries.txt).

Everything it starts is stopped again. It exits non-zero only when the harness itself fails (a tool
missing, a server not starting, a page not answering 200); missed targets are reported, not fatal.

    make bench
    PG_PORT=25632 REDIS_PORT=26579 bash scripts/with-services.sh .venv/bin/python scripts/bench.py --duration 5
"""
# ruff: noqa: S310, S603, S607 - runs our own tools with fixed arguments, fetches only from loopback

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
SIZES = (10, 200, 1000)
SHOWN = 200  # the story measured cold, warm, through Varnish and as a static file
GUNICORN_WORKERS = 2
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
OUT = ROOT / "var" / "bench"

# Targets (DESIGN.md section 7 and the issue); reported next to the numbers, never enforced.
TARGET_FRONT_VS_STATIC = 0.9
TARGET_STORY_QUERIES = 8
TARGET_LISTING_QUERIES = 10
TARGET_MARGINAL_MS = 0.05
TARGET_P99_P50 = 1.25
TARGET_WARM_VS_COLD = 5.0
TARGET_HTML_KB = 160

# Reads through Varnish while comments are published: at least this share of the quiet reads.
TARGET_READS_UNDER_COMMENTS = 0.5
# What a comment sets off in the front cache: a purge (a comment hidden) or a refresh (a comment shown).
PURGE_TASKS = (
    "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task",
    "core.frontend_cache.refresh_urls_task",
)
# The host of the seeded site (`seed_demo`: localhost, port 80): the app's purges name it, so the reads
# that are to be purged must ask for it too.
SITE_HOST = "localhost"

TOOLS = {"wrk": "wrk", "varnishd": "varnish", "nginx": "nginx"}


class HarnessError(Exception):
    pass


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# Tools and processes


def find_tool(name):
    return shutil.which(name) or next(
        (str(path) for path in (Path("/usr/sbin", name), Path("/usr/bin", name)) if path.exists()), None
    )


def ensure_tools():
    """wrk, varnishd and nginx, installed from Debian's packages when missing (like with-services.sh)."""
    missing = [package for tool, package in TOOLS.items() if not find_tool(tool)]
    if missing:
        log(f"Installing {' '.join(missing)} from Debian's packages ...")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = [*sudo, "apt-get", "install", "-y", "--no-install-recommends", *missing]
        if subprocess.run(install, env=env).returncode != 0:
            subprocess.run([*sudo, "apt-get", "update"], env=env, check=True)
            subprocess.run(install, env=env, check=True)
    tools = {tool: find_tool(tool) for tool in TOOLS}
    if not all(tools.values()):
        raise HarnessError(f"Missing after installing: {[tool for tool, path in tools.items() if not path]}")
    return tools


def port_free(port):
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) != 0


def http_get(url, timeout=30):
    request = urllib.request.Request(url, headers={"User-Agent": "bench"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Processes:
    """Servers started by the bench; each stopped by its own pid (and its process group)."""

    def __init__(self):
        self.running = []

    def start(self, name, command, logfile, env=None):
        log(f"Starting {name}")
        with open(logfile, "ab") as output:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running.append((name, process, logfile))
        return process

    def check(self, name, process, logfile):
        if process.poll() is not None:
            tail = Path(logfile).read_text(errors="replace")[-3000:]
            raise HarnessError(f"{name} exited with {process.returncode}:\n{tail}")

    def stop_all(self):
        for name, process, _logfile in reversed(self.running):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    log(f"{name} did not stop within 15 s; killing it")
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=5)
        self.running = []


def wait_for(url, process_info, processes, expect=200, timeout=60):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        processes.check(*process_info)
        try:
            status, _headers, _body = http_get(url, timeout=5)
            if status == expect:
                return
            last = f"HTTP {status}"
        except OSError as error:
            last = repr(error)
        time.sleep(0.3)
    raise HarnessError(f"{url} did not answer {expect} within {timeout} s (last: {last})")


# Django management commands and the in-process measurements


def manage(env, *args, capture=False):
    command = [PYTHON, "manage.py", *args]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=capture, text=True)
    if result.returncode != 0:
        output = (result.stdout or "") + (result.stderr or "") if capture else ""
        raise HarnessError(f"manage.py {' '.join(args)} failed ({result.returncode}) {output[-3000:]}")
    return result.stdout


def inprocess(pages, timings, host, sql_file):
    """Runs in a child process with the production settings: queries per page (steady state: after two
    warm-up requests) and the median time of repeated whole requests through Django's test client."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # One client, so the middleware is loaded once (as in a server process); its cookies are dropped
    # before each request, so no cookie from an earlier response changes what the page does.
    client = Client(HTTP_HOST=host)

    def get(path):
        client.cookies.clear()
        response = client.get(path)
        if response.status_code != 200:
            raise HarnessError(f"{path} answered {response.status_code} in-process")
        return response

    result = {"pages": {}, "timings": {}}
    sql = []
    for key, path in pages.items():
        get(path)
        get(path)
        with CaptureQueriesContext(connection) as queries:
            response = get(path)
        result["pages"][key] = {"path": path, "queries": len(queries), "bytes": len(response.content)}
        sql.append(f"-- {key} {path}: {len(queries)} queries")
        sql += [query["sql"] + ";" for query in queries.captured_queries]
        sql.append("")
    for key, repeats in timings.items():
        path = pages[key]
        for _ in range(3):
            get(path)
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            get(path)
            samples.append((time.perf_counter() - started) * 1000)
        result["timings"][key] = {
            "median_ms": statistics.median(samples),
            "min_ms": min(samples),
            "samples": len(samples),
        }
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        result["database"] = cursor.fetchone()[0]
    if sql_file:
        Path(sql_file).write_text("\n".join(sql), encoding="utf-8")
    print("BENCH-JSON " + json.dumps(result))


def run_inprocess(env, pages, timings, sql_file=None):
    spec = json.dumps({"pages": pages, "timings": timings, "host": HOST, "sql_file": sql_file})
    result = subprocess.run(
        [PYTHON, __file__, "--inprocess", spec], cwd=ROOT, env=env, capture_output=True, text=True
    )
    line = next((line for line in result.stdout.splitlines() if line.startswith("BENCH-JSON ")), None)
    if result.returncode != 0 or line is None:
        raise HarnessError(f"In-process measurement failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return json.loads(line.removeprefix("BENCH-JSON "))


def confirmer(stories, rate, progress_file, result_file):
    """Runs in a child process with the production settings until TERM: publishes a new comment on each
    of `stories` (slugs) in turn, `rate` per second, the way a reader's confirmation does (stored
    unconfirmed when posted, then `confirm_comment`'s transaction: `initial_status` and `save()`, which
    queues the purges). Writes how many it published to `progress_file` as it goes, and at the end, to
    `result_file`, those counts and what became of the purge tasks queued meanwhile."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import Site

    from blog.models import StoryPage
    from comments.models import CommentConfirmation, CommentPolicy, CommentStatus, StoryComment
    from comments.screening import initial_status

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    pages = {story.slug: story for story in StoryPage.objects.live().filter(slug__in=stories)}
    pages = [pages[slug] for slug in stories]
    content_type = ContentType.objects.get_for_model(StoryPage)
    policy = CommentPolicy.for_site(Site.objects.get(is_default_site=True))
    # A guest who has been published before: under the default moderation ("first time") a confirmed
    # comment of theirs is published at once, as most confirmations on a lively site are.
    guest = StoryComment.objects.published().filter(user__isnull=True, is_team=False).order_by("pk")
    name, email = guest.values_list("user_name", "user_email").first()

    def post(story, number):
        comment = StoryComment(
            content_type=content_type,
            object_pk=str(story.pk),
            site_id=settings.SITE_ID,
            user_name=name,
            user_email=email,
            comment=f"Danke für diese Geschichte! (Kommentar {number} der Messung)",
            ip_address="127.0.0.0",
            submit_date=timezone.now(),
            status=CommentStatus.UNCONFIRMED,
        )
        with transaction.atomic():
            comment.save()
            return CommentConfirmation.issue(comment, policy.confirmation_valid_days)

    def confirm(token):
        """`comments.views.confirm_comment` after its checks, without the request."""
        confirmation = CommentConfirmation.objects.get(token_hash=CommentConfirmation.hash_token(token))
        with transaction.atomic():
            CommentConfirmation.objects.filter(pk=confirmation.pk, used_at__isnull=True).update(
                used_at=timezone.now()
            )
            comment = StoryComment.objects.select_for_update().get(pk=confirmation.comment_id)
            comment.status = initial_status(comment, policy)
            comment.save()
        return comment.status

    started_at = timezone.now()
    started = next_at = time.monotonic()
    statuses = {}
    late = 0
    Path(progress_file).write_text("0")
    while not stopping:
        number = sum(statuses.values())
        status = confirm(post(pages[number % len(pages)], number))
        statuses[status] = statuses.get(status, 0) + 1
        Path(progress_file).write_text(str(statuses.get(CommentStatus.PUBLISHED, 0)))
        next_at += 1 / rate
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        else:  # behind the schedule: on at once, but no burst to catch up
            late += 1
            next_at = time.monotonic()
    seconds = time.monotonic() - started

    purges = DBTaskResult.objects.filter(task_path__in=PURGE_TASKS, enqueued_at__gte=started_at)
    sent = purges.successful().values_list("args_kwargs", flat=True)
    result = {
        "seconds": seconds,
        "published": statuses.get(CommentStatus.PUBLISHED, 0),
        "statuses": statuses,
        "late": late,
        "purges_queued": purges.count(),
        "purges_sent": len(sent),
        "purged_urls": sum(len(args_kwargs["args"][0]) for args_kwargs in sent),
        "purges_failed": purges.failed().count(),
    }
    Path(result_file).write_text(json.dumps(result), encoding="utf-8")


# wrk

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def duration_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise HarnessError(f"Unexpected wrk latency {text!r}")
    return float(match[1]) * UNITS[match[2]]


def wrk(tool, url, args, seconds, connections, threads, headers=()):
    command = [tool, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    # A slow page is measured, not counted as timeouts (wrk's default gives up after 2 s).
    command += ["--timeout", "60s", url]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise HarnessError(f"wrk failed for {url}: {result.stderr or result.stdout}")
    return result.stdout


def settle(url):
    """Waits until the server has worked off what wrk left behind: requests still queued when a run
    ends are served anyway by gunicorn's sync workers, and would slow the next run down."""
    if url:
        for _ in range(2):
            http_get(url, timeout=120)


def latency_only(measured):
    return {"p50_ms": measured["p50_ms"], "p99_ms": measured["p99_ms"]}


def measure(tool, url, args, settle_url=None, connections=None, headers=(), starting=None):
    """A warm-up run, then the measured run (`starting()` is called between them)."""
    # At the app's own concurrency one wrk thread is plenty, and leaves the CPU to the workers.
    connections, threads = (connections, 1) if connections else (args.connections, args.threads)
    wrk(tool, url, args, args.warmup, connections, threads, headers)
    settle(settle_url)
    if starting:
        starting()
    output = wrk(tool, url, args, args.duration, connections, threads, headers)
    settle(settle_url)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    total = re.search(r"(\d+) requests in", output)
    if not (rps and p50 and p99 and total):
        raise HarnessError(f"Could not read wrk's output for {url}:\n{output}")
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "url": url,
        "rps": float(rps[1]),
        "p50_ms": duration_ms(p50[1]),
        "p99_ms": duration_ms(p99[1]),
        "requests": int(total[1]),
        "non_2xx": int(bad[1]) if bad else 0,
        "socket_errors": errors[1].strip() if errors else "",
    }


# Varnish and nginx configuration


def minimal_vcl(app_port):
    """Varnish's built-in rules (which honour s-maxage and never keep a response with a cookie)."""
    return f'vcl 4.1;\nbackend default {{ .host = "{HOST}"; .port = "{app_port}"; }}\n'


def varnish_vcl(vcl, app_port, static_port):
    """The project's VCL with its backends pointed at our servers ("media" at nginx, every other
    backend at the warm gunicorn); a minimal VCL while the project has none."""
    source = str(vcl.relative_to(ROOT)) if vcl.is_relative_to(ROOT) else str(vcl)
    if not vcl.exists():
        return minimal_vcl(app_port), f"minimal VCL ({source} not found)"

    def point(match):
        name, body = match[2], match[3]
        port = static_port if name == "media" else app_port
        body = re.sub(r'\.host\s*=\s*"[^"]*"', f'.host = "{HOST}"', body)
        body = re.sub(r'\.port\s*=\s*"[^"]*"', f'.port = "{port}"', body)
        return match[1] + body + match[4]

    text = re.sub(r"(backend\s+(\w+)\s*\{)(.*?)(\n\})", point, vcl.read_text(), flags=re.DOTALL)
    return text, source


NGINX_CONF = """\
worker_processes {workers};
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    types {{ text/html html; }}
    default_type text/html;
    client_body_temp_path {work}/tmp-body;
    proxy_temp_path {work}/tmp-proxy;
    fastcgi_temp_path {work}/tmp-fastcgi;
    uwsgi_temp_path {work}/tmp-uwsgi;
    scgi_temp_path {work}/tmp-scgi;
    server {{
        listen {host}:{port};
        root {root};
    }}
}}
"""


# Report


def machine():
    info = {"cpu": "unknown", "cores": os.cpu_count(), "ram_gb": None}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        info["os"] = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        info["os"] = platform.platform()
    info["kernel"] = platform.release()
    return info


def versions(tools, database):
    from importlib.metadata import version

    def first_line(command):
        result = subprocess.run(command, capture_output=True, text=True)
        lines = (result.stdout + result.stderr).strip().splitlines()
        return lines[0] if lines else "?"

    return {
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "gunicorn": version("gunicorn"),
        "postgresql": " ".join(database.split()[:2]),
        "redis": first_line(["redis-server", "--version"]).split(" v=")[-1].split()[0],
        "varnish": re.sub(r".*\((varnish-[\d.]+).*", r"\1", first_line([tools["varnishd"], "-V"])),
        "nginx": first_line([tools["nginx"], "-v"]).split("/")[-1],
        "wrk": (first_line([tools["wrk"], "-v"]).split() + ["?", "?"])[1],
    }


def status(ok):
    return "ok" if ok else "MISSED"


def render_table(results):
    r = results
    rows = []
    for key, label in r["rows"]:
        m = r["wrk"][key]
        queries = r["queries"].get(key, "–")
        timing = r["timings"].get(key)
        note = f" ({m['non_2xx']} non-2xx!)" if m["non_2xx"] else ""
        rows.append(
            [
                label + note,
                f"{m['rps']:.0f}",
                f"{m['p50_ms']:.2f} ms",
                f"{m['p99_ms']:.2f} ms",
                str(queries),
                str(m["requests"]),
                f"{timing['median_ms']:.1f} ms" if timing else "–",
            ]
        )
    table = _markdown(["page", "req/s", "p50", "p99", "queries", "requests", "in-process"], rows)

    w, q = r["wrk"], r["queries"]
    cold, warm = w[f"story-{SHOWN}-cold"], w[f"story-{SHOWN}-warm"]
    front, static = w[f"story-{SHOWN}-front"], w[f"story-{SHOWN}-static"]
    story_queries = [q[f"story-{size}-cold"] for size in SIZES]
    listing_queries = [q["home"], q["index"]]
    front_ratio = front["rps"] / static["rps"]
    warm_ratio = warm["rps"] / cold["rps"]
    spread = cold["p99_ms"] / cold["p50_ms"]
    marginal = r["marginal_ms"]
    wrk_marginal = (w[f"story-{SIZES[-1]}-cold"]["p50_ms"] - w[f"story-{SIZES[0]}-cold"]["p50_ms"]) / (
        SIZES[-1] - SIZES[0]
    )
    kb = r["html_bytes"] / 1000
    derived = [
        [
            "front cache / static file (req/s)",
            f"{front_ratio:.3f}x",
            f"≥ {TARGET_FRONT_VS_STATIC}x",
            status(front_ratio >= TARGET_FRONT_VS_STATIC),
        ],
        [
            f"warm / cold, story {SHOWN} (req/s)",
            f"{warm_ratio:.3f}x",
            f"≥ {TARGET_WARM_VS_COLD:g}x",
            status(warm_ratio >= TARGET_WARM_VS_COLD),
        ],
        [
            f"p99 / p50, story {SHOWN} cold",
            f"{spread:.3f}x",
            f"≤ {TARGET_P99_P50}x",
            status(spread <= TARGET_P99_P50),
        ],
        [
            "queries, story " + " / ".join(str(size) for size in SIZES) + " comments (cold)",
            " / ".join(str(count) for count in story_queries),
            f"≤ {TARGET_STORY_QUERIES}, same for all",
            status(max(story_queries) <= TARGET_STORY_QUERIES and len(set(story_queries)) == 1),
        ],
        [
            "queries, home / story index",
            " / ".join(str(count) for count in listing_queries),
            f"≤ {TARGET_LISTING_QUERIES}",
            status(max(listing_queries) <= TARGET_LISTING_QUERIES),
        ],
        [
            "marginal render cost per comment (in-process)",
            f"{marginal:.4f} ms",
            f"< {TARGET_MARGINAL_MS} ms",
            status(marginal < TARGET_MARGINAL_MS),
        ],
        ["  (same from cold wrk p50, under load)", f"{wrk_marginal:.4f} ms", "for reference", ""],
        [
            f"HTML size, story {SHOWN} comments",
            f"{kb:.1f} KB ({r['html_bytes']:,} bytes)",
            f"≤ {TARGET_HTML_KB} KB",
            status(kb <= TARGET_HTML_KB),
        ],
    ]
    load = r.get("comment_load")
    if load:
        ratios = {label: comment_ratio(load, key) for key, label in load["rows"]}
        lowest = min(ratios, key=ratios.get)
        derived.append(
            [
                "reads through Varnish while comments are published / quiet (req/s, lowest)",
                f"{ratios[lowest]:.3f}x ({lowest})",
                f"≥ {TARGET_READS_UNDER_COMMENTS}x",
                status(ratios[lowest] >= TARGET_READS_UNDER_COMMENTS),
            ]
        )
    derived_table = _markdown(["derived", "value", "target", ""], derived)
    return table, derived_table


def comment_ratio(load, key):
    return load["loaded"][key]["rps"] / load["quiet"][key]["rps"]


def comment_load_table(load):
    rows = []
    for key, label in load["rows"]:
        quiet, loaded = load["quiet"][key], load["loaded"][key]
        rows.append(
            [
                label,
                f"{quiet['rps']:.0f}",
                f"{quiet['p50_ms']:.2f} / {quiet['p99_ms']:.2f} ms",
                f"{loaded['rps']:.0f}",
                f"{loaded['p50_ms']:.2f} / {loaded['p99_ms']:.2f} ms",
                f"{comment_ratio(load, key):.3f}x",
                loaded["hit_rate"],
                str(loaded["app_fetches"]),
                str(loaded["published"]),
                str(loaded["bans"]),
            ]
        )
    header = ["through Varnish", "quiet req/s", "quiet p50 / p99", "req/s", "p50 / p99", "ratio"]
    header += ["hits", "app fetches", "comments", "purges"]
    return _markdown(header, rows)


def _markdown(header, rows):
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return (
            "| "
            + " | ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True))
            + " |"
        )

    return "\n".join(
        [line(header), "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
        + [line(row) for row in rows]
    )


def comment_load_notes(load, args):
    if not load:
        return []
    c = load["confirmer"]
    return [
        f"- reads while comments are published: wrk as above, one run per page, each through Varnish with "
        f"`Host: {SITE_HOST}` (the seeded site's host, which the purges name), first quiet, then while a "
        f"confirmer published {c['published']} comments in {c['seconds']:.0f} s ({c['published'] / c['seconds']:.1f} "
        f"per second of {load['rate']:g} asked; {c['late']} behind the schedule) on the stories with "
        + ", ".join(str(size) for size in SIZES)
        + " comments in turn, each posted unconfirmed and then confirmed as `confirm_comment` does "
        "(`initial_status`, `save()`). The task worker (`db_worker`) sent "
        f"{c['purges_sent']} of the {c['purges_queued']} purge tasks queued meanwhile "
        f"({c['purged_urls']} URLs, {c['purges_failed']} failed). hits, app fetches, comments and purges "
        "(what Varnish received: a soft purge for a comment shown, a ban for one hidden; each adds a ban) "
        "count the measured run of each page.",
    ]


def report(results):
    table, derived = render_table(results)
    m, v, args = results["machine"], results["versions"], argparse.Namespace(**results["settings"])
    load = results.get("comment_load")
    lines = [
        f"Run {results['started']} ({results['seconds']:.0f} s in all), commit {results['commit']}; "
        f"load average before the run {results['load_before']:.1f} (anything else running on the "
        "machine slows the app rows down).",
        "",
        table,
        "",
        *(["Reads while comments are published:", "", comment_load_table(load), ""] if load else []),
        derived,
        "",
        f"- wrk: {args.threads} threads, {args.connections} connections; for the pages the app renders, req/s "
        f"with 1 thread and {GUNICORN_WORKERS} connections (one per worker), p50/p99 with 1 connection; "
        f"{args.duration} s per run after a "
        f"{args.warmup} s warm-up (requests: how many the measured run completed); gunicorn {v['gunicorn']} "
        f"with {GUNICORN_WORKERS} sync workers per instance; front cache: "
        f"{results['vcl']} (hit rate during its run: {results['front_hit_rate']}).",
        *comment_load_notes(results.get("comment_load"), args),
        "- queries: per request in the steady state (third request), Django's test client under the "
        "production settings and database, PAGE_CACHE_TIMEOUT=0 (warm row: "
        f"{args.page_cache_timeout}); in-process: median of repeated whole requests the same way "
        "(no network, no gunicorn, one at a time).",
        f"- marginal cost per comment: (in-process fastest of 30 with {SIZES[-1]} comments - with {SIZES[0]}) / "
        f"{SIZES[-1] - SIZES[0]}, {results['timings_text']}; HTML KB = 1,000 bytes, uncompressed.",
        f"- machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']} (kernel {m['kernel']}); "
        f"Python {v['python']}, Django {v['django']}, Wagtail {v['wagtail']}, {v['postgresql']}, "
        f"Redis {v['redis']}, {v['varnish']}, nginx {v['nginx']}, wrk {v['wrk']}.",
    ]
    return "\n".join(lines) + "\n"


# The run


def bench(args):
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    started_at = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise HarnessError(
                f"{name} is not set: run me inside scripts/with-services.sh (see `make bench`)."
            )
    tools = ensure_tools()
    ports = {name: args.port + offset for offset, name in enumerate(("cold", "warm", "front", "static"))}
    busy = [port for port in ports.values() if not port_free(port)]
    if busy:
        raise HarnessError(f"Ports {busy} on {HOST} are in use; choose others with --port.")

    work = Path(tempfile.mkdtemp(prefix="stories-bench."))
    # Varnish's and nginx's unprivileged workers (when started as root) read their files here.
    work.chmod(0o755)
    processes = Processes()
    try:
        return run(args, tools, ports, work, processes, started, started_at, load_before)
    finally:
        log("Stopping everything the bench started")
        processes.stop_all()
        shutil.rmtree(work, ignore_errors=True)


def run(args, tools, ports, work, processes, started, started_at, load_before):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "BASE_URL": f"http://{HOST}:{ports['cold']}",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_TIMEOUT": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("FRONTEND_CACHE_PURGE_URL", None)
    warm_env = {**env, "PAGE_CACHE_TIMEOUT": str(args.page_cache_timeout)}

    log("Migrating, collecting static files, seeding the benchmark stories")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    facts = json.loads(manage(env, "seed_bench", "--json", capture=True).strip().splitlines()[-1])
    stories = {fact["size"]: fact for fact in facts}
    for size in SIZES:
        fact = stories[size]
        log(
            f"  {fact['url']}: {fact['comments']} comments, {fact['registered']} by registered readers, "
            f"{fact['threads']} threads, levels 0-{fact['max_level']}"
        )

    pages = {"home": "/", "index": "/blog/"}
    pages.update({f"story-{size}-cold": stories[size]["url"] for size in SIZES})
    log("Counting queries and timing renders in-process (page cache off)")
    OUT.mkdir(parents=True, exist_ok=True)
    # Repeated whole requests per page for the median; more where a request is quick.
    timings = {"home": 20, "index": 20}
    timings.update({f"story-{size}-cold": 30 for size in SIZES})
    cold = run_inprocess(env, pages, timings, sql_file=str(OUT / "queries.txt"))
    shown = stories[SHOWN]["url"]
    warm = run_inprocess(warm_env, {f"story-{SHOWN}-warm": shown}, {})
    queries = {key: page["queries"] for key, page in cold["pages"].items()}
    queries[f"story-{SHOWN}-warm"] = warm["pages"][f"story-{SHOWN}-warm"]["queries"]
    # From the fastest of the repeated requests: the page's own cost, least disturbed by anything else
    # the machine does (medians on a shared 2-core machine wander by a third between runs).
    t_small = cold["timings"][f"story-{SIZES[0]}-cold"]["min_ms"]
    t_large = cold["timings"][f"story-{SIZES[-1]}-cold"]["min_ms"]
    marginal = (t_large - t_small) / (SIZES[-1] - SIZES[0])

    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    if not Path(gunicorn).exists():
        gunicorn = shutil.which("gunicorn") or gunicorn
    servers = {}
    for name, server_env, extra in (
        ("cold", env, []),
        # Behind Varnish: the project's VCL sends the reader's address with the PROXY protocol.
        ("warm", warm_env, ["--proxy-protocol", "auto", "--proxy-allow-from", HOST]),
    ):
        logfile = work / f"gunicorn-{name}.log"
        command = [
            gunicorn,
            "--config",
            "python:config.gunicorn",
            "config.wsgi",
            "--workers",
            str(GUNICORN_WORKERS),
            "--bind",
            f"{HOST}:{ports[name]}",
            *extra,
        ]
        # No control socket: its default path is shared by every gunicorn of this user.
        command.append("--no-control-socket")
        process = processes.start(f"gunicorn ({name}, port {ports[name]})", command, logfile, server_env)
        servers[name] = (f"gunicorn {name}", process, logfile)
    for name in ("cold", "warm"):
        wait_for(f"http://{HOST}:{ports[name]}/healthz", servers[name], processes)

    status_code, _headers, html = http_get(f"http://{HOST}:{ports['cold']}{shown}")
    if status_code != 200:
        raise HarnessError(f"{shown} answered {status_code}")
    static_root = work / "html"
    target = static_root / shown.strip("/") / "index.html"
    target.parent.mkdir(parents=True)
    target.write_bytes(html)
    for path in [static_root, *static_root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)

    nginx_dir = work / "nginx"
    nginx_dir.mkdir(mode=0o755)
    (nginx_dir / "nginx.conf").write_text(
        NGINX_CONF.format(
            workers=os.cpu_count() or 2, work=nginx_dir, host=HOST, port=ports["static"], root=static_root
        )
    )
    nginx_cmd = [tools["nginx"], "-p", str(nginx_dir), "-c", str(nginx_dir / "nginx.conf")]
    nginx_cmd += ["-e", str(nginx_dir / "nginx-error.log")]
    nginx_info = ("nginx", processes.start("nginx", nginx_cmd, work / "nginx.log"), work / "nginx.log")

    wait_for(f"http://{HOST}:{ports['static']}{shown}", nginx_info, processes)
    vcl_text, vcl_source = varnish_vcl(args.vcl, ports["warm"], ports["static"])
    try:
        varnish_info = start_varnish(tools, work, ports, vcl_text, shown, processes)
    except HarnessError as error:
        if vcl_source.startswith("minimal"):
            raise
        # Someone else's file, perhaps half edited: measure with the minimal VCL and say so.
        log(f"WARNING: Varnish did not start with {vcl_source}; using a minimal VCL. {error}")
        vcl_source = f"minimal VCL ({vcl_source} did not start, see the log above)"
        varnish_info = start_varnish(tools, work, ports, minimal_vcl(ports["warm"]), shown, processes)
    varnish_dir = work / "varnish"

    rows = [
        ("home", "home `/` (app, no page cache)", ports["cold"], "/"),
        ("index", "story index `/blog/` (app, no page cache)", ports["cold"], "/blog/"),
    ]
    rows += [
        (
            f"story-{size}-cold",
            f"story, {size} comments, cold (no page cache)",
            ports["cold"],
            stories[size]["url"],
        )
        for size in SIZES
    ]
    rows += [
        (f"story-{SHOWN}-warm", f"story, {SHOWN} comments, warm (app page cache)", ports["warm"], shown),
        (f"story-{SHOWN}-front", f"story, {SHOWN} comments, front cache (Varnish)", ports["front"], shown),
        (f"story-{SHOWN}-static", f"story, {SHOWN} comments, static file (nginx)", ports["static"], shown),
    ]
    measured = {}
    front_hit_rate = "?"
    for key, label, port, path in rows:
        url = f"http://{HOST}:{port}{path}"
        log(f"wrk {label}: {url}")
        for info in (*servers.values(), nginx_info, varnish_info):
            processes.check(*info)
        before = varnish_counters(varnish_dir) if key.endswith("-front") else None
        app = port in (ports["cold"], ports["warm"])
        settle_url = f"http://{HOST}:{port}/healthz" if app else None
        if port == ports["cold"]:
            # A rendering app server: throughput with one connection per worker (all busy, none
            # queueing), latency with one connection (a page's own time, not a wait for a worker,
            # and on a 2-core machine not a fight for the CPU with PostgreSQL and Redis either).
            measured[key] = {
                **measure(tools["wrk"], url, args, settle_url, GUNICORN_WORKERS),
                **latency_only(measure(tools["wrk"], url, args, settle_url, 1)),
            }
        else:
            measured[key] = measure(tools["wrk"], url, args, settle_url)
        if before is not None:
            front_hit_rate = hit_rate(before, varnish_counters(varnish_dir))
        m = measured[key]
        log(f"  {m['rps']:.0f} req/s, p50 {m['p50_ms']:.2f} ms, p99 {m['p99_ms']:.2f} ms")
        if m["non_2xx"] or m["socket_errors"]:
            log(f"  WARNING: {m['non_2xx']} non-2xx responses, socket errors: {m['socket_errors'] or 'none'}")

    comment_load = None
    if not args.skip_comment_load:
        watched = [*servers.values(), nginx_info, varnish_info]
        comment_load = measure_under_comments(args, tools, ports, work, processes, warm_env, stories, watched)

    results = {
        "started": started_at,
        "seconds": time.monotonic() - started,
        "commit": git_commit(),
        "load_before": load_before,
        "rows": [(key, label) for key, label, _port, _path in rows],
        "wrk": measured,
        "queries": queries,
        "timings": cold["timings"],
        "timings_text": f"fastest {t_large:.1f} ms and {t_small:.1f} ms",
        "marginal_ms": marginal,
        "html_bytes": len(html),
        "stories": facts,
        "vcl": vcl_source,
        "front_hit_rate": front_hit_rate,
        "comment_load": comment_load,
        "machine": machine(),
        "versions": versions(tools, cold["database"]),
        "settings": {
            "threads": args.threads,
            "connections": args.connections,
            "duration": args.duration,
            "warmup": args.warmup,
            "page_cache_timeout": args.page_cache_timeout,
            "comment_rate": args.comment_rate,
        },
    }
    text = report(results)
    (OUT / "latest.md").write_text(text, encoding="utf-8")
    (OUT / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print()
    print(text)
    log(f"Written to {OUT.relative_to(ROOT)}/latest.md (raw: latest.json, SQL per page: queries.txt)")
    return 0


# Reads while comments are published

FRONT_COUNTERS = ("MAIN.cache_hit", "MAIN.cache_miss", "MAIN.bans_added", "MAIN.backend_req")


def measure_under_comments(args, tools, ports, work, processes, warm_env, stories, watched):
    """Reads through Varnish (home, story index, the story with SHOWN comments), first quiet, then while a
    confirmer publishes comments on the bench stories at `--comment-rate` per second and a task worker
    (`db_worker`) sends their purges to this Varnish, as in production. The reads ask for the seeded
    site's host, the one the purges name."""
    varnish_dir, shown = work / "varnish", stories[SHOWN]["url"]
    purging_env = {**warm_env, "FRONTEND_CACHE_PURGE_URL": f"http://{HOST}:{ports['front']}"}
    log("Working off the task queue seeding left, then starting a task worker (db_worker)")
    manage(purging_env, "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v0")
    worker_log = work / "db-worker.log"
    worker_cmd = [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"]
    worker = processes.start("task worker (db_worker)", worker_cmd, worker_log, purging_env)
    watched = [*watched, ("db_worker", worker, worker_log)]

    pages = [("home", "home `/`", "/"), ("index", "story index `/blog/`", "/blog/")]
    pages.append((f"story-{SHOWN}", f"story, {SHOWN} comments", shown))
    progress_file, result_file = work / "confirmer-progress", work / "confirmer-result.json"

    def published():
        return int(progress_file.read_text() or 0) if progress_file.exists() else 0

    def read(label, path):
        url = f"http://{HOST}:{ports['front']}{path}"
        log(f"wrk {label} through Varnish: {url} (Host: {SITE_HOST})")
        for info in watched:
            processes.check(*info)
        before = {}

        def starting():
            before.update(varnish_counters(varnish_dir, FRONT_COUNTERS), published=published())

        measured = measure(tools["wrk"], url, args, headers=[f"Host: {SITE_HOST}"], starting=starting)
        after = {**varnish_counters(varnish_dir, FRONT_COUNTERS), "published": published()}
        measured.update(
            hit_rate=hit_rate(before, after),
            app_fetches=counted(before, after, "MAIN.backend_req"),
            bans=counted(before, after, "MAIN.bans_added"),
            published=counted(before, after, "published"),
        )
        log(
            f"  {measured['rps']:.0f} req/s, p50 {measured['p50_ms']:.2f} ms, p99 {measured['p99_ms']:.2f} ms; "
            f"hits {measured['hit_rate']}, {measured['app_fetches']} fetches from the app, "
            f"{measured['published']} comments published, {measured['bans']} purges received"
        )
        return measured

    quiet = {key: read(f"{label}, quiet", path) for key, label, path in pages}

    spec = json.dumps(
        {
            "stories": [stories[size]["slug"] for size in SIZES],
            "rate": args.comment_rate,
            "progress_file": str(progress_file),
            "result_file": str(result_file),
        }
    )
    confirmer_log = work / "confirmer.log"
    name = f"the confirmer ({args.comment_rate:g} comments per second on the bench stories in turn)"
    command = [PYTHON, __file__, "--confirmer", spec]
    confirmer_info = ("confirmer", processes.start(name, command, confirmer_log, purging_env), confirmer_log)
    deadline = time.monotonic() + 60
    while not progress_file.exists():
        processes.check(*confirmer_info)
        if time.monotonic() > deadline:
            raise HarnessError("The confirmer did not start publishing within 60 s")
        time.sleep(0.2)
    watched.append(confirmer_info)
    loaded = {key: read(f"{label}, while comments are published", path) for key, label, path in pages}

    process = confirmer_info[1]
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired as error:
        raise HarnessError("The confirmer did not stop within 60 s") from error
    if process.returncode != 0 or not result_file.exists():
        tail = confirmer_log.read_text(errors="replace")[-3000:]
        raise HarnessError(f"The confirmer failed ({process.returncode}):\n{tail}")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    log(
        f"  {result['published']} comments published in {result['seconds']:.0f} s; the worker sent "
        f"{result['purges_sent']} of {result['purges_queued']} purge tasks queued meanwhile"
    )
    return {
        "rate": args.comment_rate,
        "rows": [(key, label) for key, label, _path in pages],
        "quiet": quiet,
        "loaded": loaded,
        "confirmer": result,
    }


def start_varnish(tools, work, ports, vcl_text, shown, processes):
    vcl_file = work / "default.vcl"
    vcl_file.write_text(vcl_text)
    vcl_file.chmod(0o644)
    shutil.rmtree(work / "varnish", ignore_errors=True)
    command = [tools["varnishd"], "-F", "-n", str(work / "varnish"), "-a", f"{HOST}:{ports['front']}"]
    command += ["-T", "none", "-f", str(vcl_file), "-s", "malloc,256m"]
    logfile = work / "varnish.log"
    process = processes.start("varnish", command, logfile)
    info = ("varnishd", process, logfile)
    try:
        wait_for(f"http://{HOST}:{ports['front']}{shown}", info, processes, timeout=30)
    except HarnessError:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        raise
    return info


def varnish_counters(varnish_dir, names=("MAIN.cache_hit", "MAIN.cache_miss")):
    command = [find_tool("varnishstat") or "varnishstat", "-n", str(varnish_dir), "-1"]
    for name in names:
        command += ["-f", name]
    result = subprocess.run(command, capture_output=True, text=True)
    counters = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            counters[parts[0]] = int(parts[1])
    return counters


def counted(before, after, name):
    return after.get(name, 0) - before.get(name, 0)


def hit_rate(before, after):
    """Varnish's hits among its lookups between two readings of its counters ("?" without lookups)."""
    hits, misses = counted(before, after, "MAIN.cache_hit"), counted(before, after, "MAIN.cache_miss")
    return f"{100 * hits / (hits + misses):.2f} %" if hits + misses else "?"


def git_commit():
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    commit = result.stdout.strip() or "?"
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
    return commit + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per measured wrk run (default 8)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page (default 2)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument(
        "--port", type=int, default=8101, help="first of four loopback ports (default 8101-8104)"
    )
    parser.add_argument(
        "--page-cache-timeout", type=int, default=600, help="PAGE_CACHE_TIMEOUT of the warm gunicorn"
    )
    parser.add_argument(
        "--vcl",
        type=lambda path: Path(path).resolve(),
        default=VCL,
        help="Varnish configuration (default deploy/varnish/default.vcl)",
    )
    parser.add_argument(
        "--report", metavar="JSON", type=Path, help="only print the table again from a saved latest.json"
    )
    parser.add_argument(
        "--comment-rate",
        type=float,
        default=20,
        help="comments published per second while Varnish is read (default 20)",
    )
    parser.add_argument(
        "--skip-comment-load",
        action="store_true",
        help="leave out the reads through Varnish while comments are published",
    )
    parser.add_argument("--inprocess", metavar="JSON", help=argparse.SUPPRESS)
    parser.add_argument("--confirmer", metavar="JSON", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inprocess:
        sys.path.insert(0, str(ROOT))
        spec = json.loads(args.inprocess)
        inprocess(spec["pages"], spec["timings"], spec["host"], spec["sql_file"])
        return 0
    if args.confirmer:
        sys.path.insert(0, str(ROOT))
        spec = json.loads(args.confirmer)
        confirmer(spec["stories"], spec["rate"], spec["progress_file"], spec["result_file"])
        return 0
    if args.report:
        print(report(json.loads(args.report.read_text(encoding="utf-8"))), end="")
        return 0
    # A TERM (CI timeout, with-services.sh) unwinds like Ctrl-C, so the servers are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return bench(args)
    except HarnessError as error:
        log(f"FAILED: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
