"""Site-wide data that changes only when someone publishes: kept in the shared cache (Redis in
production) so that a page view asks the database only for what is its own.

Every entry lives under the current *generation*. Any change that can alter what readers see bumps the
generation, and every app server stops using the old entries at once. Nothing is ever stale for longer
than the transaction that changed it. Core watches pages, sites, view restrictions, site settings and
images itself; the feature apps name their own models with `watch()` (the blog its authors, categories and
tags) or call `changed()`. A change that only some entries show (a comment count on story cards) calls
`changed(kind)`, and only entries that say they follow that kind (`remember(..., follows=[kind])`) go.

While Redis cannot be reached there is no generation: nothing is kept or looked up, and every page is
built from the database. A change made meanwhile could not start a new generation, so each process that
found Redis away starts one before it uses the cache again.
"""

import contextlib
import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site

from .cache import outages_seen

GENERATION_KEY = "site-generation"
# The first generation after the last outage of Redis: what was kept before may miss a withdrawal.
RECOVERED_KEY = "site-generation-after-outage"
_request = threading.local()
TIMEOUT = 24 * 60 * 60
MISSING = object()
UNREAD = object()


class _Process:
    """The outages of Redis this process has made up for with a new generation."""

    outages_settled = 0


def first_generation():
    """Milliseconds since 1970: should Redis ever lose the counter (evicted, restarted), it starts again
    above every number it had, and no entry from before can come back."""
    return int(time.time() * 1000)


def generation():
    """The current generation, or None while Redis cannot be reached; read once per request
    (`request_scope`), a dozen entries use it."""
    if getattr(_request, "active", False) and _request.generation is not UNREAD:
        return _request.generation
    value = read_generation()
    if getattr(_request, "active", False):
        _request.generation = value
    return value


def read_generation():
    outages = outages_seen()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, first_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
    elif outages != _Process.outages_settled:
        # Redis was away since this process last read the generation: a change made meanwhile (here or
        # anywhere) could not start a new one, nor clear Wagtail's site roots, so what was kept before may
        # be out of date.
        bump()
        Site.clear_site_root_paths_cache()
        value = cache.get(GENERATION_KEY)
        if value is not None:
            cache.set(RECOVERED_KEY, value, timeout=None)
    if value is None or outages_seen() != outages:
        return None
    _Process.outages_settled = outages
    return value


def recovered_at():
    """The first generation after the last outage of Redis seen by any process (0: none seen): entries
    from before it may lack a change made while Redis was away."""
    return cache.get(RECOVERED_KEY) or 0


def is_current(value):
    """Whether `value` (read at the start of a request) is still the generation: no change was committed
    meanwhile, so what the request built from the rows it read is not out of date."""
    return cache.get(GENERATION_KEY) == value


@contextlib.contextmanager
def request_scope():
    """Reads the generation once for everything a request builds (see `CachedSiteMiddleware`)."""
    _request.active, _request.generation, _request.counters = True, UNREAD, {}
    try:
        yield
    finally:
        _request.active, _request.generation, _request.counters = False, UNREAD, {}


def bump(kind=None):
    """A new generation (every entry built before is out of use on every server), or with `kind` a new
    count of that kind of change (only the entries that follow it are)."""
    key = GENERATION_KEY if kind is None else counter_key(kind)
    _request.generation, _request.counters = UNREAD, {}
    try:
        cache.incr(key)
    except ValueError:  # no counter (lost, or Redis away): the next read starts one from the clock
        cache.add(key, first_generation(), timeout=None)


def changed(kind=None):
    """Now, so this transaction reads fresh data, and again after the commit, so that no other server
    keeps what it built from the old rows in the meantime. With `kind`, only entries that follow that kind
    of change go (`remember(..., follows=...)`): what only story cards show (their comment counts) need not
    empty the whole site cache."""
    bump(kind)
    # The change is stored: a lost bump must not say otherwise.
    transaction.on_commit(lambda: bump(kind), robust=True)


def counter_key(kind):
    return f"site-counter:{kind}"


def counter(kind):
    """How often changes of `kind` happened (`changed(kind)`); read once per request."""
    counters = getattr(_request, "counters", None)
    if getattr(_request, "active", False) and kind in counters:
        return counters[kind]
    key = counter_key(kind)
    value = cache.get(key)
    if value is None:
        cache.add(key, first_generation(), timeout=None)
        value = cache.get(key)
    if getattr(_request, "active", False):
        counters[kind] = value
    return value


def version(follows=()):
    """The generation, with the counters of the kinds of change in `follows`, as a key part; None while
    Redis cannot be reached."""
    current = generation()
    if current is None:
        return None
    counts = [counter(kind) for kind in follows]
    if None in counts:
        return None
    return ".".join(str(part) for part in (current, *counts))


def remember(name, build, follows=()):
    """The value cached as `name` in this generation (and for the counts of the kinds of change in
    `follows`), built (and shared) when missing; built every time while Redis cannot be reached."""
    current = version(follows)
    if current is None:
        return build()
    key = f"site:{current}:{name}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def find_site(request):
    """Wagtail's site for the request, from the cache, with its root page ready to route."""

    def build():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    hostname = split_domain_port(request._get_raw_host())[0]
    return remember(f"site-for:{hostname}:{request.get_port()}", build)


def first_live_page(model, site):
    """The site's first live page of `model` (its story index, its FAQ), or None."""

    def lookup():
        pages = model.objects.live()
        return (pages.in_site(site) if site is not None else pages).first()

    return remember(f"first-live:{model._meta.label_lower}:{getattr(site, 'pk', None)}", lookup)


def restricted_paths():
    """Tree paths of the pages with a view restriction (private sections); usually none."""
    return remember(
        "restricted-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public_pages(pages):
    """Wagtail's `pages.public()` without asking the database for view restrictions when there are none."""
    paths = restricted_paths()
    if not paths:
        return pages
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private)


class CachedViewRestrictionsMixin:
    """Serving a page checks its view restrictions (two queries); skipped while the site has none."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class CachedSiteSettingMixin:
    """A site setting read from the cache; page links in it are fetched once, with it."""

    page_fields = ()

    @classmethod
    def for_site(cls, site):
        def build():
            setting = super(CachedSiteSettingMixin, cls).for_site(site)
            for name in cls.page_fields:
                getattr(setting, name)
            return setting

        return remember(f"setting:{cls._meta.label_lower}:{getattr(site, 'pk', None)}", build)


# Models whose saving or deletion changes what readers see; apps add theirs with `watch()`.
WATCHED = {Page, Site, PageViewRestriction, BaseSiteSetting, AbstractImage}


def watch(*models):
    """Saving or deleting one of `models` (or a subclass) starts a new generation."""
    WATCHED.update(models)


def is_watched(instance):
    return isinstance(instance, tuple(WATCHED))
