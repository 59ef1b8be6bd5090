"""Front-cache purging. A story shows up in more places than its own page: the story index and its
archive, category, tag and author listings, the feeds and the home page. When a story or what readers
see with it (its discussion) changes, all of those are purged (Wagtail itself purges only the story's own
URL on publishing). The receivers are in `signal_handlers`."""

from wagtail.contrib.frontend_cache.utils import PurgeBatch

from core import purging, site_cache

from . import extensions
from .models import StoryIndexPage, StoryPage


def listing_urls(story):
    """Every listing that shows `story`, as absolute URLs."""
    index = story.get_parent().specific
    base = index.get_full_url()
    if base is None:
        return []
    if not isinstance(index, StoryIndexPage):  # a story moved elsewhere: only its new parent lists it
        return [base]
    base = base.rstrip("/")
    subpages = [
        ("archive_year", [story.date.year]),
        ("archive_month", [story.date.year, story.date.month]),
        ("feed", []),
        ("atom_feed", []),
        *[("category", [category.slug]) for category in story.categories.all()],
        *[("category_feed", [category.slug]) for category in story.categories.all()],
        *[("tag", [tag.slug]) for tag in story.tags.all()],
        *[("author", [author.slug]) for author in story.authors],
    ]
    urls = [base + "/"]
    urls += [f"{base}/{index.reverse_subpage(name, args=args)}" for name, args in subpages]
    home = index.get_parent()
    if home is not None and home.get_full_url():
        urls.append(home.get_full_url())
    return urls


# A discussion changes often (comments shown, hidden): each story page and listing is purged at most once
# per window, however many of its comments changed in it; the listings only show a count.
STORY_PURGE_WINDOW = 1
LISTING_PURGE_WINDOW = 10


def purge_story(story, *old_urls, withdraw=True, coalesce=False):
    """The story's page and every listing that shows it, plus addresses it had before (after a move);
    with `coalesce`, each at most once per window (`core.purging.purge_urls`)."""
    batch = PurgeBatch()
    batch.add_page(story)
    story_urls = [*batch.urls, *old_urls]
    listings = listing_urls(story)
    if coalesce:
        purging.purge_urls(story_urls, withdraw=withdraw, window=STORY_PURGE_WINDOW)
        purging.purge_urls(listings, withdraw=withdraw, window=LISTING_PURGE_WINDOW)
    else:
        purging.purge_urls([*story_urls, *listings], withdraw=withdraw)


def purge_story_with_change(story_pk, withdraw=True):
    """A story whose page changed without a publication (a comment shown or hidden, its discussion closed
    or reopened) and the listings that count its comments, queued with the change (`core.purging`);
    `withdraw=False` when the change only adds (a comment shown). Once per story within a
    `core.purging.batch()`, however many of its comments a bulk action changed; withdrawn if any of them
    asks for it."""
    site_cache.changed(extensions.CARD_FACTS)  # the count on its cards: not the rest of the site cache
    key = f"purge-story:{story_pk}"
    purging.once(key, lambda: purge_story_now(story_pk, withdraw), replaces=withdraw)


def purge_story_now(story_pk, withdraw):
    story = StoryPage.objects.live().filter(pk=story_pk).first()
    if story is not None:
        purge_story(story, withdraw=withdraw, coalesce=True)
