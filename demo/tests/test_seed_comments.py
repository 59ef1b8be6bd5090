"""seed_demo gives the plush-donkey story a small discussion and, on request, builds a story with many."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from blog.models import StoryPage
from comments.models import CommentReport, CommentStatus, StoryComment

pytestmark = pytest.mark.django_db


def comments_of(slug):
    return StoryComment.objects.for_page(StoryPage.objects.get(slug=slug))


def test_the_donkey_story_gets_a_threaded_discussion_with_one_team_reply_once(client):
    """Six published comments, two waiting and one reported, so moderators find work on a fresh site."""
    call_command("seed_demo", "--no-warm", verbosity=0)
    call_command("seed_demo", "--no-warm", verbosity=0)

    comments = comments_of("pluesch-esel")
    assert comments.count() == 8
    assert comments.filter(status=CommentStatus.PENDING).count() == 2
    assert CommentReport.objects.filter(comment__user_name="Claudia Neumann").count() == 1
    comments = comments.published()
    assert comments.count() == 6
    assert sorted(comments.values_list("level", flat=True)) == [0, 0, 0, 1, 1, 2]
    team = comments.get(is_team=True)
    assert team.level == 1
    assert "Kundenservice" in team.user_name
    assert all(comment.submit_date.date().isoformat() >= "2026-11-18" for comment in comments)
    assert len({comment.submit_date.date() for comment in comments}) >= 3
    assert all(comment.user_email.endswith("@example.org") for comment in comments)

    response = client.get("/blog/pluesch-esel/")
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find(id="kommentare")
    assert "6 Kommentare" in section.find(id="kommentare-titel").get_text()
    assert len(section.select(".comment--team .badge")) == 1
    assert len(section.select(".comment")) == 6
    # Readers found some answers helpful; the Team's reply most.
    assert team.helpful_count == 7
    assert section.select_one(".comment--team .comment__helpful button").get_text() == "Hilfreich (7)"
    assert not StoryPage.objects.filter(slug="viele-kommentare").exists()


def test_comments_option_builds_a_story_with_many_threaded_comments_and_tops_it_up(client):
    call_command("seed_demo", "--no-warm", "--comments", "40", verbosity=0)

    story = StoryPage.objects.get(slug="viele-kommentare")
    assert story.live
    assert story.get_parent().slug == "blog"
    assert story.hero_image_id
    comments = comments_of("viele-kommentare")
    assert comments.count() == 40
    assert comments.filter(status=CommentStatus.PUBLISHED).count() == 40
    assert comments.filter(user__username__startswith="leser").count() == 40 // 3
    assert all(c.user_name == c.user.get_full_name() for c in comments.filter(user__isnull=False))
    assert set(comments.values_list("level", flat=True)) == {0, 1, 2}
    assert comments.filter(comment__contains="\n").exists()
    assert comments.filter(comment__contains="https://").exists()
    assert client.get("/blog/viele-kommentare/").status_code == 200

    call_command("seed_demo", "--no-warm", "--comments", "40", verbosity=0)
    assert comments_of("viele-kommentare").count() == 40

    call_command("seed_demo", "--no-warm", "--comments", "50", verbosity=0)
    comments = comments_of("viele-kommentare")
    assert comments.count() == 50
    assert comments.filter(user__isnull=False).count() == 50 // 3
    assert max(comments.values_list("level", flat=True)) == 2
    assert StoryPage.objects.filter(slug="viele-kommentare").count() == 1
    assert comments_of("pluesch-esel").count() == 8


def test_topping_up_gives_the_same_discussion_as_asking_at_once():
    call_command("seed_demo", "--no-warm", "--comments", "10", verbosity=0)
    call_command("seed_demo", "--no-warm", "--comments", "30", verbosity=0)
    topped_up = list(comments_of("viele-kommentare").values_list("level", "user_name", "comment"))

    StoryComment.objects.all().delete()
    call_command("seed_demo", "--no-warm", "--comments", "30", verbosity=0)
    at_once = list(comments_of("viele-kommentare").values_list("level", "user_name", "comment"))

    assert topped_up == at_once
