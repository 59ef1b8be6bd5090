"""Moderators judge comments in the Wagtail admin; nobody else can."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from comments.dsa.models import DecisionGround
from comments.models import CommentReport, CommentStatus, StoryComment, StoryDiscussion
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
INDEX_URL = "/admin/snippets/comments/storycomment/"


def test_moderators_group_has_exactly_what_moderation_needs():
    codenames = set(Group.objects.get(name="Moderatoren").permissions.values_list("codename", flat=True))
    assert codenames == {
        "access_admin",
        "can_moderate",
        "view_storycomment",
        "change_storycomment",
        "view_commentreport",
        "change_commentreport",
        # The grounds of decisions, as commenters read them in statements of reasons.
        "view_decisionground",
        "add_decisionground",
        "change_decisionground",
    }


def test_menu_shows_how_many_comments_wait(client, moderator, story):
    StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    StoryCommentFactory(story=story)
    dashboard = client.get("/admin/").content.decode()
    assert INDEX_URL in dashboard
    assert "Kommentare (2)" in dashboard


def refused(response):
    """A plain 403 page, not Wagtail's usual redirect to the dashboard."""
    return response.status_code == 403 and "Kein Zugriff" in response.content.decode()


def test_editors_without_the_group_are_refused_and_see_no_menu(client, django_user_model, story):
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    comment = StoryCommentFactory(story=story, user_email="geheim@example.org")

    assert INDEX_URL not in client.get("/admin/").content.decode()
    for url in (
        INDEX_URL,
        f"{INDEX_URL}results/",
        f"{INDEX_URL}edit/{comment.pk}/",
        f"{INDEX_URL}inspect/{comment.pk}/",
        f"{INDEX_URL}history/{comment.pk}/",
        f"/admin/bulk/comments/storycomment/approve_comments/?id={comment.pk}",
        f"/admin/kommentare/{comment.pk}/remove/",
        f"/admin/kommentare/geschichte/{story.pk}/closed/",
        "/admin/kommentare/datenschutz/?email=geheim@example.org",
    ):
        response = client.get(url)
        assert refused(response), url
        assert "geheim@example.org" not in response.content.decode()
    for url in (
        f"/admin/bulk/comments/storycomment/remove_comments/?id={comment.pk}",
        f"/admin/bulk/comments/storycomment/close_discussions/?id={comment.pk}",
        f"/admin/kommentare/{comment.pk}/remove/",
        f"/admin/kommentare/geschichte/{story.pk}/closed/",
        f"{INDEX_URL}inspect/{comment.pk}/",
        f"{INDEX_URL}edit/{comment.pk}/",
    ):
        assert refused(client.post(url, {"comment": "Übernommen"})), url
    assert client.get("/admin/snippets/choose/comments/storycomment/").status_code == 404
    comment.refresh_from_db()
    assert (comment.status, comment.comment) == (CommentStatus.PUBLISHED, "Was für eine schöne Geschichte!")
    assert StoryComment.objects.count() == 1
    assert not StoryDiscussion.objects.exists()


def test_index_lists_comments_with_their_story_and_filters_by_status(client, moderator, story):
    StoryCommentFactory(story=story, comment="Wartet auf Freigabe", status=CommentStatus.PENDING)
    StoryCommentFactory(story=story, comment="Schon sichtbar")
    StoryCommentFactory(story=story, comment="Noch unbestätigt", status=CommentStatus.UNCONFIRMED)

    everything = client.get(INDEX_URL).content.decode()
    waiting = client.get(INDEX_URL, {"status": "pending"}).content.decode()

    assert "Wartet auf Freigabe" in everything and "Schon sichtbar" in everything
    assert "Noch unbestätigt" not in everything
    assert '<a href="/blog/esel/" data-moderation-key="o">Wie Esel Emil heimkam</a>' in everything
    assert "Wartet auf Freigabe" in waiting and "Schon sichtbar" not in waiting


def test_search_finds_text_name_and_email(client, moderator, story):
    StoryCommentFactory(
        story=story, comment="Über den Esel", user_name="Paula", user_email="paula@example.org"
    )
    StoryCommentFactory(story=story, comment="Etwas anderes", user_name="Jan", user_email="jan@example.org")

    for query in ("Esel", "Paula", "paula@example.org"):
        content = client.get(INDEX_URL, {"q": query}).content.decode()
        assert "Über den Esel" in content and "Etwas anderes" not in content, query


def test_bulk_approve_publishes_logs_each_comment_and_sends_follow_ups(
    client, moderator, story, django_capture_on_commit_callbacks
):
    anna = StoryCommentFactory(story=story, user_email="anna@example.org", followup=True)
    held = [StoryCommentFactory(story=story, parent=anna, status=CommentStatus.PENDING) for _ in range(2)]
    mail.outbox.clear()  # the moderators' notices of the two replies
    ids = "&".join(f"id={comment.pk}" for comment in held)
    url = f"/admin/bulk/comments/storycomment/approve_comments/?next={INDEX_URL}&{ids}"

    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    assert set(StoryComment.objects.filter(pk__in=[c.pk for c in held]).values_list("status", flat=True)) == {
        CommentStatus.PUBLISHED
    }
    entries = ModelLogEntry.objects.filter(action="comments.approve")
    assert entries.count() == 2
    assert entries.values("uuid").distinct().count() == 2
    assert {entry.user for entry in entries} == {moderator}
    assert [m.to for m in mail.outbox] == [["anna@example.org"], ["anna@example.org"]]


@pytest.mark.parametrize("action", ["remove_comments", "spam_comments"])
def test_bulk_remove_and_spam_hide_comments_and_keep_replies_in_place(client, moderator, story, action):
    parent = StoryCommentFactory(story=story, comment="Wird versteckt")
    StoryCommentFactory(story=story, parent=parent, comment="Antwort bleibt")

    client.post(
        f"/admin/bulk/comments/storycomment/{action}/?next={INDEX_URL}&id={parent.pk}",
        {"ground": DecisionGround.objects.get(title="Werbung oder Spam").pk, "explanation": "Werbung."},
    )

    page = client.get(story.url).content.decode()
    assert "Wird versteckt" not in page
    assert "Antwort bleibt" in page
    assert "1 Kommentar" in page


def test_nobody_adds_or_deletes_comments_in_the_admin_not_even_a_superuser(client, django_user_model, story):
    """Deleting would tear threads apart; the privacy tools and removal keep them whole."""
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x"))
    comment = StoryCommentFactory(story=story)
    assert f"{INDEX_URL}delete/{comment.pk}/" not in client.get(INDEX_URL).content.decode()
    assert refused(client.get(f"{INDEX_URL}delete/{comment.pk}/"))
    assert refused(client.post(f"{INDEX_URL}delete/{comment.pk}/"))
    assert refused(client.get(f"{INDEX_URL}add/"))
    assert StoryComment.objects.filter(pk=comment.pk).exists()


def count_index_queries(client):
    client.get(INDEX_URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX_URL).status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_the_comments_shown(client, moderator, story, django_user_model):
    users = [django_user_model.objects.create_user(f"leser{n}", f"l{n}@example.org", "x") for n in range(3)]
    for number in range(10):
        StoryCommentFactory(story=story, user=users[number % 3])
    count_index_queries(client)  # the comment policy (for the trust badges) is read once, then cached
    with_ten = count_index_queries(client)
    for number in range(90):
        StoryCommentFactory(story=story, user=users[number % 3])
    assert count_index_queries(client) == with_ten


def test_restore_brings_a_removed_comment_back_and_logs_it(client, moderator, story):
    comment = StoryCommentFactory(story=story, comment="Zu Unrecht entfernt", status=CommentStatus.REMOVED)

    client.post(f"/admin/bulk/comments/storycomment/restore_comments/?next={INDEX_URL}&id={comment.pk}")

    assert "Zu Unrecht entfernt" in client.get(story.url).content.decode()
    assert ModelLogEntry.objects.get(action="comments.restore").user == moderator
    history = client.get(f"{INDEX_URL}history/{comment.pk}/").content.decode()
    assert "Kommentar wiederhergestellt" in history


def test_reported_comments_can_be_listed_with_their_report_count(client, moderator, story):

    reported = StoryCommentFactory(story=story, comment="Gemeldeter Text")
    StoryCommentFactory(story=story, comment="Harmloser Text")
    CommentReport.objects.create(comment=reported, reason="spam")
    CommentReport.objects.create(comment=reported, reason="abuse")

    response = client.get(INDEX_URL, {"reported": "true"})

    content = response.content.decode()
    assert "Gemeldeter Text" in content and "Harmloser Text" not in content
    assert [comment.open_reports for comment in response.context["object_list"]] == [2]
