"""Readers browse the index, the archive and filtered listings."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def make_stories(story_index, count, **kwargs):
    return [
        StoryPageFactory(
            parent=story_index, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n), **kwargs
        )
        for n in range(count)
    ]


def test_index_lists_stories_newest_first(client, story_index):
    older = StoryPageFactory(
        parent=story_index, title="Die ältere Geschichte", date=datetime.date(2025, 5, 1)
    )
    newer = StoryPageFactory(
        parent=story_index, title="Die neuere Geschichte", date=datetime.date(2026, 5, 1)
    )

    html = client.get("/blog/").content.decode()

    assert html.index(newer.title) < html.index(older.title)


def test_index_shows_twelve_stories_per_page(client, story_index):
    stories = make_stories(story_index, 14)

    first = client.get("/blog/")
    second = client.get("/blog/?page=2")

    assert list(first.context["stories"]) == stories[::-1][:12]
    assert list(second.context["stories"]) == stories[::-1][12:]
    assert "?page=2" in first.content.decode()


@pytest.mark.parametrize("page", ["abc", "", "1.5", "%00"])
def test_page_that_is_no_number_shows_the_first_page(client, story_index, page):
    make_stories(story_index, 2)
    response = client.get(f"/blog/?page={page}")
    assert response.status_code == 200
    assert response.context["stories"].number == 1


@pytest.mark.parametrize("page", ["2", "999", "0", "-1", "99999999999999999999"])
def test_page_beyond_the_last_is_not_found(client, story_index, page):
    make_stories(story_index, 2)
    assert client.get(f"/blog/?page={page}").status_code == 404


def test_archive_lists_years_and_months_with_counts(client, story_index):
    StoryPageFactory(parent=story_index, date=datetime.date(2025, 3, 2))
    StoryPageFactory(parent=story_index, date=datetime.date(2025, 3, 20))
    StoryPageFactory(parent=story_index, date=datetime.date(2026, 7, 1))

    archive = client.get("/blog/").context["archive"]

    assert [(year["year"], year["count"]) for year in archive] == [(2026, 1), (2025, 2)]
    assert [(m["date"].month, m["count"]) for m in archive[1]["months"]] == [(3, 2)]


def test_archive_by_year_and_month_shows_only_that_period(client, story_index):
    march = StoryPageFactory(parent=story_index, title="Märzgeschichte", date=datetime.date(2025, 3, 2))
    july = StoryPageFactory(parent=story_index, title="Juligeschichte", date=datetime.date(2025, 7, 9))
    StoryPageFactory(parent=story_index, title="Neues Jahr", date=datetime.date(2026, 1, 9))

    year = client.get("/blog/archiv/2025/")
    month = client.get("/blog/archiv/2025/3/")

    assert list(year.context["stories"]) == [july, march]
    assert "2025" in year.context["heading"]
    assert list(month.context["stories"]) == [march]
    assert "März 2025" in month.content.decode()


@pytest.mark.parametrize("url", ["/blog/archiv/2019/", "/blog/archiv/2025/13/", "/blog/archiv/2025/00/"])
def test_empty_or_impossible_archive_is_not_found(client, story_index, url):
    StoryPageFactory(parent=story_index, date=datetime.date(2025, 3, 2))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/blog/archiv/0/",
        "/blog/archiv/0000/",
        "/blog/archiv/1899/",
        "/blog/archiv/10000/",
        "/blog/archiv/10000/1/",
        "/blog/archiv/99999999999999999999/",
        "/blog/archiv/99999999999999999999/1/",
        "/blog/archiv/2025/99999999999999999999/",
        "/blog/archiv/2025/0/",
        "/blog/archiv/2025/000/",
    ],
)
def test_archive_of_a_year_or_month_out_of_range_is_not_found(client, story_index, url):
    StoryPageFactory(parent=story_index, date=datetime.date(2025, 3, 2))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/blog/archiv/02025/", "/blog/archiv/2025/"),
        ("/blog/archiv/2025/03/", "/blog/archiv/2025/3/"),
        ("/blog/archiv/002025/003/", "/blog/archiv/2025/3/"),
        ("/blog/archiv/02025/?page=2", "/blog/archiv/2025/?page=2"),
    ],
)
def test_archive_address_with_leading_zeros_redirects_permanently_to_the_plain_one(
    client, story_index, url, canonical
):
    StoryPageFactory(parent=story_index, date=datetime.date(2025, 3, 2))
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == canonical


def test_category_listing_shows_its_stories_and_says_so(client, story_index):
    category = StoryCategoryFactory(name="Vor Ort", slug="vor-ort")
    inside = StoryPageFactory(parent=story_index, categories=[category])
    StoryPageFactory(parent=story_index)

    response = client.get("/blog/kategorie/vor-ort/")

    assert list(response.context["stories"]) == [inside]
    assert "Vor Ort" in response.context["heading"]
    assert "/blog/kategorie/vor-ort/feed/" in response.content.decode()


def test_tag_listing_shows_tagged_stories(client, story_index):
    tagged = StoryPageFactory(parent=story_index, tags=["Nachtschicht"])
    StoryPageFactory(parent=story_index, tags=["Kinder"])

    response = client.get("/blog/tag/nachtschicht/")

    assert list(response.context["stories"]) == [tagged]
    assert "Nachtschicht" in response.context["heading"]


def test_author_listing_shows_the_authors_stories(client, story_index):
    author = AuthorFactory(name="Jonas Muster", slug="jonas-muster")
    written = StoryPageFactory(parent=story_index, authors=[author])
    StoryPageFactory(parent=story_index)

    response = client.get("/blog/autor/jonas-muster/")

    assert list(response.context["stories"]) == [written]
    assert "Jonas Muster" in response.content.decode()


def test_an_author_page_shows_their_portrait_role_and_biography_above_their_stories(client, story_index):
    author = AuthorFactory(
        name="Jonas Muster",
        slug="jonas-muster",
        role="Social-Media-Redakteur",
        bio="Betreut unsere Kanäle und antwortet gelegentlich in Reimen.",
        photo=ImageFactory(),
    )
    StoryPageFactory(parent=story_index, authors=[author])
    soup = BeautifulSoup(client.get("/blog/autor/jonas-muster/").content, "html.parser")

    header = soup.select_one("main header")

    assert header.select_one("img.avatar")["src"]
    assert header.h1.get_text() == "Geschichten von Jonas Muster"
    assert "Social-Media-Redakteur" in header.get_text()
    assert "antwortet gelegentlich in Reimen" in header.get_text()
    assert header.find_next("article", class_="card") is not None


@pytest.mark.parametrize(
    "url", ["/blog/kategorie/gibts-nicht/", "/blog/tag/gibts-nicht/", "/blog/autor/niemand/"]
)
def test_unknown_filter_is_not_found(client, story_index, url):
    assert client.get(url).status_code == 404


LISTING_URLS = [
    "/",
    "/blog/",
    "/blog/kategorie/kundenservice/",
    "/blog/tag/kinder/",
    "/blog/archiv/2026/",
    "/blog/autor/mara/",
]


def count_queries(client, url):
    for _ in range(2):  # the first views create the site's settings rows and the renditions
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_the_number_of_stories(client, story_index):
    category = StoryCategoryFactory(slug="kundenservice")
    author = AuthorFactory(slug="mara", photo=ImageFactory())
    make_stories(story_index, 3, categories=[category], authors=[author], tags=["Kinder"])
    with_three = {url: count_queries(client, url) for url in LISTING_URLS}

    make_stories(story_index, 9, categories=[category], authors=[author], tags=["Kinder"])
    with_twelve = {url: count_queries(client, url) for url in LISTING_URLS}

    assert with_twelve == with_three
    assert max(with_twelve.values()) <= 10


def test_tag_with_umlaut_has_a_working_listing(client, story_index):
    story = StoryPageFactory(parent=story_index, title="Die Störung am Morgen", tags=["Störung"])

    story_html = client.get(story.url).content.decode()
    response = client.get("/blog/tag/störung/")

    assert "/blog/tag/st%C3%B6rung/" in story_html
    assert response.status_code == 200
    assert list(response.context["stories"]) == [story]
