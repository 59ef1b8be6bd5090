"""Readers search published stories."""

import pytest

from blog.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_a_story_by_its_words(client, story_index):
    StoryPageFactory(parent=story_index, title="Wie Esel Emil heimkam", teaser="Ein Plüschesel reist zurück.")
    StoryPageFactory(parent=story_index, title="Ein Anruf in der Nacht", teaser="Online-Banking um drei Uhr.")

    response = client.get("/suche/", {"q": "Plüschesel"})

    assert response.status_code == 200
    assert [story.title for story in response.context["results"]] == ["Wie Esel Emil heimkam"]


def test_search_without_hits_says_so(client, story_index):
    StoryPageFactory(parent=story_index)
    content = client.get("/suche/", {"q": "Quantenphysik"}).content.decode()
    assert "Keine Geschichten gefunden" in content


def test_empty_search_shows_the_form_only(client, story_index):
    response = client.get("/suche/")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", "x" * 5000, "' OR 1=1 --", "%", '"', 'Esel"', "Esel*", "NEAR("]
)
def test_odd_queries_are_handled_and_escaped(client, story_index, query):
    StoryPageFactory(parent=story_index, title="Ein Esel")
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_page_beyond_the_results_is_not_found(client, story_index):
    StoryPageFactory(parent=story_index, title="Ein Esel")
    assert client.get("/suche/", {"q": "Esel", "page": "5"}).status_code == 404


def test_search_queries_do_not_grow_with_the_number_of_results(
    client, story_index, django_assert_max_num_queries
):
    for number in range(6):
        StoryPageFactory(parent=story_index, title=f"Esel Nummer {number}")
    client.get("/suche/", {"q": "Esel"})
    with django_assert_max_num_queries(16):
        response = client.get("/suche/", {"q": "Esel"})
    assert len(response.context["results"]) == 6


@pytest.mark.parametrize(
    ("query", "cleaned"),
    [("\x00", ""), ("Es\x00el", "Esel"), ("\x1b[31mEsel", "[31mEsel"), ("Esel\r\n\tEmil\x7f", "Esel Emil")],
)
def test_control_characters_are_left_out_of_the_search(client, story_index, query, cleaned):
    StoryPageFactory(parent=story_index, title="Ein Esel")
    response = client.get("/suche/", {"q": query})
    content = response.content.decode()
    assert response.status_code == 200
    assert f'name="q" value="{cleaned}"' in content
    assert not any(character in content for character in "\x00\x1b\x7f")


@pytest.mark.parametrize(("page", "status"), [("abc", 200), ("\x00", 200), ("0", 404), ("9" * 30, 404)])
def test_search_page_that_is_nonsense_or_huge_is_the_first_page_or_not_found(
    client, story_index, page, status
):
    StoryPageFactory(parent=story_index, title="Ein Esel")
    assert client.get("/suche/", {"q": "Esel", "page": page}).status_code == status
