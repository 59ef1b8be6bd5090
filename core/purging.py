"""What every app needs around Wagtail's front-cache purging (`wagtail.contrib.frontend_cache`): a page's
old public address, and purges done once per story however many of its comments one action changed."""

import contextlib
import threading

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

_batch = threading.local()


def full_url_of(url_path):
    """The public URL a page had at `url_path` (e.g. before a move), from Wagtail's site roots."""
    for site_root in Site.get_site_root_paths():
        if url_path.startswith(site_root.root_path):
            return site_root.root_url + "/" + url_path[len(site_root.root_path) :]
    return None


def purge_pages_later(pages, urls=()):
    """After the transaction: the pages' addresses, taken now (while they still have them), and `urls`
    leave the front cache."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    purge = PurgeBatch()
    purge.add_pages(pages)
    purge.add_urls(url for url in urls if url)
    transaction.on_commit(purge.purge)


def purge_documents_later(documents):
    """After the transaction: the documents' addresses on every site leave the front cache."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    purge = PurgeBatch()
    for site_root in Site.get_site_root_paths():
        purge.add_urls(site_root.root_url + document.url for document in documents)
    transaction.on_commit(purge.purge)


def old_urls_below(page, url_path_before):
    """The public addresses `page` and the live pages below it had at `url_path_before` (before a new
    slug)."""
    below = page.get_descendants(inclusive=True).live().values_list("url_path", flat=True)
    old_paths = [url_path_before + url_path[len(page.url_path) :] for url_path in below]
    return [full_url_of(path) for path in old_paths]


@contextlib.contextmanager
def batch():
    """Within the block, work queued by `after_commit` under the same key is done once, after the
    transaction around it commits (at once without one); a block that fails queues nothing. For actions
    on many comments at once (bulk moderation, erasure), which would otherwise purge a story per comment."""
    if getattr(_batch, "queue", None) is not None:  # an outer batch collects for us
        yield
        return
    _batch.queue = {}
    try:
        yield
        queued = _batch.queue
    finally:
        _batch.queue = None
    for work in queued.values():
        transaction.on_commit(work)


def after_commit(key, work):
    """`work()` once the current transaction commits; within a `batch()`, once per `key`."""
    queue = getattr(_batch, "queue", None)
    if queue is None:
        transaction.on_commit(work)
    else:
        queue.setdefault(key, work)
