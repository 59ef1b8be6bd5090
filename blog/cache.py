"""Front-cache purging. A story shows up in more places than its own page: the story index and its
archive, category, tag and author listings, the feeds and the home page. When a story or its comments
change, all of those are purged (Wagtail itself purges only the story's own URL on publishing)."""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import site_cache

from .models import StoryPage


def listing_urls(story):
    """Every listing that shows `story`, as absolute URLs."""
    index = story.get_parent().specific
    base = index.get_full_url()
    if base is None:
        return []
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


def purge_story(story, *old_urls):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_page(story)
    batch.add_urls(listing_urls(story))
    batch.add_urls(url for url in old_urls if url)
    batch.purge()


def purge_story_later(story_pk):
    """After the transaction: a story whose discussion changed (a comment shown or hidden, the
    discussion closed or reopened) and the listings that count its comments. Once per story and
    transaction, however many of its comments a bulk action changed."""
    site_cache.changed()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    story_pk = str(story_pk)
    connection = transaction.get_connection()
    queued = connection.__dict__.setdefault("queued_story_purges", {})
    callback = queued.get(story_pk)
    # Still waiting for this transaction's commit? (Not if it ran, or was dropped by a rollback.)
    if callback is not None and any(func is callback for _ids, func, _robust in connection.run_on_commit):
        return

    def purge():
        story = StoryPage.objects.live().filter(pk=story_pk).first()
        if story is not None:
            purge_story(story)

    queued[story_pk] = purge
    transaction.on_commit(purge)


def full_url_of(url_path):
    """The public URL a page had at `url_path` (e.g. before a move), from Wagtail's site roots."""
    for site_root in Site.get_site_root_paths():
        if url_path.startswith(site_root.root_path):
            return site_root.root_url + "/" + url_path[len(site_root.root_path) :]
    return None


@receiver(page_published, sender=StoryPage)
@receiver(page_unpublished, sender=StoryPage)
def story_published_or_unpublished(sender, instance, **kwargs):
    purge_story(instance)


@receiver(post_page_move, sender=StoryPage)
def story_moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    """The story's old address and its old listing go too."""
    if url_path_before != url_path_after:
        purge_story(instance.specific, full_url_of(url_path_before), parent_page_before.get_full_url())
