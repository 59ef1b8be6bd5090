"""Readers find the answers to common questions about commenting next to the comment form: the FAQ page
chosen in the site settings (comments and home know nothing of each other; the settings join them)."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Site

from blog.tests.factories import StoryPageFactory
from home.models import SiteSettings
from home.tests.factories import FaqPageFactory

pytestmark = pytest.mark.django_db


def faq_link(client, story):
    form = BeautifulSoup(client.get(story.url).content, "html.parser").find(id="kommentar-formular")
    return form.find("a", string="Fragen zu Kommentaren?")


def test_the_comment_form_links_the_faq_chosen_in_the_site_settings(client, home_page, story_index):
    story = StoryPageFactory(parent=story_index, date=timezone.localdate())
    faq = FaqPageFactory(parent=home_page, slug="faq")
    assert faq_link(client, story) is None

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.faq_page = faq
    settings.save()

    assert faq_link(client, story)["href"] == faq.url
