"""Whole pages for anonymous readers, kept in the shared cache (Redis) for every app server.

Django's own cache middleware cannot do this job: its entries are keyed by URL and the request's varying
headers (every cookie would make a new entry) and expire only by time, while ours must all go at once when
anything is published or a comment is decided (the site cache's generation is part of the key)."""

import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port

from . import site_cache
from .middleware import chosen_language

# A page of a listing as its links spell it: page 2 and on, no leading zeros.
PAGE_NUMBER = re.compile(r"[2-9]|[1-9][0-9]+")


class PageCacheMiddleware:
    """Keeps the pages anonymous readers get in the shared cache (Redis), so every app server answers
    them without rendering, until the next change (see `site_cache`: any publication or comment
    decision starts a new generation). `PAGE_CACHE_TIMEOUT` seconds, 0 turns it off.

    Only plain GETs without cookies (but the language choice) and without a query (but `?page=`) are
    looked up; only 200 responses that set no cookie and no Cache-Control of their own are kept. So that
    junk cannot fill the cache, `?page=` is looked up only as a plain number from 2 (page 1 is the address
    without it) and kept only when the page served that very page of a listing (`core.pagination`); the
    host in the key is spelled one way (`Example.org.:80` is `example.org`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if not timeout or not self.is_cacheable_request(request):
            return self.get_response(request)
        key = self.key_for(request)
        if key is None:  # Redis away: every page is built for its reader, and kept nowhere
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.is_cacheable_response(response) and self.serves_the_page_asked_for(request):
            cache.set(key, (response.status_code, list(response.headers.items()), response.content), timeout)
            response.headers["X-Page-Cache"] = "miss"
        return response

    def is_cacheable_request(self, request):
        if request.method != "GET":
            return False
        if set(request.COOKIES) - {settings.LANGUAGE_COOKIE_NAME}:
            return False
        if not set(request.GET) <= {"page"}:
            return False
        pages = request.GET.getlist("page")
        return not pages or (len(pages) == 1 and PAGE_NUMBER.fullmatch(pages[0]) is not None)

    def serves_the_page_asked_for(self, request):
        """No `?page=`, or a listing served that page (a story ignores `?page=`: each number another copy)."""
        page = request.GET.get("page")
        return page is None or str(getattr(request, "served_page_number", "")) == page

    def is_cacheable_response(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    def key_for(self, request):
        """The page's key in this generation; None while Redis cannot be reached (no generation)."""
        generation = site_cache.generation()
        if generation is None:
            return None
        page = request.GET.get("page", "")
        return f"page:{generation}:{chosen_language(request)}:{host_of(request)}:{request.path}:{page}"


def host_of(request):
    """The request's host spelled one way: lower case, without a trailing dot or the scheme's default port."""
    domain, port = split_domain_port(request.get_host())
    default_port = "443" if request.is_secure() else "80"
    return domain if port in ("", default_port) else f"{domain}:{port}"
