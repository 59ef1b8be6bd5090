"""A story's discussion as readers see it: comments in thread order as plain values, placeholders for
hidden comments that still have published replies, so no reply loses its place, and each pinned Team reply
first under the comment it answers."""

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
        "pinned_under_id",
        "helpful_count",
        "edited_at",
    )
    __slots__ = (*FIELDS, "reply_to", "pinned_reply")

    def __init__(
        self,
        pk,
        parent_id,
        level,
        status,
        is_team,
        user_name,
        comment,
        comment_html,
        submit_date,
        pinned_under_id,
        helpful_count=0,
        edited_at=None,
    ):
        self.pk = pk
        self.parent_id = parent_id
        self.level = level
        self.status = status
        self.is_team = is_team
        self.user_name = user_name
        self.comment = comment
        self.comment_html = comment_html
        self.submit_date = submit_date
        self.pinned_under_id = pinned_under_id
        self.helpful_count = helpful_count
        self.edited_at = edited_at
        self.reply_to = None
        self.pinned_reply = None  # the Team reply pinned under this comment, shown first below it


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
    return pinned_first(visible)


def pinned_first(thread):
    """Each pinned Team reply, with the replies below it, moved up to be the first reply to the comment it
    answers; everything else keeps its place in the thread."""
    for reply in [c for c in thread if c.pinned_under_id is not None]:
        parent = reply.reply_to
        if parent is None or parent.pk != reply.pinned_under_id or parent not in thread:
            continue
        parent.pinned_reply = reply
        start = thread.index(reply)
        end = start + 1
        while end < len(thread) and thread[end].level > reply.level:
            end += 1
        block = thread[start:end]
        del thread[start:end]
        after_parent = thread.index(parent) + 1
        thread[after_parent:after_parent] = block
    return thread


# How readers may sort a discussion besides the default, oldest first (the address without a query):
# `?sortierung=neueste` and `?sortierung=hilfreich`. The page cache keeps exactly these variants
# (`PAGE_CACHE_QUERY_VARIANTS`); any other value is sent to the plain address (`wagtail_hooks`).
ORDER_PARAMETER = "sortierung"
NEWEST = "neueste"
MOST_HELPFUL = "hilfreich"
ORDERS = (NEWEST, MOST_HELPFUL)


def in_order(thread, order):
    """The thread with its top-level comments in `order`, each followed by its replies as they were (in
    time order, a pinned Team reply first); the thread as it is for the default order."""
    if order not in ORDERS:
        return thread
    blocks = []
    for comment in thread:
        if comment.level == 0 or not blocks:
            blocks.append([comment])
        else:
            blocks[-1].append(comment)
    if order == NEWEST:
        blocks.sort(key=lambda block: block[0].submit_date, reverse=True)
    else:
        blocks.sort(key=lambda block: (-block[0].helpful_count, block[0].submit_date))
    return [comment for block in blocks for comment in block]
