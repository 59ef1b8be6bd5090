"""The dashboard's "Geplant" panel shows editors what the schedule will do next, and raises the alarm when
it did not do it."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import GroupPagePermission

from blog.dashboard import ScheduledPanel
from blog.models import StoryPage
from blog.tests.factories import StoryPageFactory
from blog.tests.scheduling import expire, make_overdue, schedule

pytestmark = pytest.mark.django_db

ALARM = "Achtung: Die Veröffentlichung von „Der verlorene Koffer“ war für"


@pytest.fixture
def editor(admin_user):
    admin_user.first_name, admin_user.last_name = "Tobias", "Tester"
    admin_user.save()
    return admin_user


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Der verlorene Koffer", slug="koffer", live=False)


def dashboard(client, user):
    client.force_login(user)
    return client.get("/admin/").text


def test_the_panel_lists_a_scheduled_story_with_time_author_and_editor_link(client, editor, story):
    revision = schedule(story, minutes_ahead=60, user=editor)
    page = dashboard(client, editor)
    assert "Geplant" in page
    assert "Der verlorene Koffer" in page
    assert f"/admin/pages/{story.pk}/edit/" in page
    assert timezone.localtime(revision.approved_go_live_at).strftime("%d.%m.%Y %H:%M") in page
    assert "Tobias Tester" in page


def test_the_panel_lists_an_expiry_with_time_and_the_publisher(client, editor, story_index):
    story = StoryPageFactory(parent=story_index, title="Die alte Aktion", slug="aktion", live=False)
    story.expire_at = timezone.now() + datetime.timedelta(days=1)
    story.save_revision(user=editor).publish(user=editor)
    page = dashboard(client, editor)
    assert "Die alte Aktion" in page
    assert "Ablauf" in page
    assert timezone.localtime(story.expire_at).strftime("%d.%m.%Y %H:%M") in page


def test_an_overdue_publication_raises_the_alarm(client, editor, story):
    make_overdue(schedule(story, user=editor), minutes_ago=5)
    assert ALARM in dashboard(client, editor)


def test_an_overdue_expiry_raises_the_alarm(client, editor, story_index):
    story = StoryPageFactory(parent=story_index, title="Die alte Aktion", slug="aktion")
    expire(story, minutes_ago=5)
    page = dashboard(client, editor)
    assert "Achtung: „Die alte Aktion“ sollte seit" in page
    assert "Ablauf überfällig" in page


def test_an_expiry_just_due_raises_no_alarm_yet(client, editor, story_index):
    story = StoryPageFactory(parent=story_index, title="Die alte Aktion", slug="aktion")
    expire(story, minutes_ago=1)
    page = dashboard(client, editor)
    assert "Die alte Aktion" in page
    assert "sollte seit" not in page


def test_a_publication_just_due_raises_no_alarm_yet(client, editor, story):
    make_overdue(schedule(story, user=editor), minutes_ago=1)
    page = dashboard(client, editor)
    assert "Veröffentlichung" in page
    assert ALARM not in page


def test_a_future_publication_raises_no_alarm(client, editor, story):
    schedule(story, minutes_ahead=60, user=editor)
    page = dashboard(client, editor)
    assert "Der verlorene Koffer" in page
    assert ALARM not in page


def test_an_admin_user_without_rights_on_stories_sees_no_scheduled_story(
    client, django_user_model, editor, story
):
    make_overdue(schedule(story))
    assert ALARM in dashboard(client, editor)
    group = Group.objects.create(name="Nur Kommentare")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    moderator = django_user_model.objects.create_user("moderatorin", password="x")  # noqa: S106
    moderator.groups.add(group)
    page = dashboard(client, moderator)
    assert "Der verlorene Koffer" not in page
    assert "Achtung" not in page


def test_an_editor_of_the_stories_sees_them(client, django_user_model, story, story_index):
    make_overdue(schedule(story))
    group = Group.objects.create(name="Nur Geschichten")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=story_index, permission=Permission.objects.get(codename="change_page")
    )
    editor = django_user_model.objects.create_user("redakteurin", password="x")  # noqa: S106
    editor.groups.add(group)
    assert ALARM in dashboard(client, editor)


def test_the_panel_takes_two_queries_however_many_stories_are_scheduled(
    rf, editor, story_index, django_assert_max_num_queries
):
    for number in range(3):
        schedule(StoryPageFactory(parent=story_index, live=False), user=editor)
        expiring = StoryPageFactory(parent=story_index, live=False)
        expiring.expire_at = timezone.now() + datetime.timedelta(days=number + 1)
        expiring.save_revision(user=editor).publish(user=editor)
    request = rf.get("/admin/")
    request.user = editor
    ContentType.objects.get_for_model(StoryPage)
    with django_assert_max_num_queries(2):
        context = ScheduledPanel().get_context_data({"request": request})
        assert [revision.user for revision in context["publications"]] == [editor] * 3
        assert [story.live_revision.user for story in context["expiries"]] == [editor] * 3
