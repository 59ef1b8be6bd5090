"""RSS 2.0 and Atom feeds of the newest published comments, of the whole site and of each story, and
their purge when a comment is shown or hidden. A feed carries only what the story page shows of a
comment: the name (with the Team badge as a word), the time and the text; never an e-mail address."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from wagtail.models import Site

from blog.models import StoryIndexPage
from blog.purging import LISTING_PURGE_WINDOW
from core import purging

from .latest import latest_comments, shown_name, visible_stories

FEED_LENGTH = 30


class SiteCommentsRssFeed(Feed):
    """The newest comments on all stories of the request's site."""

    @classmethod
    def as_view(cls):
        """A view that makes a feed per request, since the feed keeps its request (and story) on itself."""

        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        return view

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        index = StoryIndexPage.for_request(request)
        if index is None:
            raise Http404
        return index

    def stories(self, index):
        return visible_stories(index)

    def items(self, index):
        return latest_comments(index, self.stories(index), FEED_LENGTH, self.request)

    def site_name(self, index):
        site = Site.find_for_request(self.request)
        return (site.site_name if site else "") or index.title

    def title(self, index):
        return gettext("Neueste Kommentare – %(site)s") % {"site": self.site_name(index)}

    def link(self, index):
        return index.get_full_url(request=self.request)

    def description(self, index):
        return gettext("Was Leserinnen und Leser zu unseren Geschichten schreiben")

    def item_title(self, comment):
        return gettext("%(name)s zu „%(title)s“") % {
            "name": shown_name(comment),
            "title": comment.story_title,
        }

    def item_link(self, comment):
        return f"{comment.story_full_url}#{comment.anchor}"

    def item_description(self, comment):
        return comment.comment_html

    def item_pubdate(self, comment):
        return comment.submit_date

    def item_updateddate(self, comment):
        return getattr(comment, "edited_at", None) or comment.submit_date

    def item_author_name(self, comment):
        return shown_name(comment)


class SiteCommentsAtomFeed(SiteCommentsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)


class StoryCommentsRssFeed(SiteCommentsRssFeed):
    """The newest comments on one live, public story."""

    def get_object(self, request, story_id):
        index = super().get_object(request)
        self.story = get_object_or_404(visible_stories(index), pk=story_id)
        return index

    def stories(self, index):
        return visible_stories(index).filter(pk=self.story.pk)

    def title(self, index):
        return gettext("Kommentare zu „%(title)s“ – %(site)s") % {
            "title": self.story.title,
            "site": self.site_name(index),
        }

    def link(self, index):
        return self.story.get_full_url(request=self.request) + "#kommentare"

    def description(self, index):
        return gettext("Die neuesten Kommentare zu „%(title)s“") % {"title": self.story.title}


class StoryCommentsAtomFeed(StoryCommentsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)


def site_feed_paths():
    return [reverse("comment_feeds:site"), reverse("comment_feeds:site_atom")]


def story_feed_paths(story_pk):
    return [
        reverse("comment_feeds:story", args=[story_pk]),
        reverse("comment_feeds:story_atom", args=[story_pk]),
    ]


def purge_comment_feeds(story_pk, withdraw=True):
    """A comment shown or hidden enters or leaves the site's and its story's comment feeds, queued with
    the change like the story's own purge (`blog.purging.purge_story_with_change`); a hidden text is
    withdrawn from every kept copy. Once per story within a `core.purging.batch()`."""
    key = f"purge-comment-feeds:{story_pk}"
    purging.once(key, lambda: purge_comment_feeds_now(story_pk, withdraw), replaces=withdraw)


def purge_comment_feeds_now(story_pk, withdraw):
    """On every site's host (the feeds' addresses are the same on each); a comment shown refreshes the
    front cache's copies at most once per window, like the listings."""
    paths = [*site_feed_paths(), *story_feed_paths(story_pk)]
    root_urls = {site_root.root_url for site_root in Site.get_site_root_paths()}
    urls = [f"{root_url}{path}" for root_url in root_urls for path in paths]
    purging.purge_urls(urls, withdraw=withdraw, window=LISTING_PURGE_WINDOW)


def story_feed_links(story, context):
    """The story's comment feeds in its page's head (`blog.extensions.STORY_HEAD_LINKS`)."""
    if story.pk is None:  # the preview of a story never saved has no feed yet
        return ""
    return render_to_string("comments/feed_links.html", {"story": story})
