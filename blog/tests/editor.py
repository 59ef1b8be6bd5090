"""What the story editor tests share: who edits, and the editor's form data as the browser would send it."""

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory

# The groups of the people who write stories and of those who approve them (home/0005).
EDITORS, CHIEF_EDITORS = "Redaktion", "Chefredaktion"


def log_in_as_editor(client, django_user_model, username="redakteurin"):
    editor = django_user_model.objects.create_user(username, f"{username}@example.org", "geheim-123")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    return editor


def log_in_as_chief_editor(client, django_user_model, username="chefin"):
    """Someone of the Chefredaktion: publishes and approves."""
    chief = django_user_model.objects.create_user(username, f"{username}@example.org", "geheim-123")
    chief.groups.add(Group.objects.get(name=CHIEF_EDITORS))
    client.force_login(chief)
    return chief


def add_url(story_index):
    return f"/admin/pages/add/blog/storypage/{story_index.pk}/"


def edit_url(story):
    return f"/admin/pages/{story.pk}/edit/"


def editor_form_data(client, url, **changes):
    """The editor's form at `url` as the browser would submit it, with `changes` (lists for multiple
    values) applied."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
    for key, value in changes.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data


def body(*paragraphs):
    return nested_form_data(
        {"body": streamfield([("paragraph", rich_text(f"<p>{text}</p>")) for text in paragraphs])}
    )


def author_rows(*authors):
    """The inline panel's rows for `authors` in a new story."""
    rows = {
        "story_authors-TOTAL_FORMS": str(len(authors)),
        "story_authors-INITIAL_FORMS": "0",
        "story_authors-MIN_NUM_FORMS": "0",
        "story_authors-MAX_NUM_FORMS": "1000",
    }
    for number, author in enumerate(authors):
        rows |= {
            f"story_authors-{number}-author": str(author.pk),
            f"story_authors-{number}-ORDER": str(number + 1),
            f"story_authors-{number}-DELETE": "",
            f"story_authors-{number}-id": "",
        }
    return rows


def bare_story(client, story_index, **changes):
    """Only a title, an address and a paragraph: what an editor has after the first minutes."""
    fields = {"title": "Ein Esel findet heim", "slug": "ein-esel-findet-heim", **body("Text")}
    return editor_form_data(client, add_url(story_index), **(fields | changes))


def complete_story(client, story_index, **changes):
    fields = {
        "teaser": "Wie unser Team einen verlorenen Plüschesel ersetzte.",
        "hero_image": str(ImageFactory(description="Ein grauer Plüschesel").pk),
        "categories": [str(StoryCategoryFactory(name="Kundenservice").pk)],
        **author_rows(AuthorFactory(name="Mara Beispiel")),
    }
    return bare_story(client, story_index, **(fields | changes))


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def top_message(response):
    """The error message above the editor, as one line of text."""
    message = soup(response).select_one(".messages .error")
    return " ".join(message.get_text().split()) if message else ""


def field_error(response, field):
    """The error shown at `field` in the editor."""
    wrapper = soup(response).find(attrs={"data-contentpath": field})
    errors = wrapper.select(".error-message") if wrapper else []
    return " ".join(" ".join(error.get_text().split()) for error in errors)


def panel_error(response, heading):
    """The error shown at the top of the panel headed `heading` (an inline panel's own message)."""
    title = soup(response).find(attrs={"data-panel-heading-text": True}, string=heading)
    panel = title.find_parent("section") if title else None
    message = panel.select_one(".w-panel__content > .error-message") if panel else None
    return " ".join(message.get_text().split()) if message else ""
