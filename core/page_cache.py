"""Whole pages for anonymous readers, kept in the shared cache (Redis) for every app server.

Django's own cache middleware cannot do this job: its entries are keyed by URL and the request's varying
headers (every cookie would make a new entry) and expire only by time, while ours must all go at once when
anything is published or a comment is decided (the site cache's generation is part of the key)."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import site_cache
from .availability import UNAVAILABLE_ERRORS
from .middleware import chosen_language


class PageCacheMiddleware:
    """Keeps the pages anonymous readers get in the shared cache (Redis), so every app server answers
    them without rendering, until the next change (see `site_cache`: any publication or comment
    decision starts a new generation). `PAGE_CACHE_TIMEOUT` seconds, 0 turns it off.

    Only plain GETs without cookies (but the language choice) and without a query (but `?page=`) are
    looked up; only 200 responses that set no cookie and no Cache-Control of their own are kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

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
        if request.method != "GET":
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
        page = request.GET.get("page", "")
        return f"page:{site_cache.generation()}:{chosen_language(request)}:{request.get_host()}:{request.path}:{page}"
