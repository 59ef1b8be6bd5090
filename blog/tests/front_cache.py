"""A front cache that only records what it is told to purge (`purged`) or refresh behind the readers
(`refreshed`, see `core.frontend_cache`), for tests of every app (the fixtures are shared through the
root conftest.py)."""

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    purged = []
    refreshed = []

    def purge(self, url):
        self.purged.append(url)

    def refresh_batch(self, urls):
        self.refreshed.extend(urls)


@pytest.fixture
def front_cache():
    RecordingBackend.purged = []
    RecordingBackend.refreshed = []
    with override_settings(WAGTAILFRONTENDCACHE={"test": {"BACKEND": f"{__name__}.RecordingBackend"}}):
        yield RecordingBackend


@pytest.fixture
def purged(front_cache):
    return front_cache.purged


@pytest.fixture
def refreshed(front_cache):
    return front_cache.refreshed
