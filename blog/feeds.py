"""RSS 2.0 and Atom feeds of the newest stories, with the hero image as enclosure."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext

from .renditions import SHARE_IMAGE_SPEC

FEED_LENGTH = 20


class StoryRssFeed(Feed):
    def __init__(self, index, category=None):
        super().__init__()
        self.index = index
        self.category = category

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = self.index.get_site().site_name or self.index.title
        if self.category:
            return f"{site_name}: {self.category.name}"
        return site_name

    def link(self):
        if self.category:
            return self.index.full_url + self.index.reverse_subpage("category", args=[self.category.slug])
        return self.index.full_url

    def description(self):
        return self.index.intro or gettext("Die neuesten Geschichten aus unserem Kundenservice")

    def items(self):
        stories = self.index.get_stories()
        if self.category:
            stories = stories.filter(categories=self.category)
        return stories[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        moment = datetime.datetime.combine(item.date, datetime.time(8, 0))
        return timezone.make_aware(moment)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors) or None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]

    def item_enclosures(self, item):
        if not item.hero_image:
            return []
        rendition = item.hero_image.get_rendition(SHARE_IMAGE_SPEC)
        return [
            Enclosure(
                url=self.request.build_absolute_uri(rendition.url),
                length=str(rendition.file.size),
                mime_type="image/jpeg",
            )
        ]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
