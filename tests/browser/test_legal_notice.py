"""A reader reports a comment as illegal from under the comment, with the keyboard alone, in Chromium."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.dsa.models import ContentNotice
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import WCAG_22_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# `UPDATE_SCREENSHOTS=1` (make screenshots) refreshes the picture in the moderators' guide.
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "moderation"


@pytest.fixture
def comment(live_server, migrated_db):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home),
        title="Wie Esel Emil heimkam",
        slug="esel",
        date=timezone.localdate(),
    )
    return StoryCommentFactory(
        story=story, user_name="Kai", comment="Der Kollege Meier aus der Filiale ist ein Betrüger und Dieb."
    )


@pytest.fixture
def guide_shot(tmp_path):
    directory = GUIDE if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path

    def take(page, name):
        directory.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=directory / name, full_page=True)

    return take


def tab_to(page, selector, presses=60):
    """Presses Tab until the element `selector` has the focus, as a keyboard user moves through a page."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_a_reader_reports_an_illegal_comment_with_the_keyboard(page, live_server, comment, guide_shot):
    page.goto(f"{live_server.url}/blog/esel/")
    page.locator(f"#kommentar-{comment.pk}").get_by_role("link", name="Melden").click()
    page.get_by_role("link", name="Rechtswidrigen Inhalt melden").click()

    expect(page.locator("h1")).to_have_text("Rechtswidrige Inhalte melden")
    expect(page.locator("figure")).to_contain_text("ist ein Betrüger und Dieb")
    assert Axe().run(page, options=WCAG_22_AA).response["violations"] == []

    tab_to(page, "input[name=kind]")
    page.keyboard.press("Space")  # the first kind: insult
    page.keyboard.press("Tab")
    page.keyboard.type("„Betrüger und Dieb“ über Herrn Meier ist Verleumdung (§ 187 StGB).")
    page.keyboard.press("Tab")
    page.keyboard.type("Paula Prüfer")
    page.keyboard.press("Tab")
    page.keyboard.type("paula@example.org")
    guide_shot(page, "meldung.png")
    tab_to(page, "button[type=submit]")  # past the good-faith box, forgotten
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("Fehler: Rechtswidrige Inhalte melden")
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#id_good_faith")).to_be_focused()
    assert page.input_value("#id_explanation").startswith("„Betrüger und Dieb“")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Ihre Meldung ist eingegangen")
    notice = ContentNotice.objects.get()
    expect(page.locator(".lead")).to_contain_text(notice.reference)
    assert (notice.comment_id, notice.kind, notice.good_faith) == (comment.pk, "insult", True)
    assert page.context.cookies() == []


def test_a_readers_notice_reaches_a_moderator_who_removes_the_comment(
    page, browser, live_server, comment, django_user_model
):
    """From the reader's notice to the moderator's decision, and back to what readers then see."""
    moderator = django_user_model.objects.create_user("mara", "mara@example.org", "geheim-und-lang")
    moderator.groups.add(Group.objects.get(name="Moderatoren"))

    page.goto(f"{live_server.url}/blog/esel/")
    page.locator(f"#kommentar-{comment.pk}").get_by_role("link", name="Melden").click()
    page.get_by_role("link", name="Rechtswidrigen Inhalt melden").click()
    page.get_by_label("Beleidigung, üble Nachrede oder Verleumdung").check()
    page.get_by_label("Warum ist der Kommentar rechtswidrig?").fill(
        "Herr Meier wird ohne Beleg Dieb genannt."
    )
    page.get_by_label("Ihr Name").fill("Paula Prüfer")
    page.get_by_label("Ihre E-Mail-Adresse").fill("paula@example.org")
    page.locator("#id_good_faith").check()
    page.get_by_role("button", name="Meldung senden").click()
    expect(page.locator("h1")).to_have_text("Ihre Meldung ist eingegangen")
    reference = ContentNotice.objects.get().reference

    admin = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE").new_page()
    admin.goto(f"{live_server.url}/admin/login/")
    admin.fill("#id_username", "mara")
    admin.fill("#id_password", "geheim-und-lang")
    admin.click("button[type=submit]")
    admin.get_by_role("link", name="Meldungen (DSA) (1)").click()
    case = admin.locator(".dsa-case")
    expect(case).to_contain_text(reference)
    expect(case).to_contain_text("Herr Meier wird ohne Beleg Dieb genannt.")
    case.get_by_role("link", name="Entscheiden").click()
    admin.get_by_label("Entfernen").check()
    admin.get_by_label("Grund").select_option(
        label="Beleidigung, üble Nachrede oder Verleumdung (§§ 185 bis 187 StGB)"
    )
    admin.get_by_label("Erläuterung").fill("Eine ehrverletzende Behauptung ohne Beleg.")
    admin.get_by_role("button", name="Entscheidung speichern").click()
    expect(admin.get_by_text("Entscheidung gespeichert: Entfernt.")).to_be_visible()
    expect(admin.get_by_text("Keine offenen Meldungen.")).to_be_visible()
    admin.context.close()

    page.goto(f"{live_server.url}/blog/esel/")
    page.reload()  # the browser may keep the story a minute (`SharedCacheMiddleware`); a reload asks again
    expect(page.locator(f"#kommentar-{comment.pk}")).to_have_count(0)
    expect(page.get_by_text("ist ein Betrüger und Dieb")).to_have_count(0)
    assert page.context.cookies() == []
