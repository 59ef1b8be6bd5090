"""Signal receivers of the blog app, connected by `register_signal_handlers()` in BlogConfig.ready()."""

import contextlib

from django.db import transaction
from wagtail.signals import page_published

from .models import StoryPage
from .tasks import warm_story_renditions


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
