"""Readers see what others write beside the stories: "Neueste Kommentare" on the home page and the story
index, the five newest published comments of the site, each linked to its place in the discussion."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import reset_queries
from django.utils import timezone

from blog.tests.factories import StoryCategoryFactory, StoryPageFactory
from comments.dsa.models import DecisionGround
from comments.models import CommentStatus
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db


def minutes_ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes)


def latest_list(client, url):
    """The section's entries as a reader reads them, or None when the page has no such section."""
    response = client.get(url)
    assert response.status_code == 200, url
    section = BeautifulSoup(response.content, "html.parser").find(
        "section", attrs={"aria-labelledby": "neueste-kommentare-titel"}
    )
    if section is None:
        return None
    return section.find_all("li")


def entry_text(item):
    return " ".join(item.get_text(" ").split())


def test_the_home_page_shows_the_five_newest_comments_newest_first(client, story):
    for minutes in range(7):
        StoryCommentFactory(story=story, user_name=f"Leser {minutes}", submit_date=minutes_ago(minutes))

    items = latest_list(client, "/")

    assert [item.find("b").get_text() for item in items] == [f"Leser {minutes}" for minutes in range(5)]


def test_an_entry_names_the_commenter_and_links_the_comment_in_its_story(client, story):
    comment = StoryCommentFactory(story=story, user_name="Anna", comment="Emil ist wieder da!")

    (item,) = latest_list(client, "/")

    link = item.find("a")
    assert link.get_text() == "zu „Wie Esel Emil heimkam“"
    assert link["href"] == f"/blog/esel/#kommentar-{comment.pk}"
    assert entry_text(item).startswith("Anna zu „Wie Esel Emil heimkam“ Emil ist wieder da!")
    assert item.find("time")["data-relative"] == "time"


def test_a_team_answer_carries_the_badge(client, story):
    StoryCommentFactory(story=story, user_name="Mara Moder", is_team=True)

    (item,) = latest_list(client, "/")

    assert item.find(class_="badge").get_text() == "Team"


def test_a_long_comment_is_cut_short(client, story):
    StoryCommentFactory(story=story, comment="Wort " * 100)

    (item,) = latest_list(client, "/")

    excerpt = item.find(class_="latest-comments__excerpt").get_text()
    assert len(excerpt) <= 120
    assert excerpt.endswith("…")


def test_a_name_with_markup_is_shown_as_text(client, story):
    StoryCommentFactory(story=story, user_name="<script>alert(1)</script>", comment="<b>fett</b>")

    page = client.get("/").content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;fett&lt;/b&gt;" in page


@pytest.mark.parametrize("status", [s for s in CommentStatus if s != CommentStatus.PUBLISHED])
def test_comments_readers_cannot_see_are_left_out(client, story, status):
    StoryCommentFactory(story=story, comment="Sichtbar für alle")
    StoryCommentFactory(story=story, status=status, comment="Geheimer Text", user_name="Verborgene")

    page = client.get("/").content.decode()

    assert "Sichtbar für alle" in page
    assert "Geheimer Text" not in page
    assert "Verborgene" not in page


def test_comments_of_draft_stories_are_left_out(client, story, story_index):
    draft = StoryPageFactory(parent=story_index, title="Entwurf", slug="entwurf", live=False)
    StoryCommentFactory(story=draft, comment="Zum Entwurf")

    assert latest_list(client, "/") is None  # no comment to show: no section


def test_the_story_index_shows_them_in_its_sidebar_but_a_filtered_listing_does_not(client, story_index):
    category = StoryCategoryFactory(slug="technik")
    story = StoryPageFactory(parent=story_index, title="Im Schnee auf dem Mast", categories=[category])
    StoryCommentFactory(story=story, user_name="Anna")

    (item,) = latest_list(client, "/blog/")
    assert entry_text(item).startswith("Anna zu „Im Schnee auf dem Mast“")
    assert item.find_parent("aside", class_="sidebar") is not None
    # Filtered listings are purged only with their own stories: they would keep an old list.
    assert latest_list(client, "/blog/kategorie/technik/") is None


def test_the_list_takes_no_query_per_comment(client, story_index, django_assert_max_num_queries):
    stories = [StoryPageFactory(parent=story_index) for _ in range(3)]
    StoryCommentFactory(story=stories[0])
    client.get("/")  # the site cache fills once
    reset_queries()  # the log holds 9,000 queries; the factories' would hide the page's
    with django_assert_max_num_queries(1000) as one_comment:
        client.get("/")
    queries_for_one = len(one_comment)  # counted from the log, which the next request empties
    for number in range(12):
        StoryCommentFactory(story=stories[number % 3])
    reset_queries()
    with django_assert_max_num_queries(queries_for_one):
        assert len(latest_list(client, "/")) == 5


def test_a_comment_hidden_after_being_shown_leaves_the_cached_lists(client, story, page_cache, admin_user):
    comment = StoryCommentFactory(story=story, comment="Bald verborgen")
    for url in ("/", "/blog/", "/", "/blog/"):  # the very first views create the settings rows
        client.get(url)
    for url in ("/", "/blog/"):
        cached = client.get(url)
        assert cached["X-Page-Cache"] == "hit"
        assert "Bald verborgen" in cached.content.decode()

    comment.moderate("hide", admin_user, ground=DecisionGround.objects.get(title="Persönliche Daten"))

    for url in ("/", "/blog/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Bald verborgen" not in response.content.decode()
