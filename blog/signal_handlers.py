"""Signal receivers of the blog app, connected by `register_signal_handlers()` in BlogConfig.ready()."""

import contextlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import site_cache
from core.purging import full_url_of

from .models import Author, StoryCategory, StoryPage
from .purging import purge_story
from .tasks import warm_story_renditions


def story_published_or_unpublished(sender, instance, **kwargs):
    purge_story(instance)


def story_moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    """The story's old address and its old listing go too."""
    if url_path_before != url_path_after:
        purge_story(instance.specific, full_url_of(url_path_before), parent_page_before.get_full_url())


def stories_made_private_or_public(sender, instance, **kwargs):
    """A view restriction on a story or a section above it: the stories' listings (which stop or start
    showing them) leave the front cache too."""
    for story in StoryPage.objects.live().descendant_of(instance.page, inclusive=True):
        purge_story(story)


def story_slug_changed(sender, instance, instance_before, **kwargs):
    """The listings link the story's new address."""
    purge_story(instance)


def warm_renditions_when_published(sender, instance, **kwargs):
    """Queues the rendition warm-up once the publication is committed, so a worker sees the new revision
    and a failing warm-up can never undo a publication."""
    transaction.on_commit(lambda: warm_story_renditions.enqueue(instance.pk))


@contextlib.contextmanager
def rendition_warmup_suspended():
    """Publishing inside this block queues no warm-up (bulk imports warm everything at the end, or not)."""
    page_published.disconnect(warm_renditions_when_published, sender=StoryPage)
    try:
        yield
    finally:
        page_published.connect(warm_renditions_when_published, sender=StoryPage)


def register_signal_handlers():
    page_published.connect(warm_renditions_when_published, sender=StoryPage)
    page_published.connect(story_published_or_unpublished, sender=StoryPage)
    page_unpublished.connect(story_published_or_unpublished, sender=StoryPage)
    post_page_move.connect(story_moved, sender=StoryPage)
    page_slug_changed.connect(story_slug_changed, sender=StoryPage)
    post_save.connect(stories_made_private_or_public, sender=PageViewRestriction)
    post_delete.connect(stories_made_private_or_public, sender=PageViewRestriction)
    # Names and slugs of these show on cards, listings and story pages.
    site_cache.watch(Author, StoryCategory, Tag)
