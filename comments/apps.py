from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Kommentare")

    def ready(self):
        from blog.models import StoryPage

        from .moderation.panels import CommentSummaryPanel
        from .signal_handlers import register_signal_handlers

        register_signal_handlers(self)
        # The story editor's settings tab shows how the discussion stands (the blog knows no comments).
        StoryPage.settings_panels = [*StoryPage.settings_panels, CommentSummaryPanel()]
