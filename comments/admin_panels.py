"""Comment counts where moderators and editors already work: a dashboard panel and a button per
story in the page explorer. Each costs a fixed number of queries, however many comments there are."""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _, ngettext
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import ListingButton

from .admin_views import open_reports_of, story_pages
from .models import CommentStatus, StoryComment

COMMENT_INDEX = "wagtailsnippets_comments_storycomment:list"


def may_moderate(user):
    return user.has_perm("comments.change_storycomment")


def comment_index_url(**filters):
    url = reverse(COMMENT_INDEX)
    return f"{url}?{urlencode(filters)}" if filters else url


class CommentsDashboardPanel(Component):
    """What waits for the moderators: the queue and the reports, and the newest waiting comments
    with a plain POST form per decision, so the common case needs no trip to the comment area."""

    name = "comments"
    template_name = "comments/admin/dashboard_panel.html"
    order = 100  # above Wagtail's own panels: for moderators this is the day's work
    latest_count = 5

    def get_context_data(self, parent_context):
        counts = StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED).aggregate(
            waiting=Count("pk", filter=Q(status=CommentStatus.PENDING)),
            reported=Count("pk", filter=Q(Exists(open_reports_of()))),
        )
        latest = (
            StoryComment.objects.filter(status=CommentStatus.PENDING)
            .annotate(story_title=Subquery(story_pages().values("title")[:1]))
            .order_by("-submit_date", "-pk")[: self.latest_count]
        )
        return {
            "request": parent_context["request"],
            "csrf_token": parent_context["csrf_token"],
            "waiting_count": counts["waiting"],
            "reported_count": counts["reported"],
            "waiting_url": comment_index_url(status=CommentStatus.PENDING),
            "reported_url": comment_index_url(reported="true"),
            "latest_waiting": latest,
            "actions": [("approve", _("Freigeben")), ("remove", _("Entfernen")), ("spam", _("Spam"))],
            "next_url": reverse("wagtailadmin_home"),
        }


def with_comment_counts(pages):
    """`pages` with each story's published and waiting comment counts, as two subqueries."""

    def count(status):
        comments = (
            StoryComment.objects.for_page(OuterRef("pk"))
            .filter(status=status)
            .order_by()
            .values("object_pk")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(comments), 0)

    return pages.annotate(
        published_comment_count=count(CommentStatus.PUBLISHED),
        waiting_comment_count=count(CommentStatus.PENDING),
    )


def comments_listing_button(page):
    """ "Kommentare (3)" on a story's row, linking to its comments in the moderation area. Needs
    the counts from `with_comment_counts`; a listing without them gets no button rather than a
    query per row."""
    published = getattr(page, "published_comment_count", None)
    if published is None:
        return None
    waiting = page.waiting_comment_count
    label = _("Kommentare (%(count)d)") % {"count": published}
    if waiting:
        label += ngettext(", %(count)d wartet", ", %(count)d warten", waiting) % {"count": waiting}
    return ListingButton(
        label,
        url=comment_index_url(story=page.pk),
        icon_name="comment",
        # The visible label first, so that speech input still finds the button by what it shows.
        attrs={
            "aria-label": _("%(label)s: %(title)s")
            % {"label": label, "title": page.get_admin_display_title()}
        },
        priority=40,
    )
