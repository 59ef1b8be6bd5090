"""Blocks of an address, a mail domain or a network: refused with neutral words (the text kept) or held,
as the policy says; over once lifted or past their last day."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments.commenters import BlockedAs, BlockKind, CommenterBlock, active_block
from comments.models import ModerationMode, StoryComment
from comments.statuses import CommentStatus
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db
NEUTRAL = "Ihr Kommentar konnte nicht angenommen werden."


def block(kind, value, **changes):
    entry = CommenterBlock(kind=kind, value=value, reason="Beleidigt wiederholt andere.", **changes)
    entry.full_clean()
    entry.save()
    return entry


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (BlockKind.EMAIL, "Erika@Example.org"),
        (BlockKind.DOMAIN, "@example.org"),
        (BlockKind.DOMAIN, "org"),
        (BlockKind.NETWORK, "127.0.0.99"),
    ],
)
def test_a_block_by_address_domain_or_network_refuses_with_neutral_words_and_keeps_the_text(
    client, story, policy, kind, value
):
    block(kind, value)
    data = comment_data(story, comment="Mein Text, den ich nicht verlieren möchte.")

    response = client.post(POST_URL, data)

    assert response.status_code == 403
    page = response.content.decode()
    assert NEUTRAL in page
    assert "gesperrt" not in page.lower() and "Sperre" not in page
    assert "Mein Text, den ich nicht verlieren möchte." in page
    assert not StoryComment.objects.exists() and not mail.outbox


def test_network_blocks_are_stored_as_their_network():
    assert block(BlockKind.NETWORK, "192.0.2.77").value == "192.0.2.0"
    assert block(BlockKind.NETWORK, "2001:db8:1:2::5/64").value == "2001:db8:1::"


def test_other_addresses_and_domains_pass(client, story, policy):
    block(BlockKind.EMAIL, "jemand@example.org")
    block(BlockKind.DOMAIN, "xample.org")
    response = client.post(POST_URL, comment_data(story))
    assert response.status_code == 302
    assert StoryComment.objects.get().status == CommentStatus.UNCONFIRMED


def test_a_block_made_after_posting_refuses_the_confirmation_and_shows_the_text(client, story, policy):
    client.post(POST_URL, comment_data(story, comment="Noch ein Versuch."))
    block(BlockKind.EMAIL, "erika@example.org")

    response = client.post(confirmation_link(mail.outbox[-1]))

    assert response.status_code == 403
    assert NEUTRAL in response.content.decode() and "Noch ein Versuch." in response.content.decode()
    assert StoryComment.objects.get().status == CommentStatus.UNCONFIRMED


def test_lifted_or_ended_blocks_no_longer_apply(client, story, policy):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    ended = block(BlockKind.EMAIL, "erika@example.org", ends_on=timezone.localdate())
    CommenterBlock.objects.filter(pk=ended.pk).update(ends_on=yesterday)
    lifted = block(BlockKind.DOMAIN, "example.org")
    lifted.lifted_at = timezone.now()
    lifted.save()

    assert active_block("erika@example.org", "127.0.0.1") is None
    assert client.post(POST_URL, comment_data(story)).status_code == 302


def test_a_block_ending_today_still_applies():
    block(BlockKind.EMAIL, "erika@example.org", ends_on=timezone.localdate())
    assert active_block("ERIKA@example.org", "") is not None


def test_in_hold_mode_a_blocked_commenter_waits_with_the_block_as_reason(client, story, policy):
    policy.blocked_commenters = BlockedAs.HOLD
    policy.moderation_mode = ModerationMode.POST
    policy.save()
    block(BlockKind.EMAIL, "erika@example.org", ends_on=datetime.date(2099, 12, 31))

    client.post(POST_URL, comment_data(story))
    client.post(confirmation_link(mail.outbox[-1]))

    comment = StoryComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.screening_reasons == [{"rule": "block", "words": [], "detail": "2099-12-31"}]
    assert comment.decisions.get().ground.code == "block"


def test_the_end_date_of_a_new_block_is_not_in_the_past():
    entry = CommenterBlock(
        kind=BlockKind.EMAIL,
        value="a@example.org",
        reason="x",
        ends_on=timezone.localdate() - datetime.timedelta(1),
    )
    with pytest.raises(Exception, match="Vergangenheit"):
        entry.full_clean()


def test_form_page_shows_the_refusal_in_the_error_summary(client, story, policy):
    block(BlockKind.EMAIL, "erika@example.org")
    page = BeautifulSoup(client.post(POST_URL, comment_data(story)).content, "html.parser")
    assert NEUTRAL in page.get_text()


BLOCKS_URL = "/admin/kommentare/sperren/"


def test_moderator_blocks_from_a_comment_and_lifts_it_both_logged(client, moderator, story):
    comment = StoryCommentFactory(story=story, user_email="Troll@Example.org")
    detail = BeautifulSoup(
        client.get(f"/admin/snippets/comments/storycomment/inspect/{comment.pk}/").content, "html.parser"
    )
    link = detail.select_one('a[data-moderation-key="b"]')
    assert link.get_text(strip=True) == "Sperren"

    form = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    assert form.select_one('input[name="value"]')["value"] == "troll@example.org"

    response = client.post(
        f"{BLOCKS_URL}neu/", {"kind": "email", "value": "troll@example.org", "reason": "", "ends_on": ""}
    )
    assert "Bitte geben Sie einen Grund für die Sperre an." in response.content.decode()

    response = client.post(
        f"{BLOCKS_URL}neu/",
        {"kind": "email", "value": "troll@example.org", "reason": "Beleidigungen", "ends_on": "2099-12-31"},
        follow=True,
    )
    page = response.content.decode()
    assert "Gesperrt: E-Mail-Adresse: troll@example.org." in page
    assert "31.12.2099" in page and "Beleidigungen" in page
    entry = CommenterBlock.objects.get()
    assert entry.created_by == moderator and active_block("troll@example.org", "") == entry

    page = client.post(f"{BLOCKS_URL}{entry.pk}/aufheben/", follow=True).content.decode()
    assert "Sperre aufgehoben" in page
    assert "Keine Sperren." in page  # the active ones
    lifted = client.get(f"{BLOCKS_URL}?status=lifted").content.decode()
    assert "Aufgehoben von Mara Moder" in lifted
    assert active_block("troll@example.org", "") is None

    entries = ModelLogEntry.objects.filter(object_id=str(entry.pk)).order_by("timestamp")
    assert [log_entry.message for log_entry in entries] == ["Gesperrt", "Sperre aufgehoben"]
    assert all(log_entry.user == moderator for log_entry in entries)


def test_row_menu_offers_sperren(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    page = client.get("/admin/snippets/comments/storycomment/").content.decode()
    assert f"{BLOCKS_URL}neu/?comment={comment.pk}" in page


def test_only_moderators_see_the_blocks(client, django_user_model):
    editor = django_user_model.objects.create_user("redakteur", "r@example.org", "x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(BLOCKS_URL).status_code == 403
    assert (
        client.post(f"{BLOCKS_URL}neu/", {"kind": "email", "value": "a@b.de", "reason": "x"}).status_code
        == 403
    )
    assert not CommenterBlock.objects.exists()
