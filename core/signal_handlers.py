"""Signal receivers of core, connected by `register_signal_handlers()` in CoreConfig.ready()."""

import sys
from urllib.parse import urlsplit

from django.core.signals import got_request_exception
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, PageViewRestriction
from wagtail.signals import page_slug_changed, page_unpublished

from . import page_cache, site_cache
from .availability import UNAVAILABLE_ERRORS
from .purging import old_urls_below, purge_documents, purge_pages


def start_new_generation(sender, instance, **kwargs):
    """A watched model saved or deleted: readers must see the change on every server (`site_cache`)."""
    if site_cache.is_watched(instance):
        site_cache.changed()


def view_restriction_changed(sender, instance, **kwargs):
    """A page made private (or public again) leaves the front cache with every page below it at once;
    the page cache follows the generation (`start_new_generation`)."""
    purge_pages(instance.page.get_descendants(inclusive=True).live().specific())


def collection_restriction_changed(sender, instance, **kwargs):
    """A collection made private (or public again): its documents, and those of the collections below it,
    leave the front cache at once."""
    collections = instance.collection.get_descendants(inclusive=True)
    purge_documents(get_document_model().objects.filter(collection__in=collections))


def slug_changed(sender, instance, instance_before, **kwargs):
    """A new slug moves the page and everything below it: their old addresses leave the front cache, and
    so do the new ones (a 404 may be cached there)."""
    pages = instance.get_descendants(inclusive=True).live().specific()
    purge_pages(pages, old_urls_below(instance, instance_before.url_path))


def page_withdrawn(sender, instance, **kwargs):
    """An unpublished or deleted page (Wagtail purges the front cache itself): its last good copy in the
    page cache is never served again, not even while the database is away."""
    url = instance.get_url()
    if url:
        page_cache.withdraw([urlsplit(url).path])


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
    post_save.connect(view_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(view_restriction_changed, sender=PageViewRestriction)
    page_slug_changed.connect(slug_changed)
    page_unpublished.connect(page_withdrawn, dispatch_uid="page_cache_withdrawn")
    post_save.connect(collection_restriction_changed, sender=CollectionViewRestriction)
    post_delete.connect(collection_restriction_changed, sender=CollectionViewRestriction)
