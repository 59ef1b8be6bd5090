from django.core.management.base import BaseCommand

from comments.dsa.retention import prune_moderation_records
from comments.helpful import prune_old_votes


class Command(BaseCommand):
    help = (
        "Clears the reported text and the notifier's name, address and explanation from notices, and the "
        "text and address from objections, once their decision is older than the retention setting "
        "(Meldungen und Einsprüche). Kinds, dates and outcomes stay for the transparency report. Also deletes "
        "Hilfreich votes older than a few days (the counts stay). Run daily."
    )

    def handle(self, *args, **options):
        notices, objections = prune_moderation_records()
        self.stdout.write(f"{notices} notices and {objections} objections pruned.")
        self.stdout.write(f"{prune_old_votes()} old helpful votes deleted.")
