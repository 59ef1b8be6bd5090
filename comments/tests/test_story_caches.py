"""A comment decision reaches every cached copy of its story: the site cache, the page cache, the front
cache (Varnish), and the comment views themselves are never shared."""

import datetime

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryPageFactory
from blog.tests.test_purge import STORY_URLS
from comments.models import CommentStatus, StoryDiscussion
from comments.moderation.bulk_actions import ApproveBulkAction
from comments.tests.factories import StoryCommentFactory
from core import purging

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    return StoryPageFactory(
        parent=story_index,
        slug="esel",
        title="Wie Esel Emil heimkam",
        date=datetime.date(2026, 11, 18),
        authors=[AuthorFactory(slug="tobias")],
        categories=[StoryCategoryFactory(slug="kundenservice")],
        tags=["Kuscheltier"],
    )


def purged_with_comment_feeds(story):
    """The story's page and listings, and the comment feeds of the site and the story."""
    feeds = ["/kommentare/feed/", "/kommentare/feed/atom/"]
    feeds += [f"/kommentare/feed/geschichte/{story.pk}/", f"/kommentare/feed/geschichte/{story.pk}/atom/"]
    return sorted([*STORY_URLS, *(f"http://localhost{path}" for path in feeds)])


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_approved_comment_changes_the_count_on_listings(client, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    assert "1 Kommentar" not in text_of(client, "/blog/")
    comment.status = CommentStatus.PUBLISHED
    comment.save()
    assert "1 Kommentar" in text_of(client, "/blog/")


def test_a_published_comment_replaces_the_cached_page(client, story, page_cache):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING, comment="Danke für Emil!")
    assert "Danke für Emil!" not in text_of(client, "/blog/esel/")
    comment.status = CommentStatus.PUBLISHED
    comment.save()
    response = client.get("/blog/esel/")
    assert response["X-Page-Cache"] == "miss"
    assert "Danke für Emil!" in response.content.decode()


def test_a_closed_discussion_replaces_the_cached_page(client, story_index, page_cache, admin_user):
    story = StoryPageFactory(parent=story_index, slug="heute", date=datetime.date.today())
    client.get("/blog/heute/")  # the very first view creates the settings rows (site, comment policy)
    client.get("/blog/heute/")
    cached = client.get("/blog/heute/")
    assert cached["X-Page-Cache"] == "hit"
    assert 'id="kommentar-formular"' in cached.content.decode()
    StoryDiscussion.decide(story, StoryDiscussion.CLOSED, admin_user)
    assert 'id="kommentar-formular"' not in text_of(client, "/blog/heute/")


# The front cache (Varnish) is purged like the page cache


@pytest.mark.parametrize(
    "before, after, kind",
    [("pending", "published", "refreshed"), ("published", "removed", "purged")],
)
def test_comments_shown_or_hidden_together_purge_their_story_once(
    story, front_cache, django_capture_on_commit_callbacks, before, after, kind
):
    with django_capture_on_commit_callbacks(execute=True), purging.batch():
        comments = StoryCommentFactory.create_batch(3, story=story, status=before)
        for comment in comments:
            comment.status = after
            comment.save()
    assert sorted(getattr(front_cache, kind)) == purged_with_comment_feeds(
        story
    )  # each URL once: one for all three


def test_a_bulk_approval_refreshes_each_story_once(
    story, front_cache, django_capture_on_commit_callbacks, admin_user
):
    comments = StoryCommentFactory.create_batch(3, story=story, status=CommentStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        ApproveBulkAction.execute_action(comments, user=admin_user)
    assert sorted(front_cache.refreshed) == purged_with_comment_feeds(story)
    assert front_cache.purged == []


def test_a_comment_shown_refreshes_its_story_behind_the_readers(
    story, front_cache, django_capture_on_commit_callbacks
):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        comment.status = CommentStatus.PUBLISHED
        comment.save()
    assert sorted(front_cache.refreshed) == purged_with_comment_feeds(story)
    assert front_cache.purged == []  # adding a comment takes nothing away: no reader waits for the render


def test_a_comment_hidden_purges_its_story_at_once(story, front_cache, django_capture_on_commit_callbacks):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PUBLISHED)
    front_cache.refreshed.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment.status = CommentStatus.SPAM
        comment.save()
    assert sorted(front_cache.purged) == purged_with_comment_feeds(
        story
    )  # nobody gets the copy that shows it again
    assert front_cache.refreshed == []


def test_a_waiting_comment_purges_nothing(story, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    assert purged == []


def test_closing_or_reopening_a_discussion_purges_the_story(
    story, purged, django_capture_on_commit_callbacks, admin_user
):
    with django_capture_on_commit_callbacks(execute=True):
        StoryDiscussion.decide(story, StoryDiscussion.CLOSED, admin_user)
    assert sorted(purged) == sorted(STORY_URLS)


def test_the_story_after_a_report_is_the_same_for_everyone_and_may_be_shared(story):
    """Its thanks are a fixed sentence in the address (`comments.notices`), not a message in a cookie."""
    comment = StoryCommentFactory(story=story)
    reader = Client(headers={"Sec-Fetch-Site": "same-origin"})
    reader.get(f"/kommentare/melden/{comment.pk}/")
    response = reader.post(f"/kommentare/melden/{comment.pk}/", {"reason": "spam"}, follow=True)

    assert "Danke für Ihre Meldung" in response.content.decode()
    assert not reader.cookies
    assert "public" in response["Cache-Control"]


def test_comment_views_are_never_shared(client, story):
    comment = StoryCommentFactory(story=story)
    assert "public" not in client.get(f"/kommentare/melden/{comment.pk}/")["Cache-Control"]


# A comment touches only what shows it


def test_a_comment_shown_keeps_every_other_page_in_the_page_cache(client, story, story_index, page_cache):
    other = StoryPageFactory(parent=story_index, slug="andere", title="Eine andere Geschichte")
    for url in ("/blog/andere/", "/blog/andere/", "/blog/esel/", "/", "/"):
        client.get(url)
    assert client.get("/blog/andere/")["X-Page-Cache"] == "hit"

    StoryCommentFactory(story=story, comment="Ein neuer Kommentar")

    assert client.get("/blog/andere/")["X-Page-Cache"] == "hit"  # the site cache was not emptied
    assert client.get("/blog/esel/")["X-Page-Cache"] == "miss"  # the story shows it
    home = client.get("/")
    assert home["X-Page-Cache"] == "miss"  # its cards count it
    assert "1 Kommentar" in home.content.decode()
    assert other.title in home.content.decode()


def test_comments_shown_in_quick_succession_refresh_their_story_once_per_window(
    story, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "blog.tests.front_cache.RecordingBackend"}}
    purges = DBTaskResult.objects.filter(task_path="core.frontend_cache.refresh_urls_task")

    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            StoryCommentFactory(story=story, comment=f"Kommentar {number}")

    story_purges = [
        purge for purge in purges if any(url.endswith("/blog/esel/") for url in purge.args_kwargs["args"][0])
    ]
    assert len(story_purges) == 2  # at once, and once after the window for everything in it
