"""The reply form says whom it answers and quotes the start of that comment, also without JavaScript
(then it stands below the thread) and after a refusal; the page's script moves it under the comment."""

import pytest
from bs4 import BeautifulSoup

from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data

pytestmark = pytest.mark.django_db

LONG_TEXT = "Wir haben den Esel am Bahnhof gefunden. " * 10  # 400 characters


def form_of(response):
    return BeautifulSoup(response.content, "html.parser").find(id="kommentar-formular")


def test_the_reply_form_quotes_the_start_of_the_comment_answered(client, story, policy):
    paul = StoryCommentFactory(story=story, user_name="Paul", comment=LONG_TEXT)

    form = form_of(client.get(f"{story.url}?antwort={paul.pk}"))

    assert form.h3.get_text() == "Antwort an Paul"
    quote = form.select_one(".comment-form__reply blockquote").get_text()
    assert quote == LONG_TEXT[:199] + "…"
    assert not form.select_one(".comment-form__reply").has_attr("hidden")
    assert form.find("a", string="Nicht antworten, sondern einen neuen Kommentar schreiben")


def test_a_refused_reply_keeps_whom_it_answers_and_the_quote(client, story, policy):
    paul = StoryCommentFactory(story=story, user_name="Paul", comment="Kurz und <gut>.")

    form = form_of(client.post(POST_URL, comment_data(story, parent=str(paul.pk), email="")))

    assert form.h3.get_text() == "Antwort an Paul"
    assert form.select_one(".comment-form__reply blockquote").get_text() == "Kurz und <gut>."
    assert form.find("input", attrs={"name": "parent"})["value"] == str(paul.pk)


def test_a_new_comment_has_no_quote_but_tells_the_script_how_to_answer(client, story, policy):
    StoryCommentFactory(story=story, user_name="Paul")

    form = form_of(client.get(story.url))

    assert form.h3.get_text() == "Ihr Kommentar"
    assert form.select_one(".comment-form__reply").has_attr("hidden")
    assert form.h3["data-reply-title"] == "Antwort an {name}"
    assert form.h3["data-comment-title"] == "Ihr Kommentar"
