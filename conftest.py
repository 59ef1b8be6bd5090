"""Fixtures shared by every app's tests: a site tree like the real one."""

import pytest
from django.core.cache import caches
from wagtail.models import Page, Site

from blog.tests.factories import StoryIndexPageFactory
from blog.tests.front_cache import front_cache, purged, refreshed  # noqa: F401 - records front-cache purges
from core.tests.fake_redis import redis  # noqa: F401 - a Redis that goes away and comes back, for every app's tests
from home.tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: the database rolls back, so must what was built from it, and
    no rate limit is used up."""
    clear_caches()
    yield
    clear_caches()


def clear_caches():
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).exclude(content_type__model="homepage").delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Kundengeschichten"},
    )
    return home


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def page_cache(settings):
    """Whole pages for anonymous readers kept in the cache, as in production (off in tests otherwise)."""
    settings.PAGE_CACHE_TIMEOUT = 600


def pytest_collection_modifyitems(items):
    """Browser tests last: their transactions end with a flush of the whole database."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
