"""What `make run` shows (config/settings/dev.py, DEBUG on): the site as readers get it in production,
at the address it is served on."""

import importlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Site

from blog.tests.factories import StoryPageFactory

ROOT = Path(__file__).resolve().parent.parent

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


def test_canonical_links_feeds_and_sitemap_name_the_address_make_run_serves_on(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="esel")
    call_command("set_site_address", "127.0.0.1", "8000", stdout=None)
    served = {"HTTP_HOST": "127.0.0.1:8000"}

    page = BeautifulSoup(client.get(story.url, **served).content, "html.parser")
    feed = client.get("/blog/feed/", **served).content.decode()
    sitemap = client.get("/sitemap.xml", **served).content.decode()

    assert page.find("link", rel="canonical")["href"] == "http://127.0.0.1:8000/blog/esel/"
    assert page.find("meta", property="og:url")["content"] == "http://127.0.0.1:8000/blog/esel/"
    assert "<link>http://127.0.0.1:8000/blog/esel/</link>" in feed
    assert "<loc>http://127.0.0.1:8000/blog/esel/</loc>" in sitemap
    assert "localhost" not in feed + sitemap


def test_make_run_gives_the_site_its_address_before_serving():
    make = shutil.which("make")
    dry_run = subprocess.run(
        [make, "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    ).stdout

    assert re.search(r"set_site_address 127\.0\.0\.1 8123.*\n(.*\n)*.*runserver 127\.0\.0\.1:8123", dry_run)


def test_the_address_behind_a_tls_proxy_is_https(home_page):
    call_command("set_site_address", "geschichten.example.org", "443", stdout=None)

    assert Site.objects.get(is_default_site=True).root_url == "https://geschichten.example.org"


def test_a_port_that_is_none_is_refused(home_page):
    with pytest.raises(CommandError, match="80000 is not a port"):
        call_command("set_site_address", "127.0.0.1", "80000")
