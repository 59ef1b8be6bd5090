"""Wagtail's `publish_scheduled`, run by one server at a time.

Every app host may run the schedule (a timer, `make run`, the stack's scheduler); Wagtail's command reads
the due revisions and publishes them without a lock, so two runs at the same minute would publish one
revision twice (two publications in the history, two rounds of purges). The lock lives in the cache that
must hold (`limits_cache`, Redis in production): a run that finds it taken leaves the work to the holder.
"""

from wagtail.management.commands import publish_scheduled

from core.cache import limits_cache

LOCK_KEY = "publish-scheduled:lock"
# Longer than any run takes; should a run die holding it, the next one starts after this.
LOCK_SECONDS = 10 * 60


class Command(publish_scheduled.Command):
    help = "Publishes and unpublishes what is due (Wagtail's go-live and expiry dates), one run at a time."

    def handle(self, *args, **options):
        if not limits_cache.add(LOCK_KEY, "running", LOCK_SECONDS):
            self.stdout.write("Another run of publish_scheduled is under way; nothing to do.")
            return
        try:
            super().handle(*args, **options)
        finally:
            limits_cache.delete(LOCK_KEY)
