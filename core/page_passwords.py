"""Throttles guessing the password of a password-protected page.

Wagtail checks these passwords in its own view (`wagtail.views.authenticate_with_password`), not through
Django's authentication backends, so django-axes never sees them; core's `RateLimit` counts the failures
in the shared cache instead. The count is per client address and view restriction: the password belongs to
the restriction, so asking for another page under it does not start a new count."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.views import authenticate_with_password

from core.ratelimit import RateLimit


def page_password_limit():
    return RateLimit(
        "page-password",
        settings.PAGE_PASSWORD_FAILURE_LIMIT,
        int(settings.PAGE_PASSWORD_COOLOFF.total_seconds()),
        _("Zu viele falsche Passwörter für diese Seite."),
    )


def throttled_authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form view, refusing an address that guessed wrong too often before it checks
    the password; a wrong password shows the form again (200), a right one redirects."""
    if request.method != "POST":
        return authenticate_with_password(request, page_view_restriction_id, page_id)
    limit = page_password_limit()
    client = f"{request.META.get('REMOTE_ADDR')}/{page_view_restriction_id}"
    if limit.exceeded(client):
        return render(
            request,
            "page_password_locked.html",
            {"message": limit.message, "cooloff_timedelta": settings.PAGE_PASSWORD_COOLOFF},
            status=429,
        )
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:
        limit.hit(client)
    return response
