"""What every app needs around Wagtail's front-cache purging (`wagtail.contrib.frontend_cache`): a page's
old public address, and purges done once per story however many of its comments one action changed."""

import contextlib
import threading

from django.db import transaction
from wagtail.models import Site

_batch = threading.local()


def full_url_of(url_path):
    """The public URL a page had at `url_path` (e.g. before a move), from Wagtail's site roots."""
    for site_root in Site.get_site_root_paths():
        if url_path.startswith(site_root.root_path):
            return site_root.root_url + "/" + url_path[len(site_root.root_path) :]
    return None


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
