"""“Rückgängig” after approving or restoring: one POST within 30 seconds puts the comment back, logged, and
the moderator is on the same list again; later, after another decision, or with a forged token, nothing."""

import html
import re
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from wagtail.models import ModelLogEntry

from comments.dsa.models import DecisionGround, ModerationDecision, Outcome
from comments.models import CommentReport, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_moderation_speed import INDEX_URL, row_form

pytestmark = pytest.mark.django_db
UNDO_URL = "/admin/kommentare/rueckgaengig/"
TOO_LATE = "Das lässt sich nicht mehr rückgängig machen."


def undo_form(content):
    """The “Rückgängig” form in the page's message: its token and the `next` it sends, or None."""
    match = re.search(
        rf'<form action="{UNDO_URL}" method="post"[^>]*>.*?name="csrfmiddlewaretoken".*?'
        r'name="token" value="([^"]*)".*?name="next" value="([^"]*)".*?>Rückgängig</button>',
        content,
        re.S,
    )
    return {"token": match.group(1), "next": html.unescape(match.group(2))} if match else None


def approve_from_the_row(client, comment, query):
    action, next_url = row_form(client.get(INDEX_URL, query).content.decode(), comment, "approve")
    return client.post(action, {"next": next_url}, follow=True)


def current_status(comment):
    return StoryComment.objects.get(pk=comment.pk).status


def test_undo_right_after_approving_puts_the_comment_back_in_the_queue(client, moderator, story):
    erika = StoryCommentFactory(story=story, user_name="Erika", status=CommentStatus.PENDING)
    query = {"status": "pending", "q": "Erika"}
    approved = approve_from_the_row(client, erika, query)
    form = undo_form(approved.content.decode())
    assert "Kommentar von Erika freigegeben." in approved.content.decode()
    assert form["next"] == INDEX_URL + "?status=pending&q=Erika"

    response = client.post(UNDO_URL, form, follow=True)

    assert current_status(erika) == CommentStatus.PENDING
    assert "Rückgängig gemacht: Der Kommentar wartet wieder auf Prüfung." in response.content.decode()
    assert response.redirect_chain == [(form["next"], 302)]
    assert response.context["request"].GET.dict() == query
    undone = ModerationDecision.objects.filter(comment=erika).last()
    assert (undone.outcome, undone.decided_by, undone.status_after) == (
        Outcome.UNDO,
        moderator,
        CommentStatus.PENDING,
    )
    entry = ModelLogEntry.objects.get(action="comments.undo", object_id=str(erika.pk))
    assert entry.user == moderator
    assert entry.message == "Entscheidung rückgängig gemacht"


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (CommentStatus.HIDDEN, "Der Kommentar ist wieder verborgen."),
        (CommentStatus.REMOVED, "Der Kommentar ist wieder entfernt."),
        (CommentStatus.SPAM, "Der Kommentar ist wieder als Spam eingestuft."),
    ],
)
def test_undo_after_restoring_from_the_detail_view_takes_it_from_readers_again(
    client, moderator, story, status, words
):
    comment = StoryCommentFactory(story=story, user_name="Olaf", status=status)
    detail = f"{INDEX_URL}inspect/{comment.pk}/"
    restored = client.post(f"/admin/kommentare/{comment.pk}/restore/", {"next": detail}, follow=True)
    form = undo_form(restored.content.decode())
    assert form["next"] == detail

    response = client.post(UNDO_URL, form, follow=True)

    assert current_status(comment) == status
    assert f"Rückgängig gemacht: {words}" in response.content.decode()
    assert response.redirect_chain == [(detail, 302)]


def test_the_confirmation_page_offers_undo_as_well(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    url = f"/admin/kommentare/{comment.pk}/approve/"
    page = client.get(url, {"next": INDEX_URL}).content.decode()
    assert 'name="next"' in page

    response = client.post(url, {"next": INDEX_URL}, follow=True)

    assert undo_form(response.content.decode())["next"] == INDEX_URL


def test_after_thirty_seconds_undo_is_refused(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    form = undo_form(approve_from_the_row(client, comment, {}).content.decode())

    with mock.patch.object(signing.time, "time", return_value=time.time() + 31):
        response = client.post(UNDO_URL, form, follow=True)

    assert TOO_LATE in response.content.decode()
    assert current_status(comment) == CommentStatus.PUBLISHED
    assert not ModelLogEntry.objects.filter(action="comments.undo").exists()


def test_undo_is_refused_once_another_decision_followed(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    form = undo_form(approve_from_the_row(client, comment, {}).content.decode())
    ground = DecisionGround.objects.get(title="Werbung oder Spam")
    client.post(
        f"/admin/kommentare/{comment.pk}/remove/", {"ground": ground.pk, "explanation": "Nur Werbung."}
    )
    client.post(f"/admin/kommentare/{comment.pk}/restore/")  # published again, by a later decision

    response = client.post(UNDO_URL, form, follow=True)

    assert TOO_LATE in response.content.decode()
    assert current_status(comment) == CommentStatus.PUBLISHED
    assert not ModelLogEntry.objects.filter(action="comments.undo").exists()


def test_undo_works_once(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    form = undo_form(approve_from_the_row(client, comment, {}).content.decode())
    client.post(UNDO_URL, form)

    response = client.post(UNDO_URL, form, follow=True)

    assert TOO_LATE in response.content.decode()
    assert ModelLogEntry.objects.filter(action="comments.undo").count() == 1


def test_a_forged_token_is_refused(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    form = undo_form(approve_from_the_row(client, comment, {}).content.decode())
    decision = ModerationDecision.objects.get(comment=comment)
    forged = signing.dumps(decision.pk, salt="anything else")

    for token in (forged, form["token"] + "x", str(decision.pk)):
        response = client.post(UNDO_URL, {**form, "token": token}, follow=True)
        assert TOO_LATE in response.content.decode()

    assert current_status(comment) == CommentStatus.PUBLISHED


def test_undo_is_a_post_only(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    form = undo_form(approve_from_the_row(client, comment, {}).content.decode())

    assert client.get(UNDO_URL, form).status_code == 405
    assert current_status(comment) == CommentStatus.PUBLISHED


def test_only_moderators_may_undo(client, moderator, story, django_user_model):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    form = undo_form(approve_from_the_row(client, comment, {}).content.decode())
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)

    response = client.post(UNDO_URL, form)

    assert response.status_code == 403 and "Kein Zugriff" in response.content.decode()
    assert current_status(comment) == CommentStatus.PUBLISHED


def test_no_undo_after_removing_or_settling_reports(client, moderator, story):
    """Removal sent a statement of reasons; settling reports changed nothing to take back."""
    comment = StoryCommentFactory(story=story, user_name="Kai", status=CommentStatus.PUBLISHED)
    CommentReport.objects.create(comment=comment, reason="abuse")
    settled = client.post(f"/admin/kommentare/{comment.pk}/settle_reports/", {"next": INDEX_URL}, follow=True)
    assert "Meldungen zum Kommentar von Kai erledigt." in settled.content.decode()
    assert undo_form(settled.content.decode()) is None

    ground = DecisionGround.objects.get(title="Werbung oder Spam")
    removed = client.post(
        f"/admin/kommentare/{comment.pk}/remove/",
        {"next": INDEX_URL, "ground": ground.pk, "explanation": "Nur Werbung."},
        follow=True,
    )

    assert "Kommentar von Kai entfernt." in removed.content.decode()
    assert undo_form(removed.content.decode()) is None


def test_the_name_in_the_message_is_escaped(client, moderator, story):
    comment = StoryCommentFactory(story=story, user_name="<b>Eve</b>", status=CommentStatus.PENDING)

    content = approve_from_the_row(client, comment, {}).content.decode()

    assert "Kommentar von &lt;b&gt;Eve&lt;/b&gt; freigegeben." in content
    assert undo_form(content) is not None
