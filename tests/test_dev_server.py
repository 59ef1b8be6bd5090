"""What `make run` shows (config/settings/dev.py, DEBUG on): the site as readers get it in production."""

import importlib

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NOT_FOUND = ["/gibt-es-nicht/", "/blog/autor/niemand/", "/blog/archiv/1800/", "/gibt-es-nicht.html"]


def development_middleware(monkeypatch, debug_404=None):
    """The middleware of config/settings/dev.py as `make run` loads it, with or without `DEBUG_404`."""
    if debug_404 is None:
        monkeypatch.delenv("DEBUG_404", raising=False)
    else:
        monkeypatch.setenv("DEBUG_404", debug_404)
    dev = importlib.reload(importlib.import_module("config.settings.dev"))
    return dev.MIDDLEWARE


@pytest.fixture
def development(settings):
    settings.DEBUG = True
    return settings


@pytest.mark.parametrize("url", NOT_FOUND)
def test_the_development_server_answers_an_unknown_address_with_the_site_s_404(
    client, story_index, development, monkeypatch, url
):
    development.MIDDLEWARE = development_middleware(monkeypatch)

    response = client.get(url)

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_only_a_developer_who_asks_gets_django_s_technical_404(client, story_index, development, monkeypatch):
    development.MIDDLEWARE = development_middleware(monkeypatch)
    readers_page = client.get("/gibt-es-nicht/").content.decode()
    development.MIDDLEWARE = development_middleware(monkeypatch, debug_404="1")

    developers_page = Client().get("/gibt-es-nicht/").content.decode()

    assert "Seite nicht gefunden" in readers_page and "DEBUG = True" not in readers_page
    assert "DEBUG = True" in developers_page
