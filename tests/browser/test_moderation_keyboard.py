"""A moderator works through the "Zu prüfen" queue with the keyboard only; a reader sees the result."""

import os

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def story(live_server, migrated_db, django_user_model):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home),
        title="Wie Esel Emil heimkam",
        slug="esel",
        date=timezone.localdate(),
    )
    moderator = django_user_model.objects.create_user("mara", "mara@example.org", "geheim-und-lang")
    moderator.groups.add(Group.objects.get(name="Moderatoren"))
    return story


def keys_ready(page):
    """The page's keys are listening (ours and Wagtail's dialog), as they are long before a person types."""
    page.wait_for_selector("body[data-moderation-keys=ready]", state="attached")
    page.wait_for_selector("#keyboard-shortcuts-dialog #keyboard-shortut-group-moderation", state="attached")


def test_moderator_clears_the_queue_with_the_keyboard_and_the_reader_sees_it(
    page, browser, story, live_server
):
    for minutes, name in enumerate(["Erika", "Jan", "Lea", "Olaf", "Pia"]):
        StoryCommentFactory(
            story=story,
            user_name=name,
            comment=f"{name} freut sich über Emil.",
            status=CommentStatus.PENDING,
            submit_date=timezone.now() - timezone.timedelta(minutes=minutes),
        )
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", "geheim-und-lang")
    page.click("button[type=submit]")
    queue = live_server.url + "/admin/snippets/comments/storycomment/?status=pending&ordering=user_name"
    page.goto(queue)
    keys_ready(page)

    page.keyboard.press("j")
    expect(page.locator("tr.comment-row--current")).to_contain_text("Erika")
    page.keyboard.press("a")
    expect(page.get_by_text("Kommentar von Erika freigegeben.")).to_be_visible()
    keys_ready(page)
    assert page.url == queue

    expect(page.locator("tr.comment-row--current")).to_contain_text("Jan")
    page.keyboard.press("j")
    expect(page.locator("tr.comment-row--current")).to_contain_text("Lea")
    page.keyboard.press("a")
    expect(page.get_by_text("Kommentar von Lea freigegeben.")).to_be_visible()
    keys_ready(page)
    assert page.url == queue

    page.keyboard.press("k")
    expect(page.locator("tr.comment-row--current")).to_contain_text("Jan")
    page.keyboard.press("r")
    expect(page.get_by_role("heading", name="Entfernen")).to_be_visible()
    page.get_by_label("Grund").focus()
    page.keyboard.press("ArrowDown")  # typing in a field never fires a shortcut
    page.get_by_label("Erläuterung").fill("Beleidigt andere.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Kommentar von Jan entfernt.")).to_be_visible()
    keys_ready(page)
    assert page.url == queue

    expect(page.locator("tr.comment-row--current")).to_contain_text("Olaf")
    page.keyboard.press("s")
    expect(page.get_by_role("heading", name="Als Spam einstufen")).to_be_visible()
    page.get_by_label("Grund").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # the explanation, which spam does not need
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Kommentar von Olaf als Spam eingestuft.")).to_be_visible()
    keys_ready(page)
    assert page.url == queue

    page.keyboard.press("?")
    dialog = page.locator("#keyboard-shortcuts-dialog")
    expect(dialog.get_by_role("heading", name="Tastaturkürzel")).to_be_visible()
    expect(dialog.get_by_role("rowheader", name="Moderation")).to_be_visible()
    expect(dialog.get_by_role("row", name="Nächster Kommentar j")).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog.get_by_role("rowheader", name="Moderation")).to_be_hidden()
    page.evaluate(
        "document.getAnimations().forEach((animation) => animation.finish())"
    )  # the message fades in
    assert violations(page) == {}

    if os.environ.get("UPDATE_SCREENSHOTS"):
        page.screenshot(path="docs/screenshots/moderation/tastatur.png", full_page=False)

    expect(page.locator("tr.comment-row--current")).to_contain_text("Pia")
    page.keyboard.press("b")
    expect(page.get_by_role("heading", name="Sperre hinzufügen")).to_be_visible()
    assert StoryComment.objects.get(user_name="Pia").user_email in page.content()  # the form is prefilled

    assert set(
        StoryComment.objects.filter(status=CommentStatus.PUBLISHED).values_list("user_name", flat=True)
    ) == {"Erika", "Lea"}
    assert StoryComment.objects.get(user_name="Olaf").status == CommentStatus.SPAM
    reader = browser.new_context().new_page()
    reader.goto(live_server.url + story.url)
    comments = reader.locator("#kommentare").inner_text()
    assert "Erika freut sich über Emil." in comments and "Lea freut sich über Emil." in comments
    assert "Jan freut sich" not in comments
