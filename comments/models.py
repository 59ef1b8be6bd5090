"""Reader comments on stories: django-comments-xtd's threaded comment plus an explicit status."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_comments.managers import CommentManager
from django_comments_xtd.models import XtdComment


class CommentStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Unbestätigt")
    PENDING = "pending", _("Zu prüfen")
    PUBLISHED = "published", _("Veröffentlicht")
    SPAM = "spam", _("Spam")
    REMOVED = "removed", _("Entfernt")


class StoryCommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def for_page(self, page):
        return self.filter(
            content_type__app_label="blog", content_type__model="storypage", object_pk=str(page.pk)
        )

    def thread_for(self, page):
        """What readers see of a page's discussion, in one query: published comments in thread order,
        and a placeholder for each hidden comment that still has published replies, so no reply
        loses its place in the thread."""
        comments = list(
            self.for_page(page)
            .exclude(status=CommentStatus.UNCONFIRMED)
            .only(
                "thread_id",
                "parent_id",
                "level",
                "order",
                "status",
                "is_team",
                "user_name",
                "comment",
                "submit_date",
            )
            .order_by("thread_id", "order")
        )
        visible = []
        published_below = [False] * (max((c.level for c in comments), default=0) + 2)
        for comment in reversed(comments):
            level = comment.level
            has_published_replies = any(published_below[level + 1 :])
            for deeper in range(level + 1, len(published_below)):
                published_below[deeper] = False
            if comment.is_published or has_published_replies:
                published_below[level] = True
                visible.append(comment)
            if level == 0:
                published_below[0] = False
        visible.reverse()
        by_id = {comment.pk: comment for comment in comments}
        for comment in visible:
            comment.reply_to = by_id.get(comment.parent_id) if comment.parent_id != comment.pk else None
        return visible


class StoryComment(XtdComment):
    """One reader comment. `status` is the single source of truth; `is_public` and `is_removed`
    follow it so the library's own queries agree with ours."""

    status = models.CharField(
        _("Status"),
        max_length=12,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    is_team = models.BooleanField(
        _("Antwort des Teams"),
        default=False,
        help_text=_("Von einer Moderatorin oder einem Autor der Geschichte."),
    )

    objects = CommentManager.from_queryset(StoryCommentQuerySet)()

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["thread_id", "order"]

    def save(self, *args, **kwargs):
        self.is_public = self.status == CommentStatus.PUBLISHED
        self.is_removed = self.status in (CommentStatus.SPAM, CommentStatus.REMOVED)
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.status == CommentStatus.PUBLISHED

    @property
    def initials(self):
        parts = [part for part in self.user_name.replace("-", " ").split() if part[:1].isalnum()]
        return "".join(part[0] for part in parts[:2]).upper() or "?"

    @property
    def anchor(self):
        return f"kommentar-{self.pk}"
