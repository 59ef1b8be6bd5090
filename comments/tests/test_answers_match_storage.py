"""An answer never contradicts what was stored: whatever can fail comes before the commit, and the mails
and front-cache purges a change sets off are queued in its own transaction (in production the task
queue is a table), so they are stored with the change or not at all."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.db.utils import OperationalError
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from redis.exceptions import ConnectionError as RedisConnectionError

from blog.models import StoryPage
from blog.tests.front_cache import RecordingBackend
from comments.models import CommentConfirmation, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FRONT_CACHE = {"test": {"BACKEND": f"{RecordingBackend.__module__}.RecordingBackend"}}
PURGE_TASK = "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task"
REFRESH_TASK = "core.frontend_cache.refresh_urls_task"


@pytest.fixture
def reader():
    """A reader's browser on our own page; a failure shows as the 503 page, as in production."""
    return Client(headers={"Sec-Fetch-Site": "same-origin"}, raise_request_exception=False)


def test_a_post_that_cannot_be_answered_is_not_stored_or_mailed(reader, story, policy):
    story_url_fails = mock.PropertyMock(side_effect=RedisConnectionError("weg"))
    with mock.patch.object(StoryPage, "url", new_callable=lambda: story_url_fails):
        response = reader.post(POST_URL, comment_data(story))

    assert response.status_code == 503
    assert not StoryComment.objects.exists()
    assert mail.outbox == []


def test_a_confirmation_whose_purge_cannot_be_queued_is_not_stored(reader, client, story, policy):
    StoryCommentFactory(
        story=story, user_email="erika@example.org", comment="Schon einmal hier."
    )  # returning
    client.post(POST_URL, comment_data(story))
    link = confirmation_link(mail.outbox[-1])

    with (
        override_settings(WAGTAILFRONTENDCACHE=FRONT_CACHE),
        mock.patch("core.purging.purge_urls_from_cache_task") as purge_task,
        mock.patch("core.purging.refresh_urls_task") as refresh_task,
    ):
        purge_task.enqueue.side_effect = OperationalError("Datenbank weg")
        refresh_task.enqueue.side_effect = OperationalError("Datenbank weg")
        response = reader.post(link)

    assert response.status_code == 503
    comment = StoryComment.objects.get(comment__startswith="Was für eine schöne Geschichte!")
    assert comment.status == CommentStatus.UNCONFIRMED
    assert CommentConfirmation.objects.get(comment=comment).used_at is None  # the link still works
    assert reader.post(link).status_code == 302


def queued_for(story, task_path):
    return [
        task
        for task in DBTaskResult.objects.filter(task_path=task_path)
        if any(url.endswith(story.url) for url in task.args_kwargs["args"][0])
    ]


def now_and_a_little_later(tasks):
    """The same addresses queued twice: once to run at once, once a few seconds later."""
    assert len(tasks) == 2
    assert len({str(task.args_kwargs) for task in tasks}) == 1
    soon = timezone.now() + datetime.timedelta(minutes=1)
    waiting = [task.run_after - task.enqueued_at for task in tasks if task.run_after < soon]
    assert len(waiting) == 1  # the other one runs at once
    return waiting[0]


@override_settings(TASKS=DATABASE_TASKS, WAGTAILFRONTENDCACHE=FRONT_CACHE)
def test_a_published_comment_queues_its_refresh_now_and_once_more_a_little_later(story, policy):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    DBTaskResult.objects.all().delete()

    comment.status = CommentStatus.PUBLISHED
    comment.save()

    later = now_and_a_little_later(queued_for(story, REFRESH_TASK))
    assert datetime.timedelta(seconds=2) <= later <= datetime.timedelta(seconds=15)
    assert queued_for(story, PURGE_TASK) == []  # readers keep the old copy while the new one is fetched


@override_settings(TASKS=DATABASE_TASKS, WAGTAILFRONTENDCACHE=FRONT_CACHE)
def test_a_hidden_comment_is_purged_at_once_even_right_after_one_was_shown(story, policy):
    hidden = StoryCommentFactory(story=story, status=CommentStatus.PUBLISHED)
    shown = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    shown.status = CommentStatus.PUBLISHED
    shown.save()  # opens the story's refresh window
    DBTaskResult.objects.all().delete()

    hidden.status = CommentStatus.REMOVED
    hidden.save()

    later = now_and_a_little_later(queued_for(story, PURGE_TASK))
    assert datetime.timedelta(seconds=2) <= later <= datetime.timedelta(seconds=5)  # no window to wait for
    assert queued_for(story, REFRESH_TASK) == []
