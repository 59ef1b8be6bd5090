"""A reader fixes a typo in their own comment within the edit window, in the same browser, by keyboard: the
confirmed page leaves the comment's link in localStorage, the cached story page offers "Bearbeiten" on it,
and nobody else sees that link."""

import pytest
from django.core import mail
from wagtail.models import Site

from comments.models import CommentPolicy, ModerationMode, StoryComment
from tests.browser.test_accessibility import violations
from tests.browser.test_commenting import confirm_from_mail, screenshot, story, story_url, write_comment  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def published_at_once(story):  # noqa: F811 - the fixture imported above
    policy = CommentPolicy.for_site(Site.objects.get())
    policy.moderation_mode = ModerationMode.POST
    policy.save()


def test_a_reader_edits_their_comment_by_keyboard(page, browser, story_url, live_server, published_at_once):  # noqa: F811
    page.goto(story_url)
    write_comment(page, "Was für eine schöne Geschihcte!")
    confirm_from_mail(page, live_server.url)
    assert page.locator("h1").inner_text() == "Ihr Kommentar ist veröffentlicht"
    assert page.locator("text=Kommentar bearbeiten").is_visible()
    comment = StoryComment.objects.get()
    # The confirmed page's deferred script keeps the link in this browser; a reader faster than the
    # script finds the links in the mail only (on a busy machine the click came first).
    page.wait_for_function(f"(localStorage.getItem('comments.own') || '').includes('{comment.pk}')")

    page.click("text=Ihren Kommentar unter der Geschichte ansehen")
    own = page.locator(f"#kommentar-{comment.pk} footer")
    edit_link = own.get_by_role("link", name="Bearbeiten")
    edit_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kommentare/bearbeiten/**")
    assert page.locator("h1").inner_text() == "Kommentar bearbeiten"
    page.wait_for_function("document.getAnimations().every(a => a.finish() || true)")
    assert violations(page) == {}
    screenshot(page, "comment-edit")

    page.locator("#id_comment").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Was für eine schöne Geschichte!")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Ihre Änderung ist online.")
    assert mail.outbox  # the confirmation; the edit itself sends none

    page.goto(story_url + "?nach=bearbeiten")  # the browser may keep the story a minute
    shown = page.locator(f"#kommentar-{comment.pk}")
    assert "Was für eine schöne Geschichte!" in shown.inner_text()
    assert "Geschihcte" not in shown.inner_text()
    assert shown.locator(".comment__edited").inner_text().startswith("bearbeitet")
    assert shown.get_by_role("link", name="Zurückziehen").is_visible()
    # No "Hilfreich" for one's own comment in this browser.
    assert shown.get_by_role("button", name="Hilfreich").count() == 0
    shown.scroll_into_view_if_needed()
    screenshot(page, "comment-edited")

    other = browser.new_context(locale="de-DE")
    try:
        stranger = other.new_page()
        stranger.goto(story_url + "?fremd=1")
        footer = stranger.locator(f"#kommentar-{comment.pk} footer")
        assert footer.get_by_role("link", name="Melden").is_visible()
        assert footer.get_by_role("button", name="Hilfreich").is_visible()
        assert footer.get_by_role("link", name="Bearbeiten").count() == 0
        assert footer.get_by_role("link", name="Zurückziehen").count() == 0
    finally:
        other.close()
    assert page.requests.foreign(live_server.url) == []
