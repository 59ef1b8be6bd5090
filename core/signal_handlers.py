"""Signal receivers of core, connected by `register_signal_handlers()` in CoreConfig.ready()."""

import sys

from django.core.signals import got_request_exception
from django.db.models.signals import post_delete, post_save

from . import site_cache
from .availability import UNAVAILABLE_ERRORS


def start_new_generation(sender, instance, **kwargs):
    """A watched model saved or deleted: readers must see the change on every server (`site_cache`)."""
    if site_cache.is_watched(instance):
        site_cache.changed()


def mark_unavailable_backend(sender, request=None, **kwargs):
    """Remembers on the request that its 500 came from a lost database or cache connection, so that
    `ServiceUnavailableMiddleware` answers with a calm 503 instead."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, UNAVAILABLE_ERRORS):
        request._backend_unavailable = error


def register_signal_handlers():
    post_save.connect(start_new_generation, dispatch_uid="site_cache_saved")
    post_delete.connect(start_new_generation, dispatch_uid="site_cache_deleted")
    got_request_exception.connect(mark_unavailable_backend, dispatch_uid="mark_unavailable_backend")
