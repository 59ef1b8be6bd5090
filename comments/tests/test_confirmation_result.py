"""Confirming by mail ends on a page that shows the comment itself, its story and what happens next. The
confirmation is a POST that redirects to that page (a reload repeats nothing), which a signed address
finds for a day, without a cookie."""

import re
import time
import types

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from comments.models import CommentStatus, ModerationMode, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db

RESULT = re.compile(r"/kommentare/bestaetigt/[^/]+/")


@pytest.fixture
def confirmed(client, story, policy):
    """The reader posts, confirms from the mail and follows the redirect."""
    client.post(POST_URL, comment_data(story, comment="Mein <b>erster</b> Kommentar.\nZweite Zeile."))
    return client.post(confirmation_link(mail.outbox[-1]), follow=True)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_confirming_redirects_to_a_page_of_its_own(confirmed):
    assert len(confirmed.redirect_chain) == 1
    address, status = confirmed.redirect_chain[0]
    assert status == 302 and RESULT.fullmatch(address)
    assert confirmed.status_code == 200


def test_the_result_shows_the_comment_its_author_and_its_story(confirmed, story):
    page = soup_of(confirmed)
    shown = page.select_one(".confirmed__comment")
    assert "Erika Mustermann" in shown.get_text()
    assert "Mein <b>erster</b> Kommentar." in shown.get_text()  # escaped, as in the thread
    assert shown.find("a", href=story.url).get_text() == "Wie Esel Emil heimkam"


def test_a_held_comment_hears_that_the_team_checks_it_first(confirmed, story):
    page = soup_of(confirmed)
    assert page.h1.get_text() == "Ihr Kommentar ist bestätigt"
    assert "wird von unserem Team geprüft" in page.select_one(".lead").get_text()
    assert page.find("a", href=f"{story.url}#kommentare").get_text() == "Zur Geschichte"


def test_a_published_comment_links_to_itself_on_the_story(client, story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.save()
    client.post(POST_URL, comment_data(story))

    page = soup_of(client.post(confirmation_link(mail.outbox[-1]), follow=True))

    comment = StoryComment.objects.get()
    assert page.h1.get_text() == "Ihr Kommentar ist veröffentlicht"
    link = page.find("a", string="Ihren Kommentar unter der Geschichte ansehen")
    story_page = soup_of(client.get(link["href"]))
    notice = story_page.find(id="kommentar-hinweis")  # a new address: no browser has kept it
    assert notice.get_text(strip=True) == "Danke! Ihr Kommentar ist veröffentlicht."
    assert notice.find_parent("li")["id"] == f"kommentar-{comment.pk}"


def test_spam_hears_the_same_as_a_held_comment(client, story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.disallowed_words = "Gratis-Kredit\n"
    policy.save()
    client.post(POST_URL, comment_data(story, comment="Hier Gratis-Kredit holen"))

    page = soup_of(client.post(confirmation_link(mail.outbox[-1]), follow=True))

    assert StoryComment.objects.get().status == CommentStatus.SPAM
    assert page.h1.get_text() == "Ihr Kommentar ist bestätigt"


def test_a_reload_shows_the_same_page_and_what_the_moderators_decided_since(client, confirmed):
    address = confirmed.redirect_chain[0][0]
    assert client.get(address).status_code == 200

    StoryComment.objects.update(status=CommentStatus.PUBLISHED)

    assert soup_of(client.get(address)).h1.get_text() == "Ihr Kommentar ist veröffentlicht"
    StoryComment.objects.update(status=CommentStatus.REMOVED)
    assert soup_of(client.get(address)).h1.get_text() == "Ihr Kommentar erscheint nicht"


def test_the_result_needs_and_sets_no_cookie(confirmed):
    address = confirmed.redirect_chain[0][0]
    response = Client().get(address)

    assert response.status_code == 200
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]  # personal: no shared cache keeps it
    assert soup_of(response).find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_the_result_page_expires_after_a_day(confirmed, monkeypatch):
    address = confirmed.redirect_chain[0][0]
    a_day_later = time.time() + 24 * 60 * 60 + 60
    monkeypatch.setattr("django.core.signing.time", types.SimpleNamespace(time=lambda: a_day_later))

    response = Client().get(address)

    assert response.status_code == 410
    assert "Erika" not in response.content.decode()


@pytest.mark.parametrize("value", ["kaputt", "MTI:1u2abc:abcdefghijklmnopqrstuvwxyz0"])
def test_a_forged_result_address_shows_nothing(client, story, value):
    StoryCommentFactory(story=story, user_name="Geheim")

    response = client.get(f"/kommentare/bestaetigt/{value}/")

    assert response.status_code == 410
    assert "Geheim" not in response.content.decode()


def test_an_erased_comment_is_not_shown_any_more(client, confirmed):
    address = confirmed.redirect_chain[0][0]
    StoryComment.objects.all().delete()

    assert client.get(address).status_code == 410
