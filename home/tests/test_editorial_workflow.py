"""Redaktionelle Freigabe: the Redaktion writes and submits, the Chefredaktion approves (which publishes or
schedules) or sends back with a comment; everyone involved hears of it by mail, in their admin language."""

import datetime
import zoneinfo
from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Task, Workflow
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield
from wagtail.users.models import UserProfile

from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryPageFactory
from home.editorial import EditorialApprovalTask

pytestmark = pytest.mark.django_db
migration = import_module("home.migrations.0005_editorial_workflow")

TITLE = "Ein Esel findet heim"
REVIEW_ACTIONS = {"Zurück an die Redaktion", "Freigeben und veröffentlichen", "Mit Kommentar freigeben"}
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def member(django_user_model, username, first_name, last_name, group):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "x", first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, "mara", "Mara", "Beispiel", "Redaktion")


@pytest.fixture
def chief(django_user_model):
    return member(django_user_model, "christa", "Christa", "Chef", "Chefredaktion")


@pytest.fixture
def story(story_index, editor):
    """A draft that keeps the house rules (hero image with alt text, teaser, author, category)."""
    return StoryPageFactory(
        parent=story_index,
        title=TITLE,
        slug="esel",
        live=False,
        owner=editor,
        authors=[AuthorFactory(name="Mara Beispiel")],
        categories=[StoryCategoryFactory(name="Kundenservice")],
    )


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def open_editor(client, user, page):
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu_labels(client, user, page):
    """The labels of the action menu at the foot of the page editor."""
    footer = open_editor(client, user, page).select_one("footer")
    return [" ".join(item.get_text(" ", strip=True).split()) for item in footer.select("button, a")]


def send_editor_form(client, user, page, action, **changes):
    """What clicking `action` in the page editor sends (the body is built by the browser's script)."""
    html = str(open_editor(client, user, page))
    data = querydict_from_html(html, form_id="page-edit-form").copy()
    body = streamfield([("paragraph", rich_text("<p>Emil ist zurück.</p>"))])
    data.update(nested_form_data({"body": body}))
    data.update(changes)
    data[action] = action
    response = client.post(edit_url(page), data)
    assert response.status_code == 302
    return response


def submit(client, editor, story, **changes):
    send_editor_form(client, editor, story, "action-submit", **changes)
    story.refresh_from_db()
    assert story.workflow_in_progress


def decide(client, reviewer, story, action, comment=None, **headers):
    """A decision in the dialog the reviewer opens from the action menu or the dashboard."""
    client.force_login(reviewer)
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, action, task_state.pk])
    return client.post(url, {} if comment is None else {"comment": comment}, **headers)


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


# The groups and what they may do


def permissions_of(group):
    return (
        {(p.content_type.app_label, p.codename) for p in group.permissions.all()},
        {
            (gpp.page.depth, gpp.permission.codename)
            for gpp in GroupPagePermission.objects.filter(group=group)
        },
        {
            (gcp.collection.depth, gcp.permission.codename)
            for gcp in GroupCollectionPermission.objects.filter(group=group)
        },
    )


def test_redaktion_may_write_edit_and_submit_but_not_publish():
    global_permissions, page_permissions, collection_permissions = permissions_of(
        Group.objects.get(name="Redaktion")
    )
    assert global_permissions == {
        ("wagtailadmin", "access_admin"),
        ("blog", "add_author"),
        ("blog", "change_author"),
        ("blog", "add_storycategory"),
        ("blog", "change_storycategory"),
    }
    assert page_permissions == {(1, "add_page"), (1, "change_page")}
    assert collection_permissions == {
        (1, "add_image"),
        (1, "change_image"),
        (1, "choose_image"),
        (1, "add_document"),
        (1, "change_document"),
        (1, "choose_document"),
    }


def test_chefredaktion_may_also_publish_lock_and_delete():
    global_permissions, page_permissions, collection_permissions = permissions_of(
        Group.objects.get(name="Chefredaktion")
    )
    assert global_permissions == {
        ("wagtailadmin", "access_admin"),
        ("blog", "add_author"),
        ("blog", "change_author"),
        ("blog", "delete_author"),
        ("blog", "add_storycategory"),
        ("blog", "change_storycategory"),
        ("blog", "delete_storycategory"),
    }
    assert page_permissions == {
        (1, "add_page"),
        (1, "change_page"),
        (1, "publish_page"),
        (1, "lock_page"),
        (1, "unlock_page"),
    }
    assert collection_permissions == {
        (1, f"{action}_{model}")
        for action in ("add", "change", "choose", "delete")
        for model in ("image", "document")
    }


def test_wagtails_groups_are_renamed_and_the_comment_moderators_stay():
    assert set(Group.objects.values_list("name", flat=True)) == {"Redaktion", "Chefredaktion", "Moderatoren"}


def test_the_whole_site_goes_through_redaktionelle_freigabe(story):
    workflow = Workflow.objects.get()
    assert workflow.name == "Redaktionelle Freigabe"
    assert workflow.active
    assert Page.get_first_root_node().get_workflow() == workflow
    assert story.get_workflow() == workflow
    [task] = workflow.tasks.specific()
    assert task.name == "Freigabe durch die Chefredaktion"
    assert task.active
    assert isinstance(task, EditorialApprovalTask)
    assert [group.name for group in task.groups.all()] == ["Chefredaktion"]


def test_a_review_step_added_in_the_admin_stays_of_its_kind():
    task = EditorialApprovalTask.objects.create(name="Freigabe durch die Rechtsabteilung")
    assert isinstance(Task.objects.get(pk=task.pk).specific, EditorialApprovalTask)


@pytest.fixture
def migration_apps():
    """The models as the migration sees them (not the project's: running it with those would leave
    their registry and caches changed for later tests)."""
    return MigrationExecutor(connection).loader.project_state(("home", "0005_editorial_workflow")).apps


def test_a_database_where_editors_could_publish_is_put_right(django_user_model, migration_apps):
    """As after Wagtail's migrations and home/0002 (which reversing restores): Editors publish directly."""
    migration.backwards(migration_apps, None)
    editors = Group.objects.get(name="Editors")
    assert (1, "publish_page") in permissions_of(editors)[1]
    assert Workflow.objects.get().name == "Moderators approval"
    assert type(Task.objects.get().specific) is not EditorialApprovalTask
    erika = django_user_model.objects.create_user("erika")
    erika.groups.add(editors)

    migration.forwards(migration_apps, None)

    assert [group.name for group in erika.groups.all()] == ["Redaktion"]
    assert permissions_of(Group.objects.get(name="Redaktion"))[1] == {(1, "add_page"), (1, "change_page")}
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert Workflow.objects.get().name == "Redaktionelle Freigabe"
    assert isinstance(Task.objects.get().specific, EditorialApprovalTask)


# Only the Chefredaktion publishes directly


def test_an_editor_cannot_publish_directly(client, editor, story):
    assert "Veröffentlichen" not in menu_labels(client, editor, story)
    send_editor_form(client, editor, story, "action-publish")
    story.refresh_from_db()
    assert not story.live
    assert not story.workflow_in_progress


def test_the_chefredaktion_publishes_directly(client, chief, story):
    assert "Veröffentlichen" in menu_labels(client, chief, story)
    send_editor_form(client, chief, story, "action-publish")
    story.refresh_from_db()
    assert story.live


# What the action menu says


def test_the_editor_submits_for_approval_in_plain_german(client, editor, story):
    labels = menu_labels(client, editor, story)
    assert "Zur Freigabe einreichen" in labels
    assert not [label for label in labels if "Redaktionelle Freigabe" in label or "Moderation" in label]
    submit(client, editor, story)
    labels = menu_labels(client, editor, story)
    assert "Freigabe abbrechen" in labels
    assert not [label for label in labels if "Workflow" in label]


def test_the_reviewer_sees_what_each_decision_does(client, editor, chief, story):
    submit(client, editor, story)
    labels = menu_labels(client, chief, story)
    assert REVIEW_ACTIONS.issubset(labels)
    assert not [label for label in labels if "Veröffentlichen" in label and label != "Veröffentlichen"]


def test_the_reviewers_dashboard_uses_the_same_words(client, editor, chief, story):
    submit(client, editor, story)
    client.force_login(chief)
    page = client.get("/admin/").content.decode()
    assert TITLE in page
    for label in REVIEW_ACTIONS:
        assert label in page


def test_english_admin_users_get_english_labels(client, editor, chief, story):
    assert "Submit for approval" in menu_labels(client, in_english(editor), story)
    submit(client, editor, story)
    labels = menu_labels(client, in_english(chief), story)
    assert {"Send back to the editors", "Approve and publish", "Approve with comment"}.issubset(labels)


# Submitting: the Chefredaktion hears of it


def test_submitting_mails_the_chefredaktion_who_sent_what_and_where_to_review(
    client, django_user_model, editor, chief, story
):
    colleague = member(django_user_model, "ole", "Ole", "Kollege", "Redaktion")
    django_user_model.objects.create_superuser("admin", "admin@example.org", "x")

    submit(client, editor, story)

    assert [message.to for message in mail.outbox] == [[chief.email]]  # not the Redaktion, not the admins
    [message] = mails_to(chief)
    assert message.subject == f"Zur Freigabe: „{TITLE}“"
    assert message.body.startswith("Hallo Christa,")
    assert f"Mara Beispiel hat „{TITLE}“ zur Freigabe eingereicht." in message.body
    assert f"http://testserver{edit_url(story)}" in message.body
    assert not mails_to(colleague)


def test_a_reviewer_working_in_english_gets_the_mail_in_english(client, editor, chief, story):
    in_english(chief)
    submit(client, editor, story)
    [message] = mails_to(chief)
    assert message.subject == f"For approval: “{TITLE}”"
    assert f"Mara Beispiel has submitted “{TITLE}” for approval." in message.body


# Sending back: the editor hears what to change


def test_sending_back_mails_the_editor_the_comment(client, editor, chief, story):
    submit(client, editor, story)
    mail.outbox.clear()

    decide(client, chief, story, "reject", comment="Bitte den Schluss kürzen & Emil erwähnen.")

    story.refresh_from_db()
    assert not story.live
    [message] = mails_to(editor)
    assert message.subject == f"Zurück an die Redaktion: „{TITLE}“"
    assert f"Christa Chef hat „{TITLE}“ an die Redaktion zurückgegeben." in message.body
    assert "„Bitte den Schluss kürzen & Emil erwähnen.“" in message.body
    assert f"http://testserver{edit_url(story)}" in message.body


def test_the_editor_opens_the_story_to_the_comment_and_resubmits(client, editor, chief, story):
    submit(client, editor, story)
    decide(client, chief, story, "reject", comment="Bitte den Schluss kürzen.")

    banner = "Christa Chef hat die Seite an die Redaktion zurückgegeben: „Bitte den Schluss kürzen.“"
    assert banner in open_editor(client, editor, story).text
    labels = menu_labels(client, editor, story)
    assert "Erneut zur Freigabe einreichen" in labels
    assert "Freigabe von vorn beginnen" not in labels  # one step: it would do the same
    mail.outbox.clear()
    submit(client, editor, story)
    assert [message.subject for message in mails_to(chief)] == [f"Zur Freigabe: „{TITLE}“"]


def test_sending_back_needs_a_comment(client, editor, chief, story):
    submit(client, editor, story)
    response = decide(client, chief, story, "reject", comment="", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert "Bitte schreiben Sie der Redaktion, was sie ändern soll." in response.json()["html"]
    story.refresh_from_db()
    assert story.workflow_in_progress


# Approving: published (or scheduled), listed, purged, and the editor is told


def test_approving_publishes_the_story_and_lists_it(client, editor, chief, story):
    submit(client, editor, story)
    assert TITLE not in Client().get("/blog/").content.decode()

    decide(client, chief, story, "approve")

    story.refresh_from_db()
    assert story.live
    assert TITLE in Client().get("/blog/").content.decode()


def test_approving_purges_what_publishing_by_hand_purges(client, editor, chief, story, story_index, purged):
    other = StoryPageFactory(
        parent=story_index,
        slug="koffer",
        live=False,
        date=story.date,
        authors=story.authors,
        categories=story.categories.all(),
    )
    purged.clear()
    other.save_revision().publish()
    by_hand = {url.replace("/koffer/", "/esel/") for url in purged}
    submit(client, editor, story)
    purged.clear()

    decide(client, chief, story, "approve")

    assert set(purged) == by_hand


def test_approving_mails_the_editor_that_the_story_is_live(client, editor, chief, story):
    submit(client, editor, story)
    mail.outbox.clear()

    decide(client, chief, story, "approve", comment="Schön geworden!")

    [message] = mails_to(editor)
    assert message.subject == f"Freigegeben und veröffentlicht: „{TITLE}“"
    assert f"Christa Chef hat „{TITLE}“ freigegeben." in message.body
    assert "Die Seite ist jetzt veröffentlicht:\nhttp://localhost/blog/esel/" in message.body
    assert "„Schön geworden!“" in message.body


def test_a_future_go_live_date_makes_approval_schedule_and_the_mail_says_when(client, editor, chief, story):
    go_live_at = datetime.datetime(2031, 12, 24, 10, 0, tzinfo=BERLIN)
    submit(client, editor, story, go_live_at="2031-12-24 10:00")
    assert "Freigeben und einplanen" in menu_labels(client, chief, story)
    mail.outbox.clear()

    decide(client, chief, story, "approve")

    story.refresh_from_db()
    assert not story.live
    assert story.scheduled_revision.approved_go_live_at == go_live_at
    assert TITLE not in Client().get("/blog/").content.decode()
    [message] = mails_to(editor)
    assert message.subject == f"Freigegeben und eingeplant: „{TITLE}“"
    assert "Die Seite wird am 24. Dezember 2031 um 10:00 Uhr veröffentlicht" in message.body
