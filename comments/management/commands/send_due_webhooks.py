"""Sends the webhook messages whose (next) attempt is due, and drops finished ones older than a month from
the log (`prune_log`), for task queues that cannot wait (development)
and for any whose queued attempt got lost; run every minute beside `publish_scheduled`."""

from django.core.management.base import BaseCommand

from comments.webhooks.models import DeliveryStatus
from comments.webhooks.sending import prune_log, send_due


class Command(BaseCommand):
    help = "Sends the webhook messages whose attempt is due, one attempt each, and prunes the log. Run every minute."

    def handle(self, *args, **options):
        prune_log()
        attempted = send_due()
        delivered = sum(1 for delivery in attempted if delivery.status == DeliveryStatus.DELIVERED)
        if attempted:
            self.stdout.write(f"{delivered} of {len(attempted)} webhook messages delivered")
