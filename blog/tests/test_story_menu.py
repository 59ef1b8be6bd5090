"""Editors find their way: "Neue Geschichte" one click from the menu and the dashboard, and "Alle
Geschichten" lists every story with its status in plain words, for those who may work with stories."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import GroupPagePermission, Workflow
from wagtail.users.models import UserProfile

from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryIndexPageFactory, StoryPageFactory
from blog.tests.scheduling import schedule

pytestmark = pytest.mark.django_db

# Group names as the data migrations create them: a rename only needs changing here.
EDITORS, CHIEF_EDITORS = "Redaktion", "Chefredaktion"
COMMENT_MODERATORS = "Moderatoren"

NEW_STORY = "/admin/geschichten/choose_parent/"
LISTING = "/admin/geschichten/"


def user_in(django_user_model, group_name, username="redakteurin"):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "geheim-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def user_with_page_permission(django_user_model, page, codename, username="lektorin"):
    """Someone in a group that may use the admin and do `codename` on `page` and below, nothing else."""
    group = Group.objects.create(name=f"Nur {codename}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename=codename)
    )
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "geheim-123")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, story_index):
    return user_in(django_user_model, EDITORS)


def unpack(value, refs):
    """A value from Wagtail's sidebar props with telepath's repeated-value references resolved."""
    if isinstance(value, list):
        return [unpack(item, refs) for item in value]
    if not isinstance(value, dict):
        return value
    if "_ref" in value:
        return refs[value["_ref"]]
    if "_val" in value:
        refs[value["_id"]] = resolved = unpack(value["_val"], refs)
        return resolved
    resolved = {key: unpack(item, refs) for key, item in value.items()}
    if "_id" in value:
        refs[value["_id"]] = resolved
    return resolved


def story_menu(client, user):
    """The entries of the sidebar's "Geschichten" menu as (label, url), as the admin shows them to `user`;
    None when there is no such menu."""
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.SubMenuItem" and node["_args"][0]["name"] == "stories":
                found.append(
                    [(item["_args"][0]["label"], item["_args"][0]["url"]) for item in node["_args"][1]]
                )
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(unpack(json.loads(props.group(1)), {}))
    return found[0] if found else None


def menu_labels(client, user):
    return [label for label, _url in story_menu(client, user) or []]


def listed_titles(html):
    """The titles of the stories in the listing, top to bottom."""
    return re.findall(r'<span id="page_\d+_title">\s*(.*?)\s*</span>', html, re.S)


def status_cell(html, title):
    """The text of the status column in the listing row of the story called `title`."""
    row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*>\s*{re.escape(title)}\s*<(?:(?!</tr>).)*</tr>", html, re.S)
    assert row, f"no row for {title!r}"
    cells = re.findall(r'<span class="w-status[^"]*">\s*(.*?)\s*</span>', row.group(0), re.S)
    return cells[0] if cells else None


# The menu


def test_an_editor_finds_new_story_and_the_listing_before_authors_and_categories(client, editor):
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["add_author", "add_storycategory"]))
    assert menu_labels(client, editor) == [
        "Neue Geschichte",
        "Alle Geschichten",
        "Autorinnen und Autoren",
        "Kategorien",
    ]


def test_a_comment_moderator_has_no_story_menu(client, django_user_model, story_index):
    moderator = user_in(django_user_model, COMMENT_MODERATORS, username="mara")
    assert story_menu(client, moderator) is None


def test_someone_who_may_only_edit_stories_gets_the_listing_but_no_new_story(
    client, django_user_model, story_index
):
    proofreader = user_with_page_permission(django_user_model, story_index, "change_page")
    assert menu_labels(client, proofreader) == ["Alle Geschichten"]


def test_add_permission_elsewhere_in_the_tree_gives_no_new_story(client, django_user_model, story_index):
    story = StoryPageFactory(parent=story_index, hero_image=None)
    someone = user_with_page_permission(django_user_model, story, "add_page")
    assert "Neue Geschichte" not in menu_labels(client, someone)


def test_an_english_admin_reads_the_menu_in_english(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    assert menu_labels(client, editor)[:2] == ["New story", "All stories"]


def test_new_story_lands_on_the_form_for_a_story_below_the_index_in_one_click(client, editor, story_index):
    url = dict(story_menu(client, editor))["Neue Geschichte"]
    response = client.get(url, follow=True)
    assert response.redirect_chain == [(f"/admin/pages/add/blog/storypage/{story_index.pk}/", 302)]
    assert 'id="page-edit-form"' in response.text
    assert "Geschichte" in response.text


def test_with_two_story_indexes_the_editor_first_chooses_where(client, editor, story_index, home_page):
    archive = StoryIndexPageFactory(parent=home_page, title="Archiv der Geschichten", slug="archiv")
    client.force_login(editor)
    form = client.get(NEW_STORY)
    assert form.status_code == 200
    assert 'name="parent_page"' in form.text
    response = client.post(NEW_STORY, {"parent_page": archive.pk})
    assert response.url == f"/admin/pages/add/blog/storypage/{archive.pk}/"


def test_the_listing_is_refused_to_a_comment_moderator(client, django_user_model, story_index):
    client.force_login(user_in(django_user_model, COMMENT_MODERATORS, username="mara"))
    response = client.get(LISTING)
    assert response.status_code == 302
    assert response.url == "/admin/"


# The listing


@pytest.fixture
def chief_editor(django_user_model, story_index):
    return user_in(django_user_model, CHIEF_EDITORS, username="chefin")


@pytest.fixture
def stories_in_every_state(story_index, editor, chief_editor):
    def story(title, **kwargs):
        return StoryPageFactory(parent=story_index, title=title, hero_image=None, **kwargs)

    workflow = Workflow.objects.first()
    story("Nur ein Entwurf", live=False)
    workflow.start(story("Wartet auf Freigabe", live=False), editor)
    scheduled = schedule(story("Kommt bald", live=False), minutes_ahead=90, user=chief_editor)
    story("Längst erschienen")
    changed = story("Erschienen und überarbeitet")
    changed.title = "Erschienen und überarbeitet"
    changed.save_revision(user=editor)
    reviewed = story("Erschienen, Änderung wartet")
    workflow.start(reviewed, editor)
    story("Abgelaufene Aktion").unpublish(set_expired=True)
    story("Zurückgezogen").unpublish()
    rescheduled = schedule(story("Erschienen, neue Fassung geplant"), minutes_ahead=120, user=chief_editor)
    return {"scheduled": scheduled, "rescheduled": rescheduled}


def local(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def test_the_listing_names_each_story_status_in_plain_german(client, editor, stories_in_every_state):
    client.force_login(editor)
    html = client.get(LISTING).text
    scheduled_at = stories_in_every_state["scheduled"].approved_go_live_at
    rescheduled_at = stories_in_every_state["rescheduled"].approved_go_live_at
    assert {
        title: status_cell(html, title)
        for title in [
            "Nur ein Entwurf",
            "Wartet auf Freigabe",
            "Kommt bald",
            "Längst erschienen",
            "Erschienen und überarbeitet",
            "Erschienen, Änderung wartet",
            "Abgelaufene Aktion",
            "Zurückgezogen",
            "Erschienen, neue Fassung geplant",
        ]
    } == {
        "Nur ein Entwurf": "Entwurf",
        "Wartet auf Freigabe": "In Freigabe",
        "Kommt bald": f"Geplant ab {local(scheduled_at)}",
        "Längst erschienen": "Live",
        "Erschienen und überarbeitet": "Live, mit Entwurf",
        "Erschienen, Änderung wartet": "Live, Änderungen in Freigabe",
        "Abgelaufene Aktion": "Abgelaufen",
        "Zurückgezogen": "Offline",
        "Erschienen, neue Fassung geplant": f"Live, Änderungen geplant ab {local(rescheduled_at)}",
    }


def test_each_title_links_to_the_story_editor(client, editor, story_index):
    story = StoryPageFactory(parent=story_index, title="Der verlorene Koffer", hero_image=None, live=False)
    client.force_login(editor)
    assert f'href="/admin/pages/{story.pk}/edit/"' in client.get(LISTING).text


def test_the_listing_shows_authors_and_the_story_date(client, editor, story_index):
    StoryPageFactory(
        parent=story_index,
        title="Der verlorene Koffer",
        hero_image=None,
        date=datetime.date(2026, 2, 3),
        authors=[AuthorFactory(name="Mara Beispiel"), AuthorFactory(name="Jonas Muster")],
    )
    client.force_login(editor)
    html = client.get(LISTING).text
    assert "Mara Beispiel, Jonas Muster" in html
    assert "3. Februar 2026" in html


def titles_listed(client, query):
    return set(listed_titles(client.get(LISTING + query).text))


def test_the_status_filter_keeps_only_stories_in_that_status(client, editor, stories_in_every_state):
    client.force_login(editor)
    assert titles_listed(client, "?status=entwurf") == {"Nur ein Entwurf"}
    assert titles_listed(client, "?status=in-freigabe&status=geplant") == {
        "Wartet auf Freigabe",
        "Kommt bald",
    }


def test_the_category_and_author_filters_keep_only_their_stories(client, editor, story_index):
    service = StoryCategoryFactory(name="Kundenservice")
    mara = AuthorFactory(name="Mara Beispiel")
    StoryPageFactory(parent=story_index, title="Koffer gefunden", hero_image=None, categories=[service])
    StoryPageFactory(parent=story_index, title="Esel gerettet", hero_image=None, authors=[mara])
    StoryPageFactory(parent=story_index, title="Nichts davon", hero_image=None)
    client.force_login(editor)
    assert titles_listed(client, f"?categories={service.pk}") == {"Koffer gefunden"}
    assert titles_listed(client, f"?authors={mara.pk}") == {"Esel gerettet"}


def test_the_search_finds_stories_by_title(client, editor, story_index):
    StoryPageFactory(parent=story_index, title="Der verlorene Koffer", hero_image=None, live=False)
    StoryPageFactory(parent=story_index, title="Ein Esel findet heim", hero_image=None)
    client.force_login(editor)
    html = client.get(LISTING + "?q=Koffer").text
    assert listed_titles(html) == ["Der verlorene Koffer"]
    assert status_cell(html, "Der verlorene Koffer") == "Entwurf"


def test_the_last_changed_story_comes_first(client, editor, story_index):
    older = StoryPageFactory(parent=story_index, title="Die ältere Geschichte", hero_image=None)
    StoryPageFactory(parent=story_index, title="Die neuere Geschichte", hero_image=None)
    older.save_revision(user=editor)
    client.force_login(editor)
    assert listed_titles(client.get(LISTING).text) == ["Die ältere Geschichte", "Die neuere Geschichte"]


def test_the_listing_is_paginated(client, editor, story_index):
    for number in range(51):
        StoryPageFactory(parent=story_index, title=f"Geschichte {number:02d}", hero_image=None, live=False)
    client.force_login(editor)
    assert len(listed_titles(client.get(LISTING).text)) == 50
    assert listed_titles(client.get(LISTING + "?p=2").text) == ["Geschichte 00"]


def add_stories(story_index, editor, count):
    """`count` stories with two authors and a category, every other one live, every third in review."""
    authors = [AuthorFactory(), AuthorFactory()]
    category = StoryCategoryFactory()
    workflow = Workflow.objects.first()
    for number in range(count):
        story = StoryPageFactory(
            parent=story_index, hero_image=None, authors=authors, categories=[category], live=number % 2 == 0
        )
        if number % 3 == 0:
            workflow.start(story, editor)


def test_the_listing_of_thirty_stories_takes_no_more_queries_than_of_three(
    client, editor, story_index, django_assert_max_num_queries
):
    client.force_login(editor)
    add_stories(story_index, editor, 3)
    client.get(LISTING)  # site roots and content types are cached again after a publication
    with CaptureQueriesContext(connection) as three_stories:
        client.get(LISTING)
    budget = len(three_stories)  # counted now: the next request empties the connection's query log
    add_stories(story_index, editor, 27)
    client.get(LISTING)
    with django_assert_max_num_queries(budget):
        response = client.get(LISTING)
    assert len(listed_titles(response.text)) == 30


# The dashboard


def dashboard(client, user):
    client.force_login(user)
    return client.get("/admin/").text


def test_the_dashboard_opens_with_a_new_story_button(client, editor):
    html = dashboard(client, editor)
    assert "Meine Geschichten" in html
    assert f'href="{NEW_STORY}"' in html
    assert html.index("Meine Geschichten") < html.index("Neue Geschichte</a>")


def test_my_stories_panel_comes_before_scheduled(client, editor, story_index):
    schedule(StoryPageFactory(parent=story_index, hero_image=None, live=False))
    html = dashboard(client, editor)
    assert html.index('id="my-stories-section"') < html.index('id="scheduled-stories-section"')


def test_the_panel_lists_my_drafts_and_stories_in_review_with_status_and_edit_link(
    client, django_user_model, editor, story_index
):
    colleague = user_in(django_user_model, EDITORS, username="kollegin")
    mine = StoryPageFactory(
        parent=story_index, title="Mein Entwurf", hero_image=None, live=False, owner=editor
    )
    in_review = StoryPageFactory(parent=story_index, title="Meine in Freigabe", hero_image=None, live=False)
    in_review.save_revision(user=editor)
    Workflow.objects.first().start(in_review, editor)
    StoryPageFactory(parent=story_index, title="Meine erschienene", hero_image=None, owner=editor)
    StoryPageFactory(
        parent=story_index, title="Fremder Entwurf", hero_image=None, live=False, owner=colleague
    )
    html = dashboard(client, editor)
    assert f'href="/admin/pages/{mine.pk}/edit/">Mein Entwurf' in html
    assert f'href="/admin/pages/{in_review.pk}/edit/">Meine in Freigabe' in html
    assert "In Freigabe" in html
    assert "Meine erschienene" not in html
    assert "Fremder Entwurf" not in html


def test_the_panel_says_when_nothing_is_in_the_works(client, editor):
    assert "Gerade liegt keine Geschichte von Ihnen als Entwurf oder in der Freigabe." in dashboard(
        client, editor
    )


def test_no_panel_for_someone_who_may_not_add_stories(client, django_user_model, story_index):
    proofreader = user_with_page_permission(django_user_model, story_index, "change_page")
    moderator = user_in(django_user_model, COMMENT_MODERATORS, username="mara")
    assert "Meine Geschichten" not in dashboard(client, proofreader)
    assert "Meine Geschichten" not in dashboard(client, moderator)
