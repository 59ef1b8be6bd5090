"""Signal receivers of the blog app, connected in BlogConfig.ready()."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import StoryPage
from .tasks import warm_story_renditions


@receiver(page_published, sender=StoryPage)
def warm_renditions_when_published(sender, instance, **kwargs):
    """Queues the rendition warm-up once the publication is committed, so a worker sees the new revision
    and a failing warm-up can never undo a publication."""
    transaction.on_commit(lambda: warm_story_renditions.enqueue(instance.pk))
