from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Geschichten")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
