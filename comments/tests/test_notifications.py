"""Readers who asked for it hear about published replies in their thread, and can stop that in one click."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Mails are queued when the transaction commits: `with committed():` runs those callbacks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def thread(story):
    """Anna started the thread and wants replies; Bernd answered and does not."""
    anna = StoryCommentFactory(story=story, user_name="Anna", user_email="anna@example.org", followup=True)
    StoryCommentFactory(story=story, parent=anna, user_name="Bernd", user_email="bernd@example.org")
    mail.outbox.clear()
    return anna


def test_subscriber_gets_a_mail_when_a_reply_is_published(story, thread, committed):
    with committed():
        StoryCommentFactory(
            story=story, parent=thread, user_name="Tobias", comment="Gern geschehen!", is_team=True
        )

    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    message = mail.outbox[0]
    assert "Wie Esel Emil heimkam" in message.subject
    assert "Gern geschehen!" in message.body
    assert "aus unserem Team" in message.body
    reply = StoryComment.objects.get(comment="Gern geschehen!")
    assert f"http://testserver/blog/esel/#kommentar-{reply.pk}" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_held_reply_sends_its_mail_when_it_is_approved(story, thread, committed):
    with committed():
        reply = StoryCommentFactory(story=story, parent=thread, status=CommentStatus.PENDING)
    assert mail.outbox == []

    with committed():
        reply.status = CommentStatus.PUBLISHED
        reply.save()
    assert len(mail.outbox) == 1

    with committed():
        reply.comment = "Bearbeitet"
        reply.save()
    assert len(mail.outbox) == 1


def test_nobody_gets_a_mail_about_their_own_comment(story, thread, committed):
    with committed():
        StoryCommentFactory(story=story, parent=thread, user_email="ANNA@example.org", followup=True)
    assert mail.outbox == []


def test_other_threads_and_unsubscribed_readers_get_nothing(story, thread, committed):
    with committed():
        StoryCommentFactory(story=story, comment="Ein neuer Faden")
    assert mail.outbox == []


def mute_path_for(story, thread, committed):
    with committed():
        StoryCommentFactory(story=story, parent=thread)
    return re.search(r"http://testserver(/kommentare/stumm/\S+/)", mail.outbox[-1].body).group(1)


def test_mute_link_stops_further_mails_for_the_thread(story, thread, committed):
    mute_path = mute_path_for(story, thread, committed)
    assert "anna" not in mute_path
    browser = Client(enforce_csrf_checks=True, headers={"Sec-Fetch-Site": "same-origin"})

    page = browser.get(mute_path)
    assert not page.cookies  # no CSRF cookie: the link is the permission
    response = browser.post(mute_path)
    assert response.status_code == 200
    assert "ausgeschaltet" in response.content.decode()

    mail.outbox.clear()
    with committed():
        StoryCommentFactory(story=story, parent=thread)
    assert mail.outbox == []


def test_opening_a_mute_link_only_asks(client, story, thread, committed):
    """Mail scanners open links: a GET shows a button and changes nothing."""
    response = client.get(mute_path_for(story, thread, committed))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("form", method="post").find("button")
    assert StoryComment.objects.get(pk=thread.pk).followup


def test_mute_link_works_once(client, story, thread, committed):
    mute_path = mute_path_for(story, thread, committed)
    client.post(mute_path)

    again = client.post(mute_path)

    assert again.status_code == 410
    assert "schon ausgeschaltet" in again.content.decode()
    assert client.get(mute_path).status_code == 410


def test_mute_link_ends_with_the_subscribers_comment(client, story, thread, committed):
    mute_path = mute_path_for(story, thread, committed)
    StoryComment.objects.filter(pk=thread.pk).delete()

    assert client.get(mute_path).status_code == 410
    assert client.post(mute_path).status_code == 410


def test_mute_link_ends_when_replies_were_turned_off_otherwise(client, story, thread, committed):
    mute_path = mute_path_for(story, thread, committed)
    StoryComment.objects.filter(pk=thread.pk).update(followup=False)

    assert client.get(mute_path).status_code == 410


def test_forged_mute_link_is_refused(client, story, thread):
    assert client.get("/kommentare/stumm/1:abc:def/").status_code == 410
    assert StoryComment.objects.get(pk=thread.pk).followup
