"""Wagtail's `publish_scheduled`, run by one server at a time.

Every app host may run the schedule (a timer, `make run`, the stack's scheduler); Wagtail's command reads
the due revisions and publishes them without a lock, so two runs at the same minute would publish one
revision twice (two publications in the history, two rounds of purges). On PostgreSQL the lock is an
advisory lock of the run's database session: it needs no Redis, and a run that dies loses it at once. On
other databases (SQLite: one machine) it lives in `limits_cache`. A run that finds it taken leaves the work
to the holder.
"""

import contextlib

from django.db import connection
from wagtail.management.commands import publish_scheduled

from core.cache import limits_cache

LOCK_KEY = "publish-scheduled:lock"
# pg_advisory_lock takes a 64-bit number: this one is ours alone ("publish" in ASCII).
ADVISORY_LOCK_ID = 0x7075626C697368
# Longer than any run takes; should a run die holding the cache lock, the next one starts after this.
LOCK_SECONDS = 10 * 60


@contextlib.contextmanager
def schedule_lock():
    """Yields whether this run holds the schedule's lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_ID])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_ID])
        return
    held = limits_cache.add(LOCK_KEY, "running", LOCK_SECONDS)
    try:
        yield held
    finally:
        if held:
            limits_cache.delete(LOCK_KEY)


class Command(publish_scheduled.Command):
    help = "Publishes and unpublishes what is due (Wagtail's go-live and expiry dates), one run at a time."

    def handle(self, *args, **options):
        with schedule_lock() as held:
            if not held:
                self.stdout.write("Another run of publish_scheduled is under way; nothing to do.")
                return
            super().handle(*args, **options)
