"""Runs `publish_scheduled` at the start of every minute until stopped, for `make run`: a newcomer's
go-live and expiry dates fire as in production, where a systemd timer does this (docs/deploy.md)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


def seconds_to_next_minute(now=None):
    now = time.time() if now is None else now
    return 60 - now % 60


class Command(BaseCommand):
    help = "Publishes and unpublishes what is due every minute, until stopped (Ctrl-C)."

    def handle(self, *args, **options):
        try:
            while True:
                try:
                    call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
                except Exception as error:  # noqa: BLE001 - a failed run must not end the schedule
                    self.stderr.write(f"publish_scheduled failed: {error!r}")
                time.sleep(seconds_to_next_minute())
        except KeyboardInterrupt:
            pass
