"""Anyone without moderation rights gets a plain 403 from every moderation view. Wagtail's own
views redirect to the dashboard instead, which hides that anything was refused."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from comments.permissions import is_moderator


def forbidden(request):
    return TemplateResponse(request, "comments/admin/forbidden.html", status=403)


def answer_403(view):
    """Answer a PermissionDenied raised inside an admin view with a 403 page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped


def moderator_required(view):
    """Only moderators (`comments.permissions.is_moderator`) get past; everyone else gets a 403 page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_moderator(request.user):
            return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped
