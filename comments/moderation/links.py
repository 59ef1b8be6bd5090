"""Addresses in the moderators' area, for views, panels and mails alike."""

from urllib.parse import urlsplit, urlunsplit

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from core.purging import full_url_of

# Wagtail names the snippet views of StoryComment after the model.
SNIPPET_URL_NAMESPACE = "wagtailsnippets_comments_storycomment"


def comment_index_url(**filters):
    """The comment listing, optionally filtered (`status="pending"`, `story=page.pk`, ...)."""
    url = reverse(f"{SNIPPET_URL_NAMESPACE}:list")
    return f"{url}?{urlencode(filters)}" if filters else url


def full_listing_url(url):
    """`url`, unless it is the listing's results partial (what search and filters fetch without a page
    load): then the full listing with the same query, so nobody lands on a bare, unstyled table."""
    parts = urlsplit(url)
    if parts.path == reverse(f"{SNIPPET_URL_NAMESPACE}:list_results"):
        return urlunsplit(parts._replace(path=reverse(f"{SNIPPET_URL_NAMESPACE}:list")))
    return url


def comment_detail_url(comment, view="inspect"):
    """A comment in its thread (`inspect`), or its `history`."""
    return reverse(f"{SNIPPET_URL_NAMESPACE}:{view}", args=[comment.pk])


def public_path(url_path):
    """The path readers reach a story at, from its `url_path` (e.g. the `story_url_path` annotation)."""
    url = full_url_of(url_path)
    return urlsplit(url).path if url else "#"


def next_url(request, fallback):
    """Where to go after an action: a local `next` from the form (the full listing rather than its
    results partial), else `fallback`."""
    url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return full_listing_url(url)
    return fallback
