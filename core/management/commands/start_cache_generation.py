"""After a release that changed templates: everything the app servers keep in Redis (whole pages, story
cards, site data) is built anew with the new code. Varnish is banned separately (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from core import site_cache


class Command(BaseCommand):
    help = "Starts a new site-cache generation: pages and fragments kept in Redis are built anew."

    def handle(self, **options):
        site_cache.bump()
        self.stdout.write("New site-cache generation: pages and fragments in Redis are built anew.")
