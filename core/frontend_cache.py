"""How a purge reaches Varnish: taken away at once, or refreshed behind the readers.

Wagtail's HTTP backend knows one kind of purge, which our VCL turns into a ban: every copy of the page
is gone, and the next readers wait together for the app to render it anew. That is right when something
was taken away (a comment hidden, a page made private). When a change only adds (a comment shown), readers
may keep the copy they have for a moment while Varnish fetches the new one in the background: a
*refresh*, a PURGE with `X-Purge: soft` that the VCL answers with a soft purge (vmod_purge). Under a
steady stream of comments the story's readers then never queue behind its renders.
"""

import logging
from collections import defaultdict
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger("wagtail.frontendcache")


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend with `refresh(url)` beside `purge(url)` (see the module's docstring)."""

    def purge(self, url):
        self.send(url, {})

    def refresh(self, url):
        self.send(url, {"X-Purge": "soft"})

    def refresh_batch(self, urls):
        for url in urls:
            self.refresh(url)

    def send(self, url, headers):
        parts = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, "")),
            headers={"Host": parts.netloc, "User-Agent": "Wagtail-frontendcache", **headers},
        )
        try:
            urlopen(request)  # noqa: S310 - the scheme comes from the configured LOCATION
        except URLError as error:  # HTTPError included; logged like Wagtail's own backend does
            logger.error("Couldn't purge '%s' from HTTP cache: %s", url, error)


@task()
def refresh_urls_task(urls):
    """Refreshes `urls` in every configured front cache that can (`refresh_batch`); the others purge."""
    by_host = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).netloc].append(url)
    for backend in get_backends().values():
        refresh_batch = getattr(backend, "refresh_batch", backend.purge_batch)
        for host, host_urls in by_host.items():
            if backend.invalidates_hostname(host):
                refresh_batch(host_urls)
