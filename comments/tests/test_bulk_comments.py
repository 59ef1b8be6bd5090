"""Comments stored at once for an import (`comments.bulk`) form the same threads as comments saved one by
one, in a fixed number of queries, and set off nothing: no mail, no `comment_saved`."""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from blog.models import StoryPage
from blog.tests.factories import StoryPageFactory
from comments.bulk import add_comments
from comments.models import StoryComment
from comments.signals import comment_saved
from comments.statuses import CommentStatus

# (name, the name it answers): "d" answers "c" at the deepest level, so it joins "c"'s level below "b".
WRITTEN = [
    ("a", None),
    ("b", "a"),
    ("c", "b"),
    ("d", "c"),
    ("e", "a"),
    ("f", None),
    ("g", "f"),
    ("h", "b"),
    ("i", "e"),
    ("j", "d"),
]
LATER = [("k", "b"), ("l", "a"), ("m", None), ("n", "g"), ("o", "k"), ("p", "c")]


@pytest.fixture
def other_story(story_index):
    return StoryPageFactory(
        parent=story_index, title="Zweite Geschichte", slug="zweite", date=timezone.localdate()
    )


def new_comment(name, status=CommentStatus.PUBLISHED):
    return StoryComment(
        user_name=name,
        user_email=f"{name}@example.org",
        comment=f"Kommentar {name}",
        submit_date=timezone.now(),
        status=status,
        site_id=settings.SITE_ID,
    )


def save_one_by_one(story, written, saved):
    """As the site and the demo data do it: each reply hangs where `reply_parent` says, saved on its own."""
    for name, answers in written:
        comment = new_comment(name)
        parent = saved[answers].reply_parent() if answers else None
        comment.content_type = ContentType.objects.get_for_model(StoryPage)
        comment.object_pk = str(story.pk)
        comment.parent_id = parent.pk if parent else 0
        comment.save()
        saved[name] = comment
    return saved


def add_at_once(story, written, saved):
    """`saved` maps names to comments stored before (their ids are answered) or added in this call."""
    replies = []
    for name, answers in written:
        comment = new_comment(name)
        target = saved.get(answers)
        replies.append((comment, target.pk if target is not None and target.pk else target))
        saved[name] = comment
    add_comments(story, replies)
    return saved


def layout(story):
    """Every comment's thread, parent, level, order and replies below it, by name."""
    comments = list(StoryComment.objects.for_page(story))
    names = {comment.pk: comment.user_name for comment in comments}
    return {
        c.user_name: (names[c.thread_id], names[c.parent_id], c.level, c.order, c.nested_count)
        for c in comments
    }


def test_comments_stored_at_once_form_the_threads_saving_one_by_one_forms(story, other_story):
    save_one_by_one(story, WRITTEN, {})
    add_at_once(other_story, WRITTEN, {})

    assert layout(other_story) == layout(story)
    assert layout(other_story)["d"] == ("a", "b", 2, 4, 0)
    assert layout(other_story)["j"][1:3] == ("b", 2)  # an answer to "d" joins it below "b"


def test_later_comments_join_stored_threads_where_saving_one_by_one_puts_them(story, other_story):
    save_one_by_one(story, WRITTEN + LATER, {})
    stored = save_one_by_one(other_story, WRITTEN, {})
    add_at_once(other_story, LATER, stored)

    assert layout(other_story) == layout(story)


def test_stored_comments_show_as_their_status_says(story):
    published, spam = new_comment("anna"), new_comment("spam", CommentStatus.SPAM)
    published.comment = "Danke!\nBis bald"

    add_comments(story, [(published, None), (spam, published)])

    stored = StoryComment.objects.get(pk=published.pk)
    assert (stored.is_public, stored.is_removed, stored.first_published_at is not None) == (True, False, True)
    assert stored.comment_html == "<p>Danke!<br>Bis bald</p>"
    assert StoryComment.objects.get(pk=spam.pk).is_removed
    assert [c.user_name for c in StoryComment.objects.thread_for(story)] == ["anna"]


def test_storing_at_once_sends_no_mail_and_no_saved_signal(story):
    heard = []

    def listener(sender, comment, **kwargs):
        heard.append(comment)

    comment_saved.connect(listener)
    try:
        add_comments(
            story, [(new_comment("anna"), None), (new_comment("wartend", CommentStatus.PENDING), None)]
        )
    finally:
        comment_saved.disconnect(listener)

    assert heard == []
    assert mail.outbox == []


@pytest.mark.parametrize("count", [10, 500])
def test_storing_at_once_takes_the_same_queries_for_ten_or_five_hundred(
    story, count, django_assert_max_num_queries
):
    written = [("erster", None)] + [
        (f"leser{n}", "erster" if n % 2 else f"leser{n - 1}") for n in range(1, count)
    ]
    first = save_one_by_one(story, written[:1], {})

    with django_assert_max_num_queries(8):
        add_at_once(story, written[1:], first)

    assert StoryComment.objects.for_page(story).count() == count
