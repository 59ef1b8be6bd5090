"""Feed readers follow the discussion: RSS 2.0 and Atom of the newest published comments of the site and
of each story, with names as the page shows them, never an e-mail address and never a text readers cannot
see on the page."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import reset_queries
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.tests.factories import StoryPageFactory
from comments.dsa.models import DecisionGround
from comments.models import CommentStatus
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"

SITE_FEEDS = ["/kommentare/feed/", "/kommentare/feed/atom/"]


def story_feeds(story):
    return [f"/kommentare/feed/geschichte/{story.pk}/", f"/kommentare/feed/geschichte/{story.pk}/atom/"]


def minutes_ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes)


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel").findall("item")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return feed.findall(f"{ATOM}entry")


def body_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def other_story(story_index):
    return StoryPageFactory(parent=story_index, title="Ein Anruf in der Nacht", slug="nacht")


def test_the_site_feed_lists_the_newest_comments_of_every_story_newest_first(client, story, other_story):
    oldest = StoryCommentFactory(story=story, user_name="Anna", comment="Schön!", submit_date=minutes_ago(30))
    newest = StoryCommentFactory(
        story=other_story, user_name="Bernd", comment="Mitten in der Nacht?", submit_date=minutes_ago(1)
    )

    items = rss_items(client, "/kommentare/feed/")

    assert [item.findtext("title") for item in items] == [
        "Bernd zu „Ein Anruf in der Nacht“",
        "Anna zu „Wie Esel Emil heimkam“",
    ]
    assert items[0].findtext("link") == f"http://localhost/blog/nacht/#kommentar-{newest.pk}"
    assert items[1].findtext("link") == f"http://localhost/blog/esel/#kommentar-{oldest.pk}"
    assert items[0].findtext(f"{DC}creator") == "Bernd"
    assert items[0].findtext("description") == "<p>Mitten in der Nacht?</p>"  # as the page shows it
    assert items[0].findtext("pubDate")


def test_the_atom_feed_holds_the_same_entries(client, story):
    comment = StoryCommentFactory(story=story, user_name="Anna", comment="Schön & gut")

    entries = atom_entries(client, "/kommentare/feed/atom/")

    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Anna zu „Wie Esel Emil heimkam“"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href") == f"http://localhost/blog/esel/#kommentar-{comment.pk}"
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Anna"
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert entry.findtext(f"{ATOM}summary") == "<p>Schön &amp; gut</p>"
    assert entry.findtext(f"{ATOM}updated")


def test_a_story_feed_holds_only_that_storys_comments(client, story, other_story):
    StoryCommentFactory(story=story, user_name="Anna")
    StoryCommentFactory(story=other_story, user_name="Bernd")

    rss, atom = story_feeds(story)

    assert [item.findtext("title") for item in rss_items(client, rss)] == ["Anna zu „Wie Esel Emil heimkam“"]
    assert [entry.findtext(f"{ATOM}title") for entry in atom_entries(client, atom)] == [
        "Anna zu „Wie Esel Emil heimkam“"
    ]
    channel = ET.fromstring(client.get(rss).content).find("channel")
    assert channel.findtext("title") == "Kommentare zu „Wie Esel Emil heimkam“ – Kundengeschichten"
    assert channel.findtext("link") == "http://localhost/blog/esel/#kommentare"


def test_a_feed_holds_the_thirty_newest(client, story):
    for minutes in range(35):
        StoryCommentFactory(
            story=story, comment=f"Kommentar von vor {minutes} Minuten", submit_date=minutes_ago(minutes)
        )

    for url in (SITE_FEEDS[0], story_feeds(story)[0]):
        descriptions = [item.findtext("description") for item in rss_items(client, url)]
        assert len(descriptions) == 30
        assert descriptions[0] == "<p>Kommentar von vor 0 Minuten</p>"
        assert descriptions[-1] == "<p>Kommentar von vor 29 Minuten</p>"


@pytest.mark.parametrize("status", [s for s in CommentStatus if s != CommentStatus.PUBLISHED])
def test_comments_readers_cannot_see_never_appear(client, story, status):
    StoryCommentFactory(story=story, comment="Sichtbar für alle")
    StoryCommentFactory(story=story, status=status, comment="Geheimer Text", user_name="Verborgene")

    for url in [*SITE_FEEDS, *story_feeds(story)]:
        body = body_of(client, url)
        assert "Sichtbar für alle" in body
        assert "Geheimer Text" not in body
        assert "Verborgene" not in body


def test_comments_of_draft_and_private_stories_never_appear(client, story, story_index):
    draft = StoryPageFactory(parent=story_index, title="Entwurf", slug="entwurf", live=False)
    private = StoryPageFactory(parent=story_index, title="Privat", slug="privat")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    StoryCommentFactory(story=story, comment="Sichtbar für alle")
    StoryCommentFactory(story=draft, comment="Zum Entwurf")
    StoryCommentFactory(story=private, comment="Zur privaten Geschichte")

    for url in SITE_FEEDS:
        body = body_of(client, url)
        assert "Sichtbar für alle" in body
        assert "Zum Entwurf" not in body
        assert "Zur privaten Geschichte" not in body
    for url in [*story_feeds(draft), *story_feeds(private)]:
        assert client.get(url).status_code == 404


def test_a_feed_of_an_unknown_story_is_not_found(client, story_index):
    assert client.get("/kommentare/feed/geschichte/999999/").status_code == 404


def test_no_feed_names_an_e_mail_address(client, story):
    StoryCommentFactory(story=story, user_name="Anna", user_email="anna.privat@example.org")

    for url in [*SITE_FEEDS, *story_feeds(story)]:
        body = body_of(client, url)
        assert "Anna" in body
        assert "anna.privat@example.org" not in body
        assert "@" not in body


def test_a_team_answer_is_named_as_the_page_names_it(client, story):
    StoryCommentFactory(story=story, user_name="Mara Moder", is_team=True)

    item = rss_items(client, "/kommentare/feed/")[0]

    assert item.findtext("title") == "Mara Moder (Team) zu „Wie Esel Emil heimkam“"
    assert item.findtext(f"{DC}creator") == "Mara Moder (Team)"


def test_a_name_with_markup_stays_text(client, story):
    StoryCommentFactory(story=story, user_name="<script>alert(1)</script>", comment="<b>fett</b>")

    item = rss_items(client, "/kommentare/feed/")[0]

    assert item.findtext(f"{DC}creator") == "<script>alert(1)</script>"  # text in the XML, not markup
    assert item.findtext("description") == "<p>&lt;b&gt;fett&lt;/b&gt;</p>"


def test_a_feed_takes_the_same_queries_for_five_comments_as_for_thirty(
    client, story, other_story, django_assert_max_num_queries
):
    for number in range(5):
        StoryCommentFactory(story=story if number % 2 else other_story)
    client.get("/kommentare/feed/")  # the site cache fills once
    reset_queries()  # the log holds 9,000 queries; the factories' would hide the feed's
    with django_assert_max_num_queries(100) as five:
        client.get("/kommentare/feed/")
    queries_for_five = len(five)  # counted from the log, which the next request empties
    for number in range(25):
        StoryCommentFactory(story=story if number % 2 else other_story)
    reset_queries()
    with django_assert_max_num_queries(queries_for_five):
        assert len(rss_items(client, "/kommentare/feed/")) == 30


# Where readers find the feeds


def test_the_story_page_links_its_comment_feeds_in_the_head_and_by_the_discussion(client, story):
    page = body_of(client, "/blog/esel/")
    rss, atom = story_feeds(story)

    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Kommentare zu „Wie Esel Emil heimkam“ (RSS)" href="{rss}">'
        in page
    )
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Kommentare zu „Wie Esel Emil heimkam“ (Atom)" href="{atom}">'
        in page
    )
    assert f'<a href="{rss}">Kommentare als Feed</a>' in page


def test_the_footer_links_the_site_comment_feed(client, story):
    assert '<a href="/kommentare/feed/">RSS-Feed der Kommentare</a>' in body_of(client, "/")


# A comment hidden leaves every cached copy of the feeds


def test_a_comment_hidden_after_being_shown_leaves_the_feeds(client, story, page_cache, admin_user):
    comment = StoryCommentFactory(story=story, comment="Bald verborgen")
    urls = [*SITE_FEEDS, *story_feeds(story)]
    for url in urls:
        client.get(url)
        cached = client.get(url)
        assert cached["X-Page-Cache"] == "hit"
        assert "Bald verborgen" in cached.content.decode()

    comment.moderate("hide", admin_user, ground=DecisionGround.objects.get(title="Persönliche Daten"))

    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Bald verborgen" not in response.content.decode()


def test_a_comment_shown_enters_the_cached_feeds(client, story, page_cache):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING, comment="Bald sichtbar")
    urls = [*SITE_FEEDS, *story_feeds(story)]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"

    comment.status = CommentStatus.PUBLISHED
    comment.save()

    for url in urls:
        assert "Bald sichtbar" in body_of(client, url)
