"""What follows when a comment is saved or deleted (purges, mails) or decided about (statements of reasons),
and the comments framework's Site kept in line with the real address; connected by
`register_signal_handlers()` in CommentsConfig.ready()."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django_comments_xtd.models import publish_or_unpublish_on_pre_save

from blog.purging import purge_story_with_change

from .dsa.models import ModerationDecision
from .dsa.statements import tell_about
from .feeds import purge_comment_feeds
from .models import CommentReport, StoryComment
from .notifications import notify_moderators, notify_thread_subscribers
from .signals import comment_saved, decision_made
from .statuses import CommentStatus
from .webhooks import events as webhooks


def comment_changed(sender, comment, status_before, **kwargs):
    """A comment readers see (or saw) changes its story's page, the listings that count it and the comment
    feeds. A newly published one is news for the thread's subscribers; one arriving in the queue (new, or
    just confirmed) calls the moderators (mail and webhooks), one a moderator sends back to the queue does
    not. All of it is queued in the comment's own transaction (`StoryComment.save`)."""
    if comment.is_published or status_before == CommentStatus.PUBLISHED:
        # A comment shown only adds to the pages; one hidden (or edited) must never come back from a copy.
        shown = comment.is_published and status_before != CommentStatus.PUBLISHED
        purge_story_with_change(comment.object_pk, withdraw=not shown)
        purge_comment_feeds(comment.object_pk, withdraw=not shown)
    if comment.is_published and status_before != CommentStatus.PUBLISHED:
        notify_thread_subscribers(comment.pk)
    if comment.status == CommentStatus.PENDING and status_before in (None, CommentStatus.UNCONFIRMED):
        notify_moderators(comment.pk)
        webhooks.comment_waiting(comment)


def decision_taken(sender, decision, notices, **kwargs):
    """The commenter and the notifiers hear of a decision, queued in its own transaction (`dsa.statements`)."""
    tell_about(decision, notices)


def report_filed(sender, instance, created, **kwargs):
    """A reader's report reaches the team's chat too (webhooks), sent once it is stored."""
    if created:
        webhooks.comment_reported(instance)


def comment_deleted(sender, instance, **kwargs):
    """A deleted comment that readers could see leaves the cached story, listings and feeds too."""
    if instance.is_public:
        purge_story_with_change(instance.object_pk)
        purge_comment_feeds(instance.object_pk)


def sync_site_domain(sender, using="default", **kwargs):
    """After every migrate: the comments framework's Site gets the host of WAGTAILADMIN_BASE_URL,
    so no link ever names example.com."""
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    if domain:
        Site.objects.using(using).update_or_create(
            pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.WAGTAIL_SITE_NAME}
        )


def register_signal_handlers(app_config):
    # The library re-publishes every hidden reply whenever any comment is saved; our status field
    # decides visibility instead, comment by comment.
    pre_save.disconnect(publish_or_unpublish_on_pre_save, sender=StoryComment._meta.label)
    comment_saved.connect(comment_changed, sender=StoryComment)
    post_delete.connect(comment_deleted, sender=StoryComment)
    post_save.connect(report_filed, sender=CommentReport)
    decision_made.connect(decision_taken, sender=ModerationDecision)
    post_migrate.connect(sync_site_domain, sender=app_config)
