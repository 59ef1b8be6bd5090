"""Who writes: the commenter's record (counts, trust, notes) on each row and in the detail view, trust
from the policy and a moderator's override, and the record in the privacy tools."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from comments.commenters import CommenterNote, CommenterTrust, TrustOverride, commenter_key
from comments.models import ModerationMode, StoryComment
from comments.screening import screen
from comments.statuses import CommentStatus
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
INDEX_URL = "/admin/snippets/comments/storycomment/"
ADDRESS = "paula@example.org"


def pauls_history(story, published=0, removed=0, hidden=0, spam=0, email=ADDRESS):
    for status, count in [
        (CommentStatus.PUBLISHED, published),
        (CommentStatus.REMOVED, removed),
        (CommentStatus.HIDDEN, hidden),
        (CommentStatus.SPAM, spam),
    ]:
        for _ in range(count):
            StoryCommentFactory(story=story, status=status, user_email=email)


def new_comment(story, **changes):
    return StoryCommentFactory.build(story=story, user_email="Paula@Example.org", **changes)


def test_the_key_is_a_keyed_hash_of_the_casefolded_address():
    key = commenter_key("Paula@Example.org ")
    assert key == commenter_key(ADDRESS) and len(key) == 64 and "paula" not in key
    assert key != commenter_key("paul@example.org")


@pytest.mark.parametrize(
    ("published", "expected"), [(2, CommentStatus.PENDING), (3, CommentStatus.PUBLISHED)]
)
def test_trust_after_n_published_comments_publishes_at_once_even_when_all_are_checked(
    story, policy, published, expected
):
    policy.moderation_mode = ModerationMode.ALL
    policy.trust_after_published = 3
    pauls_history(story, published=published)
    assert screen(new_comment(story), policy).status == expected


def test_trust_is_off_at_zero(story, policy):
    policy.moderation_mode = ModerationMode.ALL
    pauls_history(story, published=50)
    assert screen(new_comment(story), policy).status == CommentStatus.PENDING


def test_a_high_rejection_rate_holds_again_from_three_decided_comments_on(story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.trust_after_published = 1
    policy.recheck_rejection_rate = 60
    pauls_history(story, published=1, removed=1)
    assert screen(new_comment(story), policy).status == CommentStatus.PUBLISHED  # only 2 decided
    pauls_history(story, spam=1, hidden=1)  # 3 of 4 rejected: 75 %

    screening = screen(new_comment(story), policy)

    assert screening.status == CommentStatus.PENDING
    assert screening.rule == ""  # about the person, not the content: no automated decision
    assert screening.reasons == ({"rule": "rejection_rate", "words": [], "detail": "75"},)


def test_a_moderator_override_beats_the_policy(story, policy):
    policy.moderation_mode = ModerationMode.ALL
    policy.recheck_rejection_rate = 10
    pauls_history(story, published=1, removed=3)
    trust = CommenterTrust.objects.create(commenter=commenter_key(ADDRESS), override=TrustOverride.TRUSTED)
    assert screen(new_comment(story), policy).status == CommentStatus.PUBLISHED

    trust.override = TrustOverride.HELD
    trust.save()
    policy.moderation_mode = ModerationMode.POST
    screening = screen(new_comment(story), policy)
    assert screening.status == CommentStatus.PENDING
    assert screening.reasons[0]["rule"] == "held_by_moderator"


def test_word_lists_still_apply_to_trusted_commenters(story, policy):
    policy.disallowed_words = "billig"
    CommenterTrust.objects.create(commenter=commenter_key(ADDRESS), override=TrustOverride.TRUSTED)
    assert screen(new_comment(story, comment="b1ll1g!"), policy).status == CommentStatus.SPAM


def row_summaries(client):
    page = BeautifulSoup(client.get(INDEX_URL).content, "html.parser")
    return [cell.get_text(" ", strip=True) for cell in page.select(".commenter-summary")], page


def test_each_row_shows_the_record_in_short_with_the_trust_badge(client, moderator, story, policy):
    policy.trust_after_published = 2
    policy.save()
    pauls_history(story, published=2, removed=1, hidden=1, spam=1, email="Paula@Example.org")
    StoryCommentFactory(story=story, status=CommentStatus.PENDING, user_email=ADDRESS)
    StoryCommentFactory(story=story, status=CommentStatus.UNCONFIRMED, user_email=ADDRESS)  # never counted

    summaries, page = row_summaries(client)

    assert summaries == ["2 ✓ · 2 entfernt · 1 Spam"] * 6
    assert len(page.find_all(string="vertraut")) == 6


def test_the_badge_says_wird_geprueft_for_an_override(client, moderator, story):
    StoryCommentFactory(story=story, status=CommentStatus.PENDING, user_email=ADDRESS)
    CommenterTrust.objects.create(commenter=commenter_key(ADDRESS), override=TrustOverride.HELD)
    _summaries, page = row_summaries(client)
    assert page.find(string="wird geprüft")


def count_listing_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX_URL).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_the_comments_shown(client, moderator, story):
    for number in range(10):
        StoryCommentFactory(story=story, user_email=f"leser{number % 4}@example.org")
    for _warm in range(3):  # caches (site settings, content types, the session) settle
        ten = count_listing_queries(client)
    for number in range(90):
        StoryCommentFactory(story=story, user_email=f"leser{number % 7}@example.org")

    hundred = count_listing_queries(client)

    assert StoryComment.objects.count() == 100
    assert hundred == ten


def test_detail_view_shows_the_record_and_takes_a_note_and_an_override_both_logged(
    client, moderator, story, policy
):
    policy.trust_after_published = 5
    policy.save()
    pauls_history(story, published=2, spam=1)
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING, user_email="PAULA@example.org")
    url = f"{INDEX_URL}inspect/{comment.pk}/"

    record = BeautifulSoup(client.get(url).content, "html.parser").select_one(".commenter-record")
    text = record.get_text(" ", strip=True)
    assert "Veröffentlicht 2" in text and "Spam 1" in text and "Wartet auf Prüfung 1" in text
    assert "Automatisch: Es gilt die Moderationsregel" in text
    assert "Noch keine Notizen." in text
    assert record.select_one('a[href$="?email=PAULA%40example.org"]')

    client.post(
        f"/admin/kommentare/{comment.pk}/verfasser/notiz/", {"text": "Schreibt oft nachts, sachlich."}
    )
    response = client.post(
        f"/admin/kommentare/{comment.pk}/verfasser/vertrauen/", {"override": "trusted"}, follow=True
    )

    page = BeautifulSoup(response.content, "html.parser")
    text = page.select_one(".commenter-record").get_text(" ", strip=True)
    assert "Vertraut: von der Moderation so festgelegt." in text
    assert "Schreibt oft nachts, sachlich. – Mara Moder" in text
    assert "Vertrauen geändert: Vertraut: sofort veröffentlichen." in page.get_text()
    assert CommenterNote.objects.get().commenter == commenter_key(ADDRESS)
    actions = ModelLogEntry.objects.filter(object_id=str(comment.pk)).values_list("action", flat=True)
    assert {"comments.note", "comments.trust"} <= set(actions)


def test_the_rejection_rate_is_explained_on_the_record(client, moderator, story, policy):
    policy.recheck_rejection_rate = 50
    policy.save()
    pauls_history(story, published=1, removed=2)
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING, user_email=ADDRESS)
    page = BeautifulSoup(client.get(f"{INDEX_URL}inspect/{comment.pk}/").content, "html.parser")
    assert "Wird wieder geprüft: Ablehnungsquote 67\u00a0% (Grenze 50\u00a0%" in page.get_text()


def test_non_moderators_cannot_add_notes(client, story, django_user_model):
    comment = StoryCommentFactory(story=story)
    client.force_login(django_user_model.objects.create_user("leser", "l@example.org", "x"))
    response = client.post(f"/admin/kommentare/{comment.pk}/verfasser/notiz/", {"text": "x"})
    assert response.status_code in (302, 403)
    assert not CommenterNote.objects.exists()


def test_privacy_tools_export_and_erase_notes_and_override(client, moderator, story):
    StoryCommentFactory(story=story, user_email=ADDRESS)
    CommenterNote.objects.create(commenter=commenter_key(ADDRESS), text="Freundlich", author=moderator)
    CommenterTrust.objects.create(commenter=commenter_key(ADDRESS), override=TrustOverride.HELD)

    data = json.loads(
        client.post("/admin/kommentare/datenschutz/export/", {"email": ADDRESS, "confirm": "on"}).content
    )
    assert data["commenter_record"]["notes"][0]["text"] == "Freundlich"
    assert data["commenter_record"]["trust"] == "held"

    client.post(
        "/admin/kommentare/datenschutz/loeschen/",
        {"email": ADDRESS, "mode": "anonymise", "confirm_email": ADDRESS},
    )
    assert not CommenterNote.objects.exists() and not CommenterTrust.objects.exists()
