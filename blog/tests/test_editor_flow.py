"""A story written in the Wagtail admin: uploads a picture, previews, publishes. Publishing directly is the
Chefredaktion's; the Redaktion saves drafts and submits them for approval (home/tests/test_editorial_workflow.py)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from blog.models import StoryPage
from blog.tests.editor import CHIEF_EDITORS, EDITORS, body, edit_url, editor_form_data, soup
from blog.tests.factories import AuthorFactory, StoryCategoryFactory, make_image_file

pytestmark = pytest.mark.django_db


def logged_in(client, django_user_model, group):
    user = django_user_model.objects.create_user("redakteurin", "redaktion@example.org", "geheim-123")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    return logged_in(client, django_user_model, EDITORS)


@pytest.fixture
def chief_client(client, django_user_model):
    return logged_in(client, django_user_model, CHIEF_EDITORS)


def story_form_data(client, story_index, image, **changes):
    add_url = f"/admin/pages/add/blog/storypage/{story_index.pk}/"
    response = client.get(add_url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
    author = AuthorFactory(name="Mara Beispiel", slug="mara-beispiel")
    category = StoryCategoryFactory(name="Kundenservice", slug="kundenservice")
    fields = {
        "title": "Ein Esel findet heim",
        "slug": "ein-esel-findet-heim",
        "teaser": "Wie unser Team einen verlorenen Plüschesel ersetzte.",
        "hero_image": str(image.pk),
        "hero_alt": "Ein grauer Plüschesel auf einem Regal",
        "hero_caption": "Esel Emil wartet auf seine Familie.",
        "hero_credit": "Muster AG",
        "date": "2026-11-20",
        "categories": [str(category.pk)],
        "tags": "Kinder, Social Media",
        "story_authors-TOTAL_FORMS": "1",
        "story_authors-INITIAL_FORMS": "0",
        "story_authors-MIN_NUM_FORMS": "0",
        "story_authors-MAX_NUM_FORMS": "1000",
        "story_authors-0-author": str(author.pk),
        "story_authors-0-ORDER": "1",
        "story_authors-0-DELETE": "",
        "story_authors-0-id": "",
    }
    fields.update(
        nested_form_data(
            {
                "body": streamfield(
                    [
                        ("heading", {"text": "Die Nachricht", "level": "h2"}),
                        ("paragraph", rich_text("<p>Am Sonntag schrieb uns eine Familie.</p>")),
                    ]
                )
            }
        )
    )
    fields.update(changes)
    for key, value in fields.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return add_url, data


def upload_image(client):
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Esel Emil",
            "file": SimpleUploadedFile("esel.jpg", make_image_file(size=(320, 180)).read()),
        },
    )
    assert response.status_code == 302
    return get_image_model().objects.get(title="Esel Emil")


def test_chief_editor_previews_and_publishes_an_illustrated_story(chief_client, story_index):
    image = upload_image(chief_client)
    add_url, data = story_form_data(chief_client, story_index, image)

    preview_url = add_url + "preview/"
    assert chief_client.post(preview_url, data).json()["is_valid"]
    preview = chief_client.get(preview_url)
    assert preview.status_code == 200
    assert "Ein Esel findet heim" in preview.content.decode()
    assert not StoryPage.objects.exists()

    data["action-publish"] = "action-publish"
    response = chief_client.post(add_url, data)
    assert response.status_code == 302

    story = StoryPage.objects.get(slug="ein-esel-findet-heim")
    assert story.live
    assert story.hero_image == image
    assert [author.name for author in story.authors] == ["Mara Beispiel"]
    assert [block.block_type for block in story.body] == ["heading", "paragraph"]
    assert sorted(tag.name for tag in story.tags.all()) == ["Kinder", "Social Media"]

    page = chief_client.get(story.url)
    assert page.status_code == 200
    assert "Am Sonntag schrieb uns eine Familie." in page.content.decode()


def test_editor_saving_a_draft_does_not_publish(editor_client, client, story_index):
    image = upload_image(editor_client)
    add_url, data = story_form_data(editor_client, story_index, image)

    assert editor_client.post(add_url, data).status_code == 302

    story = StoryPage.objects.get(slug="ein-esel-findet-heim")
    assert not story.live
    client.logout()
    assert client.get("/blog/ein-esel-findet-heim/").status_code == 404


def test_story_without_alt_text_is_refused_with_a_message(chief_client, story_index):
    image = upload_image(chief_client)
    image.description = ""
    image.save()
    add_url, data = story_form_data(chief_client, story_index, image, hero_alt="")
    data["action-publish"] = "action-publish"

    response = chief_client.post(add_url, data)

    assert response.status_code == 200
    assert "Alternativtext" in response.content.decode()
    assert not StoryPage.objects.exists()


def test_first_save_after_autosave_created_the_story_says_it_was_created(editor_client, story_index):
    image = upload_image(editor_client)
    add_url, data = story_form_data(editor_client, story_index, image)
    autosaved = editor_client.post(add_url, data, headers={"Accept": "application/json"}).json()
    story = StoryPage.objects.get(pk=autosaved["pk"])
    # The editor stays on the page; Wagtail fills in the edit view's parts, this form field among them.
    hydrated = soup(editor_client.get(autosaved["hydrate_url"]))
    assert hydrated.find("input", attrs={"name": "created_by_autosave", "value": "1"}) is not None

    data = editor_form_data(editor_client, edit_url(story), created_by_autosave="1", **body("Am Sonntag."))
    first_save = editor_client.post(edit_url(story), data, follow=True)
    assert "Seite ‚Ein Esel findet heim‘ erstellt." in first_save.content.decode()

    data = editor_form_data(editor_client, edit_url(story), **body("Am Sonntag."))
    second_save = editor_client.post(edit_url(story), data, follow=True)
    assert "Seite ‚Ein Esel findet heim‘ wurde aktualisiert." in second_save.content.decode()
