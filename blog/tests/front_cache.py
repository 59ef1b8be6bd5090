"""A front cache that only records what it is told to purge, for tests of every app (the `purged`
fixture is shared through the root conftest.py)."""

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def purged():
    RecordingBackend.purged = []
    with override_settings(WAGTAILFRONTENDCACHE={"test": {"BACKEND": f"{__name__}.RecordingBackend"}}):
        yield RecordingBackend.purged
