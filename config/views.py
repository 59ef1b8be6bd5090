"""Operational endpoints, not part of the site a reader sees."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


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


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 `ok` while database and cache answer, else 503 naming the
    parts that failed. Failures are logged as warnings (the probe repeats every few seconds); the
    response carries no error details."""
    failed = []
    for name, check in CHECKS.items():
        try:
            works = check()
        except Exception as error:  # any failure means "not healthy", whatever the backend raised
            logger.warning("Health check: %s unavailable (%s: %s)", name, type(error).__name__, error)
            works = False
        if not works:
            failed.append(name)
    if failed:
        response = HttpResponse(f"unavailable: {', '.join(failed)}\n", status=503, content_type="text/plain")
        response._has_been_logged = True  # the warning above says it; no "Service Unavailable" error too
        return response
    return HttpResponse("ok\n", content_type="text/plain")
