import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Creates or updates the development superuser 'admin' (password: $ADMIN_PASSWORD or 'changeme')."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG = True (development settings).")
        password = os.environ.get("ADMIN_PASSWORD") or "changeme"
        user, created = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@localhost", "first_name": "Admin"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Dev admin '{user.username}' {'created' if created else 'updated'}.")
