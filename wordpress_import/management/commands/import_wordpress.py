"""`manage.py import_wordpress EXPORT.xml`: moves a blog in from WordPress (see `wordpress_import.importer`)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from wordpress_import.importer import ImportStopped, run_import
from wordpress_import.wxr import ExportError


class Command(BaseCommand):
    help = (
        "Imports a WordPress export (WXR, Werkzeuge › Daten exportieren): posts become stories, pages content "
        "pages, with authors, categories, tags, images from the uploads folder (never downloaded), comments "
        "and redirects from the old addresses. Runs again without duplicating anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file exported from WordPress.")
        parser.add_argument(
            "--media-dir",
            help="WordPress's wp-content/uploads folder, copied here; images are only ever read from it.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Do everything, store nothing, and report what would come."
        )
        parser.add_argument(
            "--update", action="store_true", help="Take over what changed in WordPress since the last run."
        )

    def handle(self, *args, export, media_dir=None, dry_run=False, update=False, **options):
        verbosity = options.get("verbosity", 1)
        try:
            report = run_import(
                export,
                media_dir=media_dir,
                dry_run=dry_run,
                update=update,
                progress=verbosity > 0 and sys.stderr.isatty(),
            )
        except (ExportError, ImportStopped) as error:
            raise CommandError(str(error)) from error
        if verbosity > 0:
            for line in report.lines():
                self.stdout.write(line)
