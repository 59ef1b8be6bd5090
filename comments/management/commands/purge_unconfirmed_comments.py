import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from comments.erasure import keep_nested_counts, plan_deletion
from comments.models import UNCONFIRMED_KEPT_DAYS, CommentStatus, StoryComment


class Command(BaseCommand):
    help = (
        f"Deletes comments nobody confirmed within {UNCONFIRMED_KEPT_DAYS} days, with their data. Run daily."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=UNCONFIRMED_KEPT_DAYS)
        # Unconfirmed comments were never shown, so nobody can have answered them: no thread breaks,
        # but their ancestors counted them in `nested_count`.
        expired = list(StoryComment.objects.filter(status=CommentStatus.UNCONFIRMED, submit_date__lt=cutoff))
        with transaction.atomic():
            _deletable, lost = plan_deletion(expired)
            keep_nested_counts(lost)
            deleted, _ = StoryComment.objects.filter(pk__in=[comment.pk for comment in expired]).delete()
        self.stdout.write(f"{deleted} rows of unconfirmed comments deleted.")
