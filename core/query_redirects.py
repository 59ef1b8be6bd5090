"""Redirects for addresses that differ from a page's only by their query, such as WordPress's "/?p=12".

Wagtail's `RedirectMiddleware` answers only where no page does (404), but "/?p=12" reaches the home page,
which answers 200. `QueryRedirectMiddleware` looks such addresses up among Wagtail's redirects first, and
only on the paths named in `QUERY_REDIRECT_PATHS` (the site root), only when a query is given: every other
request passes without a look. The redirects themselves are ordinary Wagtail redirects, edited in the admin
like any other; whoever makes them (the WordPress import) needs to know nothing of this module.
"""

import contextlib

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.utils.encoding import uri_to_iri
from wagtail.contrib.redirects.models import Redirect

from . import site_cache
from .availability import UNAVAILABLE_ERRORS

DEFAULT_PATHS = ("/",)


def query_redirect_paths():
    """The paths whose query forms may be redirected: the site root, and any the settings add (a blog that
    lived below /blog/ had its "/blog/?p=12")."""
    return getattr(settings, "QUERY_REDIRECT_PATHS", DEFAULT_PATHS)


def find_redirect(request):
    """The request's Wagtail redirect, with one query: the site's own before one for all sites, and the
    address as Wagtail stores it (umlauts decoded) before the percent-encoded spelling."""
    encoded = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    if "\0" in encoded:  # PostgreSQL refuses it; no redirect has it
        return None
    decoded = uri_to_iri(encoded)
    site = site_cache.find_site(request)
    candidates = Redirect.get_for_site(site).filter(old_path__in={encoded, decoded})
    return min(
        candidates.select_related("redirect_page"),
        key=lambda redirect: (redirect.site_id is None, redirect.old_path != decoded),
        default=None,
    )


class QueryRedirectMiddleware:
    """Answers a redirect for "/?query" before the home page (or its cached copy) is served. Placed before
    the page cache; the shared-cache middleware outside it marks a permanent redirect public, so Varnish
    keeps one copy per query (it hashes the whole URL)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.META.get("QUERY_STRING")
            and request.path in query_redirect_paths()
        ):
            # Database away: the page answers as it would without this middleware (the 503 page).
            with contextlib.suppress(UNAVAILABLE_ERRORS):
                redirect = find_redirect(request)
                link = redirect.link if redirect is not None else None
                if link:
                    response_class = (
                        HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                    )
                    return response_class(link)
        return self.get_response(request)
