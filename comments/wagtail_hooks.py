"""The "Kommentare" area of the Wagtail admin: moderators find, read and judge comments here."""

from urllib.parse import urlsplit

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import include, path
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _, ngettext
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from blog.cache import full_url_of
from blog.models import StoryPage

from . import admin_views
from .admin_panels import CommentsDashboardPanel, comments_listing_button, may_moderate, with_comment_counts
from .models import CommentStatus, StoryComment, StoryDiscussion
from .permissions import answer_403, forbidden


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CommentStatus.choices, empty_label=_("Alle")
    )
    submit_date = django_filters.DateFromToRangeFilter(label=_("Geschrieben"), widget=DateRangePickerWidget)
    story = django_filters.ModelChoiceFilter(
        label=_("Geschichte"),
        queryset=Page.objects.filter(
            content_type__app_label="blog", content_type__model="storypage"
        ).order_by("title"),
        empty_label=_("Alle"),
        method="filter_story",
    )
    reported = django_filters.BooleanFilter(label=_("Gemeldet"), method="filter_reported")

    class Meta:
        model = StoryComment
        fields = ["status", "submit_date"]

    def filter_story(self, queryset, name, value):
        return queryset.filter(object_pk=str(value.pk))

    def filter_reported(self, queryset, name, value):
        return queryset.filter(open_reports__gt=0) if value else queryset.filter(open_reports=0)


class StoryColumn(Column):
    """The story's title, linked to the public story, from annotations (no query per row)."""

    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', public_path(instance.story_url_path or ""), instance.story_title or "–"
        )


def public_path(url_path):
    url = full_url_of(url_path)
    return urlsplit(url).path if url else "#"


class PendingCountMenuItem(MenuItem):
    """ "Kommentare (3)": the menu says how many comments wait for a moderator."""

    def render_component(self, request):
        component = super().render_component(request)
        waiting = StoryComment.objects.filter(status=CommentStatus.PENDING).count()
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come only from readers and leave only through removal or the privacy tools, both of
    which keep threads whole: nobody, not even a superuser, adds or deletes one in the admin."""

    never = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.never and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.never]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


register_permission_policy(StoryComment, CommentPermissionPolicy(StoryComment))


class StoryCommentViewSet(SnippetViewSet):
    model = StoryComment
    index_view_class = admin_views.CommentIndexView
    inspect_view_class = admin_views.CommentInspectView
    index_template_name = "comments/admin/index.html"
    icon = "comment"
    menu_label = _("Kommentare")
    menu_name = "comments"
    menu_order = 150
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = CommentFilterSet
    search_fields = ["comment", "user_name", "user_email"]
    search_backend_name = None
    list_per_page = 100
    ordering = ["-submit_date"]
    list_display = [
        "comment",
        Column("user_name", label=_("Name"), sort_key="user_name"),
        StoryColumn("story", label=_("Geschichte")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("open_reports", label=_("Meldungen"), sort_key="open_reports"),
        DateColumn("submit_date", label=_("Geschrieben"), sort_key="submit_date"),
    ]
    # Status changes go through the decisions, which log and settle reports; editing is for the text.
    panels = [FieldPanel("comment"), FieldPanel("is_team")]

    def register_chooser_viewset(self):
        """No chooser: nothing links to a comment, and a chooser would list comments to every editor."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = answer_403(pattern.callback)
        return patterns

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class
        return type("StoryCommentMenuItem", (PendingCountMenuItem, base), {})

    def get_queryset(self, request):
        story = admin_views.story_pages()
        return (
            StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED)
            .annotate(
                story_title=Subquery(story.values("title")),
                story_url_path=Subquery(story.values("url_path")),
                open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)),
                discussion_decision=Subquery(
                    StoryDiscussion.objects.filter(
                        page_id=Cast(OuterRef("object_pk"), IntegerField())
                    ).values("decision")
                ),
            )
            .select_related("user")
        )


register_snippet(StoryCommentViewSet)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, label, message in [
        ("comments.approve", _("Kommentar freigeben"), _("Kommentar freigegeben")),
        ("comments.remove", _("Kommentar entfernen"), _("Kommentar entfernt")),
        ("comments.spam", _("Als Spam markieren"), _("Als Spam markiert")),
        ("comments.restore", _("Kommentar wiederherstellen"), _("Kommentar wiederhergestellt")),
        ("comments.settle_reports", _("Meldungen erledigen"), _("Meldungen erledigt")),
        ("comments.reply", _("Als Team antworten"), _("Als Team geantwortet")),
        ("comments.close", _("Kommentare schließen"), _("Kommentare geschlossen")),
        ("comments.reopen", _("Kommentare wieder öffnen"), _("Kommentare wieder geöffnet")),
        ("comments.export", _("Daten exportieren"), _("Daten exportiert")),
        ("comments.erase", _("Daten löschen"), _("Daten gelöscht")),
    ]:
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("kommentare/", include((admin_views.urlpatterns, "comments_admin")))]


class CommentStatusBulkAction(SnippetBulkAction):
    """Sets one status on many comments; each change is saved (mails, counts) and logged on its own."""

    models = [StoryComment]
    template_name = "comments/admin/confirm_bulk_status.html"
    moderation_action = None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", snippet)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return sum(comment.moderate(cls.moderation_action, user) for comment in objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Kommentar geändert.", "%(count)d Kommentare geändert.", num_parent_objects
        ) % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class ApproveBulkAction(CommentStatusBulkAction):
    display_name = _("Freigeben")
    aria_label = _("Ausgewählte Kommentare freigeben")
    action_type = "approve_comments"
    action_priority = 10
    moderation_action = "approve"


@hooks.register("register_bulk_action")
class RemoveBulkAction(CommentStatusBulkAction):
    display_name = _("Entfernen")
    aria_label = _("Ausgewählte Kommentare entfernen")
    action_type = "remove_comments"
    action_priority = 20
    moderation_action = "remove"


@hooks.register("register_bulk_action")
class SpamBulkAction(CommentStatusBulkAction):
    display_name = _("Spam")
    aria_label = _("Ausgewählte Kommentare als Spam markieren")
    action_type = "spam_comments"
    action_priority = 30
    moderation_action = "spam"


@hooks.register("register_bulk_action")
class RestoreBulkAction(CommentStatusBulkAction):
    display_name = _("Wiederherstellen")
    aria_label = _("Ausgewählte Kommentare wieder veröffentlichen")
    action_type = "restore_comments"
    action_priority = 40
    moderation_action = "restore"


class DiscussionBulkAction(CommentStatusBulkAction):
    """Closes or reopens the discussions of the stories the selected comments belong to."""

    decision = None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        story_ids = {int(comment.object_pk) for comment in objects}
        for page in Page.objects.filter(pk__in=story_ids):
            StoryDiscussion.decide(page, cls.decision, user)
        return len(story_ids), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Kommentare zu %(count)d Geschichte geändert.",
            "Kommentare zu %(count)d Geschichten geändert.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class CloseDiscussionBulkAction(DiscussionBulkAction):
    display_name = _("Geschichten schließen")
    aria_label = _("Kommentare zu den Geschichten der ausgewählten Kommentare schließen")
    action_type = "close_discussions"
    action_priority = 50
    decision = StoryDiscussion.CLOSED


@hooks.register("register_bulk_action")
class ReopenDiscussionBulkAction(DiscussionBulkAction):
    display_name = _("Geschichten wieder öffnen")
    aria_label = _("Kommentare zu den Geschichten der ausgewählten Kommentare wieder öffnen")
    action_type = "reopen_discussions"
    action_priority = 60
    decision = StoryDiscussion.OPEN


# Comment counts outside the comment area: on the dashboard and in the page explorer. Imported
# where used, so this part stays out of the import block above.


@hooks.register("construct_homepage_panels")
def add_comments_dashboard_panel(request, panels):
    if may_moderate(request.user):
        panels.append(CommentsDashboardPanel())


@hooks.register("construct_explorer_page_queryset")
def annotate_story_comment_counts(parent_page, pages, request):
    """The counts for the stories' comment buttons come with the rows, not as one query per row."""
    return with_comment_counts(pages) if may_moderate(request.user) else pages


@hooks.register("register_page_listing_buttons")
def story_comments_listing_button(page, user, next_url=None):
    if isinstance(page, StoryPage) and may_moderate(user):
        button = comments_listing_button(page)
        if button is not None:
            yield button
