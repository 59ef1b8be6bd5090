import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Page, Revision, Site

from blog.models import Author, StoryCategory, StoryPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "categories": StoryCategory.objects.count(),
    }


def test_seed_demo_builds_the_site_and_is_idempotent(client):
    call_command("seed_demo", "--no-warm", verbosity=0)
    first = snapshot()
    call_command("seed_demo", "--no-warm", verbosity=0)

    assert snapshot() == first
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    live_stories = StoryPage.objects.live()
    assert live_stories.count() >= 14
    assert len({story.date.year for story in live_stories}) >= 2
    assert first["authors"] == 3
    assert first["categories"] == 4
    assert live_stories.filter(slug="pluesch-esel").exists()
    assert all(story.hero_image_id for story in live_stories)
    for url in ("/", "/blog/", "/blog/pluesch-esel/", "/faq/", "/datenschutz/", "/impressum/"):
        assert client.get(url).status_code == 200, url


def test_no_warm_means_no_renditions_even_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--no-warm", verbosity=0)
    assert not Rendition.objects.exists()
