"""The house rules in the story editor: a story goes to review or goes live only with a teaser, a hero
image with alternative text, an author and a category; drafts and autosaves are saved without them."""

import pytest
from wagtail.models import Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

from blog.models import StoryPage
from blog.tests.editor import (
    add_url,
    bare_story,
    body,
    complete_story,
    edit_url,
    editor_form_data,
    field_error,
    log_in_as_chief_editor,
    log_in_as_editor,
    panel_error,
    top_message,
)
from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

EVERYTHING_MISSING = (
    "Für die Veröffentlichung fehlt noch: ein Anreißer, ein Titelbild, eine Autorin oder ein Autor "
    "und eine Kategorie."
)


@pytest.fixture
def chief(client, django_user_model):
    return log_in_as_chief_editor(client, django_user_model)


def test_publishing_an_incomplete_story_names_everything_missing_above_the_editor(client, chief, story_index):
    response = client.post(add_url(story_index), bare_story(client, story_index, **{"action-publish": "1"}))

    assert response.status_code == 200
    assert EVERYTHING_MISSING in top_message(response)
    assert not StoryPage.objects.exists()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            "teaser",
            "Bitte einen Anreißer schreiben: er steht in Übersichten und, ohne eigene Suchbeschreibung, bei Suchmaschinen.",
        ),
        (
            "hero_image",
            "Bitte ein Titelbild wählen: Übersichten, Vorschauen und die Geschichte selbst zeigen es.",
        ),
        (
            "categories",
            "Bitte mindestens eine Kategorie wählen: über sie finden Leserinnen und Leser verwandte Geschichten.",
        ),
    ],
)
def test_each_missing_item_is_explained_at_its_field(client, chief, story_index, field, message):
    response = client.post(add_url(story_index), bare_story(client, story_index, **{"action-publish": "1"}))

    assert field_error(response, field) == message


def test_a_missing_author_is_explained_on_the_authors_panel(client, chief, story_index):
    response = client.post(add_url(story_index), bare_story(client, story_index, **{"action-publish": "1"}))

    assert (
        panel_error(response, "Autorinnen und Autoren")
        == "Bitte mindestens eine Autorin oder einen Autor hinzufügen."
    )


def test_an_incomplete_draft_is_saved_without_a_word(client, chief, story_index):
    response = client.post(add_url(story_index), bare_story(client, story_index), follow=True)

    assert StoryPage.objects.get().title == "Ein Esel findet heim"
    assert "Seite ‚Ein Esel findet heim‘ erstellt." in response.content.decode()
    assert top_message(response) == ""


def test_autosaving_an_incomplete_story_succeeds(client, chief, story_index):
    data = bare_story(client, story_index)

    response = client.post(add_url(story_index), data, headers={"Accept": "application/json"})

    assert response.json()["success"]
    assert not StoryPage.objects.get().live


def test_submitting_an_incomplete_story_for_review_is_refused(client, django_user_model, story_index):
    log_in_as_editor(client, django_user_model)

    response = client.post(add_url(story_index), bare_story(client, story_index, **{"action-submit": "1"}))

    assert EVERYTHING_MISSING in top_message(response)
    assert not StoryPage.objects.exists()


def test_a_complete_story_is_submitted_for_review(client, django_user_model, story_index):
    log_in_as_editor(client, django_user_model)

    response = client.post(
        add_url(story_index), complete_story(client, story_index, **{"action-submit": "1"})
    )

    assert response.status_code == 302
    assert StoryPage.objects.get().workflow_in_progress


def test_hero_image_without_description_needs_alt_text_only_for_publication(client, chief, story_index):
    undescribed = str(ImageFactory(description="").pk)

    draft = client.post(add_url(story_index), complete_story(client, story_index, hero_image=undescribed))
    assert draft.status_code == 302

    story = StoryPage.objects.get()
    data = editor_form_data(client, edit_url(story), **body("Text"), **{"action-publish": "1"})
    published = client.post(edit_url(story), data)
    assert (
        field_error(published, "hero_alt")
        == "Bitte einen Alternativtext angeben: das Titelbild hat keine Beschreibung."
    )
    assert "ein Alternativtext zum Titelbild" in top_message(published)
    assert not StoryPage.objects.get().live


def test_the_images_description_stands_in_for_the_alt_text(client, chief, story_index):
    response = client.post(
        add_url(story_index), complete_story(client, story_index, **{"action-publish": "1"})
    )

    assert response.status_code == 302
    assert StoryPage.objects.get().live


def test_removing_the_last_author_stops_the_next_publication(client, chief, story_index):
    story = StoryPageFactory(
        parent=story_index, authors=[AuthorFactory()], categories=[StoryCategoryFactory()]
    )
    row = story.story_authors.get()
    data = editor_form_data(client, edit_url(story), **body("Text"), **{"action-publish": "1"})
    assert data["story_authors-0-id"] == str(row.pk)
    data["story_authors-0-DELETE"] = "1"

    response = client.post(edit_url(story), data)

    assert (
        panel_error(response, "Autorinnen und Autoren")
        == "Bitte mindestens eine Autorin oder einen Autor hinzufügen."
    )
    assert story.story_authors.exists()


def test_the_teaser_field_tells_how_much_search_engines_show(client, chief, story_index):
    page = client.get(add_url(story_index)).content.decode()

    assert "Suchmaschinen zeigen etwa die ersten 160" in page


# Approving a story in review


@pytest.fixture
def story_in_review(client, django_user_model, story_index):
    """A complete story an editor has submitted to the workflow "Redaktionelle Freigabe"."""
    editor = log_in_as_editor(client, django_user_model)
    client.post(add_url(story_index), complete_story(client, story_index, **{"action-submit": "1"}))
    client.logout()
    story = StoryPage.objects.get()
    assert story.current_workflow_state.workflow == Workflow.objects.get(name="Redaktionelle Freigabe")
    assert story.get_latest_revision().user == editor
    return story


def approve(client, story):
    task_state = story.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": ""}, follow=True
    )


def test_approving_a_complete_submission_publishes_it(client, django_user_model, story_in_review):
    log_in_as_chief_editor(client, django_user_model)

    approve(client, story_in_review)

    assert StoryPage.objects.get().live


def test_approving_a_story_whose_latest_draft_lacks_a_category_is_refused(
    client, django_user_model, story_in_review
):
    log_in_as_chief_editor(client, django_user_model)
    data = editor_form_data(client, edit_url(story_in_review), **body("Text"), categories=[])
    assert client.post(edit_url(story_in_review), data).status_code == 302  # a draft: saved

    response = approve(client, story_in_review)

    assert (
        "„Ein Esel findet heim“ kann so nicht freigegeben werden. "
        "Für die Veröffentlichung fehlt noch: eine Kategorie." in response.content.decode()
    )
    story = StoryPage.objects.get()
    assert not story.live
    assert story.workflow_in_progress


def test_an_empty_body_is_reported_in_german_above_the_editor(client, chief, story_index):
    # The list of everything to fix, the body among it, appears when house rules are broken too.
    data = bare_story(client, story_index, **{"body-count": "0", "action-publish": "1"})

    message = top_message(client.post(add_url(story_index), data))

    assert "Inhalt: Dieses Feld muss ausgefüllt werden." in message
    assert "StreamBlock" not in message


def test_an_unfinished_block_is_reported_in_german_above_the_editor(client, chief, story_index):
    unfinished_heading = nested_form_data({"body": streamfield([("heading", {"text": "", "level": "h2"})])})
    data = bare_story(client, story_index, **unfinished_heading, **{"action-publish": "1"})

    message = top_message(client.post(add_url(story_index), data))

    assert "Inhalt: Ein Block ist noch nicht in Ordnung; er ist im Inhalt markiert." in message
