"""Runs the commands of `settings.EVERY_MINUTE` (`publish_scheduled`, and what the feature apps add) at
the start of every minute until stopped, for `make run`: a newcomer's go-live and expiry dates fire as in
production, where a systemd timer does this (docs/deploy.md). The settings name the commands, so `core`
names no feature app."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


def seconds_to_next_minute(now=None):
    now = time.time() if now is None else now
    return 60 - now % 60


class Command(BaseCommand):
    help = "Publishes what is due and sends due webhooks every minute, until stopped (Ctrl-C)."

    def handle(self, *args, **options):
        try:
            while True:
                for command in settings.EVERY_MINUTE:
                    try:
                        call_command(command, stdout=self.stdout, stderr=self.stderr)
                    except Exception as error:  # noqa: BLE001 - a failed run must not end the schedule
                        self.stderr.write(f"{command} failed: {error!r}")
                time.sleep(seconds_to_next_minute())
        except KeyboardInterrupt:
            pass
