"""The newest comments readers can see on a site, for its comment feeds and the "Neueste Kommentare" list:
published, on live and public stories of the site's story index, each with its story's title and address
from the same query (no query per comment)."""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from blog.extensions import CARD_FACTS
from blog.models import StoryIndexPage, StoryPage
from core.languages import content_lang_attribute
from core.site_cache import public_pages, remember

from .models import StoryComment

LATEST_LIST_LENGTH = 5
EXCERPT_CHARS = 120


def visible_stories(index):
    """The stories below `index` whose comments readers may see: live and without a view restriction."""
    return public_pages(StoryPage.objects.live()).descendant_of(index)


def latest_comments(index, stories, limit, request=None):
    """The newest published comments on `stories` (below `index`), newest first, each with `story_title`,
    `story_url` and `story_full_url`; the story's address is its index's plus the rest of its path."""
    story_keys = stories.annotate(key=Cast("pk", TextField())).values("key")
    comments = list(
        StoryComment.objects.published()
        .filter(
            content_type__app_label=StoryPage._meta.app_label,
            content_type__model=StoryPage._meta.model_name,
            object_pk__in=story_keys,
        )
        .with_story()
        .order_by("-submit_date", "-pk")[:limit]
    )
    index_url, index_full_url = index.get_url(request=request), index.get_full_url(request=request)
    for comment in comments:
        below_index = comment.story_url_path[len(index.url_path) :]
        comment.story_url = f"{index_url}{below_index}"
        comment.story_full_url = f"{index_full_url}{below_index}"
    return comments


def shown_name(comment):
    """The name as the discussion shows it: a Team answer carries the "Team" badge there."""
    if comment.is_team:
        return gettext("%(name)s (Team)") % {"name": comment.user_name}
    return comment.user_name


def newest_for_sidebar(index, request):
    """The list's comments as plain values, kept in the site cache until a comment is shown, hidden or
    edited (each says `CARD_FACTS` changed) or anything is published: a warm home page asks nothing."""

    def build():
        return [
            {
                "pk": comment.pk,
                "user_name": comment.user_name,
                "is_team": comment.is_team,
                "story_title": comment.story_title,
                "story_url": comment.story_url,
                "text": comment.comment,
                "submit_date": comment.submit_date,
            }
            for comment in latest_comments(index, visible_stories(index), LATEST_LIST_LENGTH, request)
        ]

    return remember(f"latest-comments:{index.pk}", build, follows=[CARD_FACTS])


def render_latest_comments(context):
    """ "Neueste Kommentare" beside the stories (`blog.extensions.SITE_SIDEBAR_SECTIONS`): the newest five
    of the request's site, or nothing while there are none."""
    request = context.get("request")
    index = StoryIndexPage.for_request(request)
    if index is None:
        return ""
    comments = newest_for_sidebar(index, request)
    if not comments:
        return ""
    lang = content_lang_attribute()  # the titles and texts are German content, also on English pages
    on_story = conditional_escape(gettext("zu „%(title)s“"))
    shown = []
    for comment in comments:
        title = (
            format_html("<span{}>{}</span>", lang, comment["story_title"])
            if lang
            else escape(comment["story_title"])
        )
        shown.append(
            {
                **comment,
                "on_story": mark_safe(on_story % {"title": title}),  # noqa: S308 - both parts escaped
                "excerpt": Truncator(" ".join(comment["text"].split())).chars(EXCERPT_CHARS),
            }
        )
    return render_to_string("comments/latest_comments.html", {"latest_comments": shown}, request=request)
