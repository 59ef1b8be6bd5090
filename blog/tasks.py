"""Background work for stories (django-tasks: at once in development and tests, `manage.py db_worker` in
production)."""

import logging

from django_tasks import task
from wagtail.images.models import Filter, SourceImageIOError

from .models import StoryPage
from .renditions import AUTHOR_PHOTO_SPECS, BODY_IMAGE_SPECS, HERO_IMAGE_SPECS

logger = logging.getLogger(__name__)


def expand(specs):
    return list(dict.fromkeys(spec for pattern in specs for spec in Filter.expand_spec(pattern)))


def story_images(story):
    """(image, specs) for everything a story page and its cards show."""
    if story.hero_image:
        yield story.hero_image, expand(HERO_IMAGE_SPECS)
    for block in story.body:
        if block.block_type == "image" and block.value.get("image"):
            yield block.value["image"], expand(BODY_IMAGE_SPECS)
    for author in story.authors:
        if author.photo:
            yield author.photo, expand(AUTHOR_PHOTO_SPECS)


@task()
def warm_story_renditions(page_id):
    """Renders the image renditions of a just-published story, so its first readers (and the front cache)
    are not the ones waiting for AVIF encoding. Returns how many renditions the story needs."""
    story = StoryPage.objects.live().filter(pk=page_id).select_related("hero_image").first()
    if story is None:  # unpublished or deleted in the meantime
        return 0
    count = 0
    for image, specs in story_images(story):
        try:
            count += len(image.get_renditions(*specs))
        except SourceImageIOError:
            logger.warning(
                "Image %s of story %s has no readable file; no renditions made.", image.pk, page_id
            )
    return count
