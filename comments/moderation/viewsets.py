"""The comment listing and detail views in the Wagtail admin ("Kommentare"), as a snippet viewset."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _, pgettext
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, BulkActionsCheckboxColumn, Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from blog.models import StoryPage
from comments import reasons
from comments.commenter_record import overrides_for, trust_for, with_commenter_counts
from comments.commenters import TrustOverride
from comments.dsa.models import DecisionGround
from comments.models import CommentPolicy, StoryComment, StoryDiscussion, has_waiting_edit
from comments.statuses import CommentStatus

from . import views
from .access import answer_403
from .blocks import block_url
from .links import public_path


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CommentStatus.choices, empty_label=_("Alle")
    )
    submit_date = django_filters.DateFromToRangeFilter(label=_("Geschrieben"), widget=DateRangePickerWidget)
    story = django_filters.ModelChoiceFilter(
        label=_("Geschichte"),
        queryset=StoryPage.objects.order_by("title"),
        empty_label=_("Alle"),
        method="filter_story",
    )
    reported = django_filters.BooleanFilter(label=_("Gemeldet"), method="filter_reported")
    # An author's edit the policy held (`comments.editing`): the comment itself stays published.
    edit_waiting = django_filters.BooleanFilter(label=_("Änderung wartet"), method="filter_edit_waiting")

    class Meta:
        model = StoryComment
        fields = ["status", "submit_date"]

    def filter_story(self, queryset, name, value):
        return queryset.filter(object_pk=str(value.pk))

    def filter_edit_waiting(self, queryset, name, value):
        return queryset.filter(has_waiting_edit()) if value else queryset.exclude(has_waiting_edit())

    def filter_reported(self, queryset, name, value):
        return queryset.filter(open_reports__gt=0) if value else queryset.filter(open_reports=0)


class StoryColumn(Column):
    """The story's title, linked to the public story, from annotations (no query per row)."""

    def get_value(self, instance):
        return format_html(
            '<a href="{}" data-moderation-key="o">{}</a>',
            public_path(instance.story_url_path or ""),
            instance.story_title or "–",
        )


class StatusColumn(Column):
    """The status, and under a held or spam comment the reasons the screening gave ("Wortliste: billig",
    "erster Kommentar"), from the comment's own row."""

    def get_value(self, instance):
        status = instance.get_status_display()
        if (
            instance.status not in (CommentStatus.PENDING, CommentStatus.SPAM)
            or not instance.screening_reasons
        ):
            return status
        return format_html(
            '{}<br><small class="comment-reasons">{}: {}</small>',
            status,
            _("Grund"),
            "; ".join(reasons.described(instance.screening_reasons)),
        )


class CommenterColumn(Column):
    """The author's record in short ("12 ✓ · 1 entfernt · 0 Spam", "vertraut"/"wird geprüft"), from the
    counts annotated on the rows and the trust overrides of the whole page, fetched once."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        table, request = parent_context["table"], parent_context.get("request")
        if not hasattr(table, "commenter_overrides"):
            table.commenter_overrides = overrides_for({row.user_email for row in table.data})
            table.comment_policy = CommentPolicy.for_request(request)
        override = table.commenter_overrides.get(instance.user_email, TrustOverride.AUTO)
        rejected = instance.author_removed + instance.author_spam
        trust = trust_for(
            table.comment_policy,
            override,
            instance.author_published,
            rejected,
            instance.author_published + rejected,
        )
        badge = {"trusted": _("vertraut"), "held": _("wird geprüft")}.get(trust.state)
        summary = _("%(published)s ✓ · %(removed)s entfernt · %(spam)s Spam") % {
            "published": instance.author_published,
            "removed": instance.author_removed,
            "spam": instance.author_spam,
        }
        # The row's own way to block its author, so the key b finds it (the "more" menu leaves the page).
        block = (
            format_html(
                ' <a href="{}" data-moderation-key="b">{}</a>',
                block_url(instance),
                pgettext("Aktion", "Sperren"),
            )
            if instance.user_email
            else ""
        )
        context["value"] = format_html(
            '<span class="commenter-summary">{}</span>{}{}',
            summary,
            format_html(' <span class="w-status w-status--primary">{}</span>', badge) if badge else "",
            block,
        )
        return context


class PendingCountMenuItem(MenuItem):
    """ "Kommentare (3)": the menu says how many comments wait for a moderator."""

    def render_component(self, request):
        component = super().render_component(request)
        waiting = StoryComment.objects.filter(status=CommentStatus.PENDING).count()
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


class WithoutActionsPolicy(ModelPermissionPolicy):
    """Model permissions, less the actions in `never`, which nobody has (not even a superuser): Wagtail
    then offers neither their buttons nor their views."""

    never = frozenset()

    def user_has_permission(self, user, action):
        return action not in self.never and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.never]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


class CommentPermissionPolicy(WithoutActionsPolicy):
    """Comments come only from readers and leave only through removal or the privacy tools, both of
    which keep threads whole: nobody, not even a superuser, adds or deletes one in the admin."""

    never = frozenset({"add", "delete"})


class DecisionGroundPermissionPolicy(WithoutActionsPolicy):
    """Decisions keep the ground they were taken on (PROTECT): a ground is switched off, never deleted."""

    never = frozenset({"delete"})


class StoryCommentViewSet(SnippetViewSet):
    model = StoryComment
    index_view_class = views.CommentIndexView
    inspect_view_class = views.CommentInspectView
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
        CommenterColumn("commenter", label=_("Verfasser")),
        StoryColumn("story", label=_("Geschichte")),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        Column("open_reports", label=_("Meldungen"), sort_key="open_reports"),
        Column("helpful_count", label=_("Hilfreich"), sort_key="helpful_count"),
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
        return (
            with_commenter_counts(StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED))
            .with_story()
            .with_open_reports()
            .annotate(
                discussion_decision=Subquery(
                    StoryDiscussion.objects.filter(
                        page_id=Cast(OuterRef("object_pk"), IntegerField())
                    ).values("decision")
                ),
            )
            .select_related("user")
        )


class DecisionGroundIndexView(IndexView):
    """The grounds without checkboxes: the only bulk action for snippets is deleting, which no ground allows."""

    @cached_property
    def columns(self):
        return [column for column in super().columns if not isinstance(column, BulkActionsCheckboxColumn)]


class DecisionGroundViewSet(SnippetViewSet):
    """ "Entscheidungsgründe" in the Settings menu: the team words the grounds commenters read in their
    statements of reasons. The grounds of the automatic checks keep their `code`, which is not editable."""

    model = DecisionGround
    index_view_class = DecisionGroundIndexView
    icon = "list-ul"
    menu_label = _("Entscheidungsgründe")
    menu_name = "decision_grounds"
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        "title",
        Column("kind", label=_("Art"), accessor="get_kind_display", sort_key="kind"),
        BooleanColumn("active", label=_("Zur Auswahl")),
    ]
    list_filter = ["kind", "active"]
    ordering = ["kind", "sort_order", "title"]

    def register_chooser_viewset(self):
        """No chooser: grounds are chosen on the decision pages, from the active ones only."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = answer_403(pattern.callback)
        return patterns
