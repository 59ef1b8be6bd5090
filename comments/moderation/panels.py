"""Comments where moderators and editors already work: a summary in the story editor, a dashboard panel
and a button per story in the page explorer. Each costs a fixed number of queries, however many comments
there are."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy, ngettext
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import ListingButton

from comments.dsa.queue import open_case_count
from comments.models import CommentPolicy, StoryComment, StoryDiscussion, count_on_each_story
from comments.permissions import is_moderator
from comments.statuses import CommentStatus

from .actions import REASONED_ACTIONS, SHORT_ACTION_LABELS
from .links import comment_index_url

COUNTED_STATUSES = [
    CommentStatus.PUBLISHED,
    CommentStatus.PENDING,
    CommentStatus.SPAM,
    CommentStatus.HIDDEN,
    CommentStatus.REMOVED,
]


def comment_counts(story):
    """Comments per status (unconfirmed ones are nobody's business yet) and open reports, in one query."""
    return StoryComment.objects.for_page(story).aggregate(
        **{status: Count("pk", filter=Q(status=status), distinct=True) for status in COUNTED_STATUSES},
        open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)),
    )


def as_published(story):
    """The story as readers have it: a draft's change to `comments_enabled` or the date only counts
    once it is published."""
    if not story.live:
        return story
    return type(story).objects.only("comments_enabled", "date").get(pk=story.pk)


def discussion_state(story, policy):
    """Why readers can or cannot comment (`CommentPolicy.closed_because`), with the dates to tell."""
    discussion = StoryDiscussion.objects.filter(page_id=story.pk).select_related("decided_by").first()
    decision = discussion.decision if discussion else None
    state = policy.closed_because(story, decision) or "open"
    return {
        "discussion": discussion,
        "reopened": decision == StoryDiscussion.OPEN,
        "state": state,
        "closed_on": policy.closed_by_age_on(story, decision) if state == "expired" else None,
        "closes_on": policy.closes_on(story) if state == "open" and decision is None else None,
    }


class CommentSummaryPanel(Panel):
    """Read-only counts and state of a story's discussion, with a way into its moderation for those
    who may moderate. Shows nothing while the story is being created. Added to the story editor's
    settings tab in CommentsConfig.ready()."""

    def __init__(self, heading="", icon="comment", **kwargs):
        super().__init__(heading=heading or gettext_lazy("Kommentare"), icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "comments/admin/comment_summary_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            story = self.instance
            published = as_published(story)
            context.update(
                discussion_state(published, CommentPolicy.for_request(self.request)),
                counts=comment_counts(story),
                draft_differs=(story.comments_enabled, story.date)
                != (published.comments_enabled, published.date),
                moderation_url=comment_index_url(story=story.pk) if is_moderator(self.request.user) else None,
            )
            return context


class CommentsDashboardPanel(Component):
    """What waits for the moderators: the queue, the reports and the open DSA cases, and the newest waiting
    comments with a plain POST form to approve (removal and spam ask for a ground on their confirmation
    page), so the common case needs no trip to the comment area."""

    name = "comments"
    template_name = "comments/admin/dashboard_panel.html"
    order = 100  # above Wagtail's own panels: for moderators this is the day's work
    latest_count = 5

    def get_context_data(self, parent_context):
        counts = StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED).with_counts_per_status()
        latest = (
            StoryComment.objects.filter(status=CommentStatus.PENDING)
            .with_story()
            .order_by("-submit_date", "-pk")[: self.latest_count]
        )
        return {
            "request": parent_context["request"],
            "csrf_token": parent_context["csrf_token"],
            "waiting_count": counts[CommentStatus.PENDING],
            "reported_count": counts["reported"],
            "waiting_url": comment_index_url(status=CommentStatus.PENDING),
            "reported_url": comment_index_url(reported="true"),
            "open_case_count": open_case_count(),
            "queue_url": reverse("comments_admin:queue"),
            "latest_waiting": latest,
            "actions": [
                (action, SHORT_ACTION_LABELS[action], action in REASONED_ACTIONS)
                for action in ("approve", "remove", "spam")
            ],
            "next_url": reverse("wagtailadmin_home"),
        }


def with_comment_counts(pages):
    """`pages` with each story's published and waiting comment counts, as two subqueries."""
    return pages.annotate(
        published_comment_count=count_on_each_story(CommentStatus.PUBLISHED),
        waiting_comment_count=count_on_each_story(CommentStatus.PENDING),
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
