"""A reader on a phone (375 px) searches from the header, with and without JavaScript, and reads a story in
English."""

import datetime
import os
from pathlib import Path

import pytest
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 375, "height": 740}
# `UPDATE_SCREENSHOTS=1` keeps the pictures in var/screenshots (git-ignored) to look at.
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def site(live_server, migrated_db):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    index = StoryIndexPageFactory(parent=home)
    StoryPageFactory(
        parent=index,
        title="Wie Esel Emil wieder nach Hause kam",
        slug="pluesch-esel",
        teaser="Der dreijährige Paul hatte seinen Plüschesel Emil an einer Raststätte verloren.",
        date=datetime.date(2026, 11, 18),
    )
    return live_server.url


@pytest.fixture
def phone(browser, request):
    """A phone-sized window; `@pytest.mark.parametrize("phone", [False], indirect=True)` turns JavaScript off."""
    javascript = getattr(request, "param", True)
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=javascript)
    context.set_default_timeout(60_000)
    yield context.new_page()
    context.close()


def screenshot(page, name, tmp_path):
    directory = SCREENSHOT_DIR if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    directory.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=directory / name, full_page=False)


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_search_icon_opens_the_search_field_in_the_header_and_focuses_it(phone, site, tmp_path):
    phone.goto(site + "/")
    field = phone.locator("#kopf-suche")
    assert not field.is_visible()

    icon = phone.locator(".header-search-link")
    icon.click()
    assert field.is_visible()
    assert focused_id(phone) == "kopf-suche"
    assert icon.get_attribute("aria-expanded") == "true"
    screenshot(phone, "mobile-search.png", tmp_path)

    phone.keyboard.type("Esel")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/suche/?q=Esel")
    assert "Wie Esel Emil wieder nach Hause kam" in phone.locator(".search-results").inner_text()


def test_escape_closes_the_search_field_and_returns_to_the_icon(phone, site):
    phone.goto(site + "/")
    icon = phone.locator(".header-search-link")
    icon.click()
    phone.keyboard.press("Escape")
    assert not phone.locator("#kopf-suche").is_visible()
    assert icon.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.classList.contains('header-search-link')")


@pytest.mark.parametrize("phone", [False], indirect=True)
def test_without_javascript_the_search_icon_leads_to_a_focused_search_field(phone, site, tmp_path):
    phone.goto(site + "/")
    phone.locator(".header-search-link").click()
    phone.wait_for_url("**/suche/")
    assert focused_id(phone) == "suchbegriff"
    screenshot(phone, "mobile-search-without-javascript.png", tmp_path)

    phone.keyboard.type("Plüsch")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/suche/?q=*")
    assert "Wie Esel Emil wieder nach Hause kam" in phone.locator(".search-results").inner_text()


def test_english_reader_gets_the_story_in_english_with_its_german_text_marked(browser, site, tmp_path):
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    context.add_cookies([{"name": "django_language", "value": "en", "url": site}])
    page = context.new_page()
    page.goto(site + "/blog/pluesch-esel/")
    assert page.locator("html").get_attribute("lang") == "en"
    steps = [step.inner_text() for step in page.locator(".breadcrumbs li").all()]
    assert steps == ["Home", "All stories", "Wie Esel Emil wieder nach Hause kam"]
    assert page.locator("h1").get_attribute("lang") == "de"
    screenshot(page, "english-story.png", tmp_path)
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "english-story-wide.png", tmp_path)
    context.close()
