"""Readers see the published discussion of a story, threaded, and never what is hidden."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.tests.factories import StoryPageFactory
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db


def shown_texts(story):
    return [c.comment for c in StoryComment.objects.thread_for(story) if c.is_published]


def test_only_published_comments_of_this_story_are_shown(client, story, story_index):
    StoryCommentFactory(story=story, comment="Veröffentlicht")
    for status in (
        CommentStatus.PENDING,
        CommentStatus.SPAM,
        CommentStatus.REMOVED,
        CommentStatus.UNCONFIRMED,
    ):
        StoryCommentFactory(story=story, comment=f"Versteckt: {status}", status=status)
    StoryCommentFactory(story=StoryPageFactory(parent=story_index), comment="Andere Geschichte")

    assert shown_texts(story) == ["Veröffentlicht"]
    html = BeautifulSoup(client.get(story.url).content, "html.parser").find(id="kommentare").get_text()
    assert "Veröffentlicht" in html
    assert "Versteckt" not in html
    assert "Andere Geschichte" not in html


def test_replies_follow_their_parent_in_thread_order(story):
    first = StoryCommentFactory(story=story, comment="Erster")
    second = StoryCommentFactory(story=story, comment="Zweiter")
    reply = StoryCommentFactory(story=story, parent=first, comment="Antwort auf den Ersten")
    StoryCommentFactory(story=story, parent=reply, comment="Antwort auf die Antwort")

    thread = StoryComment.objects.thread_for(story)

    assert [c.comment for c in thread] == [
        "Erster",
        "Antwort auf den Ersten",
        "Antwort auf die Antwort",
        "Zweiter",
    ]
    assert [c.level for c in thread] == [0, 1, 2, 0]
    assert thread[1].reply_to.pk == first.pk
    assert thread[3].pk == second.pk


def test_hidden_parent_with_published_replies_leaves_a_placeholder(client, story):
    parent = StoryCommentFactory(story=story, comment="Bald entfernt", user_name="Verborgene Vera")
    StoryCommentFactory(story=story, parent=parent, comment="Antwort bleibt")
    lonely = StoryCommentFactory(story=story, comment="Ohne Antworten")
    parent.status = CommentStatus.REMOVED
    parent.save()
    lonely.status = CommentStatus.SPAM
    lonely.save()

    thread = StoryComment.objects.thread_for(story)

    assert [(c.comment, c.is_published) for c in thread] == [
        ("Bald entfernt", False),
        ("Antwort bleibt", True),
    ]
    section = BeautifulSoup(client.get(story.url).content, "html.parser").find(id="kommentare")
    assert "nicht mehr sichtbar" in section.get_text()
    assert "Bald entfernt" not in section.get_text()
    assert "Verborgene Vera" not in section.get_text()
    assert "Antwort auf einen nicht mehr sichtbaren Kommentar" in section.get_text()
    assert "Ohne Antworten" not in section.get_text()


def test_saving_a_parent_never_republishes_its_hidden_replies(story):
    parent = StoryCommentFactory(story=story, comment="Eltern")
    reply = StoryCommentFactory(story=story, parent=parent, comment="Versteckte Antwort")
    reply.status = CommentStatus.REMOVED
    reply.save()

    parent.comment = "Eltern, bearbeitet"
    parent.save()

    reply.refresh_from_db()
    assert reply.status == CommentStatus.REMOVED
    assert not reply.is_public
    assert shown_texts(story) == ["Eltern, bearbeitet"]


@pytest.mark.parametrize(
    ("published", "label"), [(0, "Keine Kommentare"), (1, "1 Kommentar"), (6, "6 Kommentare")]
)
def test_counts_say_how_many_published_comments_a_story_has(client, story, published, label):
    for _ in range(published):
        StoryCommentFactory(story=story)
    StoryCommentFactory(story=story, status=CommentStatus.PENDING)

    story_page = BeautifulSoup(client.get(story.url).content, "html.parser")
    listing = client.get("/blog/").content.decode()
    home = client.get("/").content.decode()

    assert story_page.find(id="kommentare-titel").get_text(strip=True) == label
    assert label in listing
    assert label in home


def test_comment_text_is_escaped_and_links_pass_no_reputation(client, story):
    StoryCommentFactory(
        story=story,
        user_name="<b>Mallory</b>",
        comment='<script>alert(1)</script>\nZweite Zeile mit https://example.org/seite?a=1&b="2"',
    )
    html = client.get(story.url).content.decode()
    section = BeautifulSoup(html, "html.parser").find(id="kommentare")

    assert "<script>alert(1)</script>" not in html
    assert "<b>Mallory</b>" not in html
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in str(section)
    link = section.find("a", href=lambda href: href and href.startswith("https://example.org/seite"))
    assert link["rel"] == ["nofollow", "ugc", "noopener"]
    assert section.find("br") or len(section.select(".comment article > p")) == 2


def test_each_comment_has_a_permalink_initials_and_no_email(client, story):
    comment = StoryCommentFactory(story=story, user_name="Erika Mustermann", user_email="erika@example.org")
    html = client.get(story.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    item = soup.find(id=f"kommentar-{comment.pk}")
    assert item.find("a", href=f"#kommentar-{comment.pk}")
    assert item.select_one(".avatar").get_text(strip=True) == "EM"
    assert "erika@example.org" not in html
    assert "gravatar" not in html.lower()


def test_team_replies_carry_a_badge(client, story):
    StoryCommentFactory(story=story, user_name="Tobias vom Kundenservice", is_team=True)
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select_one(".comment--team .badge").get_text(strip=True) == "Team"


def count_story_queries(client, story, url=None):
    """Queries of a page view with the site cache warm and no page cache (the "cold" page)."""
    url = url or story.url
    for _ in range(2):  # the first views create the site's settings rows and the renditions
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_comments(story, count, users):
    roots = []
    for number in range(count):
        user = users[number % len(users)] if users and number % 3 == 0 else None
        parent = roots[-1] if roots and number % 4 else None
        comment = StoryCommentFactory(story=story, parent=parent, user=user)
        if parent is None:
            roots.append(comment)


def test_story_queries_do_not_grow_with_the_number_of_comments(client, story, django_user_model):
    users = [
        django_user_model.objects.create_user(f"leser{n}", f"leser{n}@example.org", "x") for n in range(5)
    ]
    add_comments(story, 10, users)
    with_ten = count_story_queries(client, story)

    add_comments(story, 190, users)
    assert StoryComment.objects.published().count() == 200
    assert count_story_queries(client, story) == with_ten
    assert with_ten <= 8


def test_deleting_a_parent_keeps_its_replies_in_the_thread(client, story):
    parent = StoryCommentFactory(story=story, comment="Gelöscht")
    StoryCommentFactory(story=story, parent=parent, comment="Antwort bleibt sichtbar")
    StoryCommentFactory(story=story, comment="Späterer Kommentar")

    StoryComment.objects.filter(pk=parent.pk).delete()

    assert shown_texts(story) == ["Antwort bleibt sichtbar", "Späterer Kommentar"]
    assert "2 Kommentare" in client.get(story.url).content.decode()


def test_comments_site_has_the_real_domain():
    from django.contrib.sites.models import Site

    assert Site.objects.get_current().domain == "testserver"
