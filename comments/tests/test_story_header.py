"""Under a story's title a reader sees how many comments it has, and the count takes them down to them."""

import pytest
from bs4 import BeautifulSoup

from blog.tests.factories import StoryPageFactory
from comments import discussion
from comments.models import CommentStatus
from comments.tests.factories import StoryCommentFactory

from .test_thread import count_story_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index)


def byline_meta(client, story):
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    return soup.select_one(".byline__meta")


def test_the_byline_counts_the_published_comments_and_links_to_the_discussion(client, story):
    for _ in range(3):
        StoryCommentFactory(story=story)
    StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    StoryCommentFactory(story=story, status=CommentStatus.REMOVED)

    link = byline_meta(client, story).find("a", string="3 Kommentare")

    assert link["href"] == "#kommentare"


def test_a_story_without_comments_invites_to_the_discussion(client, story):
    link = byline_meta(client, story).find("a", href="#kommentare")

    assert link.get_text(strip=True) == "Keine Kommentare"


def test_a_story_closed_to_comments_shows_a_count_only_of_comments_it_has(client, story_index):
    quiet = StoryPageFactory(parent=story_index, comments_enabled=False)
    discussed = StoryPageFactory(parent=story_index, comments_enabled=False)
    StoryCommentFactory(story=discussed)
    StoryCommentFactory(story=discussed)

    assert byline_meta(client, quiet).find("a", href="#kommentare") is None
    assert byline_meta(client, discussed).find("a", href="#kommentare").get_text() == "2 Kommentare"


def test_the_count_under_the_title_comes_with_the_story_without_a_query_more(client, story):
    for _ in range(4):
        StoryCommentFactory(story=story)

    assert count_story_queries(client, story) == 6  # as many as without the count
    assert byline_meta(client, story).find("a", string="4 Kommentare")


def test_a_preview_counts_the_comments_itself(story):
    StoryCommentFactory(story=story)
    unannotated = type(story).objects.get(pk=story.pk)  # as the editor's preview has it

    html = discussion.header_comment_count(unannotated, {})

    assert ">1 Kommentar<" in html
