"""Front caches are purged wherever a story shows: its page, the listings, the feeds, the home page."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    return StoryPageFactory(
        parent=story_index,
        slug="esel",
        date=datetime.date(2026, 11, 18),
        authors=[AuthorFactory(slug="tobias")],
        categories=[StoryCategoryFactory(slug="kundenservice")],
        tags=["Kuscheltier"],
    )


STORY_URLS = {
    "http://localhost/blog/esel/",
    "http://localhost/blog/",
    "http://localhost/blog/archiv/2026/",
    "http://localhost/blog/archiv/2026/11/",
    "http://localhost/blog/feed/",
    "http://localhost/blog/feed/atom/",
    "http://localhost/blog/kategorie/kundenservice/",
    "http://localhost/blog/kategorie/kundenservice/feed/",
    "http://localhost/blog/tag/kuscheltier/",
    "http://localhost/blog/autor/tobias/",
    "http://localhost/",
}


def test_publishing_purges_the_story_its_listings_feeds_and_home(story, purged):
    story.save_revision().publish()
    assert set(purged) == STORY_URLS


def test_unpublishing_purges_the_same_places(story, purged):
    story.unpublish()
    assert set(purged) == STORY_URLS


def test_moving_purges_the_old_address_too(story, story_index, purged):
    other_index = (
        type(story_index)
        .objects.get(pk=story_index.pk)
        .add_sibling(instance=type(story_index)(title="Archiv alt", slug="alt"))
    )
    story.move(other_index, pos="last-child")
    assert "http://localhost/blog/esel/" in purged
    assert "http://localhost/alt/esel/" in purged
    assert "http://localhost/alt/" in purged


# Private stays private: what leaves the public site leaves the front cache at once


def test_making_a_story_private_purges_it_and_its_listings(story, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    assert set(purged) == STORY_URLS


def test_making_it_public_again_purges_the_same_places(story, purged, django_capture_on_commit_callbacks):
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert set(purged) == STORY_URLS


def test_making_the_whole_index_private_purges_every_story_in_it(
    story, story_index, purged, django_capture_on_commit_callbacks
):
    StoryPageFactory(parent=story_index, slug="koffer")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story_index, restriction_type=PageViewRestriction.LOGIN)
    assert set(purged) >= STORY_URLS
    assert "http://localhost/blog/koffer/" in purged


def test_deleting_a_story_purges_it_and_its_listings(story, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert set(purged) == STORY_URLS


def test_a_new_slug_purges_the_old_address_and_the_new_one(story, purged, django_capture_on_commit_callbacks):
    story.slug = "emil"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert "http://localhost/blog/esel/" in purged
    assert "http://localhost/blog/emil/" in purged
    assert "http://localhost/blog/" in purged
