"""An editor of the Redaktion writes a story in the Wagtail admin and submits it; the Chefredaktion
approves it with a go-live a few seconds ahead; the schedule publishes it and a reader sees it. The
screenshots illustrate the editor's guide (docs/redaktion.md)."""

import datetime
import os
import re
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.models import StoryPage
from blog.tests.editor import CHIEF_EDITORS, EDITORS
from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory, StoryIndexPageFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# `UPDATE_SCREENSHOTS=1` (make screenshots) refreshes the pictures of the editor's guide.
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "redaktion"
PASSWORD = "lang-und-geheim-42"
TITLE = "Ein Esel findet heim"


@pytest.fixture
def newsroom(live_server, migrated_db, django_user_model):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    StoryIndexPageFactory(parent=home)
    AuthorFactory(name="Mara Beispiel", slug="mara-beispiel")
    StoryCategoryFactory(name="Kundenservice", slug="kundenservice")
    ImageFactory(title="Esel Emil im Regal", description="Ein grauer Plüschesel auf einem Regal")
    for username, first_name, group in [("mara", "Mara", EDITORS), ("jonas", "Jonas", CHIEF_EDITORS)]:
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=first_name, last_name="Beispiel"
        )
        user.groups.add(Group.objects.get(name=group))
    return live_server.url


@pytest.fixture
def guide_shots(tmp_path):
    directory = GUIDE if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path

    def take(page, name):
        directory.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=directory / name)

    return take


def log_in(page, site, username):
    page.goto(site + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def open_action_menu(page):
    # An editor reaches for the menu seconds after the last change, when autosave has kept it.
    page.wait_for_timeout(1500)
    expect(page.get_by_text("Speichern…", exact=True)).to_be_hidden()
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.wait_for_timeout(400)  # the menu slides open


def write_the_story_without_author_and_category(page):
    # Wagtail notes the form's first state 2 s after loading; what is typed before counts as unchanged.
    page.wait_for_timeout(2500)
    page.locator("#id_title").press_sequentially(TITLE, delay=20)
    # Autosave creates the story and hands the form over to its edit view; what is typed in that moment
    # can be lost (Wagtail 8), so the editor goes on once the story is saved.
    deadline = time.monotonic() + 20
    while not StoryPage.objects.filter(title=TITLE).exists():
        assert time.monotonic() < deadline, "autosave did not save the new story"
        time.sleep(0.2)
    expect(page.get_by_text("Gespeichert", exact=True)).to_be_visible()
    page.get_by_role("textbox", name="Anreißer").fill("Wie unser Team einen verlorenen Plüschesel ersetzte.")
    page.get_by_role("button", name="Bild auswählen").click()
    page.get_by_role("link", name="Esel Emil im Regal").click()
    page.get_by_role("button", name="Einen Block einfügen").first.click()
    page.get_by_role("option", name="Absatz").click()
    page.locator("[data-contentpath=body] [contenteditable=true]").press_sequentially(
        "Am Sonntag schrieb uns eine Familie: Emil, der Plüschesel ihres Sohnes, war auf der Rückfahrt "
        "aus dem Urlaub verloren gegangen."
    )
    # Draftail hands its text to the form a moment after the last keystroke.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("Am Sonntag"))


def add_author_and_category(page):
    page.get_by_role("button", name="Autorin / Autor hinzufügen").click()
    page.get_by_role("checkbox", name="Mara Beispiel").check()
    page.get_by_role("button", name="Auswahl bestätigen").click()
    page.get_by_role("checkbox", name="Kundenservice").check()


def next_minute_at_least_15_seconds_ahead():
    """The editor's date picker sets whole minutes."""
    soon = timezone.now() + datetime.timedelta(seconds=15)
    return soon.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)


def set_go_live(page, moment):
    page.locator("button[data-side-panel-toggle=status]").click()
    page.get_by_role("button", name="Zeitplan festlegen").click()
    page.locator("#id_go_live_at").fill(timezone.localtime(moment).strftime("%Y-%m-%d %H:%M"))


def test_an_editor_writes_the_chefredaktion_approves_with_a_go_live_and_a_reader_sees_it(
    page, browser, newsroom, guide_shots
):
    # The Redaktion: "Neue Geschichte" on the dashboard, one click to the form.
    log_in(page, newsroom, "mara")
    guide_shots(page, "1-dashboard.png")
    page.get_by_role("link", name="Neue Geschichte").first.click()
    page.wait_for_url("**/admin/pages/add/blog/storypage/**")
    write_the_story_without_author_and_category(page)

    # Submitting an incomplete story names what is missing, at its panel.
    open_action_menu(page)
    page.get_by_role("button", name="Zur Freigabe einreichen").click()
    expect(page.get_by_text("Für die Veröffentlichung fehlt noch")).to_be_visible()
    expect(page.get_by_text("Bitte mindestens eine Autorin oder einen Autor hinzufügen.")).to_be_visible()
    guide_shots(page, "3-hausregeln.png")
    assert not StoryPage.objects.filter(title=TITLE, live=True).exists()

    add_author_and_category(page)
    page.locator("#id_title").scroll_into_view_if_needed()
    guide_shots(page, "2-schreiben.png")
    page.locator("button[data-side-panel-toggle=preview]").click()
    expect(page.locator("iframe#w-preview-iframe")).to_be_visible()
    page.wait_for_timeout(1500)
    guide_shots(page, "4-vorschau.png")
    page.locator("button[data-side-panel-toggle=preview]").click()

    open_action_menu(page)
    guide_shots(page, "5-einreichen.png")
    page.get_by_role("button", name="Zur Freigabe einreichen").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    story = StoryPage.objects.get(title=TITLE)
    assert story.workflow_in_progress and not story.live
    [notice] = [message for message in mail.outbox if message.to == ["jonas@example.org"]]
    assert TITLE in notice.subject

    # The Chefredaktion: the story waits on the dashboard; a go-live a few seconds ahead, then approve.
    chief = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE").new_page()
    chief.set_default_timeout(60_000)
    log_in(chief, newsroom, "jonas")
    chief.get_by_role("link", name=TITLE).first.click()
    chief.wait_for_url(f"**/admin/pages/{story.pk}/edit/**")
    go_live = next_minute_at_least_15_seconds_ahead()
    set_go_live(chief, go_live)
    guide_shots(chief, "7-zeitplan.png")
    # By keyboard: the open date picker covers the button for the mouse.
    chief.get_by_role("button", name="Zeitplan speichern").press("Enter")
    expect(chief.locator(".messages")).to_contain_text(TITLE)
    open_action_menu(chief)
    guide_shots(chief, "6-freigeben.png")
    chief.get_by_role("button", name="Freigeben und einplanen").click()
    expect(chief.locator(".messages")).to_contain_text(TITLE)

    story.refresh_from_db()
    assert not story.live
    assert story.get_latest_revision().approved_go_live_at is not None
    [decision] = [message for message in mail.outbox if message.to == ["mara@example.org"]]
    assert "Freigegeben" in decision.subject

    chief.goto(newsroom + "/admin/geschichten/")
    scheduled_for = timezone.localtime(go_live).strftime("%d.%m.%Y %H:%M")
    expect(chief.locator(".w-status", has_text="Geplant ab")).to_have_text(f"Geplant ab {scheduled_for}")
    guide_shots(chief, "8-alle-geschichten.png")

    # The reader: nothing before the go-live time; the story once the schedule has run after it.
    reader = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE").new_page()
    reader.goto(newsroom + "/blog/")
    expect(reader.locator("main")).not_to_contain_text(TITLE)
    call_command("publish_scheduled")
    assert not StoryPage.objects.get(pk=story.pk).live
    time.sleep(max(0, (go_live - timezone.now()).total_seconds()) + 1)
    call_command("publish_scheduled")
    assert StoryPage.objects.get(pk=story.pk).live
    # The browser keeps the listing a minute (max-age=60); a reload asks the site, which has it at once.
    reader.reload()
    reader.get_by_role("link", name=TITLE).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    guide_shots(reader, "9-leserin.png")
    assert page.requests.foreign(newsroom) == []
