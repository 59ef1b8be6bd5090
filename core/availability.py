"""While PostgreSQL or Redis is out of reach: a calm 503 page for readers, and `/healthz` for load
balancers and monitoring."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from redis.exceptions import ConnectionError as RedisConnectionError, TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What a lost connection to PostgreSQL (or SQLite's locked file) and to Redis look like.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 30


class ServiceUnavailableMiddleware:
    """Answers 503 with templates/503.html and Retry-After when the database or the cache cannot be
    reached, instead of a 500 and a traceback; the next request tries again, so the site comes back by
    itself (CONN_HEALTH_CHECKS replaces broken database connections).

    Errors in views and templates arrive in process_exception. Those raised by the middleware inside this
    one (sessions, messages) have already become a 500 response by the time they get here; a
    got_request_exception receiver (`core.signal_handlers`) marks the request so the 500 is replaced too.
    With DEBUG on, developers see the real error (SQLite's "no such table" is an OperationalError as well).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, "_backend_unavailable", None)
        if error is not None and response.status_code == 500 and not settings.DEBUG:
            return self.unavailable(request, error)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE_ERRORS) and not settings.DEBUG:
            return self.unavailable(request, exception)
        return None

    def unavailable(self, request, error):
        logger.warning("503 for %s: %s (%s)", request.path, type(error).__name__, error)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        # Neither the front cache nor the browser may keep the outage.
        response["Cache-Control"] = "no-store"
        response._has_been_logged = True  # the warning says why; Django would add an error without a cause
        return response


def database_works():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_works():
    """A write and a read back: the rate limits and sessions need both."""
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        return cache.get(key) == "ok"
    finally:
        cache.delete(key)


CHECKS = {"database": database_works, "cache": cache_works}


def failed_checks():
    """The names of the parts that do not answer. Failures are logged as warnings (probes repeat every
    few seconds)."""
    failed = []
    for name, check in CHECKS.items():
        try:
            works = check()
        except Exception as error:  # any failure means "not healthy", whatever the backend raised
            logger.warning("Health check: %s unavailable (%s: %s)", name, type(error).__name__, error)
            works = False
        if not works:
            failed.append(name)
    return failed


@never_cache
def healthz(request):
    """200 `ok` while database and cache answer, else 503 naming the parts that failed (for monitoring
    and load balancers); the response carries no error details."""
    failed = failed_checks()
    if failed:
        response = HttpResponse(f"unavailable: {', '.join(failed)}\n", status=503, content_type="text/plain")
        response._has_been_logged = True  # the warning above says it; no "Service Unavailable" error too
        return response
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def healthz_serving(request):
    """For the front cache's probe: 200 while this app server can still give readers pages, that is while
    the database or the cache answers (with the database away, the page cache's last good copies; with
    the cache away, pages rendered from the database). Only with both gone does the front cache stop
    asking and serve its own stale copies."""
    failed = failed_checks()
    if len(failed) == len(CHECKS):
        response = HttpResponse(f"unavailable: {', '.join(failed)}\n", status=503, content_type="text/plain")
        response._has_been_logged = True
        return response
    return HttpResponse("serving\n", content_type="text/plain")
