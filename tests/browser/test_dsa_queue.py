"""A moderator opens "Meldungen (DSA)", decides a notice with the keyboard alone, and both pages pass axe's
WCAG 2.2 A/AA rules. `UPDATE_SCREENSHOTS=1` keeps the two pages in docs/screenshots/moderation."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.dsa.models import ContentNotice, DecisionGround, ModerationDecision, NoticeKind, Objection
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_FOLDER = "moderation"  # see the `shots` fixture
PASSWORD = "geheim-und-lang"


@pytest.fixture
def open_cases(live_server, migrated_db, django_user_model):
    """A notice about an insult in a reply, and a commenter's objection to a colleague's removal."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    index = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(
        parent=index, title="Wie Esel Emil heimkam", slug="esel", date=timezone.localdate()
    )
    other = StoryPageFactory(
        parent=index, title="Der verlorene Koffer", slug="koffer", date=timezone.localdate()
    )
    users = {}
    for username, first_name in [("mara", "Mara"), ("jonas", "Jonas")]:
        users[username] = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=first_name, last_name="Beispiel"
        )
        users[username].groups.add(Group.objects.get(name="Moderatoren"))
    question = StoryCommentFactory(story=story, user_name="Bert", comment="Wo war Emil die ganze Zeit?")
    insult = StoryCommentFactory(
        story=story,
        parent=question,
        user_name="Paul",
        comment="Frag doch den Autor, diesen Vollidioten. Der weiß doch gar nichts.",
    )
    StoryCommentFactory(story=story, parent=insult, user_name="Ida", comment="Bitte bleib freundlich.")
    ContentNotice.objects.create(
        comment=insult,
        kind=NoticeKind.INSULT,
        explanation="Der Autor wird als „Vollidiot“ bezeichnet.",
        notifier_name="Nora Nennt",
        notifier_email="nora@example.org",
        good_faith=True,
        evidence_text=insult.comment,
        created_at=timezone.now() - datetime.timedelta(days=3),
    )
    shop = StoryCommentFactory(
        story=other, user_name="Sam", comment="Koffer gibt es günstig bei koffer-shop.example!"
    )
    removal = shop.moderate(
        "remove",
        users["jonas"],
        ground=DecisionGround.objects.get(title="Werbung oder Spam"),
        explanation="Der Kommentar wirbt für einen Shop.",
    )
    Objection.objects.create(
        decision=removal, party="commenter", text="Das war ein ehrlicher Tipp, ich verdiene daran nichts."
    )
    return insult


def shoot(page, path):
    """The whole page: the admin scrolls inside its own layout, so the window grows to the content first."""
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('body, main, .content-wrapper')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 1280, "height": max(900, height)})
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1280, "height": 900})


def log_in(page, site):
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def tab_to(page, locator, limit=80):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} is not reachable with Tab")


def test_moderator_decides_a_notice_with_the_keyboard(page, live_server, open_cases, shots):
    insult = open_cases
    log_in(page, live_server.url)
    page.get_by_role("link", name="Meldungen (DSA) (2)").click()
    page.wait_for_url("**/admin/kommentare/meldungen/")

    expect(page.locator(".dsa-case")).to_have_count(2)
    assert violations(page) == {}
    shoot(page, shots / "warteschlange.png")

    tab_to(page, page.get_by_role("link", name="Entscheiden"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/kommentare/{insult.pk}/entscheiden/")
    assert violations(page) == {}
    shoot(page, shots / "entscheidung.png")

    tab_to(page, page.get_by_role("radio", name="Belassen"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Entfernen")).to_be_checked()
    grounds = page.get_by_role("combobox", name="Grund")
    tab_to(page, grounds)
    titles = grounds.locator("option").all_inner_texts()
    for _ in range(titles.index("Beleidigung, Drohung oder Diskriminierung")):
        page.keyboard.press("ArrowDown")
    tab_to(page, page.get_by_role("textbox", name="Erläuterung"))
    page.keyboard.type("Nennt den Autor „Vollidioten“.")
    tab_to(page, page.get_by_role("button", name="Entscheidung speichern"))
    page.keyboard.press("Enter")

    page.wait_for_url("**/admin/kommentare/meldungen/")
    expect(page.get_by_text("Entscheidung gespeichert: Entfernt.")).to_be_visible()
    expect(page.locator(".dsa-case")).to_have_count(1)
    decision = ModerationDecision.objects.get(comment=insult)
    assert (decision.outcome, decision.ground.title, decision.explanation, decision.decided_by.username) == (
        "remove",
        "Beleidigung, Drohung oder Diskriminierung",
        "Nennt den Autor „Vollidioten“.",
        "mara",
    )
    assert StoryComment.objects.get(pk=insult.pk).status == CommentStatus.REMOVED
    assert page.requests.foreign(live_server.url) == []
