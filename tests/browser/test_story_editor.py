"""An editor starts a story, gives up after autosave has saved it, and starts again with the same title:
no warning while typing, the first save says the story was created, publishing names what is missing,
and the completed story goes live at the address the abandoned draft had."""

import os
import time

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from blog.models import StoryPage
from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory, StoryIndexPageFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture
def story_index(live_server, migrated_db, django_user_model):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    django_user_model.objects.create_superuser("chefin", "chefin@example.org", "geheim-und-lang")
    AuthorFactory(name="Mara Beispiel")
    StoryCategoryFactory(name="Kundenservice")
    ImageFactory(title="Esel Emil", description="Ein grauer Plüschesel auf einem Regal")
    return StoryIndexPageFactory(parent=home)


def log_in(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "chefin")
    page.fill("#id_password", "geheim-und-lang")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def autosaved_stories(count, timeout=20):
    """Wait until autosave has saved `count` stories."""
    deadline = time.monotonic() + timeout
    while StoryPage.objects.count() < count:
        assert time.monotonic() < deadline, f"autosave saved {StoryPage.objects.count()} of {count} stories"
        time.sleep(0.2)


def start_a_story(page, url, title):
    page.goto(url)
    # Wagtail notes the form's first state 2 s after loading; what is typed before counts as unchanged.
    page.wait_for_timeout(2500)
    page.locator("#id_title").press_sequentially(title, delay=30)


def test_a_second_try_with_the_same_title_is_not_blocked_by_the_abandoned_draft(
    page, story_index, live_server
):
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, live_server)
    add_url = live_server.url + f"/admin/pages/add/blog/storypage/{story_index.pk}/"

    start_a_story(page, add_url, "Ein Esel findet heim")
    autosaved_stories(1)
    start_a_story(page, add_url, "Ein Esel findet heim")  # the first try is abandoned
    autosaved_stories(2)
    page.wait_for_timeout(1500)  # autosave keeps going while the editor pauses

    expect(page.get_by_text("Automatisches Speichern ist pausiert")).to_be_hidden()
    expect(page.locator(".error-message:visible, .messages .error:visible")).to_have_count(0)

    page.get_by_role("button", name="Entwurf speichern").click()
    expect(page.get_by_text("Seite ‚Ein Esel findet heim‘ erstellt.")).to_be_visible()

    publish(page)
    expect(page.get_by_text("Für die Veröffentlichung fehlt noch")).to_contain_text(
        "ein Anreißer, ein Titelbild, eine Autorin oder ein Autor und eine Kategorie."
    )
    expect(page.get_by_text("Bitte mindestens eine Autorin oder einen Autor hinzufügen.")).to_be_visible()
    screenshot(page, "story-editor-house-rules.png")

    complete_the_story(page)
    publish(page)
    expect(page.get_by_text("Seite ‚Ein Esel findet heim‘ wurde veröffentlicht.")).to_be_visible()

    live = StoryPage.objects.live().get()
    assert live.slug == "ein-esel-findet-heim"
    assert StoryPage.objects.filter(slug="ein-esel-findet-heim").count() == 2
    reader = page.context.new_page()
    reader.goto(live_server.url + "/blog/ein-esel-findet-heim/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Ein Esel findet heim")
    reader.close()


def screenshot(page, name):
    """The whole editor, for a person to look at (`SCREENSHOT_DIR=... pytest ...`); the admin scrolls
    inside the window, so the window is made tall enough for the form."""
    if SCREENSHOTS:
        page.set_viewport_size({"width": 1280, "height": 3200})
        page.screenshot(path=os.path.join(SCREENSHOTS, name))
        page.set_viewport_size({"width": 1280, "height": 900})


def publish(page):
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()


def complete_the_story(page):
    page.get_by_role("textbox", name="Anreißer").fill("Wie unser Team einen verlorenen Plüschesel ersetzte.")
    page.get_by_role("button", name="Einen Block einfügen").first.click()
    page.get_by_role("option", name="Absatz").click()
    page.locator("[data-contentpath=body] [contenteditable=true]").press_sequentially(
        "Am Sonntag schrieb uns …"
    )
    page.get_by_role("button", name="Bild auswählen").click()
    page.get_by_role("link", name="Esel Emil").click()
    page.get_by_role("button", name="Autorin / Autor hinzufügen").click()
    page.get_by_role("checkbox", name="Mara Beispiel").check()
    page.get_by_role("button", name="Auswahl bestätigen").click()
    page.get_by_role("checkbox", name="Kundenservice").check()
