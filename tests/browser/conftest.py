"""Playwright drives Debian's Chromium (/usr/bin/chromium); no browser is ever downloaded."""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in fixtures are still safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def migration_data(django_db_setup, django_db_blocker):
    """What the data migrations created (root page, collections, groups), taken while no test has
    changed the database yet: browser tests run in transactions that end with a flush."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def migrated_db(migration_data, transactional_db):
    """A database with the migration data, also after an earlier browser test flushed it.

    Needs `django_db(transaction=True, serialized_rollback=True)`: with the snapshot on the connection,
    the flush after the test leaves the tables empty instead of recreating content types, and the
    next test restores the snapshot, here if Django has not done it already.
    """
    from django.db import connection
    from wagtail.models import Page

    connection._test_serialized_contents = migration_data
    if not Page.objects.exists():
        connection.creation.deserialize_db_from_string(migration_data)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make chromium` (Debian package 'chromium').")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every request the page makes, so tests can prove nothing leaves the local server."""

    def __init__(self):
        self.urls = []

    def record(self, request):
        self.urls.append(request.url)

    def foreign(self, live_server_url):
        own_host = urlparse(live_server_url).hostname
        return [
            url
            for url in self.urls
            if urlparse(url).scheme in ("http", "https", "ws", "wss") and urlparse(url).hostname != own_host
        ]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.requests = RequestLog()
    page.on("request", page.requests.record)
    yield page
    context.close()


def serve_site_from(home):
    """Make `home` the root of the default site. Wagtail caches site roots as soon as a page is
    published (the front-cache purge asks for page URLs), so the cache is cleared here as well."""
    from wagtail.models import Site

    Site.objects.update(root_page=home, hostname="localhost", port=80, is_default_site=True)
    Site.clear_site_root_paths_cache()


@pytest.fixture
def shots(request, tmp_path):
    """Where a test keeps its screenshots: with `UPDATE_SCREENSHOTS=1` the guides' folder
    docs/screenshots/<the module's SCREENSHOT_FOLDER>, else a folder of its own that nobody keeps."""
    directory = DOCS_SCREENSHOTS / request.module.SCREENSHOT_FOLDER
    if not os.environ.get("UPDATE_SCREENSHOTS"):
        directory = tmp_path
    directory.mkdir(parents=True, exist_ok=True)
    return directory
