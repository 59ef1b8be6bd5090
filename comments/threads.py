"""A story's discussion as readers see it: comments in thread order as plain values, and placeholders for
hidden comments that still have published replies, so no reply loses its place."""

from core.names import initials

from .statuses import CommentStatus


class ShownComment:
    """What readers see of any comment, a model instance or a `ThreadComment`."""

    __slots__ = ()

    @property
    def is_published(self):
        return self.status == CommentStatus.PUBLISHED

    @property
    def initials(self):
        return initials(self.user_name)


class ThreadComment(ShownComment):
    """A comment as the readers' thread shows it: plain values rather than a model instance, since a
    page view builds a thousand of them (see `comments.rendering`)."""

    FIELDS = (
        "pk",
        "parent_id",
        "level",
        "status",
        "is_team",
        "user_name",
        "comment",
        "comment_html",
        "submit_date",
    )
    __slots__ = (*FIELDS, "reply_to")

    def __init__(self, pk, parent_id, level, status, is_team, user_name, comment, comment_html, submit_date):
        self.pk = pk
        self.parent_id = parent_id
        self.level = level
        self.status = status
        self.is_team = is_team
        self.user_name = user_name
        self.comment = comment
        self.comment_html = comment_html
        self.submit_date = submit_date
        self.reply_to = None


def visible_thread(comments):
    """From all comments of a page in thread order: the published ones, and each hidden one that still
    has published replies (shown as a placeholder); each knows the comment it answers (`reply_to`)."""
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
