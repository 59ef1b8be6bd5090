"""A confirmation link clicked after the discussion closed publishes nothing and says why."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from comments.models import CommentStatus, StoryComment, StoryDiscussion
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db


def posted_and_closed(client, story, close):
    """A reader posts, the discussion changes before they click the link in the mail."""
    client.post(POST_URL, comment_data(story))
    link = confirmation_link(mail.outbox[0])
    close()
    mail.outbox.clear()
    return link


def assert_not_published_and_says_closed(client, link):
    page = client.get(link)
    assert page.status_code == 410
    assert "geschlossen" in page.content.decode()
    response = client.post(link)
    assert response.status_code == 410
    assert "nicht veröffentlicht" in response.content.decode()
    assert StoryComment.objects.get().status == CommentStatus.UNCONFIRMED
    assert mail.outbox == []  # no moderator mail either


def test_link_to_a_discussion_closed_since_publishes_nothing(
    client, story, policy, moderator, django_capture_on_commit_callbacks
):
    client.logout()
    link = posted_and_closed(
        client, story, lambda: StoryDiscussion.decide(story, StoryDiscussion.CLOSED, moderator)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert_not_published_and_says_closed(client, link)


def test_link_to_a_discussion_closed_by_age_since_publishes_nothing(client, story, policy):
    def age():
        policy.close_after_days = 1
        policy.save()
        story.date = timezone.localdate() - datetime.timedelta(days=5)
        story.save_revision().publish()

    assert_not_published_and_says_closed(client, posted_and_closed(client, story, age))


def test_link_to_a_story_with_comments_turned_off_since_publishes_nothing(client, story, policy):
    def turn_off():
        story.comments_enabled = False
        story.save_revision().publish()

    assert_not_published_and_says_closed(client, posted_and_closed(client, story, turn_off))


def test_link_to_a_story_taken_offline_since_publishes_nothing(client, story, policy):
    assert_not_published_and_says_closed(client, posted_and_closed(client, story, story.unpublish))
