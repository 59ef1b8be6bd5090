from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Kommentare")

    def ready(self):
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from .models import StoryComment
        from .signals import purge_deleted_comment, sync_site_domain

        # The library re-publishes every hidden reply whenever any comment is saved; our status
        # field decides visibility instead, comment by comment.
        pre_save.disconnect(publish_or_unpublish_on_pre_save, sender=StoryComment._meta.label)
        post_migrate.connect(sync_site_domain, sender=self)
        post_delete.connect(purge_deleted_comment, sender=StoryComment)
