"""Registrations only: the comment area of the admin, its panels and buttons elsewhere in the admin, and
the discussion on the blog's story pages, under their titles and on their cards, its feeds and the newest
comments beside the stories."""

from django.urls import include, path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from blog import extensions as story_extensions
from blog.models import StoryPage

from . import discussion, editing, feeds, latest
from .dsa.models import DecisionGround
from .dsa.report_views import TransparencyReportMenuItem
from .models import StoryComment
from .moderation import blocks, bulk_actions, commenters, questions, urls
from .moderation.actions import LOG_ACTIONS
from .moderation.cases import OpenCasesMenuItem
from .moderation.panels import CommentsDashboardPanel, comments_listing_button, with_comment_counts
from .moderation.viewsets import (
    CommentPermissionPolicy,
    DecisionGroundPermissionPolicy,
    DecisionGroundViewSet,
    StoryCommentViewSet,
)
from .permissions import is_moderator
from .webhooks.admin import URL_NAMESPACE as WEBHOOKS, WebhookEndpointViewSet

register_permission_policy(StoryComment, CommentPermissionPolicy(StoryComment))
register_snippet(StoryCommentViewSet)
register_permission_policy(DecisionGround, DecisionGroundPermissionPolicy(DecisionGround))
register_snippet(DecisionGroundViewSet)
hooks.register("register_admin_viewset", lambda: WebhookEndpointViewSet(WEBHOOKS))

for bulk_action in (
    bulk_actions.ApproveBulkAction,
    bulk_actions.HideBulkAction,
    bulk_actions.RemoveBulkAction,
    bulk_actions.SpamBulkAction,
    bulk_actions.RestoreBulkAction,
    bulk_actions.CloseDiscussionBulkAction,
    bulk_actions.ReopenDiscussionBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, label, message in [*LOG_ACTIONS, *editing.LOG_ACTIONS]:
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("kommentare/", include((urls.urlpatterns, "comments_admin")))]


@hooks.register("register_admin_menu_item")
def register_open_cases_menu_item():
    """ "Meldungen (DSA)" right after "Kommentare" (order 150)."""
    return OpenCasesMenuItem(
        _("Meldungen (DSA)"),
        reverse_lazy("comments_admin:queue"),
        name="dsa_cases",
        icon_name="warning",
        order=151,
    )


@hooks.register("construct_homepage_panels")
def add_comments_dashboard_panel(request, panels):
    if is_moderator(request.user):
        panels.append(CommentsDashboardPanel())


@hooks.register("construct_explorer_page_queryset")
def annotate_story_comment_counts(parent_page, pages, request):
    """The counts for the stories' comment buttons come with the rows, not as one query per row."""
    return with_comment_counts(pages) if is_moderator(request.user) else pages


@hooks.register("register_page_listing_buttons")
def story_comments_listing_button(page, user, next_url=None):
    if isinstance(page, StoryPage) and is_moderator(user):
        button = comments_listing_button(page)
        if button is not None:
            yield button


hooks.register(story_extensions.STORY_LISTING_QUERYSET, discussion.with_comment_count)
hooks.register(story_extensions.STORY_SERVING_QUERYSET, discussion.with_discussion_decision)
hooks.register(story_extensions.STORY_SERVING_QUERYSET, discussion.with_comment_count)
hooks.register(story_extensions.STORY_CARD_META, discussion.card_comment_count)
hooks.register(story_extensions.STORY_HEADER_META, discussion.header_comment_count)
hooks.register(story_extensions.STORY_PAGE_SECTIONS, discussion.render_discussion)
hooks.register("before_serve_page", discussion.plain_order_for_unknown)
hooks.register(story_extensions.STORY_HEAD_LINKS, feeds.story_feed_links)
hooks.register(story_extensions.SITE_SIDEBAR_SECTIONS, latest.render_latest_comments)


@hooks.register("register_reports_menu_item")
def register_dsa_report_menu_item():
    return TransparencyReportMenuItem(
        _("Transparenzbericht (DSA)"),
        reverse("comments_admin:dsa_report"),
        name="dsa-report",
        icon_name="table",
        order=1300,
    )


@hooks.register("register_admin_menu_item")
def register_questions_menu_item():
    """ "Offene Fragen" right after "Meldungen (DSA)"."""
    return questions.QuestionsMenuItem(
        _("Offene Fragen"),
        reverse_lazy("comments_admin:questions"),
        name="open_questions",
        icon_name="help",
        order=152,
    )


@hooks.register("register_admin_menu_item")
def register_blocks_menu_item():
    """ "Sperren" after "Offene Fragen"."""
    return blocks.BlocksMenuItem(
        _("Sperren"),
        reverse_lazy("comments_admin:blocks"),
        name="comment_blocks",
        icon_name="cross",
        order=153,
    )


@hooks.register("register_log_actions")
def register_people_log_actions(actions):
    """Blocks, commenter records and the Team's pinned answers."""
    for action, label, message in [*blocks.LOG_ACTIONS, *commenters.LOG_ACTIONS, *questions.TEAM_LOG_ACTIONS]:
        actions.register_action(action, label, message)


@hooks.register("register_snippet_listing_buttons")
def block_commenter_listing_button(snippet, user, next_url=None):
    """ "Sperren" in each comment row's menu, with the form prefilled from the comment."""
    if isinstance(snippet, StoryComment) and snippet.user_email and is_moderator(user):
        yield blocks.block_button(snippet)
