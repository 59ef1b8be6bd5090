"""Playwright drives Debian's Chromium (/usr/bin/chromium); no browser is ever downloaded."""

import os
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

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in fixtures are still safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


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
