import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from comments.models import UNCONFIRMED_KEPT_DAYS, CommentStatus, StoryComment


class Command(BaseCommand):
    help = (
        f"Deletes comments nobody confirmed within {UNCONFIRMED_KEPT_DAYS} days, with their data. Run daily."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=UNCONFIRMED_KEPT_DAYS)
        # Unconfirmed comments were never shown, so nobody can have answered them: no thread breaks.
        deleted, _ = StoryComment.objects.filter(
            status=CommentStatus.UNCONFIRMED, submit_date__lt=cutoff
        ).delete()
        self.stdout.write(f"{deleted} rows of unconfirmed comments deleted.")
