"""Many new comments on one story stored at once, for imports. The threads come out exactly as if each
comment had been saved on its own (`XtdComment.save()` numbers thread, level and order and counts the
replies below each comment; `StoryComment.reply_parent` caps the depth), in a fixed number of queries
however many comments there are, and without `comment_saved`: no purge, no mail, no webhook. Whoever
calls this purges once when done.

Django's `bulk_create` refuses models with parent tables (a StoryComment lives in three: django_comments,
the library's and ours) and splits SQLite inserts into batches of 999 values, so each table gets one
INSERT run for all rows (`executemany`), built from the model's own field definitions.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment

from blog.models import StoryPage

from .models import StoryComment


def insert_many(model, objects, using=None):
    """One INSERT of `model`'s own columns, run for every object: a single query, whatever the number.
    The database numbers the rows of a model without parents; the objects do not learn their ids."""
    if not objects:
        return
    connection = connections[using or router.db_for_write(model)]
    meta = model._meta
    fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field]
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields] for obj in objects
    ]
    quote = connection.ops.quote_name
    # Only names from the model's definition go into the statement; the values are parameters.
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


class Node:
    """A comment in a thread while the layout is worked out: a stored one (`pk`) or a new one (`comment`)."""

    __slots__ = ("pk", "comment", "parent", "level", "order", "nested_count", "thread", "changed")

    def __init__(self, *, parent, level=0, order=1, nested_count=0, pk=None, comment=None):
        self.pk = pk
        self.comment = comment
        self.parent = parent
        self.level = level
        self.order = order
        self.nested_count = nested_count
        self.thread = parent.thread if parent is not None else [self]
        self.changed = False

    @property
    def root(self):
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def reply_parent(self):
        """Where a reply to this comment hangs, as `StoryComment.reply_parent` decides it on the site."""
        return self if self.level < settings.COMMENTS_XTD_MAX_THREAD_LEVEL else self.parent


def stored_threads(story):
    """The story's comments as nodes by id, each knowing its parent and its thread (in thread order)."""
    rows = (
        StoryComment.objects.for_page(story)
        .order_by("thread_id", "order")
        .values_list("pk", "parent_id", "level", "order", "nested_count")
    )
    nodes = {}
    for pk, parent_id, level, order, nested_count in rows:
        parent = nodes.get(parent_id) if parent_id != pk else None
        node = Node(parent=parent, level=level, order=order, nested_count=nested_count, pk=pk)
        if parent is not None:
            node.thread.append(node)
        nodes[pk] = node
    return nodes


def attach(comment, parent):
    """A new node for `comment` under `parent` (None: a new thread), placed as `XtdComment.save()` places
    it: after the last reply below its parent, the comments after it moving down one, and one more reply
    counted on each comment above it."""
    if parent is None:
        return Node(parent=None, comment=comment)
    thread = parent.thread
    position = thread.index(parent) + 1
    while position < len(thread) and thread[position].level > parent.level:
        position += 1
    if position < len(thread):
        order = thread[position].order
        for later in thread[position:]:
            later.order += 1
            later.changed = True
    else:
        order = thread[-1].order + 1
    node = Node(parent=parent, level=parent.level + 1, order=order, comment=comment)
    thread.insert(position, node)
    above = parent
    while above is not None:
        above.nested_count += 1
        above.changed = True
        above = above.parent
    return node


def add_comments(story, replies, using=None):
    """Stores new comments on `story`: `replies` are (comment, reply_to) pairs in the order the comments
    were written, `reply_to` None for a new thread, the id of a stored comment on the story, or a comment
    earlier in `replies` (an id not found starts a new thread, as on the site). Each comment gets its id;
    nothing sends `comment_saved`. Queries: five, and one more when some reply answers a stored comment."""
    if not replies:
        return
    stored = stored_threads(story) if any(isinstance(to, int) for _, to in replies) else {}
    new = {}
    nodes = []
    for comment, reply_to in replies:
        parent = new.get(id(reply_to)) if isinstance(reply_to, StoryComment) else stored.get(reply_to)
        node = attach(comment, parent.reply_parent() if parent is not None else None)
        new[id(comment)] = node
        nodes.append(node)

    using = using or router.db_for_write(StoryComment)
    content_type = ContentType.objects.db_manager(using).get_for_model(StoryPage)
    comments = [comment for comment, _ in replies]
    for comment in comments:
        comment.content_type = content_type
        comment.object_pk = str(story.pk)
        comment.site_id = comment.site_id or settings.SITE_ID
        comment.follow_text_and_status()
    with transaction.atomic(using=using):
        insert_many(Comment, comments, using)
        ids = list(
            Comment.objects.using(using)
            .filter(content_type=content_type, object_pk=str(story.pk), xtdcomment__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if len(ids) != len(comments):
            raise RuntimeError(f"{len(comments)} comments stored, {len(ids)} found without their thread data")
        chain = [Comment, XtdComment, StoryComment]  # the tables a comment lives in, base first
        for comment, pk in zip(comments, ids, strict=True):
            for model in chain:
                setattr(comment, model._meta.pk.attname, pk)
        for node in nodes:
            comment, root = node.comment, node.root
            comment.thread_id = root.pk if root.pk is not None else root.comment.pk
            parent = node.parent
            if parent is None:
                comment.parent_id = comment.pk
            else:
                comment.parent_id = parent.pk if parent.pk is not None else parent.comment.pk
            comment.level, comment.order, comment.nested_count = node.level, node.order, node.nested_count
            comment._state.adding, comment._state.db = False, using
            comment._loaded_status = comment.status
        for model in chain[1:]:
            insert_many(model, comments, using)
        renumber_stored([node for node in stored.values() if node.changed], using)


def renumber_stored(nodes, using):
    """Stored comments that moved down or got more replies below them, in one UPDATE run for all."""
    if not nodes:
        return
    connection = connections[using]
    meta = XtdComment._meta  # the library's table holds the thread fields
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {quote('order')} = %s, {quote('nested_count')} = %s "  # noqa: S608
        f"WHERE {quote(meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(node.order, node.nested_count, node.pk) for node in nodes])
