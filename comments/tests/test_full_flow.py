"""The whole anonymous journey through the real views: post, mail, confirm, held, approved, visible,
follow-up mail to the thread, mute."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from blog.tests.factories import StoryPageFactory
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import comment_data

pytestmark = pytest.mark.django_db


def test_anonymous_reply_from_post_to_mute(
    client, home_page, story_index, django_capture_on_commit_callbacks
):
    story = StoryPageFactory(parent=story_index, slug="esel", title="Esel Emil", date=timezone.localdate())
    anna = StoryCommentFactory(story=story, user_name="Anna", user_email="anna@example.org", followup=True)
    data = {
        **comment_data(story, seconds_ago=30),
        "name": "Erika",
        "email": "erika@example.org",
        "comment": "Liebe Anna, genau so war es bei uns auch.",
        "consent": "on",
        "followup": "on",
        "parent": str(anna.pk),
    }

    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post("/kommentare/posten/", data, follow=True)
    assert "Fast geschafft" in posted.content.decode()
    assert [m.to for m in mail.outbox] == [["erika@example.org"]]

    link = re.search(r"http://testserver(/kommentare/bestaetigen/\S+/)", mail.outbox[0].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link, follow=True)
    assert "wird von unserem Team geprüft" in confirmed.content.decode()
    reply = StoryComment.objects.get(user_email="erika@example.org")
    assert reply.status == CommentStatus.PENDING
    assert len(mail.outbox) == 1  # nothing for Anna while the reply is held

    with django_capture_on_commit_callbacks(execute=True):
        reply.status = CommentStatus.PUBLISHED
        reply.save()
    assert "genau so war es bei uns auch" in client.get(story.url).content.decode()
    follow_up = mail.outbox[-1]
    assert follow_up.to == ["anna@example.org"]
    assert "genau so war es bei uns auch" in follow_up.body

    mute = re.search(r"http://testserver(/kommentare/stumm/\S+/)", follow_up.body).group(1)
    assert client.get(mute).status_code == 200
    assert client.post(mute).status_code == 200
    anna.refresh_from_db()
    assert not anna.followup
