"""Limits against abuse count networks and confirmed posts, so nobody can lock another reader out."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db


def test_ipv4_mapped_address_is_stored_truncated_like_ipv4(client, story, policy):
    client.post(POST_URL, comment_data(story), REMOTE_ADDR="::ffff:203.0.113.77")
    assert StoryComment.objects.get().ip_address == "203.0.113.0"


def test_ipv4_mapped_networks_are_limited_separately(client, story, policy):
    policy.posts_per_ip_per_hour = 1
    policy.save()
    client.post(POST_URL, comment_data(story, email="eins@example.org"), REMOTE_ADDR="::ffff:198.51.100.1")

    response = client.post(
        POST_URL, comment_data(story, email="zwei@example.org"), REMOTE_ADDR="::ffff:203.0.113.1"
    )

    assert response.status_code == 302
    assert StoryComment.objects.count() == 2


def test_a_forwarded_for_header_neither_splits_nor_names_the_network(client, story, policy):
    """Behind Varnish the reader's address arrives by the PROXY protocol in REMOTE_ADDR; an
    X-Forwarded-For header is the client's own invention and counts for nothing."""
    policy.posts_per_ip_per_hour = 1
    policy.save()
    client.post(POST_URL, comment_data(story, email="eins@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.1")

    response = client.post(
        POST_URL, comment_data(story, email="zwei@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.1"
    )

    assert response.status_code == 429
    assert StoryComment.objects.get().ip_address == "127.0.0.0"


def test_others_posting_with_a_readers_address_do_not_stop_the_reader(client, story, policy):
    policy.posts_per_email_per_hour = 2
    policy.save()
    for number in range(3):
        client.post(
            POST_URL,
            comment_data(story, email="opfer@example.org", comment=f"Nr. {number}"),
            REMOTE_ADDR=f"198.51.{number}.1",
        )
    mail.outbox.clear()

    response = client.post(
        POST_URL, comment_data(story, email="opfer@example.org"), REMOTE_ADDR="203.0.113.5"
    )
    assert response.status_code == 302
    client.post(confirmation_link(mail.outbox[0]))
    assert StoryComment.objects.get(comment__startswith="Was für").status == CommentStatus.PENDING


def test_confirmed_posts_per_address_are_limited(client, story, policy):
    policy.posts_per_email_per_hour = 2
    policy.save()
    StoryCommentFactory(story=story, user_email="Erika@example.org", comment="Eins")
    StoryCommentFactory(
        story=story, user_email="erika@example.org", comment="Zwei", status=CommentStatus.PENDING
    )

    response = client.post(POST_URL, comment_data(story), REMOTE_ADDR="203.0.113.5")

    assert response.status_code == 429
    assert "in kurzer Zeit viele Kommentare" in response.content.decode()
    assert mail.outbox == []


def test_confirmed_posts_from_earlier_hours_do_not_count(client, story, policy):
    policy.posts_per_email_per_hour = 1
    policy.save()
    earlier = StoryCommentFactory(story=story, user_email="erika@example.org", comment="Eins")
    StoryComment.objects.filter(pk=earlier.pk).update(
        submit_date=timezone.now() - datetime.timedelta(hours=2)
    )

    assert client.post(POST_URL, comment_data(story)).status_code == 302


def test_mail_bombing_one_address_is_still_limited(client, story, policy):
    policy.confirmation_mails_per_email_per_day = 2
    policy.save()
    for number in range(2):
        client.post(
            POST_URL,
            comment_data(story, email="opfer@example.org", comment=f"Nr. {number}"),
            REMOTE_ADDR=f"198.51.{number}.1",
        )

    response = client.post(
        POST_URL, comment_data(story, email="opfer@example.org"), REMOTE_ADDR="203.0.113.5"
    )

    assert response.status_code == 429
    assert "Bestätigungsmail" in response.content.decode()
    assert "melden Sie sich an" in response.content.decode()
    assert len(mail.outbox) == 2


def test_a_blocked_address_still_comments_when_logged_in(client, story, policy, django_user_model):
    policy.confirmation_mails_per_email_per_day = 1
    policy.posts_per_email_per_hour = 1
    policy.save()
    for number in range(3):
        client.post(
            POST_URL,
            comment_data(story, email="Lea@example.org", comment=f"Nr. {number}"),
            REMOTE_ADDR=f"198.51.{number}.1",
        )
    user = django_user_model.objects.create_user("leser", "lea@example.org", "x", first_name="Lea")
    client.force_login(user)

    response = client.post(POST_URL, comment_data(story, name="", email="", comment="Angemeldet"))

    assert response.status_code == 302
    assert StoryComment.objects.get(comment="Angemeldet").status == CommentStatus.PENDING
