"""Sends the webhook messages whose (next) attempt is due, for task queues that cannot wait (development)
and for any whose queued attempt got lost; run every minute beside `publish_scheduled`."""

from django.core.management.base import BaseCommand

from comments.webhooks.models import DeliveryStatus
from comments.webhooks.sending import send_due


class Command(BaseCommand):
    help = "Sends the webhook messages whose attempt is due, one attempt each. Run every minute."

    def handle(self, *args, **options):
        attempted = send_due()
        delivered = sum(1 for delivery in attempted if delivery.status == DeliveryStatus.DELIVERED)
        if attempted:
            self.stdout.write(f"{delivered} of {len(attempted)} webhook messages delivered")
