"""An editor starts a new story from the sidebar's "Geschichten" menu, and finds every story with its
status in "Alle Geschichten"; the listing and the dashboard pass axe-core's WCAG 2.2 AA rules."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Page, Workflow

from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryIndexPageFactory, StoryPageFactory
from blog.tests.scheduling import schedule
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EDITORS = "Redaktion"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def screenshot(page, name):
    """For looking at by hand (var/ is not in git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(500)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


@pytest.fixture
def story_index(live_server, migrated_db, django_user_model):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    editor = django_user_model.objects.create_user(
        "redakteurin", "redaktion@example.org", "geheim-und-lang", first_name="Rita", last_name="Redlich"
    )
    editor.groups.add(Group.objects.get(name=EDITORS))
    return StoryIndexPageFactory(parent=home)


@pytest.fixture
def stories(story_index, django_user_model):
    editor = django_user_model.objects.get(username="redakteurin")
    mara, jonas = AuthorFactory(name="Mara Beispiel"), AuthorFactory(name="Jonas Muster")
    service = StoryCategoryFactory(name="Kundenservice")

    def story(title, **kwargs):
        kwargs = {"authors": [mara], "categories": [service], **kwargs}
        return StoryPageFactory(parent=story_index, title=title, hero_image=None, **kwargs)

    story("Der verlorene Koffer", live=False, owner=editor)
    Workflow.objects.first().start(story("Ein Esel findet heim", live=False, owner=editor), editor)
    schedule(story("Die Nacht der Stromausfälle", live=False), minutes_ahead=180)
    story("Hilfe am Heiligabend", authors=[mara, jonas])
    changed = story("Der Rollstuhl im Regen")
    changed.save_revision(user=editor)
    story("Die Sommeraktion").unpublish(set_expired=True)


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "redakteurin")
    page.fill("#id_password", "geheim-und-lang")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_an_editor_starts_a_new_story_from_the_menu(page, story_index, live_server):
    log_in(page, live_server.url)
    page.get_by_role("button", name="Geschichten").click()
    page.get_by_role("list", name="Geschichten").get_by_role("link", name="Neue Geschichte").click()
    page.wait_for_url(f"**/admin/pages/add/blog/storypage/{story_index.pk}/")
    expect(page.locator("#id_title")).to_be_visible()
    assert page.requests.foreign(live_server.url) == []


def test_the_listing_and_the_dashboard_have_no_wcag_violations(page, stories, live_server):
    log_in(page, live_server.url)
    expect(page.locator("#my-stories-content").get_by_role("link", name="Neue Geschichte")).to_be_visible()
    screenshot(page, "dashboard-meine-geschichten")
    assert violations(page) == {}

    page.goto(live_server.url + "/admin/geschichten/")
    expect(page.locator("table .w-status", has_text="Live, mit Entwurf")).to_be_visible()
    screenshot(page, "alle-geschichten")
    assert violations(page) == {}

    page.get_by_role("button", name="Filter anzeigen").click()
    page.get_by_role("button", name="Status").click()
    page.get_by_role("checkbox", name="Entwurf", exact=True).check()
    page.get_by_role("checkbox", name="In Freigabe", exact=True).check()
    expect(page.locator("table .w-status", has_text="Live")).to_have_count(0)
    expect(page.get_by_role("link", name="Der verlorene Koffer")).to_be_visible()
    screenshot(page, "alle-geschichten-gefiltert")
    assert violations(page) == {}
