"""The minimum writing time holds on pages from a shared cache: it counts from a start mark fetched when
the reader starts writing, or from a second click for readers without JavaScript, and a mark serves one
comment."""

import json
import time
import types

import pytest
from bs4 import BeautifulSoup

from comments.fill_time import StartMark
from comments.models import StoryComment
from comments.tests.test_posting import POST_URL, comment_data, start_mark

pytestmark = pytest.mark.django_db


def form_of(response):
    return BeautifulSoup(response.content, "html.parser").find(id="kommentar-formular")


def fields_of(response):
    """What the browser sends when the reader clicks "Kommentar senden" on this page."""
    form = form_of(response)
    data = {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}
    data["comment"] = form.find("textarea").get_text()
    data["consent"] = "on"
    return data


def later(monkeypatch, seconds):
    """The clock of the start marks, `seconds` from now."""
    now = time.time()
    monkeypatch.setattr("comments.fill_time.time", types.SimpleNamespace(time=lambda: now + seconds))


def test_a_form_from_a_cached_page_without_a_start_mark_takes_a_second_click(client, story, policy):
    """What a program does: take the form from a page an hour old and post at once."""
    response = client.post(POST_URL, comment_data(story, seconds_ago=3600, started=""))

    assert response.status_code == 200
    assert not StoryComment.objects.exists()
    form = form_of(response)
    assert "Noch ein Schritt" in form.get_text()
    assert form.find("textarea").get_text() == "Was für eine schöne Geschichte!\nDanke an Tobias."
    assert form.find("input", {"name": "name"})["value"] == "Erika Mustermann"
    assert StartMark.read(form.find("input", {"name": "started"})["value"], story.pk, 60) is not None


def test_the_second_click_sends_the_comment_once_the_minimum_time_has_passed(
    client, story, policy, monkeypatch
):
    step = client.post(POST_URL, comment_data(story, seconds_ago=3600, started=""))

    at_once = client.post(POST_URL, fields_of(step))
    assert "Das ging sehr schnell" in form_of(at_once).get_text()
    assert not StoryComment.objects.exists()

    later(monkeypatch, policy.min_fill_seconds + 1)
    response = client.post(POST_URL, fields_of(at_once), follow=True)
    assert "Fast geschafft" in response.content.decode()
    assert StoryComment.objects.get().comment == "Was für eine schöne Geschichte!\nDanke an Tobias."


def test_posting_right_after_fetching_a_start_mark_is_too_fast(client, story, policy):
    mark = client.get(f"/kommentare/start/{story.pk}/").json()["started"]

    response = client.post(POST_URL, comment_data(story, seconds_ago=3600, started=mark))

    assert "Das ging sehr schnell" in form_of(response).get_text()
    assert not StoryComment.objects.exists()


def test_a_start_mark_serves_one_comment(client, story, policy):
    mark = start_mark(story, seconds_ago=60)
    client.post(POST_URL, comment_data(story, started=mark))

    again = client.post(POST_URL, comment_data(story, started=mark, comment="Ein ganz anderer Text."))

    assert "Noch ein Schritt" in form_of(again).get_text()
    assert StoryComment.objects.count() == 1


@pytest.mark.parametrize(
    "mark",
    [
        "kaputt",
        StartMark(0, time.time() - 60, "fremd").signed(),  # another story's
    ],
)
def test_a_forged_or_foreign_start_mark_counts_as_none(client, story, policy, mark):
    response = client.post(POST_URL, comment_data(story, started=mark))
    assert "Noch ein Schritt" in form_of(response).get_text()
    assert not StoryComment.objects.exists()


def test_a_form_with_missing_fields_says_which_not_too_fast(client, story, policy):
    response = client.post(POST_URL, comment_data(story, seconds_ago=0, name="", email=""))

    text = form_of(response).get_text()
    assert "Bitte geben Sie Ihren Namen an" in text
    assert "Bitte geben Sie Ihre E-Mail-Adresse an" in text
    assert "sehr schnell" not in text


def test_logged_in_readers_need_no_mark_their_page_is_never_shared(client, story, policy, admin_user):
    client.force_login(admin_user)

    client.post(POST_URL, comment_data(story, started="", name="", email=""))

    assert StoryComment.objects.count() == 1


def test_the_start_mark_is_fresh_private_and_sets_no_cookie(client, story, policy, django_assert_num_queries):
    client.get(f"/kommentare/start/{story.pk}/")  # the site is in the shared cache, as on a running site
    with django_assert_num_queries(0):
        response = client.get(f"/kommentare/start/{story.pk}/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    mark = StartMark.read(json.loads(response.content)["started"], story.pk, 60)
    assert mark is not None and mark.seconds_ago() < 5
    assert client.get(f"/kommentare/start/{story.pk}/").json() != response.json()


def test_the_story_page_tells_the_form_where_to_fetch_its_start_mark(client, story, policy):
    form = form_of(client.get(story.url))
    assert form["data-start-url"] == f"/kommentare/start/{story.pk}/"
    assert not form.find("input", {"name": "started"}).get("value")  # no mark in a shared page
