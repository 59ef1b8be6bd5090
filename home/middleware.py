import contextlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from config.middleware import UNAVAILABLE_ERRORS

from . import site_cache


class ChosenLanguageMiddleware:
    """German for everyone unless the reader picked another language with the language switch.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language header, so the
    site is German first and pages stay cacheable for anonymous readers.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class SharedCacheMiddleware:
    """Lets front caches (Varnish, a CDN) keep what anonymous readers see; never anything personal.

    A page is shareable when it is a plain GET for nobody in particular: no logged-in user, no
    preview, no cookie set in the response (CSRF, session, messages), not the admin. Shared caches
    keep it for an hour and are purged on every change (`blog.cache`); browsers revalidate after a
    minute. Everything else is marked private and uncached. Views that set Cache-Control themselves
    (the admin, feeds, /healthz) keep theirs.
    """

    BROWSER_MAX_AGE = 60
    SHARED_MAX_AGE = 60 * 60
    SHAREABLE_STATUS = {200, 301, 404, 410}
    PERSONAL_PATHS = ("/admin/", "/kommentare/", "/sprache/")

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
            and not request.path.startswith(self.PERSONAL_PATHS)
            and not getattr(request, "is_preview", False)
            and not (user is not None and user.is_authenticated)
        )


class PageCacheMiddleware:
    """Keeps the pages anonymous readers get in the shared cache (Redis), so every app server answers
    them without rendering, until the next change (see `site_cache`: any publication or comment
    decision starts a new generation). `PAGE_CACHE_TIMEOUT` seconds, 0 turns it off.

    Only plain GETs without cookies (but the language choice) and without a query (but `?page=`) are
    looked up; only 200 responses that set no cookie and no Cache-Control of their own are kept.
    """

    PERSONAL_PATHS = SharedCacheMiddleware.PERSONAL_PATHS

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if not timeout or not self.is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = self.key_for(request)
            stored = cache.get(key)
        except UNAVAILABLE_ERRORS:
            return self.get_response(request)  # the view decides: /healthz reports it, a page answers 503
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.is_cacheable_response(response):
            cache.set(key, (response.status_code, list(response.headers.items()), response.content), timeout)
            response.headers["X-Page-Cache"] = "miss"
        return response

    def is_cacheable_request(self, request):
        if request.method != "GET" or request.path.startswith(self.PERSONAL_PATHS):
            return False
        if set(request.COOKIES) - {settings.LANGUAGE_COOKIE_NAME}:
            return False
        return set(request.GET) <= {"page"}

    def is_cacheable_response(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    def key_for(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        page = request.GET.get("page", "")
        return f"page:{site_cache.generation()}:{language}:{request.get_host()}:{request.path}:{page}"


class CachedSiteMiddleware:
    """Finds the request's Wagtail site in the shared cache (Wagtail asks the database every time), and
    reads the site cache's generation once for the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with site_cache.request_scope():
            # Database or cache away: the view decides (/healthz reports it, a page answers 503).
            with contextlib.suppress(UNAVAILABLE_ERRORS):
                request._wagtail_site = site_cache.find_site(request)
            return self.get_response(request)
