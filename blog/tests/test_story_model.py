import pytest
from django.contrib.auth.models import Group

from blog.blocks import PrivacyEmbedBlock
from blog.tests.factories import StoryCategoryFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def test_reading_time_grows_with_the_text(story_index):
    short = StoryPageFactory(parent=story_index, body=[("paragraph", "<p>" + "Wort " * 150 + "</p>")])
    long = StoryPageFactory(parent=story_index, body=[("paragraph", "<p>" + "Wort " * 1000 + "</p>")])
    assert short.reading_time == 1
    assert long.reading_time == 6


def test_related_stories_prefer_pinned_then_same_category(story_index):
    category = StoryCategoryFactory()
    story = StoryPageFactory(parent=story_index, categories=[category])
    same_category = StoryPageFactory(parent=story_index, categories=[category])
    StoryPageFactory(parent=story_index)  # unrelated
    pinned = StoryPageFactory(parent=story_index)
    story.related_links.create(story=pinned)

    assert story.get_related_stories() == [pinned, same_category]


def test_unpublished_pinned_story_is_not_shown_as_related(story_index):
    story = StoryPageFactory(parent=story_index)
    draft = StoryPageFactory(parent=story_index, live=False)
    story.related_links.create(story=draft)
    assert story.get_related_stories() == []


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://www.youtube.com/watch?v=abc123", "https://www.youtube-nocookie.com/embed/abc123"),
        ("https://youtu.be/abc123", "https://www.youtube-nocookie.com/embed/abc123"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://example.org/video", None),
    ],
)
def test_embed_uses_privacy_friendly_player(url, player):
    block = PrivacyEmbedBlock()
    value = block.to_python({"url": url, "title": "Video"})
    assert value.player_url == player


@pytest.mark.parametrize(
    "group, live, may_delete",
    [("Redaktion", False, True), ("Redaktion", True, False), ("Chefredaktion", True, True)],
)
def test_the_redaktion_deletes_drafts_only_and_the_chefredaktion_live_stories_too(
    story_index, django_user_model, django_assert_num_queries, group, live, may_delete
):
    user = django_user_model.objects.create_user("person", "person@example.org", "geheim-123")
    user.groups.add(Group.objects.get(name=group))
    story = StoryPageFactory(parent=story_index, live=live)
    tester = story.permissions_for_user(user)
    tester.permissions  # noqa: B018 - the user's page permissions, fetched once per tester
    with django_assert_num_queries(0):
        assert tester.can_delete() is may_delete
