from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Geschichten")

    def ready(self):
        from wagtail import hooks

        from .editor.views import StoryPageViewSet
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        # The story editor's views (blog.editor.views); registered here rather than in wagtail_hooks.py,
        # which holds the blog's snippets and dashboard.
        hooks.register("register_admin_viewset", StoryPageViewSet)
