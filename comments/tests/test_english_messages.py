"""English readers hear what happened in English: the error title, the summary and the notices."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

from comments.tests.test_posting import POST_URL, comment_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield client
    translation.activate(settings.LANGUAGE_CODE)  # the middleware leaves the reader's language active


def test_a_refused_comment_says_error_in_english(english, story, policy):
    page = BeautifulSoup(english.post(POST_URL, comment_data(story, email="")).content, "html.parser")

    assert page.title.get_text().startswith("Error: ")
    assert page.select_one(".error-summary h4").get_text() == "Your comment has not been sent yet"


def test_the_notice_after_sending_is_english(english, story, policy):
    page = BeautifulSoup(english.get(f"{story.url}?kommentar=gesendet").content, "html.parser")

    assert page.find(id="kommentar-hinweis").get_text(strip=True).startswith("Almost done")
