"""Throttles guessing the password of a password-protected page.

Wagtail checks these passwords in its own view (`wagtail.views.authenticate_with_password`), not through
Django's authentication backends, so django-axes never sees them; core's `RateLimit` counts the failures
in Redis instead (the `limits` cache). The count is per client address and view restriction: the password
belongs to the restriction, so asking for another page under it does not start a new count. While Redis
is away the count cannot be kept, so no password is checked: the reader gets the form again with a calm
503."""

import logging

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction
from wagtail.views import authenticate_with_password

from .availability import RETRY_AFTER_SECONDS
from .cache import REDIS_UNAVAILABLE
from .ratelimit import RateLimit

logger = logging.getLogger(__name__)

CHECK_LATER = _(
    "Wir können Ihr Passwort gerade nicht prüfen. Bitte versuchen Sie es in einer Minute noch einmal."
)


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
    try:
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
    except REDIS_UNAVAILABLE as error:
        return ask_again_shortly(request, page_view_restriction_id, page_id, error)
    return response


class UncheckedPasswordForm(PasswordViewRestrictionForm):
    """Wagtail's password form, empty, saying why the password was not checked."""

    def non_field_errors(self):
        return self.error_class([CHECK_LATER], error_class="nonfield", renderer=self.renderer)


def ask_again_shortly(request, page_view_restriction_id, page_id, error):
    """The page's password form once more, with a calm message, 503 and Retry-After."""
    logger.warning("Page password not checked: Redis unreachable (%s: %s)", type(error).__name__, error)
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = UncheckedPasswordForm(
        instance=restriction, initial={"return_url": request.POST.get("return_url", "")}
    )
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True
    return response
