"""While Redis is away, comments and reports cannot be counted against the limits: the reader gets their
form back with everything typed and a calm message (503, Retry-After), nothing is stored and no mail goes
out. Once Redis is back the same form is taken."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from comments.models import CommentReport, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data

pytestmark = pytest.mark.django_db

COMMENT_LATER = (
    "Wir können Ihren Kommentar gerade nicht annehmen. Bitte senden Sie ihn in einer Minute noch einmal; "
    "Ihr Text ist noch da."
)
REPORT_LATER = (
    "Wir können Ihre Meldung gerade nicht annehmen. Bitte senden Sie sie in einer Minute noch einmal; "
    "Ihr Text ist noch da."
)


def form_values(response, form_selector):
    form = BeautifulSoup(response.content, "html.parser").select_one(form_selector)
    values = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    values.update({area["name"]: area.get_text() for area in form.select("textarea[name]")})
    return values


def test_a_comment_sent_while_redis_is_away_comes_back_with_the_text_and_a_calm_503(
    client, story, policy, redis
):
    data = comment_data(story)
    redis.go_away()

    response = client.post(POST_URL, data)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Wie Esel Emil heimkam" in page  # the story, with the form where the reader left it
    assert COMMENT_LATER in page
    kept = form_values(response, "#kommentar-formular")
    for field in ("name", "email", "comment", "started", "timestamp", "security_hash"):
        assert kept[field] == data[field].replace("\r\n", "\n"), field
    assert not StoryComment.objects.exists()
    assert mail.outbox == []


def test_the_same_comment_is_taken_once_redis_is_back(client, story, policy, redis):
    data = comment_data(story)
    redis.go_away()
    assert client.post(POST_URL, data).status_code == 503
    redis.come_back()

    response = client.post(POST_URL, data)

    assert response.status_code == 302
    assert StoryComment.objects.get().comment == data["comment"]
    assert len(mail.outbox) == 1


def test_a_report_sent_while_redis_is_away_comes_back_with_the_text_and_a_calm_503(client, story, redis):
    comment = StoryCommentFactory(story=story)
    redis.go_away()

    response = client.post(
        f"/kommentare/melden/{comment.pk}/", {"reason": "spam", "note": "Werbung für Uhren"}
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert REPORT_LATER in response.content.decode()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("input[value=spam]").has_attr("checked")
    assert soup.select_one("textarea[name=note]").get_text() == "Werbung für Uhren"
    assert not CommentReport.objects.exists()
    assert mail.outbox == []
