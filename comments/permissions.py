"""Anyone without moderation rights gets a plain 403 from every moderation view. Wagtail's own
views redirect to the dashboard instead, which hides that anything was refused."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse


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


def moderator_required(action="change"):
    """Only users holding `comments.<action>_storycomment` (the Moderatoren group, superusers)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(f"comments.{action}_storycomment"):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
