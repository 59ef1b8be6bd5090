"""What every app needs around Wagtail's front-cache purging (`wagtail.contrib.frontend_cache`): purges
queued with the change itself, a page's old public address, and purges done once per story however many
of its comments one action changed.

A purge is queued in the transaction that makes the change: in production the task queue is a database
table, so the change and its purge are stored together or not at all, and nothing that runs after the
commit can fail and leave a stale copy behind (or answer 503 for a change that was stored). The queue
sends it once more a few seconds later: a page rendered from the old data while the change committed can
reach the front cache after the first purge. A change that only adds to the pages refreshes them behind
the readers instead (`core.frontend_cache`).
"""

import contextlib
import datetime
import threading
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

from . import page_cache
from .frontend_cache import refresh_urls_task

SECOND_PURGE_AFTER = datetime.timedelta(seconds=3)

_batch = threading.local()


def purge_urls(urls, withdraw=True, window=0):
    """Queues the purge of `urls` now (in the current transaction), and again a few seconds later where
    the task queue can wait (not in development and tests, where tasks run at once). The page cache's
    copies of them are out of date once the change commits (`page_cache.changed`).

    Unless the change only adds to the pages (a comment shown), what was taken away must never come
    back: their last good copies are withdrawn (`page_cache.withdraw`), and the front cache drops every
    copy at once. A change that only adds refreshes the front cache's copies instead: readers keep the
    old one while it fetches the new one (`core.frontend_cache`).

    With a `window` (seconds), an address refreshed within the last window is left to that refresh's
    second round, which then comes only after the window: a page whose discussion grows many times a
    second is fetched anew a few times, not every time. Withdrawals never wait for a window."""
    urls = sorted({url for url in urls if url})
    paths = {urlsplit(url).path for url in urls}
    if withdraw:
        page_cache.withdraw(paths)
    # Now, and again once the change commits: a page rendered in between read the rows before it.
    page_cache.changed(paths)
    transaction.on_commit(lambda: page_cache.changed(paths), robust=True)
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if withdraw:
        window = 0
    elif window:
        urls = purged_within_window_left_out(urls, window)
        if not urls:
            return
    purge_task = purge_urls_from_cache_task if withdraw else refresh_urls_task
    purge_task.enqueue(urls)
    if default_task_backend.supports_defer:
        later = timezone.now() + datetime.timedelta(seconds=window) + SECOND_PURGE_AFTER
        purge_task.using(run_after=later).enqueue(urls)


def purged_within_window_left_out(urls, window):
    """`urls` without those purged within the last `window` seconds; the window of the rest opens once the
    change commits (a rolled-back change purges nothing, so it must not hold back the next one)."""
    keys = {url: f"purge-window:{url}" for url in urls}
    open_windows = cache.get_many(keys.values())
    urls = [url for url in urls if keys[url] not in open_windows]
    transaction.on_commit(lambda: cache.set_many({keys[url]: 1 for url in urls}, window), robust=True)
    return urls


def full_url_of(url_path):
    """The public URL a page had at `url_path` (e.g. before a move), from Wagtail's site roots."""
    for site_root in Site.get_site_root_paths():
        if url_path.startswith(site_root.root_path):
            return site_root.root_url + "/" + url_path[len(site_root.root_path) :]
    return None


def purge_pages(pages, urls=()):
    """The pages' addresses, taken now (while they still have them), and `urls` leave the front cache."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    purge_urls([*batch.urls, *urls])


def purge_documents(documents):
    """The documents' addresses on every site leave the front cache."""
    purge_urls(
        site_root.root_url + document.url
        for site_root in Site.get_site_root_paths()
        for document in documents
    )


def old_urls_below(page, url_path_before):
    """The public addresses `page` and the live pages below it had at `url_path_before` (before a new
    slug)."""
    below = page.get_descendants(inclusive=True).live().values_list("url_path", flat=True)
    old_paths = [url_path_before + url_path[len(page.url_path) :] for url_path in below]
    return [full_url_of(path) for path in old_paths]


@contextlib.contextmanager
def batch():
    """Within the block, work handed to `once()` under the same key is done once, when the block ends
    (inside the transaction around it, if any); a block that fails does none of it. For actions on many
    comments at once (bulk moderation, erasure), which would otherwise purge a story per comment."""
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
        work()


def once(key, work, replaces=False):
    """`work()` now, or within a `batch()` once per `key` when the batch ends: the first work handed in
    under the key, or the last one that `replaces` it."""
    queue = getattr(_batch, "queue", None)
    if queue is None:
        work()
    elif replaces:
        queue[key] = work
    else:
        queue.setdefault(key, work)
