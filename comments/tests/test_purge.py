import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from blog.tests.factories import StoryPageFactory
from comments.models import CommentConfirmation, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db


def test_unconfirmed_comments_older_than_a_week_are_deleted_with_their_links(story_index):
    story = StoryPageFactory(parent=story_index)
    old = StoryCommentFactory(
        story=story, status=CommentStatus.UNCONFIRMED, submit_date=timezone.now() - datetime.timedelta(days=8)
    )
    CommentConfirmation.issue(old, valid_days=3)
    fresh = StoryCommentFactory(story=story, status=CommentStatus.UNCONFIRMED)
    published = StoryCommentFactory(story=story, submit_date=timezone.now() - datetime.timedelta(days=30))
    StoryCommentFactory(
        story=story,
        parent=published,
        status=CommentStatus.UNCONFIRMED,
        submit_date=timezone.now() - datetime.timedelta(days=8),
    )
    assert StoryComment.objects.get(pk=published.pk).nested_count == 1

    call_command("purge_unconfirmed_comments", stdout=None)

    assert set(StoryComment.objects.values_list("pk", flat=True)) == {fresh.pk, published.pk}
    assert not CommentConfirmation.objects.exists()
    assert StoryComment.objects.get(pk=published.pk).nested_count == 0
