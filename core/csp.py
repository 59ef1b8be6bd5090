"""The Content-Security-Policy and Permissions-Policy headers.

django-csp sends the policy; what it cannot say by settings alone is kept here: the Wagtail admin gets a
policy of its own (`CONTENT_SECURITY_POLICY_ADMIN`: Wagtail 8 needs inline scripts and styles), images may
also come from the media storage's host (S3-compatible storage), and a response that may be framed by our
own pages (X-Frame-Options: SAMEORIGIN, as Wagtail's previews do) gets `frame-ancestors 'self'` to match.
"""

from functools import cached_property
from urllib.parse import urlsplit

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse


def origin(url):
    """`https://host[:port]` of an absolute URL, None for a path on our own host."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the public or the admin policy by the request's path."""

    def process_response(self, request, response):
        if self.is_admin(request):
            # Wagtail renders a draft through the middleware once more, for the page's public URL: the
            # policy of the admin request that shows it wins.
            del response[HEADER]
        response = super().process_response(request, response)
        if not (settings.DEBUG and response.status_code >= 400):  # Django's error pages are inline-styled
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        directives = settings.CONTENT_SECURITY_POLICY_ADMIN if self.is_admin(request) else None
        update = {"img-src": [self.media_origin]} if self.media_origin else {}
        replace = {}
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace["frame-ancestors"] = ["'self'"]
        return PolicyParts(
            config=parts.config or (directives and {**directives}),
            update={**update, **(parts.update or {})},
            replace={**replace, **(parts.replace or {})},
            nonce=parts.nonce,
        )

    def is_admin(self, request):
        return request.path_info.startswith(self.admin_prefixes)

    @cached_property
    def admin_prefixes(self):
        return (reverse("wagtailadmin_home"), reverse("admin:index"))

    @cached_property
    def media_origin(self):
        """Where uploads and renditions are served from when that is not our own host."""
        return origin(default_storage.url("csp"))
