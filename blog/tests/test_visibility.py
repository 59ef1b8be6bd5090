"""Drafts and private stories never appear anywhere a reader can look."""

import pytest
from wagtail.models import PageViewRestriction

from blog.tests.factories import StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_stories(story_index):
    category = StoryCategoryFactory(slug="kundenservice")
    StoryPageFactory(
        parent=story_index,
        title="Öffentliche Geschichte",
        slug="oeffentlich",
        categories=[category],
        tags=["Kinder"],
    )
    StoryPageFactory(
        parent=story_index,
        title="Geheimer Entwurf",
        slug="entwurf",
        live=False,
        categories=[category],
        tags=["Kinder"],
    )
    private = StoryPageFactory(
        parent=story_index, title="Geheime Geschichte", slug="privat", categories=[category], tags=["Kinder"]
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return category


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/blog/",
        "/blog/kategorie/kundenservice/",
        "/blog/tag/kinder/",
        "/blog/archiv/2026/",
        "/blog/feed/",
        "/blog/feed/atom/",
        "/suche/?q=Geschichte",
        "/sitemap.xml",
    ],
)
def test_hidden_stories_appear_nowhere(client, hidden_stories, url):
    response = client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Öffentliche Geschichte" in content or url == "/sitemap.xml"
    assert "Geheimer Entwurf" not in content
    assert "Geheime Geschichte" not in content
    assert "/blog/entwurf/" not in content
    assert "/blog/privat/" not in content


def test_draft_story_url_is_not_found(client, hidden_stories):
    assert client.get("/blog/entwurf/").status_code == 404


def test_private_story_asks_for_the_password_and_shows_nothing(client, hidden_stories):
    content = client.get("/blog/privat/").content.decode()
    assert 'type="password"' in content
    assert "Am Montagmorgen rief eine Kundin an." not in content


def test_sitemap_lists_live_stories(client, hidden_stories):
    content = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/blog/oeffentlich/" in content
    assert "http://localhost/blog/" in content
