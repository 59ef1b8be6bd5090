"""Front caches may keep what anonymous readers see, never anything personal."""

import pytest
from django.test import Client

from blog.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

SHARED = "public, max-age=60, s-maxage=3600"


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Wie Esel Emil heimkam", slug="esel")


@pytest.mark.parametrize("url", ["/", "/blog/", "/blog/esel/", "/blog/feed/", "/gibt-es-nicht/"])
def test_anonymous_pages_are_shareable_and_set_no_cookie(client, story, url):
    response = client.get(url)
    assert response["Cache-Control"] == SHARED, url
    assert not response.cookies, url


def test_logged_in_readers_get_private_pages(client, story, admin_user):
    client.force_login(admin_user)
    response = client.get("/blog/esel/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_admin_is_never_shared(client, admin_user):
    client.force_login(admin_user)
    assert "public" not in client.get("/admin/")["Cache-Control"]
    assert "public" not in Client().get("/admin/login/")["Cache-Control"]
