"""Site-wide response handling: the Content-Security-Policy, and a calm 503 page while the database or
the cache is out of reach."""

import logging
import sys
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.signals import got_request_exception
from django.db.utils import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError, TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What a lost connection to PostgreSQL (or SQLite's locked file) and to Redis look like.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 30


def origin(url):
    """`https://host[:port]` of an absolute URL, None for a path on our own host."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def serialize_policy(directives):
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    """Sends CONTENT_SECURITY_POLICY with public pages and CONTENT_SECURITY_POLICY_ADMIN with the admin,
    plus PERMISSIONS_POLICY.

    Images may also come from the media storage's host (S3-compatible storage). A response that allows
    being framed by our own pages (X-Frame-Options: SAMEORIGIN, as Wagtail's previews do) gets
    `frame-ancestors 'self'` to match. Django's debug error pages are inline-styled, so responses with an
    error status go out without a policy while DEBUG is on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and response.status_code >= 400:
            return response
        directives = dict(self.admin_policy if self.is_admin(request) else self.public_policy)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            directives["frame-ancestors"] = ["'self'"]
        # Set, not added: a preview renders the page through the middleware once more, for its public URL.
        response["Content-Security-Policy"] = serialize_policy(directives)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    def is_admin(self, request):
        return request.path_info.startswith(self.admin_prefixes)

    @cached_property
    def admin_prefixes(self):
        return (reverse("wagtailadmin_home"), reverse("admin:index"))

    @cached_property
    def media_origin(self):
        """Where uploads and renditions are served from when that is not our own host."""
        return origin(default_storage.url("csp"))

    def with_media(self, directives):
        if not self.media_origin:
            return directives
        return {**directives, "img-src": [*directives["img-src"], self.media_origin]}

    @cached_property
    def public_policy(self):
        return self.with_media(settings.CONTENT_SECURITY_POLICY)

    @cached_property
    def admin_policy(self):
        return self.with_media(settings.CONTENT_SECURITY_POLICY_ADMIN)


class ServiceUnavailableMiddleware:
    """Answers 503 with templates/503.html and Retry-After when the database or the cache cannot be
    reached, instead of a 500 and a traceback; the next request tries again, so the site comes back by
    itself (CONN_HEALTH_CHECKS replaces broken database connections).

    Errors in views and templates arrive in process_exception. Those raised by the middleware inside this
    one (sessions, messages) have already become a 500 response by the time they get here; the
    got_request_exception receiver below marks the request so the 500 is replaced too. With DEBUG on,
    developers see the real error (SQLite's "no such table" is an OperationalError as well).
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


@receiver(got_request_exception)
def mark_unavailable_backend(sender, request=None, **kwargs):
    """Remembers on the request that its 500 came from a lost database or cache connection."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, UNAVAILABLE_ERRORS):
        request._backend_unavailable = error
