from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure every feature app builds on; it imports none of them."""

    name = "core"
    verbose_name = _("Grundlagen")

    def ready(self):
        from django.urls import register_converter

        from .ids import IdConverter
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        # `<id:...>` in every URLconf: ids beyond what a database column holds are simply not found.
        register_converter(IdConverter, "id")
