"""A reader opens a story and finds everything the story promises."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    author = AuthorFactory(
        name="Mara Beispiel", slug="mara-beispiel", role="Teamleiterin Kundenservice", photo=ImageFactory()
    )
    category = StoryCategoryFactory(name="Social Media", slug="social-media")
    return StoryPageFactory(
        parent=story_index,
        title="Wie Esel Emil wieder nach Hause kam",
        slug="pluesch-esel",
        teaser="Ein Kind verlor seinen Plüschesel, und unser Team fand Ersatz.",
        date=datetime.date(2026, 11, 20),
        hero_alt="Ein grauer Plüschesel auf einem Regal",
        hero_caption="Esel Emil wartet auf seine Familie.",
        hero_credit="Illustration: Muster AG",
        authors=[author],
        categories=[category],
        tags=["Kinder"],
        body=[
            ("heading", {"text": "Die Nachricht", "level": "h2"}),
            ("paragraph", "<p>Am Sonntag schrieb uns eine Familie.</p>"),
            ("quote", {"text": "Emil ist weg!", "source": "Familie K. auf Instagram", "source_url": ""}),
            (
                "info_box",
                {"title": "Gut zu wissen", "text": "<p>Wir helfen auch sonntags.</p>", "tone": "tip"},
            ),
            (
                "image",
                {"image": ImageFactory(), "alt_text": "Das Lager", "caption": "Im Lager", "credit": "M. B."},
            ),
            ("embed", {"url": "https://vimeo.com/76979871", "title": "Ein Tag im Kundenservice"}),
        ],
    )


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_story_shows_title_teaser_authors_date_and_reading_time(client, story):
    soup = get_soup(client, story.url)
    text = soup.get_text(" ", strip=True)

    assert soup.h1.get_text(strip=True) == "Wie Esel Emil wieder nach Hause kam"
    assert "Ein Kind verlor seinen Plüschesel" in text
    assert "Mara Beispiel" in text
    assert "Teamleiterin Kundenservice" in text
    assert soup.find("time", attrs={"datetime": "2026-11-20"}) is not None
    assert "20. November 2026" in text
    assert "1 Min. Lesezeit" in text


def test_the_date_under_the_title_opens_the_archive_of_its_month(client, story):
    date = get_soup(client, story.url).select_one(".byline time")
    archive = date.find_parent("a")["href"]

    assert archive == "/blog/archiv/2026/11/"
    assert "Wie Esel Emil wieder nach Hause kam" in get_soup(client, archive).get_text()


def test_the_discussion_follows_the_story_and_its_authors_and_the_related_stories_come_last(
    client, story_index, story
):
    StoryPageFactory(parent=story_index, title="Noch eine Geschichte", categories=story.categories.all())
    html = client.get(story.url).content.decode()

    places = [
        html.index("Am Sonntag schrieb uns eine Familie."),
        html.index('id="autoren-titel"'),
        html.index('id="kommentare"'),
        html.index("Das könnte Sie auch interessieren"),
    ]

    assert places == sorted(places)


def test_story_links_its_categories_tags_and_authors(client, story):
    soup = get_soup(client, story.url)
    links = {a["href"] for a in soup.find_all("a", href=True)}

    assert "/blog/kategorie/social-media/" in links
    assert "/blog/tag/kinder/" in links
    assert "/blog/autor/mara-beispiel/" in links


def test_story_has_breadcrumbs_to_home_and_index(client, story):
    nav = get_soup(client, story.url).find(
        "nav", attrs={"aria-label": True}, class_=lambda c: c and "breadcrumb" in c
    )
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert hrefs[:2] == ["/", "/blog/"]


def test_hero_image_has_alt_caption_and_credit(client, story):
    soup = get_soup(client, story.url)
    hero = soup.find("figure")
    img = hero.find("img")

    assert img["alt"] == "Ein grauer Plüschesel auf einem Regal"
    assert img.get("width") and img.get("height")
    assert {source["type"] for source in hero.find_all("source")} == {"image/avif", "image/webp"}
    assert "Esel Emil wartet auf seine Familie." in hero.get_text()
    assert "Illustration: Muster AG" in hero.get_text()


def test_every_body_block_is_rendered(client, story):
    soup = get_soup(client, story.url)
    text = soup.get_text(" ", strip=True)

    assert soup.find("h2", string="Die Nachricht")
    assert "Am Sonntag schrieb uns eine Familie." in text
    assert soup.find("blockquote") and "Familie K. auf Instagram" in text
    assert "Wir helfen auch sonntags." in text
    assert soup.find("img", alt="Das Lager")["loading"] == "lazy"


def test_video_loads_nothing_from_its_host_before_a_click(client, story):
    soup = get_soup(client, story.url)
    iframes_outside_templates = [
        iframe for iframe in soup.find_all("iframe") if not iframe.find_parent("template")
    ]

    assert iframes_outside_templates == []
    assert soup.find("template").find("iframe")["src"] == "https://player.vimeo.com/video/76979871?dnt=1"
    assert soup.find("a", href="https://vimeo.com/76979871")


def test_no_resource_is_loaded_from_another_host(client, story):
    soup = get_soup(client, story.url)
    for template in soup.find_all("template"):
        template.decompose()
    loaded = [
        tag["src"] for tag in soup.find_all(["img", "script", "iframe", "video", "audio"]) if tag.get("src")
    ]
    loaded += [
        url.split()[0]
        for tag in soup.find_all(["img", "source"])
        for url in tag.get("srcset", "").split(",")
        if url
    ]
    loaded += [
        tag["href"] for tag in soup.find_all("link") if {"stylesheet", "icon", "preload"} & set(tag["rel"])
    ]
    assert loaded
    assert [url for url in loaded if not url.startswith("/")] == []


def test_seo_metadata_and_json_ld(client, story):
    soup = get_soup(client, story.url)

    assert soup.title.get_text().startswith("Wie Esel Emil wieder nach Hause kam")
    assert soup.find("meta", attrs={"name": "description"})["content"] == story.teaser
    assert soup.find("link", rel="canonical")["href"] == story.full_url
    assert soup.find("meta", property="og:image")["content"].startswith("http")
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"

    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == story.title
    assert data["datePublished"].startswith("2026-11-20")
    assert data["author"][0]["name"] == "Mara Beispiel"


def test_related_stories_are_shown(client, story, story_index):
    neighbour = StoryPageFactory(
        parent=story_index, title="Nachbargeschichte", categories=story.categories.all()
    )
    assert neighbour.title in client.get(story.url).content.decode()


def test_comment_area_is_there_and_says_when_comments_are_closed(client, story):
    soup = get_soup(client, story.url)
    assert soup.find(id="kommentare")

    story.comments_enabled = False
    story.save_revision().publish()
    assert "geschlossen" in get_soup(client, story.url).find(id="kommentare").get_text()


def test_user_text_is_escaped(client, story_index):
    story = StoryPageFactory(parent=story_index, title="<script>alert(1)</script>", teaser='"><img src=x>')
    content = client.get(story.url).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert '"><img src=x>' not in content


def count_story_queries(client, url):
    for _ in range(2):  # the first views create the site's settings rows and the renditions
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_story_queries_do_not_grow_with_authors_or_related_stories(client, story_index):
    category = StoryCategoryFactory()
    story = StoryPageFactory(
        parent=story_index, categories=[category], authors=[AuthorFactory(photo=ImageFactory())]
    )
    StoryPageFactory(parent=story_index, categories=[category], authors=[AuthorFactory()])
    few = count_story_queries(client, story.url)

    story.story_authors.create(author=AuthorFactory(photo=ImageFactory()))
    story.story_authors.create(author=AuthorFactory(photo=ImageFactory()))
    for _ in range(3):
        StoryPageFactory(
            parent=story_index, categories=[category], authors=[AuthorFactory(), AuthorFactory()]
        )
    story.save_revision().publish()

    assert count_story_queries(client, story.url) == few
    assert few <= 8
