"""Readers search published stories."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from blog.models import StoryPage
from blog.tests.factories import StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_stories(story_index):
    """Two stories of the demo, where the words readers look for hide inside compounds."""
    donkey = StoryPageFactory(
        parent=story_index,
        title="Wie Emil wieder nach Hause kam",
        teaser="Der dreijährige Paul hatte seinen Plüschesel an einer Raststätte verloren.",
        date=datetime.date(2026, 11, 18),
        body=[("paragraph", "<p>Tobias fand in der Spielzeugmanufaktur einen Nachfolger für Emil.</p>")],
    )
    router = StoryPageFactory(
        parent=story_index,
        title="Als der Hausnotruf verstummte",
        teaser="Nach einem Tarifwechsel funktionierte bei Frau Demir der Notruf nicht mehr.",
        date=datetime.date(2026, 2, 10),
        body=[
            ("heading", {"text": "Die Übergabe", "level": "h2"}),
            ("paragraph", "<p>Der Techniker tauschte den <b>WLAN-Router</b> und prüfte jede Dose.</p>"),
        ],
    )
    return donkey, router


def found_titles(client, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".search-results .card__title")]


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


def test_parts_of_words_find_the_story_in_any_case(client, demo_stories):
    for query in ("Plüsch", "Esel", "PLÜSCH", "spielzeug"):
        assert found_titles(client, query) == ["Wie Emil wieder nach Hause kam"], query
    for query in ("Router", "WLAN", "wlan-router", "Notruf", "ÜBERGABE", "Dose"):
        assert found_titles(client, query) == ["Als der Hausnotruf verstummte"], query


def test_every_word_of_a_search_must_occur(client, demo_stories):
    assert found_titles(client, "Plüsch Emil") == ["Wie Emil wieder nach Hause kam"]
    assert found_titles(client, "Plüsch Router") == []


def test_categories_and_tags_are_searched_too(client, story_index):
    category = StoryCategoryFactory(name="Vor Ort", slug="vor-ort")
    StoryPageFactory(parent=story_index, title="Der Digitalbus", categories=[category], tags=["Marktplatz"])
    assert found_titles(client, "Markt") == ["Der Digitalbus"]
    assert found_titles(client, "vor ort") == ["Der Digitalbus"]


def test_stories_with_the_word_in_the_title_come_first(client, story_index):
    StoryPageFactory(
        parent=story_index,
        title="Ein Samstag im Reparaturcafé",
        date=datetime.date(2026, 11, 4),
        body=[("paragraph", "<p>Auch ein alter Router kam auf den Tisch.</p>")],
    )
    StoryPageFactory(
        parent=story_index, title="Der Router, an dem ein Hausnotruf hing", date=datetime.date(2025, 1, 1)
    )
    assert found_titles(client, "Router") == [
        "Der Router, an dem ein Hausnotruf hing",
        "Ein Samstag im Reparaturcafé",
    ]


def test_changes_are_found_once_they_are_published(client, demo_stories):
    donkey, _ = demo_stories
    donkey.teaser = "Ein Stoffzebra ging an einer Raststätte verloren."
    revision = donkey.save_revision()
    assert found_titles(client, "Zebra") == []

    revision.publish()
    assert found_titles(client, "Zebra") == ["Wie Emil wieder nach Hause kam"]
    assert found_titles(client, "Esel") == []


def test_no_results_are_announced_once(client, demo_stories):
    content = client.get("/suche/", {"q": "Quantenphysik"}).content.decode()
    assert content.count("Keine Geschichten gefunden") == 1


def test_search_page_without_a_query_puts_the_focus_in_its_field(client, story_index):
    soup = BeautifulSoup(client.get("/suche/").content, "html.parser")
    assert soup.find(id="suchbegriff").has_attr("autofocus")
    soup = BeautifulSoup(client.get("/suche/", {"q": "Esel"}).content, "html.parser")
    assert not soup.find(id="suchbegriff").has_attr("autofocus")


def test_searching_parts_of_words_takes_a_fixed_number_of_queries(
    client, story_index, django_assert_max_num_queries
):
    for number in range(15):  # two pages of results
        StoryPageFactory(
            parent=story_index, title=f"Plüschesel Nummer {number}", categories=[StoryCategoryFactory()]
        )
    client.get("/suche/", {"q": "esel", "page": "2"})  # the pictures' renditions exist from now on
    with django_assert_max_num_queries(10):
        response = client.get("/suche/", {"q": "esel", "page": "2"})
    assert len(response.context["results"]) == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index exists on PostgreSQL only")
def test_postgresql_finds_parts_of_words_through_the_trigram_index(demo_stories):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: make the index the only way
        plan = StoryPage.objects.filter(search_text__contains="esel").order_by().values("pk").explain()
    assert "blog_storypage_search_text_trgm" in plan
