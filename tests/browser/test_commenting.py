"""A reader comments on a story and answers in the thread, in Chromium, without any other host."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page, Site

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.models import CommentPolicy, CommentStatus, StoryComment
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def story_url(live_server, migrated_db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    serve_site_from(home)
    story_index = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(
        parent=story_index, title="Wie Esel Emil heimkam", slug="esel", date=timezone.localdate()
    )
    policy = CommentPolicy.for_site(Site.objects.get())
    policy.min_fill_seconds = 1
    policy.save()
    return live_server.url + story.url


def write_comment(page, text):
    page.fill("#id_name", "Erika Mustermann")
    page.fill("#id_email", "erika@example.org")
    page.fill("#id_comment", text)
    page.check("#id_consent")
    page.wait_for_timeout(1200)  # the policy's minimum fill time
    page.click("text=Kommentar senden")


def confirm_from_mail(page, live_server_url):
    link = re.search(r"http://[^/\s]+(/kommentare/bestaetigen/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(live_server_url + link)
    page.click("text=Ja, Kommentar bestätigen")


def test_reader_posts_a_comment_and_a_reply(page, story_url, live_server):
    page.goto(story_url)
    write_comment(page, "Was für eine schöne Geschichte!")
    assert "Fast geschafft" in page.locator("#kommentar-hinweis").inner_text()

    confirm_from_mail(page, live_server.url)
    assert "wird von unserem Team geprüft" in page.locator(".lead").inner_text()

    StoryComment.objects.filter(comment="Was für eine schöne Geschichte!").update(
        status=CommentStatus.PUBLISHED, is_public=True
    )
    page.goto(story_url)
    page.reload()  # the browser may keep the story for a minute; the moderators' decision is newer
    assert page.locator("#kommentare-titel").inner_text() == "1 Kommentar"

    page.click("text=Antworten")
    assert "Antwort an Erika Mustermann" in page.locator("#kommentar-formular").inner_text()
    write_comment(page, "Und noch ein Nachtrag von mir.")
    confirm_from_mail(page, live_server.url)

    assert page.locator("h1").inner_text() == "Ihr Kommentar ist veröffentlicht"
    page.click("text=Ihren Kommentar unter der Geschichte ansehen")
    assert page.locator("#kommentar-hinweis").inner_text() == "Danke! Ihr Kommentar ist veröffentlicht."
    reply = page.locator(".comment--level-1")
    assert "Und noch ein Nachtrag von mir." in reply.inner_text()
    assert page.locator("#kommentare-titel").inner_text() == "2 Kommentare"
    assert page.requests.foreign(live_server.url) == []


def test_refused_comment_keeps_the_text(page, story_url):
    page.goto(story_url)
    page.fill("#id_name", "Erika Mustermann")
    page.fill("#id_email", "keine-adresse")
    page.fill("#id_comment", "Mein langer Text, der nicht verloren gehen darf.")
    page.check("#id_consent")
    page.wait_for_timeout(1200)
    page.click("text=Kommentar senden")

    assert "gültige E-Mail-Adresse" in page.locator("#kommentar-formular").inner_text()
    assert page.input_value("#id_comment") == "Mein langer Text, der nicht verloren gehen darf."


def test_without_javascript_a_second_click_sends_the_comment(browser, story_url):
    """The page may come from a shared cache, so without the script's start mark the reader's writing
    time is measured from a second click; nothing typed is lost on the way."""
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(story_url)
    write_comment(page, "Ganz ohne JavaScript geschrieben.")

    assert "Noch ein Schritt" in page.locator("#kommentar-formular").inner_text()
    expect(page.locator("#kommentar-formular .notice")).to_be_in_viewport()  # where the reader is
    assert page.input_value("#id_comment") == "Ganz ohne JavaScript geschrieben."
    assert page.is_checked("#id_consent")
    assert not StoryComment.objects.exists()

    page.wait_for_timeout(1200)  # the policy's minimum fill time, from the second step on
    page.click("text=Kommentar senden")
    assert "Fast geschafft" in page.locator("#kommentar-hinweis").inner_text()
    assert StoryComment.objects.get().comment == "Ganz ohne JavaScript geschrieben."
    context.close()
