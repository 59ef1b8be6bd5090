"""Go-live and expiry dates fire on time: the story appears or disappears everywhere a reader looks,
once, whoever runs the schedule."""

import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection, connections
from wagtail.models import PageLogEntry

from blog.tests.factories import StoryPageFactory
from blog.tests.scheduling import expire, make_overdue, schedule
from core.cache import limits_cache
from core.management.commands.publish_scheduled import ADVISORY_LOCK_ID, LOCK_KEY
from core.management.commands.run_schedule import seconds_to_next_minute

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_story(story_index):
    story = StoryPageFactory(parent=story_index, title="Der verlorene Koffer", slug="koffer", live=False)
    make_overdue(schedule(story))
    return story


def scheduled_publications(story):
    return PageLogEntry.objects.filter(page=story, action="wagtail.publish.scheduled").count()


def test_a_due_story_appears_on_the_index_after_the_schedule_runs(client, due_story, page_cache):
    assert "Der verlorene Koffer" not in client.get("/blog/").text
    call_command("publish_scheduled")
    assert "Der verlorene Koffer" in client.get("/blog/").text


def test_a_scheduled_publication_purges_the_story_and_its_listings(due_story, purged):
    call_command("publish_scheduled")
    assert {"http://localhost/blog/koffer/", "http://localhost/blog/", "http://localhost/"} <= set(purged)


def test_an_expired_story_disappears_from_the_index(client, story_index, page_cache):
    story = StoryPageFactory(parent=story_index, title="Die alte Aktion", slug="aktion")
    assert "Die alte Aktion" in client.get("/blog/").text
    expire(story)
    call_command("publish_scheduled")
    assert "Die alte Aktion" not in client.get("/blog/").text
    assert client.get("/blog/aktion/").status_code == 404


def test_an_expiry_purges_the_story_and_its_listings(story_index, purged):
    story = StoryPageFactory(parent=story_index, slug="aktion")
    expire(story)
    purged.clear()
    call_command("publish_scheduled")
    assert {"http://localhost/blog/aktion/", "http://localhost/blog/", "http://localhost/"} <= set(purged)


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the advisory lock is PostgreSQL's; elsewhere the cache holds it",
)
not_on_postgresql = pytest.mark.skipif(
    connection.vendor == "postgresql", reason="on PostgreSQL the advisory lock is taken instead"
)


@not_on_postgresql
def test_a_run_while_another_is_under_way_publishes_nothing(due_story):
    limits_cache.add(LOCK_KEY, "running", 60)
    call_command("publish_scheduled", stdout=io.StringIO())
    assert scheduled_publications(due_story) == 0


@pytest.fixture
def other_server():
    """A second database session, as another app server running the schedule would have."""
    session = connections.create_connection("default")
    yield session
    session.close()


# Not a transactional test: its flush would empty the database for the tests after it (the browser tests
# take their snapshot of the migrations' data later). The lock belongs to the other session, whatever
# this test's transaction does.
@on_postgresql
def test_a_run_while_another_server_holds_the_lock_publishes_nothing_until_it_ends(due_story, other_server):
    with other_server.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_ID])
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    assert "Another run" in output.getvalue()
    assert scheduled_publications(due_story) == 0
    # A server that dies loses its session, and the lock with it.
    other_server.close()
    call_command("publish_scheduled", stdout=io.StringIO())
    assert scheduled_publications(due_story) == 1


@on_postgresql
def test_on_postgresql_the_schedule_runs_with_redis_away(due_story):
    with mock.patch.object(limits_cache, "add", side_effect=ConnectionError("Redis is away")):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert scheduled_publications(due_story) == 1


def test_the_next_run_after_a_finished_one_publishes_nothing_more(due_story):
    call_command("publish_scheduled")
    call_command("publish_scheduled")
    assert scheduled_publications(due_story) == 1


def test_make_run_s_schedule_publishes_what_is_due_and_stops_on_ctrl_c(client, due_story):
    with mock.patch("core.management.commands.run_schedule.time.sleep", side_effect=KeyboardInterrupt):
        call_command("run_schedule", stdout=io.StringIO())
    assert "Der verlorene Koffer" in client.get("/blog/").text


def test_the_schedule_runs_at_the_start_of_each_minute():
    assert seconds_to_next_minute(now=120.0) == 60
    assert seconds_to_next_minute(now=150.5) == 29.5
