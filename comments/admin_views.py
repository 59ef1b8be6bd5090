"""Moderation views beyond Wagtail's generic ones: single decisions, replies as Team, closing a
story's discussion. All work without JavaScript (plain forms) and answer 403 to non-moderators."""

from .privacy import urlpatterns as privacy_urlpatterns

urlpatterns = [
    *privacy_urlpatterns,
]
