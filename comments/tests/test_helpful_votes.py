"""Readers mark comments "Hilfreich": one vote per reader and comment, no cookie, no stored address, never on
one's own comment, limited per network; the story page stays in the caches and shows the new count."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from comments.helpful import VOTES_PER_NETWORK_PER_HOUR, HelpfulVote, voter_key
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db

READER = "203.0.113.7"
OTHER_READER = "198.51.100.23"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def comment(story):
    return StoryCommentFactory(story=story, comment="Der Esel hieß Emil.", ip_address="192.0.2.0")


def vote(client, comment, address=READER, **extra):
    return client.post(f"/kommentare/hilfreich/{comment.pk}/", REMOTE_ADDR=address, **extra)


def helpful_button(html, comment):
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one(f"#kommentar-{comment.pk} form.comment__helpful button")


def test_each_comment_has_a_helpful_button_with_its_count(client, story, comment):
    StoryComment.objects.filter(pk=comment.pk).update(helpful_count=3)
    button = helpful_button(client.get(story.url).content, comment)
    assert button.get_text() == "Hilfreich (3)"
    assert button.find_parent("form")["action"] == f"/kommentare/hilfreich/{comment.pk}/"
    assert button.find_parent("form")["method"] == "post"


def test_a_vote_without_javascript_counts_and_comes_back_with_a_notice(client, story, comment):
    response = vote(client, comment, follow=True)

    assert response.redirect_chain[-1][0] == (
        f"/blog/esel/?kommentar=hilfreich&bei={comment.pk}#kommentar-hinweis"
    )
    html = response.content.decode()
    notice = BeautifulSoup(html, "html.parser").select_one(f"#kommentar-{comment.pk} #kommentar-hinweis")
    assert "als hilfreich markiert" in notice.get_text()
    assert helpful_button(html, comment).get_text() == "Hilfreich (1)"


def test_one_vote_per_reader_and_comment(client, comment):
    vote(client, comment)
    again = vote(client, comment, follow=True)

    assert "Sie haben diesen Kommentar schon als hilfreich markiert." in again.content.decode()
    assert StoryComment.objects.get(pk=comment.pk).helpful_count == 1
    assert HelpfulVote.objects.count() == 1


def test_another_reader_counts_too_even_from_the_same_network(client, comment):
    vote(client, comment, READER)
    vote(client, comment, OTHER_READER)
    vote(client, comment, "203.0.113.8")
    assert StoryComment.objects.get(pk=comment.pk).helpful_count == 3


def test_a_vote_sets_no_cookie(client, comment):
    response = vote(client, comment)
    assert not response.cookies
    assert not response.has_header("Set-Cookie")
    json_response = vote(client, comment, OTHER_READER, **JSON)
    assert not json_response.cookies
    assert not json_response.has_header("Set-Cookie")


def test_no_address_is_stored_with_a_vote(client, comment):
    vote(client, comment)
    stored = HelpfulVote.objects.values_list().get()
    assert not any(READER in str(value) or "203.0.113" in str(value) for value in stored)
    assert stored[2] == voter_key(READER, timezone.localdate())


def test_the_voter_key_changes_with_the_day_and_the_address():
    today = datetime.date(2026, 12, 3)
    assert voter_key(READER, today) == voter_key(READER, today)
    assert voter_key(READER, today) != voter_key(READER, today + datetime.timedelta(days=1))
    assert voter_key(READER, today) != voter_key(OTHER_READER, today)


def test_fetch_gets_the_new_count_and_the_message_in_json(client, comment):
    response = vote(client, comment, **JSON)
    assert response.status_code == 200
    assert response.json() == {
        "count": 1,
        "voted": True,
        "message": "Danke! Sie haben diesen Kommentar als hilfreich markiert.",
    }
    again = vote(client, comment, **JSON)
    assert again.json()["message"] == "Sie haben diesen Kommentar schon als hilfreich markiert."
    assert again.json()["count"] == 1


def test_no_vote_on_ones_own_comment_from_its_network(client, comment):
    response = vote(client, comment, "192.0.2.55", **JSON)
    assert response.status_code == 403
    assert response.json()["message"] == "Ihren eigenen Kommentar können Sie nicht als hilfreich markieren."
    assert StoryComment.objects.get(pk=comment.pk).helpful_count == 0

    without_script = vote(client, comment, "192.0.2.55", follow=True)
    assert "Ihren eigenen Kommentar können Sie nicht" in without_script.content.decode()


def test_no_vote_on_ones_own_comment_when_logged_in(client, story, django_user_model):
    author = django_user_model.objects.create_user("leserin", "leserin@example.org", "x")
    comment = StoryCommentFactory(story=story, user=author)
    client.force_login(author)
    assert vote(client, comment, **JSON).status_code == 403
    assert not HelpfulVote.objects.exists()


def test_votes_are_limited_per_network(client, comment):
    for number in range(VOTES_PER_NETWORK_PER_HOUR):
        vote(client, comment, f"203.0.113.{number + 1}")

    response = vote(client, comment, "203.0.113.200")

    assert response.status_code == 429
    assert "sehr viele Stimmen" in response.content.decode()
    assert StoryComment.objects.get(pk=comment.pk).helpful_count == VOTES_PER_NETWORK_PER_HOUR
    assert vote(client, comment, OTHER_READER).status_code == 302  # another network still counts


@pytest.mark.parametrize("headers", [{"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://boese.example"}])
def test_votes_from_another_site_are_refused(comment, headers):
    foreign = Client(headers=headers)
    response = vote(foreign, comment)
    assert response.status_code == 403
    assert "nicht von unserer Seite" in response.content.decode()
    assert StoryComment.objects.get(pk=comment.pk).helpful_count == 0


def test_while_redis_is_away_a_vote_is_not_counted_and_the_reader_hears_so(client, comment, redis):
    redis.go_away()
    response = vote(client, comment, **JSON)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "nicht zählen" in response.json()["message"]
    assert not HelpfulVote.objects.exists()


@pytest.mark.parametrize("status", [CommentStatus.PENDING, CommentStatus.REMOVED, CommentStatus.UNCONFIRMED])
def test_only_published_comments_can_be_voted_for(client, story, status):
    comment = StoryCommentFactory(story=story, status=status)
    assert vote(client, comment).status_code == 404
    assert not HelpfulVote.objects.exists()


def test_comments_of_unpublished_stories_cannot_be_voted_for(client, story, comment):
    story.unpublish()
    assert vote(client, comment).status_code == 404


def test_a_get_counts_nothing(client, comment):
    assert client.get(f"/kommentare/hilfreich/{comment.pk}/").status_code == 405


# The story page stays in the caches


def test_after_a_vote_the_story_is_still_served_from_the_page_cache_with_the_new_count(
    client, story, comment, page_cache
):
    client.get(story.url)  # the very first view creates the settings rows (site, comment policy)
    client.get(story.url)
    before = client.get(story.url)
    assert before["X-Page-Cache"] == "hit"

    vote(client, comment)

    refreshed = client.get(story.url)
    assert refreshed["X-Page-Cache"] == "miss"  # rendered once more, and kept again
    assert helpful_button(refreshed.content, comment).get_text() == "Hilfreich (1)"
    assert not refreshed.cookies
    again = client.get(story.url)
    assert again["X-Page-Cache"] == "hit"
    assert again.get("Vary") == before.get("Vary")
    assert again["Cache-Control"] == before["Cache-Control"]
    assert helpful_button(again.content, comment).get_text() == "Hilfreich (1)"


def test_a_vote_refreshes_only_the_storys_own_page_behind_the_readers(
    client, story, comment, front_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        vote(client, comment)
    assert front_cache.refreshed == ["http://localhost/blog/esel/"]
    assert front_cache.purged == []  # a vote takes nothing away, and the listings show no votes


def test_many_votes_at_once_refresh_the_story_once(
    client, story, comment, front_cache, django_capture_on_commit_callbacks
):
    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):  # each vote commits on its own
            vote(client, comment, f"203.0.113.{number + 1}")
    assert front_cache.refreshed == ["http://localhost/blog/esel/"]


# Moderators


def test_moderators_see_the_count_in_the_listing_and_the_detail(client, moderator, comment):
    StoryComment.objects.filter(pk=comment.pk).update(helpful_count=4)

    listing = BeautifulSoup(client.get("/admin/snippets/comments/storycomment/").content, "html.parser")
    headings = [th.get_text(strip=True) for th in listing.select("thead th")]
    column = headings.index("Hilfreich")
    row = listing.select("tbody tr")[0]
    assert row.select("td")[column].get_text(strip=True) == "4"

    detail = client.get(f"/admin/snippets/comments/storycomment/inspect/{comment.pk}/").content.decode()
    assert "4 Stimmen" in detail


# Old votes


def test_votes_older_than_a_few_days_are_pruned_but_the_count_stays(client, comment):
    vote(client, comment)
    HelpfulVote.objects.update(created_at=timezone.now() - datetime.timedelta(days=4))
    call_command("prune_moderation_records", stdout=io.StringIO())
    assert not HelpfulVote.objects.exists()
    assert StoryComment.objects.get(pk=comment.pk).helpful_count == 1
