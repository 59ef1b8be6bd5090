"""Moderators hear at once of a new notice or objection, without anything about the people in it."""

import pytest
from django.core import mail

from comments.dsa.links import objection_token
from comments.dsa.models import ContentNotice, DecisionGround, Objection
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_legal_notices import NOTICE_URL, notice_data

pytestmark = pytest.mark.django_db


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_notice_calls_the_moderators_with_its_reference_and_nothing_personal(client, moderator, story):
    comment = StoryCommentFactory(story=story, comment="Der Kollege Meier ist ein Betrüger und Dieb.")

    client.post(NOTICE_URL, notice_data(comment))

    [alert] = mails_to(moderator.email)
    reference = ContentNotice.objects.get().reference
    assert alert.subject == f"Neue Meldung {reference}: bitte prüfen"
    assert "Wie Esel Emil heimkam" in alert.body
    assert "Beleidigung, üble Nachrede oder Verleumdung" in alert.body
    assert "http://testserver/admin/kommentare/meldungen/" in alert.body
    for personal in ("Paula", "paula@example.org", "Betrüger und Dieb", "Verleumdung von Herrn Meier"):
        assert personal not in alert.body


def test_an_objection_calls_the_moderators(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    removal = comment.moderate(
        "remove", moderator, ground=DecisionGround.objects.get(title="Werbung oder Spam")
    )
    mail.outbox.clear()

    client.post(f"/kommentare/einspruch/{objection_token(removal)}/", {"text": "Das war keine Werbung."})

    assert Objection.objects.exists()
    [alert] = mails_to(moderator.email)
    assert alert.subject == "Neuer Einspruch gegen eine Entscheidung: bitte prüfen"
    assert "Verfasser des Kommentars" in alert.body
    assert "Das war keine Werbung." not in alert.body
