from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressImportConfig(AppConfig):
    """Moves a blog in from WordPress: stories, pages, people, topics, images, comments, old addresses."""

    name = "wordpress_import"
    verbose_name = _("Umzug von WordPress")
