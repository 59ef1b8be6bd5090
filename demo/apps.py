from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site's texts, pictures and commands; it imports the feature apps, none of them imports it."""

    name = "demo"
    verbose_name = _("Demo-Inhalte")
