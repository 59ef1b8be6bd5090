"""Redis away does not take the reading site down: pages are built from the database without the shared
caches, `/healthz` still reports the fault while `/readyz` keeps the app server in the load balancer,
editors still log in, and once Redis is back the caches are used again without serving anything older
than the last change."""

import logging
import socket

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from blog.tests.factories import AuthorFactory, ImageFactory, StoryPageFactory
from core.cache import outages_of, redis_caches

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_stopped():
    """The production caches, on a Redis that refuses every connection."""
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    location = f"redis://127.0.0.1:{closed_port()}/0"
    # The system may hand out a port an earlier test used: for this test it is a new outage all the same.
    outages_of(location).away_since = None
    return override_settings(CACHES=redis_caches(location, options=options))


@pytest.fixture
def illustrated_story(story_index):
    return StoryPageFactory(
        parent=story_index,
        title="Wie Esel Emil heimkam",
        slug="esel",
        authors=[AuthorFactory(photo=ImageFactory())],
        body=[
            ("paragraph", "<p>Ein Bild sagt mehr.</p>"),
            ("image", {"image": ImageFactory(), "alt_text": "Das Lager", "caption": "", "credit": ""}),
        ],
    )


def served_from_the_page_cache(client, url):
    """Views `url` until the page cache has it (the site's first view creates its settings rows, a change)."""
    return any(client.get(url).headers.get("X-Page-Cache") == "hit" for _ in range(3))


def pictures_in(response):
    return [img["src"] for img in BeautifulSoup(response.content, "html.parser").select("main img")]


# Reading


@pytest.mark.parametrize("url", ["/", "/blog/esel/", "/blog/"])
def test_pages_with_pictures_answer_200_while_redis_is_away(client, illustrated_story, page_cache, url):
    with redis_stopped():
        response = client.get(url)
    assert response.status_code == 200
    assert "Wie Esel Emil heimkam" in response.content.decode()
    assert pictures_in(response) and all(src.startswith("/media/images/") for src in pictures_in(response))
    assert "X-Page-Cache" not in response  # built for this reader, kept nowhere
    assert "public" in response["Cache-Control"]  # a whole page, fit for the front cache


def test_an_outage_is_logged_once_not_for_every_call(client, illustrated_story, caplog):
    with redis_stopped(), caplog.at_level(logging.WARNING):
        for url in ("/", "/blog/esel/", "/blog/"):
            assert client.get(url).status_code == 200
    assert [(record.name, record.levelname) for record in caplog.records] == [("core.cache", "WARNING")]
    assert "Redis at 127.0.0.1:" in caplog.records[0].getMessage()


# Health checks


def test_healthz_still_reports_redis_away(client):
    with redis_stopped():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable: cache\n"


def test_readyz_keeps_the_app_server_in_the_load_balancer_while_redis_is_away(client):
    with redis_stopped():
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


# Editors


def test_an_editor_logs_in_and_works_while_redis_is_away(client, django_user_model, home_page):
    django_user_model.objects.create_superuser("redakteurin", "redaktion@example.org", "richtig-geheim")
    with redis_stopped():
        login = client.post("/admin/login/", {"username": "redakteurin", "password": "richtig-geheim"})
        assert login.status_code == 302
        assert client.get("/admin/").status_code == 200
        assert client.get(f"/admin/pages/{home_page.pk}/edit/").status_code == 200


# Redis back


def test_after_redis_is_back_pages_come_from_the_page_cache_again(
    client, illustrated_story, page_cache, redis
):
    assert served_from_the_page_cache(client, "/")

    redis.go_away()
    meanwhile = client.get("/")
    assert meanwhile.status_code == 200 and "X-Page-Cache" not in meanwhile
    redis.come_back()

    assert served_from_the_page_cache(client, "/")


def test_a_story_published_while_redis_is_away_is_on_every_page_once_it_is_back(
    client, illustrated_story, story_index, page_cache, redis
):
    for url in ("/", "/blog/"):
        assert served_from_the_page_cache(client, url)

    redis.go_away()
    StoryPageFactory(parent=story_index, title="Neu während der Pause", slug="neu")
    assert "Neu während der Pause" in client.get("/").content.decode()
    redis.come_back()

    for url in ("/", "/blog/"):
        assert "Neu während der Pause" in client.get(url).content.decode(), url
