"""Confirming, muting and reporting set no cookie for anonymous readers (a reader who blocks cookies
loses nothing), and a POST from another site changes nothing."""

import re

import pytest
from django.core import mail
from django.test import Client

from comments.models import CommentReport, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db

CROSS_SITE = Client(headers={"Sec-Fetch-Site": "cross-site"})
OWN_PAGE_WITHOUT_COOKIES = {"enforce_csrf_checks": True, "headers": {"Origin": "http://testserver"}}


@pytest.fixture
def confirm_path(client, story, policy):
    client.post(POST_URL, comment_data(story))
    return confirmation_link(mail.outbox[-1])


@pytest.fixture
def mute_path(story, django_capture_on_commit_callbacks):
    anna = StoryCommentFactory(story=story, user_name="Anna", user_email="anna@example.org", followup=True)
    with django_capture_on_commit_callbacks(execute=True):
        StoryCommentFactory(story=story, parent=anna)
    return re.search(r"http://testserver(/kommentare/stumm/\S+/)", mail.outbox[-1].body).group(1)


@pytest.fixture
def report_path(story):
    return f"/kommentare/melden/{StoryCommentFactory(story=story).pk}/"


@pytest.mark.parametrize("path", ["confirm_path", "mute_path", "report_path"])
def test_the_pages_set_no_cookie_and_carry_no_csrf_token(client, path, request):
    response = client.get(request.getfixturevalue(path))

    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_confirming_works_without_any_cookie(confirm_path):
    response = Client(**OWN_PAGE_WITHOUT_COOKIES).post(confirm_path)

    assert response.status_code == 302
    assert StoryComment.objects.get().status == CommentStatus.PENDING


def test_a_confirmation_from_another_site_confirms_nothing_and_asks_again(confirm_path):
    response = CROSS_SITE.post(confirm_path)

    assert response.status_code == 403
    assert "nicht von unserer Seite" in response.content.decode()
    assert "Ja, Kommentar bestätigen" in response.content.decode()
    assert StoryComment.objects.get().status == CommentStatus.UNCONFIRMED
    assert Client(**OWN_PAGE_WITHOUT_COOKIES).post(confirm_path).status_code == 302  # link still good


def test_muting_from_another_site_mutes_nothing(mute_path):
    response = CROSS_SITE.post(mute_path)

    assert response.status_code == 403
    assert "Ja, Benachrichtigungen ausschalten" in response.content.decode()
    assert StoryComment.objects.get(user_name="Anna").followup


def test_a_report_from_another_site_is_refused_and_keeps_the_note(report_path):
    response = CROSS_SITE.post(report_path, {"reason": "spam", "note": "Werbung für Uhren"})

    assert response.status_code == 403
    assert "Ihre Meldung kam nicht von unserer Seite" in response.content.decode()
    assert "Werbung für Uhren" in response.content.decode()
    assert not CommentReport.objects.exists()


def test_reporting_works_without_any_cookie(report_path):
    response = Client(**OWN_PAGE_WITHOUT_COOKIES).post(report_path, {"reason": "spam"})

    assert response.status_code == 302
    assert CommentReport.objects.count() == 1
