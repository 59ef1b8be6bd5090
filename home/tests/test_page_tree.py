"""Editors can only build the tree the site expects: stories under the index, the index under home."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from blog.models import StoryIndexPage, StoryPage
from blog.tests.factories import ImageFactory
from home.models import FaqPage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("parent", "child", "allowed"),
    [
        (Page, HomePage, True),
        (HomePage, StoryIndexPage, True),
        (HomePage, StandardPage, True),
        (HomePage, FaqPage, True),
        (HomePage, StoryPage, False),
        (StoryIndexPage, StoryPage, True),
        (StoryIndexPage, StandardPage, False),
        (StoryPage, StoryPage, False),
        (StandardPage, StandardPage, True),
        (StandardPage, StoryIndexPage, False),
        (FaqPage, StandardPage, False),
        (Page, StoryPage, False),
    ],
)
def test_page_type_rules(parent, child, allowed):
    fits = child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()
    assert fits is allowed


def test_only_one_story_index_and_one_faq_per_site(story_index, home_page):
    assert not StoryIndexPage.can_create_at(home_page)
    assert FaqPage.can_create_at(home_page)


def test_story_without_alt_text_for_undescribed_hero_is_refused(story_index):

    story = StoryPage(
        title="Ohne Alt", slug="ohne-alt", teaser="Kurz.", hero_image=ImageFactory(description="")
    )
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "hero_alt" in error.value.message_dict


def test_hero_alt_falls_back_to_image_description(story_index):

    story = StoryPage(
        title="Mit Beschreibung",
        slug="mit-beschreibung",
        teaser="Kurz.",
        hero_image=ImageFactory(description="Ein Esel aus Plüsch"),
        body=[("paragraph", "<p>Text</p>")],
    )
    story_index.add_child(instance=story)
    assert story.hero_alt_text == "Ein Esel aus Plüsch"
