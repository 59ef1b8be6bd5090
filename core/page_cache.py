"""Whole pages for anonymous readers, kept in the shared cache (Redis) for every app server.

Django's own cache middleware cannot do this job: its entries are keyed by URL and the request's varying
headers (every cookie would make a new entry) and expire only by time, while ours must all go at once when
anything is published, and the few that show a comment when it is shown or hidden. Each address has one
entry that remembers the site cache's generation it was rendered in and when: it is served while that is
still the generation and its address has not changed since (`changed`), and otherwise kept as the last
good copy for readers while the database is away."""

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port

from . import site_cache
from .middleware import chosen_language

# A page of a listing as its links spell it: page 2 and on, no leading zeros.
PAGE_NUMBER = re.compile(r"[2-9]|[1-9][0-9]+")


# How long a page's last good copy is kept for a database outage: as long as Varnish keeps its copies.
LAST_GOOD_SECONDS = 6 * 60 * 60


@dataclass(frozen=True)
class StoredPage:
    generation: int
    rendered_at: float  # when its request began: it shows the rows as they were then
    status: int
    headers: list
    content: bytes

    def is_fresh(self, generation, changed_at, timeout):
        """Rendered in this generation, after the last change of its address, not longer ago than
        `timeout`."""
        return (
            self.generation == generation
            and (changed_at is None or self.rendered_at > changed_at)
            and time.time() - self.rendered_at < timeout
        )

    def response(self, state):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = state
        return response


class PageCacheMiddleware:
    """Keeps the pages anonymous readers get in the shared cache (Redis), so every app server answers
    them without rendering, until the next change (see `site_cache`: any publication starts a new
    generation; a comment shown or hidden only marks the pages that show it, `changed`; a page rendered
    while a change committed is not kept). `PAGE_CACHE_TIMEOUT`
    seconds, 0 turns it off. While the database is away (the page would be the 503), a reader gets the
    page's last good copy instead, marked `X-Page-Cache: stale` and kept by no other cache.

    Only plain GETs without cookies (but the language choice) and without a query (but `?page=` and the
    values of `PAGE_CACHE_QUERY_VARIANTS`, such as a discussion's sort order) are looked up; only 200
    responses that set no cookie and no Cache-Control of their own are kept. So that junk cannot fill the
    cache, `?page=` is looked up only as a plain number from 2 (page 1 is the address without it) and kept
    only when the page served that very page of a listing (`core.pagination`), a variant only with one of
    its values and when the page served it; the host in the key is spelled one way (`Example.org.:80` is
    `example.org`). Every variant of an address goes with it when it changes (`changed`, `withdraw`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if not timeout or not self.is_cacheable_request(request):
            return self.get_response(request)
        generation = site_cache.generation()
        if generation is None:  # Redis away: every page is built for its reader, and kept nowhere
            return self.get_response(request)
        key = self.key_for(request)
        found = cache.get_many([key, changed_key(request.path)])
        stored = found.get(key)
        if stored is not None and stored.is_fresh(generation, found.get(changed_key(request.path)), timeout):
            return stored.response("hit")
        rendered_at = time.time()
        response = self.get_response(request)
        if response.status_code == 503 and stored is not None and not was_withdrawn(request.path, stored):
            stale = stored.response("stale")
            stale.headers["Cache-Control"] = "no-store"  # the front cache asks again for the real page
            return stale
        if (
            self.is_cacheable_response(response)
            and self.serves_the_page_asked_for(request)
            # A change committed while this page was rendered (from the rows before it) must not be
            # undone by storing the page after the change's purge.
            and site_cache.is_current(generation)
            and not changed_since(request.path, rendered_at)
        ):
            page = StoredPage(
                generation,
                rendered_at,
                response.status_code,
                list(response.headers.items()),
                response.content,
            )
            cache.set(key, page, LAST_GOOD_SECONDS)
            response.headers["X-Page-Cache"] = "miss"
        return response

    def is_cacheable_request(self, request):
        if request.method != "GET":
            return False
        if set(request.COOKIES) - {settings.LANGUAGE_COOKIE_NAME}:
            return False
        variants = query_variants()
        if not set(request.GET) <= {"page", *variants}:
            return False
        for name, values in variants.items():
            given = request.GET.getlist(name)
            if given and not (len(given) == 1 and given[0] in values):
                return False
        pages = request.GET.getlist("page")
        return not pages or (len(pages) == 1 and PAGE_NUMBER.fullmatch(pages[0]) is not None)

    def serves_the_page_asked_for(self, request):
        """No `?page=`, or a listing served that page (a story ignores `?page=`: each number another copy);
        likewise each query variant only where the page served it (`request.served_query_variants`)."""
        page = request.GET.get("page")
        if page is not None and str(getattr(request, "served_page_number", "")) != page:
            return False
        served = getattr(request, "served_query_variants", {})
        return all(served.get(name) == request.GET[name] for name in query_variants() if name in request.GET)

    def is_cacheable_response(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    def key_for(self, request):
        """One entry per address and language; the entry says which generation it was rendered in."""
        page = request.GET.get("page", "")
        variant = "".join(
            f":{name}={request.GET[name]}" for name in sorted(query_variants()) if name in request.GET
        )
        return f"page:{chosen_language(request)}:{host_of(request)}:{request.path}:{page}{variant}"


def query_variants():
    """`PAGE_CACHE_QUERY_VARIANTS`: each parameter and the values that make a page of their own."""
    return getattr(settings, "PAGE_CACHE_QUERY_VARIANTS", {})


def host_of(request):
    """The request's host spelled one way: lower case, without a trailing dot or the scheme's default port."""
    domain, port = split_domain_port(request.get_host())
    default_port = "443" if request.is_secure() else "80"
    return domain if port in ("", default_port) else f"{domain}:{port}"


def changed(paths):
    """What the pages at `paths` show changed without a new generation (a comment shown or hidden): their
    kept copies, and pages rendered before now, are out of date."""
    now = time.time()
    cache.set_many({changed_key(path): now for path in paths}, LAST_GOOD_SECONDS)


def changed_key(path):
    return f"page-changed:{path}"


def changed_since(path, moment):
    changed_at = cache.get(changed_key(path))
    return changed_at is not None and changed_at >= moment


def withdraw(paths):
    """Pages purged for a change (a comment hidden, a page made private, unpublished or moved): their
    last good copies from before are never served again, not even while the database is away."""
    now = time.time()
    cache.set_many({withdrawn_key(path): now for path in paths}, LAST_GOOD_SECONDS)


def was_withdrawn(path, stored):
    """Withdrawn since it was kept, or kept before an outage of Redis (a withdrawal made meanwhile was
    not recorded)."""
    withdrawn_at = cache.get(withdrawn_key(path))
    if withdrawn_at is not None and withdrawn_at >= stored.rendered_at:
        return True
    return stored.generation < site_cache.recovered_at()


def withdrawn_key(path):
    return f"page-withdrawn:{path}"
