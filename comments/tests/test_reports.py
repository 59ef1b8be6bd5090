"""Readers report comments that break the rules; reports reach moderation and are limited."""

import pytest
from bs4 import BeautifulSoup

from blog.tests.factories import StoryPageFactory
from comments.models import CommentReport, CommentStatus
from comments.screening import REPORTS_PER_IP_PER_HOUR
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(story_index):
    return StoryCommentFactory(
        story=StoryPageFactory(parent=story_index, slug="esel"), comment="Kauft billige Uhren!"
    )


def test_reader_reports_a_comment_with_a_reason(client, comment):
    story_html = client.get("/blog/esel/").content.decode()
    assert f"/kommentare/melden/{comment.pk}/" in story_html

    form = client.get(f"/kommentare/melden/{comment.pk}/")
    assert "Kauft billige Uhren!" in form.content.decode()

    response = client.post(
        f"/kommentare/melden/{comment.pk}/", {"reason": "spam", "note": "Werbung"}, follow=True
    )

    assert (
        response.redirect_chain[-1][0] == f"/blog/esel/?kommentar=gemeldet&bei={comment.pk}#kommentar-hinweis"
    )
    assert "Danke für Ihre Meldung" in response.content.decode()
    report = CommentReport.objects.get()
    assert (report.comment, report.reason, report.note) == (comment, "spam", "Werbung")


def test_report_without_a_reason_is_refused_with_a_message(client, comment):
    response = client.post(f"/kommentare/melden/{comment.pk}/", {"note": "Bitte prüfen"})
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Grund" in response.content.decode()
    assert BeautifulSoup(response.content, "html.parser").find("textarea").get_text() == "Bitte prüfen"
    assert not CommentReport.objects.exists()


def test_reports_are_rate_limited(client, comment):
    for _ in range(REPORTS_PER_IP_PER_HOUR):
        client.post(f"/kommentare/melden/{comment.pk}/", {"reason": "abuse"})

    response = client.post(f"/kommentare/melden/{comment.pk}/", {"reason": "abuse"})

    assert response.status_code == 429
    assert "viele Meldungen" in response.content.decode()
    assert CommentReport.objects.count() == REPORTS_PER_IP_PER_HOUR


@pytest.mark.parametrize("status", [CommentStatus.PENDING, CommentStatus.REMOVED, CommentStatus.UNCONFIRMED])
def test_hidden_comments_cannot_be_reported_or_read_this_way(client, comment, status):
    comment.status = status
    comment.save()
    response = client.get(f"/kommentare/melden/{comment.pk}/")
    assert response.status_code == 404
    assert "Kauft billige Uhren!" not in response.content.decode()


@pytest.mark.parametrize("note", ["Bitte\x00prüfen", "Bitte \u202eneferp\u202c", "Bitte\x1b prüfen"])
def test_report_note_with_control_or_direction_characters_is_refused(client, comment, note):
    response = client.post(f"/kommentare/melden/{comment.pk}/", {"reason": "spam", "note": note})

    assert response.status_code == 400
    assert "Steuerzeichen" in response.content.decode()
    assert BeautifulSoup(response.content, "html.parser").find("textarea").get_text() == note
    assert not CommentReport.objects.exists()
