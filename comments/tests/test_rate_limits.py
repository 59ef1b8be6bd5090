"""Limits against abuse count networks and confirmed posts, so nobody can lock another reader out."""

import pytest

from comments.models import StoryComment
from comments.tests.test_posting import POST_URL, comment_data

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
