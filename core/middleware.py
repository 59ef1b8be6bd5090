"""Middleware every page passes: the reader's language, cache headers for front caches, and the Wagtail
site from the shared cache; in development, the site's own 404 page. (The page cache, the security policy
and the 503 page have modules of their own.)"""

import contextlib

from django.conf import settings
from django.http import Http404
from django.urls import get_resolver, get_urlconf
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import site_cache
from .availability import UNAVAILABLE_ERRORS


def chosen_language(request):
    """The language the reader picked with the language switch, else the site's (German)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """German for everyone unless the reader picked another language with the language switch.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language header, so the
    site is German first and pages stay cacheable for anonymous readers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class SharedCacheMiddleware:
    """Lets front caches (Varnish, a CDN) keep what anonymous readers see; never anything personal.

    A page is shareable when it is a plain GET for nobody in particular: no logged-in user, no
    preview, no cookie set in the response (CSRF, session, messages). Shared caches keep it for an hour
    and are purged on every change (`core.purging`); browsers revalidate after a minute. Everything else
    is marked private and uncached. Views that set Cache-Control themselves keep theirs: the admin, the
    comment views and the language switch are `never_cache` by their URL patterns (`config/urls.py`).
    """

    BROWSER_MAX_AGE = 60
    SHARED_MAX_AGE = 60 * 60
    SHAREABLE_STATUS = {200, 301, 404, 410}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self.is_shareable(request, response):
            patch_cache_control(
                response, public=True, max_age=self.BROWSER_MAX_AGE, s_maxage=self.SHARED_MAX_AGE
            )
        else:
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
        return response

    def is_shareable(self, request, response):
        user = getattr(request, "user", None)
        return (
            request.method in ("GET", "HEAD")
            and response.status_code in self.SHAREABLE_STATUS
            and not response.cookies
            and not getattr(request, "is_preview", False)
            and not (user is not None and user.is_authenticated)
        )


class CachedSiteMiddleware:
    """Finds the request's Wagtail site in the shared cache (Wagtail asks the database every time), and
    reads the site cache's generation once for the whole request. The site is left where Wagtail's
    `Site.find_for_request` looks first (`request._wagtail_site`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with site_cache.request_scope():
            # Database away: the view decides (/healthz reports it, a page answers 503).
            with contextlib.suppress(UNAVAILABLE_ERRORS):
                request._wagtail_site = site_cache.find_site(request)
            return self.get_response(request)


class NotFoundPageMiddleware:
    """Development only (`config/settings/dev.py`): with DEBUG on, Django answers an unknown address with
    its technical 404 page; this shows the site's own, as readers get it in production. Django's stays for
    a developer who asks for it (`DEBUG_404=1`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.resolver_match is None:
            return self.not_found(request, Http404())  # no URL pattern matched the address
        return response

    def process_exception(self, request, exception):
        return self.not_found(request, exception) if isinstance(exception, Http404) else None

    @staticmethod
    def not_found(request, exception):
        """The response production gives: the URLconf's 404 handler (Django's default renders 404.html)."""
        return get_resolver(get_urlconf()).resolve_error_handler(404)(request, exception)
