"""A release with new templates: one command and no reader gets a page built by the old code."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_after_a_new_generation_every_kept_page_is_built_anew(client, story_index, page_cache):
    for _ in range(2):
        client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    out = io.StringIO()
    call_command("start_cache_generation", stdout=out)

    assert "New site-cache generation" in out.getvalue()
    assert client.get("/")["X-Page-Cache"] == "miss"
