"""`make bench-import`: how long the WordPress import of a large blog takes and how much memory it needs.

Runs inside `scripts/with-services.sh` (a throwaway PostgreSQL and Redis, the production path) with the
production settings, in a temporary directory: migrates, loads the demo site (`seed_demo --no-warm`), writes
made-up exports (`wordpress_import.sample_export`) of 100 posts with 2,000 comments and of 1,000 posts with
20,000 comments, and imports each in a process of its own (`import_wordpress`), which reports its wall time
and its peak resident memory. Prints a table and writes it to var/bench/import.md. The reader streams the
file, so the peak should hardly differ between the two sizes; the time grows with the posts and comments.

    make bench-import
    PG_PORT=25632 REDIS_PORT=26579 bash scripts/with-services.sh .venv/bin/python scripts/bench_import.py
"""
# ruff: noqa: S603 - runs our own manage.py with fixed arguments

import argparse
import json
import os
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wordpress_import.sample_export import write_sample_export  # noqa: E402 - after the path is set

PYTHON = sys.executable
OUT = ROOT / "var" / "bench"
SIZES = ((100, 20), (1000, 20))  # posts, comments per post


def log(message):
    print(f"[bench-import] {message}", flush=True)


def manage(env, *args):
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(
            f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )
    return result.stdout


def child(export):
    """In a process of its own: the import, then its time and peak memory as one JSON line."""
    import django  # noqa: PLC0415 - only the child process sets Django up
    from django.core.management import call_command  # noqa: PLC0415

    django.setup()
    started = time.perf_counter()
    call_command("import_wordpress", export, verbosity=1)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024}), flush=True)


def measure(env, export):
    result = subprocess.run(
        [PYTHON, __file__, "--child", str(export)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"The import failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1]), "\n".join(lines[:-1])


def bench():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(
                f"{name} is not set: run me inside scripts/with-services.sh (see `make bench-import`)."
            )
    work = Path(tempfile.mkdtemp(prefix="stories-bench-import."))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": "http://127.0.0.1:8000",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "LOG_LEVEL": "WARNING",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("FRONTEND_CACHE_PURGE_URL", None)
    rows = []
    try:
        log("Migrating and loading the demo site")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo", "--no-warm", "-v0")
        for number, (posts, per_post) in enumerate(SIZES):
            export = write_sample_export(
                work / f"export-{posts}.xml",
                posts=posts,
                comments_per_post=per_post,
                site=f"https://blog{number}.example.com",
            )
            size_mib = export.stat().st_size / 2**20
            log(f"Importing {posts} posts with {posts * per_post} comments ({size_mib:.1f} MiB)")
            numbers, report = measure(env, export)
            for line in report.splitlines():
                if line.startswith(("Geschichten:", "Kommentare:", "Nicht übernommen")):
                    log(f"  {line}")
            rows.append({"posts": posts, "comments": posts * per_post, "file_mib": size_mib, **numbers})
    finally:
        shutil.rmtree(work, ignore_errors=True)

    table = [
        "| posts | comments | export | time | posts/s | comments/s | peak memory (RSS) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        table.append(
            f"| {row['posts']:,} | {row['comments']:,} | {row['file_mib']:.1f} MiB | {row['seconds']:.1f} s | "
            f"{row['posts'] / row['seconds']:.1f} | {row['comments'] / row['seconds']:.0f} | "
            f"{row['peak_mib']:.0f} MiB |"
        )
    text = "\n".join(table)
    print("\nWordPress import (production settings, PostgreSQL + Redis, one process per import):\n")
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "import.md").write_text(text + "\n", encoding="utf-8")
    log(f"Written to {OUT / 'import.md'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", metavar="EXPORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        os.chdir(ROOT)
        child(args.child)
    else:
        bench()


if __name__ == "__main__":
    main()
