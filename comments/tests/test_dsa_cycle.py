"""The whole DSA cycle in one go, as the people in it meet it: a reader sends a notice and gets a reference,
a moderator removes the comment with a ground, the commenter gets the statement of reasons and objects
through its link, a second moderator (never the first) restores the comment, both sides hear the outcome,
the report counts it all, and the notifier's data can be erased."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from comments.dsa.models import ContentNotice, DecisionGround, Objection
from comments.models import CommentStatus
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db

NOTIFIER = "paula@example.org"
COMMENTER = "jan@example.org"


def browser():
    return Client(headers={"Sec-Fetch-Site": "same-origin"})


def moderator_named(django_user_model, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name="Moderatoren"))
    client = browser()
    client.force_login(user)
    return client


def mail_to(address, subject_part):
    found = [m for m in mail.outbox if m.to == [address] and subject_part in m.subject]
    assert len(found) == 1, [(m.to, m.subject) for m in mail.outbox]
    return found[0]


def link_in(message, path_start):
    return re.search(rf"http://testserver({path_start}[^\s]+/)", message.body).group(1)


def test_notice_decision_statement_objection_outcome_report_and_erasure(story, django_user_model):
    comment = StoryCommentFactory(
        story=story, user_name="Jan", user_email=COMMENTER, comment="Der Monteur war ein Betrüger."
    )
    reader, first, second = browser(), moderator_named(django_user_model, "mara"), None

    # A reader sends a notice from under the comment and gets a reference by mail.
    response = reader.post(
        "/kommentare/rechtswidrig-melden/",
        {
            "comment": str(comment.pk),
            "kind": "insult",
            "explanation": "Der Monteur wird ohne Beleg als Betrüger bezeichnet (§ 186 StGB).",
            "name": "Paula Prüfer",
            "email": NOTIFIER,
            "good_faith": "on",
        },
        follow=True,
    )
    notice = ContentNotice.objects.get()
    assert notice.reference in response.content.decode()
    assert notice.reference in mail_to(NOTIFIER, "eingegangen").subject

    # The first moderator finds it in the queue and removes the comment with a legal ground.
    queue = first.get("/admin/kommentare/meldungen/").content.decode()
    assert notice.reference in queue and "Der Monteur war ein Betrüger." in queue
    defamation = DecisionGround.objects.get(title__startswith="Beleidigung, üble Nachrede")
    first.post(
        f"/admin/kommentare/{comment.pk}/entscheiden/",
        {"action": "remove", "ground": defamation.pk, "explanation": "Eine Tatsachenbehauptung ohne Beleg."},
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REMOVED
    assert "Keine offenen Meldungen." in first.get("/admin/kommentare/meldungen/").content.decode()

    # The commenter gets the statement of reasons; the notifier hears the decision and its ground.
    statement = mail_to(COMMENTER, "Kommentar")
    for words in ("entfernt", defamation.title, "Eine Tatsachenbehauptung ohne Beleg.", "Einspruch"):
        assert words in statement.body
    assert "Paula" not in statement.body
    assert defamation.title in mail_to(NOTIFIER, "unsere Entscheidung").body

    # The commenter objects through the link in the statement.
    objection_path = link_in(statement, "/kommentare/einspruch/")
    assert "Eine Tatsachenbehauptung ohne Beleg." in reader.get(objection_path).content.decode()
    reader.post(objection_path, {"text": "Ich habe die Rechnung noch, er hat doppelt kassiert."})
    objection = Objection.objects.get()
    assert reader.get(objection_path).status_code == 410  # single use
    assert "Einspruch" in first.get("/admin/kommentare/meldungen/").content.decode()

    # The moderator who decided may not answer it; a colleague restores the comment.
    review_url = f"/admin/kommentare/einspruch/{objection.pk}/"
    answer = {"answer": "restore", "explanation": "Der Vorwurf ist durch die Rechnung belegt."}
    assert first.post(review_url, answer).status_code == 403
    second = moderator_named(django_user_model, "kai")
    mail.outbox.clear()
    second.post(review_url, answer)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    page = reader.get(story.url).content.decode()
    assert "Der Monteur war ein Betrüger." in page
    assert "Ich habe die Rechnung noch" not in page

    # Both sides hear the outcome, once each.
    assert {message.to[0] for message in mail.outbox} == {COMMENTER, NOTIFIER}
    for address in (COMMENTER, NOTIFIER):
        assert (
            "Der Vorwurf ist durch die Rechnung belegt."
            in mail.outbox[[m.to[0] for m in mail.outbox].index(address)].body
        )

    # The comment's detail page tells the whole story.
    detail = second.get(f"/admin/snippets/comments/storycomment/inspect/{comment.pk}/").content.decode()
    for words in (notice.reference, "Eine Tatsachenbehauptung ohne Beleg.", "Ich habe die Rechnung noch"):
        assert words in detail

    # The report counts it, without names.
    content = second.get("/admin/kommentare/dsa-bericht/", {"export": "csv"}).content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    assert ["Meldungen rechtswidriger Inhalte", "Eingegangen", "1"] in rows
    assert ["Einsprüche: Entscheidung geändert", "Verfasser des Kommentars", "1"] in rows
    assert "Paula" not in content and COMMENTER not in content

    # The notifier asks to be forgotten.
    second.post(
        "/admin/kommentare/datenschutz/loeschen/",
        {"email": NOTIFIER, "mode": "delete", "confirm_email": NOTIFIER},
    )
    notice.refresh_from_db()
    assert (notice.notifier_name, notice.notifier_email, notice.explanation) == ("", "", "")
    assert notice.kind == "insult" and notice.decision is not None
