"""A story's address: an abandoned draft keeps none, so the next try may take it; a story that readers
know or are about to know keeps its own, and readers always reach the live story at an address."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Workflow

from blog.models import StoryPage
from blog.tests.editor import (
    add_url,
    bare_story,
    complete_story,
    field_error,
    log_in_as_chief_editor,
    log_in_as_editor,
)
from blog.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

TAKEN = "Der Kurztitel „ein-esel-findet-heim“ gehört schon zu „Wie Esel Emil heimkam“ – bitte einen anderen wählen."


@pytest.fixture
def chief(client, django_user_model):
    return log_in_as_chief_editor(client, django_user_model)


@pytest.fixture
def abandoned_draft(story_index):
    """What autosave left behind when the editor gave up on the first try."""
    return StoryPageFactory(
        parent=story_index, title="Ein Esel findet heim", slug="ein-esel-findet-heim", live=False
    )


def holder(story_index, django_user_model, kind):
    """A story at "ein-esel-findet-heim" that readers know (live, published before) or are about to
    know (in review, scheduled)."""
    story = StoryPageFactory(
        parent=story_index, title="Wie Esel Emil heimkam", slug="ein-esel-findet-heim", live=kind == "live"
    )
    if kind == "published before":
        story.save_revision().publish()
        story.unpublish()
    elif kind == "in review":
        submitter = django_user_model.objects.create_user("erwin", "erwin@example.org", "x")
        Workflow.objects.get(name="Redaktionelle Freigabe").start(story, submitter)
    elif kind == "scheduled":
        story.go_live_at = timezone.now() + datetime.timedelta(days=1)
        story.save_revision().publish()
    return story


def test_the_next_try_publishes_at_the_address_an_abandoned_draft_has(
    client, chief, story_index, abandoned_draft
):
    response = client.post(
        add_url(story_index), complete_story(client, story_index, **{"action-publish": "1"})
    )

    assert response.status_code == 302
    assert StoryPage.objects.filter(slug="ein-esel-findet-heim").count() == 2
    assert StoryPage.objects.live().get(slug="ein-esel-findet-heim").pk != abandoned_draft.pk


def test_autosaving_the_next_try_raises_no_warning(client, chief, story_index, abandoned_draft):
    response = client.post(
        add_url(story_index), bare_story(client, story_index), headers={"Accept": "application/json"}
    )

    assert response.json()["success"]


def test_the_next_try_may_also_be_submitted_for_review(
    client, django_user_model, story_index, abandoned_draft
):
    log_in_as_editor(client, django_user_model)

    response = client.post(
        add_url(story_index), complete_story(client, story_index, **{"action-submit": "1"})
    )

    assert response.status_code == 302


@pytest.mark.parametrize("kind", ["live", "published before", "in review", "scheduled"])
def test_an_address_readers_know_or_are_about_to_know_is_refused_on_publication(
    client, chief, django_user_model, story_index, kind
):
    holder(story_index, django_user_model, kind)

    response = client.post(
        add_url(story_index), complete_story(client, story_index, **{"action-publish": "1"})
    )

    assert field_error(response, "slug") == TAKEN
    assert StoryPage.objects.filter(slug="ein-esel-findet-heim").count() == 1


def test_a_taken_address_is_refused_on_submission(client, django_user_model, story_index):
    holder(story_index, django_user_model, "live")
    log_in_as_editor(client, django_user_model)

    response = client.post(
        add_url(story_index), complete_story(client, story_index, **{"action-submit": "1"})
    )

    assert field_error(response, "slug") == TAKEN


def test_a_draft_is_saved_at_a_taken_address_and_told_only_on_publication(
    client, chief, django_user_model, story_index
):
    holder(story_index, django_user_model, "live")

    autosaved = client.post(
        add_url(story_index), bare_story(client, story_index), headers={"Accept": "application/json"}
    )

    assert autosaved.json()["success"]


def test_readers_reach_the_live_story_when_an_older_draft_has_its_address(
    client, story_index, abandoned_draft
):
    StoryPageFactory(parent=story_index, title="Wie Esel Emil heimkam", slug="ein-esel-findet-heim")

    response = client.get("/blog/ein-esel-findet-heim/")

    assert response.status_code == 200
    assert "Wie Esel Emil heimkam" in response.content.decode()


def test_two_live_stories_never_share_an_address(django_user_model, story_index, abandoned_draft):
    holder(story_index, django_user_model, "live")

    with pytest.raises(ValidationError):
        abandoned_draft.save_revision().publish()

    assert StoryPage.objects.live().filter(slug="ein-esel-findet-heim").count() == 1
