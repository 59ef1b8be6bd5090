"""Where other apps add to stories without the blog knowing them; the comments app plugs in here. Each
is a Wagtail hook, registered with `@wagtail.hooks.register(NAME)`:

- `STORY_LISTING_QUERYSET`: `fn(stories) -> stories`, adds what story cards show (e.g. comment counts) to
  every listing's queryset, so a listing stays a fixed number of queries however many cards it has.
- `STORY_SERVING_QUERYSET`: `fn(stories) -> stories`, adds what a story's page needs to the query that
  fetches the story for its page view (see `core.routing`).
- `STORY_CARD_META`: `fn(story, context) -> HTML`, one more fact in a card's meta line, or "" (when it
  changes, `site_cache.changed(CARD_FACTS)`). The blog puts the separators between the facts.
- `STORY_HEADER_META`: `fn(story, context) -> HTML`, one more fact beside the date and reading time under
  a story's title (e.g. "6 Kommentare"), or ""; from what came with the story
  (`STORY_SERVING_QUERYSET`), so the page takes no query more.
- `STORY_PAGE_SECTIONS`: `fn(context) -> HTML`, sections right below a story, after its tags and authors
  and before the related stories (e.g. its discussion), rendered with the story page's context.
- `STORY_HEAD_LINKS`: `fn(story, context) -> HTML`, `<link>` elements in a story page's head (e.g. the
  feeds of its discussion), or "".
- `SITE_SIDEBAR_SECTIONS`: `fn(context) -> HTML`, sections beside the stories on the home page and the
  unfiltered story index (e.g. the newest comments), or "". Both pages are purged with every story's
  listings (`blog.purging.listing_urls`), so what a section shows must change only with what purges them.
"""

from django.utils.html import format_html_join
from wagtail import hooks

# What other apps show on story cards (`STORY_CARD_META`) may change without a publication; they say so
# with `core.site_cache.changed(CARD_FACTS)`, and only the cached cards and card lists follow.
CARD_FACTS = "story-cards"

STORY_LISTING_QUERYSET = "construct_story_listing_queryset"
STORY_SERVING_QUERYSET = "construct_story_serving_queryset"
STORY_CARD_META = "insert_story_card_meta"
STORY_HEADER_META = "insert_story_header_meta"
STORY_PAGE_SECTIONS = "insert_story_page_sections"
STORY_HEAD_LINKS = "insert_story_head_links"
SITE_SIDEBAR_SECTIONS = "insert_site_sidebar_sections"


def construct(hook_name, queryset):
    """`queryset` passed through every function registered for `hook_name`."""
    for construct_queryset in hooks.get_hooks(hook_name):
        queryset = construct_queryset(queryset)
    return queryset


def insert(hook_name, *args):
    """The HTML every function registered for `hook_name` gives, one after the other."""
    return format_html_join("", "{}", ((fn(*args),) for fn in hooks.get_hooks(hook_name)))


def facts(hook_name, *args):
    """The facts the functions registered for `hook_name` give, one HTML fragment each, the empty ones
    left out, so a meta line can put separators between them and never after the last."""
    return [fact for fact in (fn(*args) for fn in hooks.get_hooks(hook_name)) if fact and fact.strip()]
