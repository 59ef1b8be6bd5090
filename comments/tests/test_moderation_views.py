"""Moderators judge one comment at a time, read it in context, answer as Team and close discussions."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from blog.tests.factories import StoryPageFactory
from comments.dsa.models import DecisionGround
from comments.models import CommentReport, CommentStatus, StoryComment, StoryDiscussion
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
INDEX_URL = "/admin/snippets/comments/storycomment/"


def reasons(ground_title, explanation=""):
    """What hiding, removing and spam ask for on their confirmation page."""
    return {"ground": DecisionGround.objects.get(title=ground_title).pk, "explanation": explanation}


def detail_url(comment):
    return f"{INDEX_URL}inspect/{comment.pk}/"


def test_tabs_count_each_queue_and_mark_the_current_one(client, moderator, story):
    StoryCommentFactory.create_batch(2, story=story, status=CommentStatus.PENDING)
    StoryCommentFactory(story=story, status=CommentStatus.SPAM)
    StoryCommentFactory(story=story, status=CommentStatus.HIDDEN)
    reported = StoryCommentFactory(story=story)
    CommentReport.objects.create(comment=reported, reason="abuse")
    StoryCommentFactory(story=story, status=CommentStatus.UNCONFIRMED)

    response = client.get(INDEX_URL, {"status": "pending"})

    tabs = {tab["label"]: tab for tab in response.context["tabs"]}
    assert {label: tab["count"] for label, tab in tabs.items()} == {
        "Alle": 5,
        "Zu prüfen": 2,
        "Gemeldet": 1,
        "Veröffentlicht": 1,
        "Spam": 1,
        "Verborgen": 1,
        "Entfernt": 0,
        "Zurückgezogen": 0,
        "Änderung wartet": 0,
    }
    assert [label for label, tab in tabs.items() if tab["active"]] == ["Zu prüfen"]
    assert f'href="{INDEX_URL}?status=pending" aria-current="page"' in response.content.decode()
    assert len(response.context["object_list"]) == 2


def test_row_menu_offers_the_decisions_that_fit_the_status(client, moderator, story):
    pending = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    removed = StoryCommentFactory(story=story, status=CommentStatus.REMOVED)

    content = client.get(INDEX_URL).content.decode()

    assert f'<form action="/admin/kommentare/{pending.pk}/approve/" method="post"' in content
    assert f"/admin/kommentare/{pending.pk}/remove/?next=" in content
    assert f"/admin/kommentare/{pending.pk}/restore/" not in content
    assert f'<form action="/admin/kommentare/{removed.pk}/restore/" method="post"' in content
    assert f"/admin/kommentare/{removed.pk}/approve/" not in content
    assert f"/admin/kommentare/geschichte/{story.pk}/closed/?next=" in content


def test_a_row_action_asks_first_then_approves_logs_and_mails_the_thread(
    client, moderator, story, django_capture_on_commit_callbacks
):
    anna = StoryCommentFactory(story=story, user_email="anna@example.org", followup=True)
    held = StoryCommentFactory(story=story, parent=anna, comment="Ich auch!", status=CommentStatus.PENDING)
    url = f"/admin/kommentare/{held.pk}/approve/"

    confirm = client.get(url, {"next": INDEX_URL + "?status=pending"})
    assert confirm.status_code == 200
    assert "Ich auch!" in confirm.content.decode()
    assert StoryComment.objects.get(pk=held.pk).status == CommentStatus.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"next": INDEX_URL + "?status=pending"})

    assert response["Location"] == INDEX_URL + "?status=pending"
    assert StoryComment.objects.get(pk=held.pk).status == CommentStatus.PUBLISHED
    assert ModelLogEntry.objects.get(action="comments.approve").user == moderator
    assert "anna@example.org" in [address for message in mail.outbox for address in message.to]
    assert "Ich auch!" in client.get(story.url).content.decode()


def test_actions_never_redirect_to_another_host(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    response = client.post(f"/admin/kommentare/{comment.pk}/approve/", {"next": "https://evil.example/"})
    assert response["Location"] == detail_url(comment)


def test_any_decision_settles_the_open_reports(client, moderator, story):
    comment = StoryCommentFactory(story=story, comment="Grenzwertig")
    CommentReport.objects.create(comment=comment, reason="abuse", note="Klingt beleidigend")

    client.post(f"/admin/kommentare/{comment.pk}/settle_reports/")

    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()
    assert StoryComment.objects.get(pk=comment.pk).status == CommentStatus.PUBLISHED
    assert client.get(INDEX_URL, {"reported": "true"}).context["object_list"].count() == 0
    assert ModelLogEntry.objects.filter(action="comments.settle_reports").count() == 1

    CommentReport.objects.create(comment=comment, reason="spam")
    client.post(f"/admin/kommentare/{comment.pk}/remove/", reasons("Werbung oder Spam", "Nur Werbung."))
    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()


def test_detail_shows_the_comment_in_its_thread_with_reports_and_the_commenters_other_comments(
    client, moderator, story
):
    other_story = StoryPageFactory(parent=story.get_parent(), title="Der verlorene Koffer", slug="koffer")
    parent = StoryCommentFactory(story=story, comment="Die Frage davor", user_name="Bert")
    comment = StoryCommentFactory(
        story=story,
        parent=parent,
        comment="Die Antwort im Blick",
        user_name="Paula",
        user_email="paula@example.org",
        status=CommentStatus.PENDING,
    )
    StoryCommentFactory(story=story, parent=comment, comment="Eine Antwort darauf")
    StoryCommentFactory(story=other_story, comment="Paula anderswo", user_email="PAULA@example.org")
    StoryCommentFactory(story=other_story, comment="Jemand anderes", user_email="jan@example.org")
    CommentReport.objects.create(comment=comment, reason="privacy", note="Nennt eine Adresse")

    content = client.get(detail_url(comment)).content.decode()

    for text in (
        "Die Antwort im Blick",
        "paula@example.org",
        "Die Frage davor",
        "Eine Antwort darauf",
        "Verletzt die Privatsphäre",
        "Nennt eine Adresse",
        "Paula anderswo",
        "Der verlorene Koffer",
        "Wie Esel Emil heimkam",
        f"{INDEX_URL}history/{comment.pk}/",
        f"/admin/kommentare/{comment.pk}/approve/",
    ):
        assert text in content, text
    assert "Jemand anderes" not in content


def test_detail_queries_do_not_grow_with_the_thread_or_the_commenters_history(client, moderator, story):
    comment = StoryCommentFactory(story=story, user_email="viel@example.org")

    def count():
        client.get(detail_url(comment))  # new comments renew the site cache first
        with CaptureQueriesContext(connection) as queries:
            assert client.get(detail_url(comment)).status_code == 200
        return len(queries)

    client.get(detail_url(comment))  # the first view creates the site's settings rows
    few = count()
    for _ in range(10):
        StoryCommentFactory(story=story, parent=comment)
        StoryCommentFactory(story=story, user_email="viel@example.org")
    assert count() == few


def test_reply_as_team_is_published_at_once_threaded_with_badge_and_logged(
    client, moderator, story, django_capture_on_commit_callbacks
):
    question = StoryCommentFactory(
        story=story, comment="Gibt es den Esel noch?", status=CommentStatus.PENDING, followup=True
    )
    mail.outbox.clear()  # the moderators' notice of the question

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(question), {"comment": "Ja, Emil ist wieder zu Hause."})

    reply = StoryComment.objects.get(comment="Ja, Emil ist wieder zu Hause.")
    assert response["Location"] == detail_url(reply)
    assert (reply.status, reply.is_team, reply.parent_id, reply.level) == (
        CommentStatus.PUBLISHED,
        True,
        question.pk,
        1,
    )
    assert reply.user_name == "Mara Moder"
    assert StoryComment.objects.get(pk=question.pk).status == CommentStatus.PUBLISHED
    assert ModelLogEntry.objects.get(action="comments.reply").object_id == str(reply.pk)
    assert [message.to for message in mail.outbox if "Emil" in message.body] == [[question.user_email]]
    page = client.get(story.url).content.decode()
    assert "Ja, Emil ist wieder zu Hause." in page and "Team" in page


def test_reply_to_the_deepest_level_joins_that_level(client, moderator, story):
    top = StoryCommentFactory(story=story)
    middle = StoryCommentFactory(story=story, parent=top)
    deepest = StoryCommentFactory(story=story, parent=middle)

    client.post(detail_url(deepest), {"comment": "Danke für den Hinweis"})

    reply = StoryComment.objects.get(comment="Danke für den Hinweis")
    assert (reply.parent_id, reply.level) == (middle.pk, 2)


def test_an_empty_reply_is_refused_with_a_message_and_nothing_is_stored(client, moderator, story):
    comment = StoryCommentFactory(story=story)

    response = client.post(detail_url(comment), {"comment": "   "})

    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert StoryComment.objects.count() == 1


def test_closing_a_discussion_stops_new_comments_and_reopening_beats_the_closing_date(
    client, moderator, story, django_user_model
):
    client.post(f"/admin/kommentare/geschichte/{story.pk}/closed/")

    page = client.get(story.url).content.decode()
    assert "Die Kommentare zu dieser Geschichte sind geschlossen." in page
    assert 'action="/kommentare/posten/#kommentar-formular"' not in page
    assert PageLogEntry.objects.get(action="comments.close").user == moderator

    story.date = timezone.localdate() - datetime.timedelta(days=400)
    story.save_revision().publish()
    client.post(f"/admin/kommentare/geschichte/{story.pk}/open/")

    assert StoryDiscussion.decision_for(story) == StoryDiscussion.OPEN
    assert 'action="/kommentare/posten/#kommentar-formular"' in client.get(story.url).content.decode()
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x"))
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Kommentare geschlossen" in history and "Kommentare wieder geöffnet" in history


def test_bulk_close_closes_the_stories_of_the_selected_comments(client, moderator, story):
    comments = StoryCommentFactory.create_batch(3, story=story)
    ids = "&".join(f"id={comment.pk}" for comment in comments)

    client.post(f"/admin/bulk/comments/storycomment/close_discussions/?next={INDEX_URL}&{ids}")

    assert StoryDiscussion.decision_for(story) == StoryDiscussion.CLOSED
    assert PageLogEntry.objects.filter(action="comments.close").count() == 1


def test_editing_the_text_is_recorded_and_the_status_is_not_editable_there(client, moderator, story):
    comment = StoryCommentFactory(story=story, comment="Mit Tippfeler")

    response = client.post(
        f"{INDEX_URL}edit/{comment.pk}/", {"comment": "Mit Tippfehler behoben", "status": "spam"}
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.comment, comment.status) == ("Mit Tippfehler behoben", CommentStatus.PUBLISHED)
    assert ModelLogEntry.objects.get(action="wagtail.edit").user == moderator


def test_bulk_approve_of_a_hundred_comments_in_one_request(client, moderator, story):
    held = StoryCommentFactory.create_batch(100, story=story, status=CommentStatus.PENDING)
    ids = "&".join(f"id={comment.pk}" for comment in held)

    response = client.post(f"/admin/bulk/comments/storycomment/approve_comments/?next={INDEX_URL}&{ids}")

    assert response.status_code == 302
    assert StoryComment.objects.published().count() == 100
    assert ModelLogEntry.objects.filter(action="comments.approve").values("uuid").distinct().count() == 100


def test_moderation_shows_in_the_site_history_report(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    client.post(f"/admin/kommentare/{comment.pk}/spam/", reasons("Werbung oder Spam"))

    history = client.get("/admin/reports/site-history/").content.decode()

    assert "Als Spam eingestuft" in history
    assert f"Kommentar {comment.pk}" in history


def test_filter_by_story_offers_titles_and_lists_only_that_storys_comments(client, moderator, story):
    other = StoryPageFactory(parent=story.get_parent(), title="Der verlorene Koffer", slug="koffer")
    StoryCommentFactory(story=story, comment="Zum Esel")
    StoryCommentFactory(story=other, comment="Zum Koffer")

    response = client.get(INDEX_URL, {"story": other.pk})

    content = response.content.decode()
    assert "Zum Koffer" in content and "Zum Esel" not in content
    assert f'<option value="{story.pk}">Wie Esel Emil heimkam</option>' in content
