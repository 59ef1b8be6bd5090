"""A moderator answers a reader's question from "Offene Fragen" and pins the answer; the reader then finds it
first under the question, marked "Antwort des Teams". Both pages pass axe's WCAG 2.2 A/AA rules.
`UPDATE_SCREENSHOTS=1` keeps the reader's view in docs/screenshots/moderation/team-antwort.png."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.models import StoryComment
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import violations
from tests.browser.test_dsa_queue import PASSWORD, log_in, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_FOLDER = "moderation"  # see the `shots` fixture


@pytest.fixture
def question(live_server, migrated_db, django_user_model):
    """A reader's question with a reader's reply below it, on a story of today."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    index = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(
        parent=index, title="Wie Esel Emil heimkam", slug="esel", date=timezone.localdate()
    )
    mara = django_user_model.objects.create_user(
        "mara", "mara@example.org", PASSWORD, first_name="Mara", last_name="Beispiel"
    )
    mara.groups.add(Group.objects.get(name="Moderatoren"))
    question = StoryCommentFactory(
        story=story, user_name="Bert", comment="Kann man Emil im Tierpark besuchen?"
    )
    StoryCommentFactory(
        story=story, parent=question, user_name="Ida", comment="Das würde mich auch interessieren."
    )
    StoryCommentFactory(story=story, user_name="Paul", comment="Eine wunderbare Geschichte, danke!")
    return question


def test_moderator_answers_and_pins_and_the_reader_sees_the_answer_first(
    page,
    browser,
    live_server,
    question,
    shots,  # noqa: F811
):
    log_in(page, live_server.url)
    page.get_by_role("link", name="Offene Fragen").click()
    page.wait_for_url("**/admin/kommentare/fragen/")
    expect(page.locator(".dsa-case")).to_have_count(3)
    assert violations(page) == {}
    shoot(page, shots / "offene-fragen.png")

    paul = page.locator(".dsa-case", has_text="Eine wunderbare Geschichte")
    paul.get_by_role("button", name="Nicht nötig").click()
    expect(page.get_by_text("Der Kommentar von Paul braucht keine Antwort")).to_be_visible()
    expect(page.locator(".dsa-case")).to_have_count(2)
    row = page.locator(f"#frage-{question.pk}")
    row.get_by_role("textbox", name="Antwort als Team").fill("Ja: Emil wohnt jetzt im Tierpark Hellabrunn.")
    row.get_by_role("button", name="Antworten").click()
    expect(page.get_by_text("Ihre Antwort an Bert ist veröffentlicht.")).to_be_visible()
    expect(page.locator(".dsa-case")).to_have_count(1)

    page.get_by_role("link", name="Ansehen").click()
    page.get_by_role("button", name="Anheften").click()
    expect(
        page.get_by_text("Die Antwort steht jetzt als „Antwort des Teams“ oben unter dem Kommentar.")
    ).to_be_visible()

    answer = StoryComment.objects.get(is_team=True)
    reader = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE").new_page()
    reader.goto(live_server.url + "/blog/esel/")
    items = reader.locator(".comment-list > li")
    expect(items.nth(1)).to_have_id(f"kommentar-{answer.pk}")
    expect(items.nth(1)).to_contain_text("Antwort des Teams")
    expect(items.nth(2)).to_contain_text("Das würde mich auch interessieren.")
    reader.get_by_role("link", name="Zur Antwort des Teams").click()
    expect(reader).to_have_url(f"{live_server.url}/blog/esel/#kommentar-{answer.pk}")
    assert violations(reader) == {}
    reader.locator("#kommentare").screenshot(path=shots / "team-antwort.png")
    reader.context.close()
