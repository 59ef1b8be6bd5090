"""A reader marks an answer "Hilfreich" by keyboard: the count goes up without a reload, the button shows
pressed, a screen reader hears it, and a reload still shows it pressed. Without JavaScript the small form
posts and the page says so under the comment. The sort links reorder the discussion. The story page with
the buttons passes axe's WCAG 2.2 A/AA rules. `UPDATE_SCREENSHOTS=1` keeps the view in
docs/screenshots/comments/hilfreich.png."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.models import StoryComment
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_FOLDER = "comments"  # see the `shots` fixture


@pytest.fixture
def discussion(live_server, migrated_db):
    """A question, an answer with two votes below it, and a later comment with one."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    index = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(
        parent=index, title="Wie Esel Emil heimkam", slug="esel", date=timezone.localdate()
    )
    now = timezone.now()
    question = StoryCommentFactory(
        story=story,
        user_name="Bert",
        comment="Kann man Emil im Tierpark besuchen?",
        submit_date=now - datetime.timedelta(hours=3),
    )
    answer = StoryCommentFactory(
        story=story,
        parent=question,
        user_name="Ida",
        comment="Ja, sonntags ab zehn Uhr.",
        submit_date=now - datetime.timedelta(hours=2),
        helpful_count=2,
    )
    StoryCommentFactory(
        story=story,
        user_name="Paul",
        comment="Eine wunderbare Geschichte, danke!",
        submit_date=now - datetime.timedelta(hours=1),
        helpful_count=1,
    )
    return {"url": f"{live_server.url}/blog/esel/", "answer": answer}


def test_a_reader_marks_an_answer_helpful_by_keyboard(page, discussion, shots):
    answer = discussion["answer"]
    page.goto(discussion["url"])
    button = page.locator(f"#kommentar-{answer.pk} form.comment__helpful button")
    expect(button).to_have_text("Hilfreich (2)")
    expect(button).to_have_attribute("aria-pressed", "false")

    button.focus()
    page.keyboard.press("Enter")

    expect(button).to_have_text("Hilfreich (3)")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#hilfreich-hinweis")).to_have_text(
        "Danke! Sie haben diesen Kommentar als hilfreich markiert."
    )
    assert page.url == discussion["url"]  # no reload
    assert StoryComment.objects.get(pk=answer.pk).helpful_count == 3
    assert page.context.cookies() == []

    page.keyboard.press("Enter")  # once more: counted once
    expect(page.locator("#hilfreich-hinweis")).to_have_text(
        "Sie haben diesen Kommentar schon als hilfreich markiert."
    )
    expect(button).to_have_text("Hilfreich (3)")

    page.goto(discussion["url"] + "?neu=1")  # the browser keeps the story a minute: a fresh address
    expect(button).to_have_attribute("aria-pressed", "true")

    page.evaluate("document.getAnimations().forEach(a => a.finish())")
    assert violations(page) == {}
    page.locator("#kommentare").screenshot(path=shots / "hilfreich.png")


def test_without_javascript_the_form_posts_and_the_notice_shows(browser, discussion):
    answer = discussion["answer"]
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(discussion["url"])

    page.locator(f"#kommentar-{answer.pk} form.comment__helpful button").click()

    page.wait_for_url(f"**/blog/esel/?kommentar=hilfreich&bei={answer.pk}#kommentar-hinweis")
    notice = page.locator(f"#kommentar-{answer.pk} #kommentar-hinweis")
    expect(notice).to_have_text("Danke! Sie haben diesen Kommentar als hilfreich markiert.")
    expect(page.locator(f"#kommentar-{answer.pk} form.comment__helpful button")).to_have_text("Hilfreich (3)")
    assert context.cookies() == []
    context.close()


def test_the_sort_links_reorder_the_discussion(page, discussion):
    page.goto(discussion["url"])
    names = page.locator(".comment-list > li header > b")
    expect(names).to_have_text(["Bert", "Ida", "Paul"])

    page.get_by_role("link", name="Neueste zuerst").click()
    page.wait_for_url("**/blog/esel/?sortierung=neueste#kommentare")
    expect(names).to_have_text(["Paul", "Bert", "Ida"])
    expect(page.get_by_role("link", name="Neueste zuerst")).to_have_attribute("aria-current", "true")

    page.get_by_role("link", name="Hilfreichste zuerst").click()
    page.wait_for_url("**/blog/esel/?sortierung=hilfreich#kommentare")
    expect(names).to_have_text(
        ["Paul", "Bert", "Ida"]
    )  # Bert's question has no votes, Ida's answer stays below

    page.get_by_role("link", name="Älteste zuerst").click()
    page.wait_for_url("**/blog/esel/#kommentare")
    expect(names).to_have_text(["Bert", "Ida", "Paul"])


def test_answering_in_another_order_opens_the_form_under_the_comment(page, discussion):
    answer = discussion["answer"]
    page.goto(discussion["url"] + "?sortierung=neueste")
    page.locator(f"#kommentar-{answer.pk}").get_by_role("link", name="Antworten").click()

    form = page.locator(f"#kommentar-{answer.pk} #kommentar-formular")
    expect(form.locator("h3")).to_have_text("Antwort an Ida")
    assert page.url == discussion["url"] + "?sortierung=neueste"  # in place, no new page
    expect(page.locator(".comment-list > li header > b")).to_have_text(["Paul", "Bert", "Ida"])
