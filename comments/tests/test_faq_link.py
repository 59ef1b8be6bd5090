"""Readers find the answers to common questions about commenting next to the comment form."""

import pytest
from bs4 import BeautifulSoup

from home.tests.factories import FaqPageFactory

pytestmark = pytest.mark.django_db


def test_the_comment_form_links_the_questions_about_comments(client, home_page, story, policy):
    faq = FaqPageFactory(parent=home_page, slug="faq")

    form = BeautifulSoup(client.get(story.url).content, "html.parser").find(id="kommentar-formular")

    assert form.find("a", string="Fragen zu Kommentaren?")["href"] == faq.url
