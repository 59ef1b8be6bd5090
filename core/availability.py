"""While PostgreSQL is out of reach, or Redis for what must hold: a calm 503 page for readers, `/healthz`
for monitoring and `/readyz` for load balancers. (Without Redis, pages are built from the database:
`core.cache`.)"""

import logging
import uuid

from django.conf import settings
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from .cache import REDIS_UNAVAILABLE, limits_cache

logger = logging.getLogger(__name__)

# What a lost connection to PostgreSQL (or SQLite's locked file) and to Redis look like.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, *REDIS_UNAVAILABLE)
RETRY_AFTER_SECONDS = 30


class ServiceUnavailableMiddleware:
    """Answers 503 with templates/503.html and Retry-After when the database cannot be reached, or Redis
    where it must hold and no view answered for it, instead of a 500 and a traceback; the next request
    tries again, so the site comes back by itself (CONN_HEALTH_CHECKS replaces broken database
    connections).

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
    """A write and a read back where it must hold: the rate limits and start marks need both."""
    key = f"healthz:{uuid.uuid4().hex}"
    limits_cache.set(key, "ok", timeout=10)
    try:
        return limits_cache.get(key) == "ok"
    finally:
        limits_cache.delete(key)


def health(checks, enough=all):
    """200 `ok` while every check passes (or, with `enough=any`, one of them), else 503 naming the parts
    that failed. Failures are logged as warnings (probes repeat every few seconds); the response carries
    no error details."""
    failed = []
    for name, check in checks.items():
        try:
            works = check()
        except Exception as error:  # any failure means "not healthy", whatever the backend raised
            logger.warning("Health check: %s unavailable (%s: %s)", name, type(error).__name__, error)
            works = False
        if not works:
            failed.append(name)
    if not enough(name not in failed for name in checks):
        response = HttpResponse(f"unavailable: {', '.join(failed)}\n", status=503, content_type="text/plain")
        response._has_been_logged = True  # the warning above says it; no "Service Unavailable" error too
        return response
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def healthz(request):
    """Everything this app server needs, for monitoring: the database and Redis."""
    return health({"database": database_works, "cache": cache_works})


@never_cache
def readyz(request):
    """Whether this app server can give readers pages, for load balancers (Varnish's probe): while the
    database or Redis answers. Without Redis it builds every page from the database; without the
    database it serves the page cache's last good copies (`core.page_cache`), also of pages purged just
    before, which Varnish no longer has. `healthz` reports either outage."""
    return health({"database": database_works, "cache": cache_works}, enough=any)
