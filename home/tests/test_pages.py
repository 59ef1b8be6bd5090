"""The home page, FAQ, editor-managed pages and the machine-readable files."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from blog.tests.factories import StoryCategoryFactory, StoryPageFactory
from home.tests.factories import FaqPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_shows_lead_featured_and_latest_stories(client, home_page, story_index):
    category = StoryCategoryFactory(name="Vor Ort", slug="vor-ort")
    lead = StoryPageFactory(parent=story_index, title="Der Aufmacher", date=datetime.date(2025, 1, 1))
    featured = StoryPageFactory(parent=story_index, title="Die Ausgewählte", date=datetime.date(2025, 2, 1))
    latest = StoryPageFactory(
        parent=story_index, title="Die Neueste", date=datetime.date(2026, 2, 1), categories=[category]
    )
    home_page.lead_story = lead
    home_page.featured_stories.create(story=featured)
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    assert response.context["lead_story"] == lead
    assert response.context["featured_stories"] == [featured]
    assert response.context["latest_stories"] == [latest]
    content = response.content.decode()
    for title in ("Der Aufmacher", "Die Ausgewählte", "Die Neueste"):
        assert content.count(title) >= 1
    assert "/blog/kategorie/vor-ort/" in content


def test_home_without_lead_shows_the_newest_story_as_lead(client, home_page, story_index):
    StoryPageFactory(parent=story_index, title="Älter", date=datetime.date(2025, 1, 1))
    newest = StoryPageFactory(parent=story_index, title="Neu", date=datetime.date(2026, 1, 1))
    assert client.get("/").context["lead_story"] == newest


def test_home_page_speaks_german_with_landmarks(client, story_index):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.find("main") and soup.find("header") and soup.find("footer")
    skip_link = soup.find("a", href="#inhalt")
    assert skip_link and "Zum Inhalt" in skip_link.get_text()


def test_faq_shows_questions_as_details_with_json_ld(client, home_page):
    faq = FaqPageFactory(parent=home_page)
    soup = BeautifulSoup(client.get(faq.url).content, "html.parser")

    summaries = [summary.get_text(strip=True) for summary in soup.select("details summary")]
    assert summaries == ["Wer schreibt die Geschichten?", "Kann ich eine Geschichte vorschlagen?"]
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][0]["name"] == "Wer schreibt die Geschichten?"
    assert "Kommunikationsteam" in data["mainEntity"][0]["acceptedAnswer"]["text"]


def test_standard_page_renders_its_body(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Impressum", slug="impressum")
    content = client.get("/impressum/").content.decode()
    assert page.title in content
    assert "Text der Seite." in content


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    content = response.content.decode()
    assert "Disallow: /admin/" in content
    assert "Sitemap: http://testserver/sitemap.xml" in content


def test_unknown_page_gets_a_german_404(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_server_error_page_is_german_and_standalone():
    html = render_to_string("500.html")
    assert "schiefgelaufen" in html
    assert 'lang="de"' in html


def test_english_is_available_through_the_language_switch(client, story_index):
    client.post("/sprache/", {"language": "en", "next": "/"})
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.html["lang"] == "en"


def test_browser_language_does_not_change_the_default(client, story_index):
    soup = BeautifulSoup(client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content, "html.parser")
    assert soup.html["lang"] == "de"


def test_home_category_counts_ignore_drafts(client, home_page, story_index):
    category = StoryCategoryFactory(name="Technik", slug="technik")
    StoryPageFactory(parent=story_index, categories=[category])
    StoryPageFactory(parent=story_index, categories=[category], live=False)

    categories = list(client.get("/").context["categories"])

    assert [(c.name, c.story_count) for c in categories] == [("Technik", 1)]
