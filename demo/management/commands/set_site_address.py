"""Points the default Wagtail site at the address it is served on, so canonical links, og:url, feeds and
the sitemap name it: `make run` gives the development server's (127.0.0.1 and its port). `seed_demo`
creates the site as localhost:80, which the benchmark and the scale-out proof rely on; they set their own
address the same way."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Sets the host name and port of the default Wagtail site (Settings > Sites in the admin), which "
        "absolute links name: port 443 means https://<host>/, 80 http://<host>/, any other http://<host>:<port>/."
    )

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="e.g. 127.0.0.1 or geschichten.example.org")
        parser.add_argument("port", type=int, help="e.g. 8000, or 443 behind a TLS proxy")

    def handle(self, *args, hostname, port, **options):
        if not 0 < port < 65536:
            raise CommandError(f"{port} is not a port.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(
                "There is no default site yet: run `manage.py seed_demo` or add one in the admin."
            )
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            try:
                site.full_clean()
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            site.save()  # saved, not updated: Wagtail renews its cached site root paths
        self.stdout.write(f"The site's address: {site.root_url}/")
