"""Feed readers get valid RSS 2.0 and Atom with the newest live stories and their hero images."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from blog.tests.factories import StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_live_stories_with_enclosures(client, story_index):
    story = StoryPageFactory(
        parent=story_index, title="Esel Emil kommt heim", date=datetime.date(2026, 11, 1)
    )
    StoryPageFactory(parent=story_index, title="Noch ein Entwurf", live=False)

    response = client.get("/blog/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Esel Emil kommt heim"]
    assert items[0].findtext("link") == story.full_url
    assert items[0].findtext("description") == story.teaser
    enclosure = items[0].find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url").startswith("http://")
    assert int(enclosure.get("length")) > 0


def test_atom_feed_is_valid_atom(client, story_index):
    StoryPageFactory(parent=story_index, title="Ein Anruf in der Nacht")

    response = client.get("/blog/feed/atom/")

    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Ein Anruf in der Nacht"]
    assert entries[0].find(f"{ATOM}link[@rel='enclosure']") is not None
    assert feed.find(f"{ATOM}updated") is not None


def test_category_feed_holds_only_that_category(client, story_index):
    technik = StoryCategoryFactory(name="Technik", slug="technik")
    StoryPageFactory(parent=story_index, title="Im Schnee auf dem Mast", categories=[technik])
    StoryPageFactory(parent=story_index, title="Anderes Thema")

    channel = ET.fromstring(client.get("/blog/kategorie/technik/feed/").content).find("channel")

    assert [item.findtext("title") for item in channel.findall("item")] == ["Im Schnee auf dem Mast"]
    assert "Technik" in channel.findtext("title")


def test_feed_of_unknown_category_is_not_found(client, story_index):
    assert client.get("/blog/kategorie/gibts-nicht/feed/").status_code == 404
