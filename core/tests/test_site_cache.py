"""The site cache's generation: read once per request, never brought back by a lost counter."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from core import site_cache

pytestmark = pytest.mark.django_db


def test_a_lost_generation_counter_never_brings_old_entries_back(monkeypatch):
    now = [1_000.0]
    monkeypatch.setattr(site_cache.time, "time", lambda: now[0])
    built = []
    site_cache.remember("probe", lambda: built.append("first") or "first")
    site_cache.changed()
    now[0] += 60  # a minute later, Redis loses the counter (evicted, or restarted without its data)
    cache.delete(site_cache.GENERATION_KEY)

    assert site_cache.remember("probe", lambda: built.append("second") or "second") == "second"
    assert built == ["first", "second"]


def test_a_request_reads_the_generation_once_but_sees_its_own_changes():
    with site_cache.request_scope():
        before = site_cache.generation()
        cache.set(site_cache.GENERATION_KEY, before + 5)  # another server's change, mid-request
        assert site_cache.generation() == before
        site_cache.changed()  # this request's own change
        assert site_cache.generation() == before + 6
    cache.set(site_cache.GENERATION_KEY, before + 10)
    assert site_cache.generation() == before + 10


def test_while_redis_is_away_nothing_is_kept_and_afterwards_the_generation_moves_on(redis):
    before = site_cache.generation()
    site_cache.remember("probe", lambda: "before")
    redis.go_away()

    assert site_cache.generation() is None
    assert site_cache.remember("probe", lambda: "built") == "built"
    site_cache.changed()  # a change while Redis is away cannot start a new generation
    redis.come_back()

    assert site_cache.generation() > before
    assert site_cache.remember("probe", lambda: "after") == "after"


def test_a_site_moved_while_redis_is_away_has_its_new_address_once_it_is_back(redis, home_page):
    site_cache.generation()
    assert Site.get_site_root_paths()[0].root_url == "http://localhost"
    redis.go_away()
    Site.objects.filter(pk=home_page.get_site().pk).update(hostname="geschichten.example.org")
    Site.clear_site_root_paths_cache()  # what saving the site does, lost while Redis is away
    redis.come_back()

    site_cache.generation()  # the first thing every request reads
    assert Site.get_site_root_paths()[0].root_url == "http://geschichten.example.org"
