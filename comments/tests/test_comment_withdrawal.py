"""An author withdraws their own comment at any time from the signed link: it leaves the page (a placeholder
where it has replies), the moderators keep its text, and the privacy tools cover what the author changed."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments import editing
from comments.models import CommentStatus, ModerationMode, StoryComment
from comments.revisions import CommentEdit, CommentVersion
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link
from comments.tests.test_thread import add_comments, count_story_queries

pytestmark = pytest.mark.django_db

TEXT = "Das habe ich vorschnell geschrieben."


@pytest.fixture
def own(story):
    """A comment published long ago: editing has ended, withdrawing has not."""
    return StoryCommentFactory(
        story=story,
        comment=TEXT,
        user_email="paula@example.org",
        first_published_at=timezone.now() - datetime.timedelta(days=30),
    )


def withdraw_url(comment):
    return reverse("comments:withdraw", args=[editing.link_token(comment)])


def page_of(response):
    return BeautifulSoup(response.content, "html.parser")


def thread_of(story):
    return page_of(Client().get(story.url)).select_one("#kommentare")


def test_the_link_asks_first(client, own):
    page = page_of(client.get(withdraw_url(own)))
    assert page.h1.get_text() == "Kommentar zurückziehen"
    assert page.find("button", string="Ja, Kommentar zurückziehen")
    own.refresh_from_db()
    assert own.status == CommentStatus.PUBLISHED


def test_a_withdrawn_comment_without_replies_leaves_the_page(client, own, story, purged):
    purged.clear()
    response = client.post(withdraw_url(own))

    assert page_of(response).h1.get_text() == "Ihr Kommentar ist zurückgezogen"
    own.refresh_from_db()
    assert own.status == CommentStatus.WITHDRAWN and not own.is_public
    assert own.comment == TEXT  # kept for the moderators
    thread = thread_of(story)
    assert thread.select_one(f"#kommentar-{own.pk}") is None
    assert TEXT not in thread.get_text()
    assert story.url in " ".join(map(str, purged))
    assert "comments.withdraw" in ModelLogEntry.objects.filter(object_id=str(own.pk)).values_list(
        "action", flat=True
    )


def test_a_withdrawn_comment_with_replies_stays_as_a_placeholder(client, own, story):
    StoryCommentFactory(story=story, parent=own, comment="Eine Antwort darauf")

    client.post(withdraw_url(own))

    shown = thread_of(story).select_one(f"#kommentar-{own.pk}")
    assert shown.get_text(strip=True) == "Vom Verfasser zurückgezogen."
    assert "Eine Antwort darauf" in thread_of(story).get_text()


def test_withdrawing_twice_says_it_is_withdrawn(client, own):
    client.post(withdraw_url(own))
    response = client.post(withdraw_url(own))
    assert page_of(response).h1.get_text() == "Ihr Kommentar ist zurückgezogen"
    assert ModelLogEntry.objects.filter(object_id=str(own.pk), action="comments.withdraw").count() == 1


def test_the_edit_link_of_a_withdrawn_comment_says_so(client, own):
    client.post(withdraw_url(own))
    response = client.get(reverse("comments:edit", args=[editing.link_token(own)]))
    assert page_of(response).h1.get_text() == "Ihr Kommentar ist zurückgezogen"


def test_a_withdrawal_from_another_site_is_refused(own):
    response = Client(headers={"Sec-Fetch-Site": "cross-site"}).post(withdraw_url(own))
    assert response.status_code == 403
    assert "kam nicht von unserer Seite" in page_of(response).get_text()
    own.refresh_from_db()
    assert own.status == CommentStatus.PUBLISHED


def test_a_comment_the_moderators_removed_cannot_be_withdrawn(client, own):
    StoryComment.objects.filter(pk=own.pk).update(status=CommentStatus.REMOVED)
    assert client.post(withdraw_url(own)).status_code == 410
    own.refresh_from_db()
    assert own.status == CommentStatus.REMOVED


def test_withdrawing_drops_a_waiting_edit(client, own):
    held = CommentEdit.objects.create(comment=own, text="Neu")
    client.post(withdraw_url(own))
    held.refresh_from_db()
    assert held.status == CommentEdit.Status.DROPPED


def test_moderators_see_the_withdrawal_and_no_decision_to_undo_it(client, own, moderator):
    client.post(withdraw_url(own))
    page = page_of(client.get(reverse("wagtailsnippets_comments_storycomment:inspect", args=[own.pk])))
    assert "Vom Verfasser zurückgezogen am" in page.get_text()
    assert TEXT in page.get_text()
    assert not page.find("button", string="Wiederherstellen")


def test_the_listing_has_a_tab_for_withdrawn_comments(client, own, moderator):
    client.post(withdraw_url(own))
    page = page_of(client.get(reverse("wagtailsnippets_comments_storycomment:list")))
    assert "Zurückgezogen" in page.get_text()


def test_the_privacy_export_lists_earlier_versions_and_edits(client, own, moderator):
    CommentVersion.objects.create(comment=own, text="Die erste Fassung")
    CommentEdit.objects.create(comment=own, text="Eine wartende Fassung")

    response = client.post(
        "/admin/kommentare/datenschutz/export/", {"email": "paula@example.org", "confirm": "on"}
    )

    exported = json.loads(response.content)["comments"][0]
    assert [version["text"] for version in exported["earlier_versions"]] == ["Die erste Fassung"]
    assert [edit["text"] for edit in exported["edits"]] == ["Eine wartende Fassung"]


def test_deleting_the_data_deletes_earlier_versions_and_edits(client, own, moderator):
    CommentVersion.objects.create(comment=own, text="Die erste Fassung")
    CommentEdit.objects.create(comment=own, text="Eine wartende Fassung")
    token = editing.link_token(own)

    client.post(
        "/admin/kommentare/datenschutz/loeschen/",
        {"email": "paula@example.org", "mode": "delete", "confirm_email": "paula@example.org"},
    )

    assert not CommentVersion.objects.exists() and not CommentEdit.objects.exists()
    assert editing.comment_for_token(token) is None


def test_anonymising_makes_the_authors_links_invalid(client, own, moderator):
    token = editing.link_token(own)
    client.post(
        "/admin/kommentare/datenschutz/loeschen/",
        {"email": "paula@example.org", "mode": "anonymise", "confirm_email": "paula@example.org"},
    )
    own.refresh_from_db()
    assert own.user_name == "Anonym"
    assert client.get(reverse("comments:withdraw", args=[token])).status_code == 410


def edit_and_withdraw_some(story, policy):
    """Every third comment edited through `editing.edit`, every fifth withdrawn: what readers see of them."""
    for number, comment in enumerate(StoryComment.objects.for_page(story).published().order_by("pk")):
        if number % 3 == 0:
            editing.edit(comment, f"Geänderter Text {number}", policy)
        elif number % 5 == 0:
            editing.withdraw(comment)


@pytest.mark.parametrize("order", ["", "neueste", "hilfreich"])
def test_story_queries_stay_within_budget_with_edits_withdrawals_and_votes(client, story, policy, order):
    """The issue's budget: a story page costs the same queries with 10 and with 200 comments, whatever
    readers did with them (edited, withdrawn, voted for), in each of the three orders."""
    url = f"{story.url}?sortierung={order}" if order else story.url
    add_comments(story, 10, [])
    edit_and_withdraw_some(story, policy)
    vote_for_some(story)
    with_ten = count_story_queries(client, story, url)

    add_comments(story, 190, [])
    edit_and_withdraw_some(story, policy)
    vote_for_some(story)
    assert StoryComment.objects.filter(edited_at__isnull=False).count() > 60
    assert StoryComment.objects.filter(status=CommentStatus.WITHDRAWN).count() > 20
    page = page_of(Client().get(url))
    assert len(page.select(".comment__edited")) > 60
    assert len(page.select(".comment__helpful button[data-count='4']")) > 20
    assert count_story_queries(client, story, url) == with_ten
    assert with_ten <= 8


def vote_for_some(story):
    for number, comment in enumerate(StoryComment.objects.for_page(story).order_by("pk")):
        if comment.mark_helpful(f"leser-{number}") and number % 2:
            StoryComment.objects.filter(pk=comment.pk).update(helpful_count=4)


def test_the_confirmed_page_says_when_the_comment_was_withdrawn(client, story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.save()
    client.post(POST_URL, comment_data(story))
    confirmed = client.post(confirmation_link(mail.outbox[-1]), follow=True)
    result_url = confirmed.redirect_chain[-1][0]
    withdraw = page_of(confirmed).find("a", string="Kommentar zurückziehen")["href"]

    client.post(withdraw)

    page = page_of(client.get(result_url))
    assert page.h1.get_text() == "Ihr Kommentar ist zurückgezogen"
    assert page.select_one("[data-own-withdrawn]") and not page.select_one("[data-own-comment]")
