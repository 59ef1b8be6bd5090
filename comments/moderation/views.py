"""Moderation views beyond Wagtail's generic ones: single decisions and a story's discussion.
All are plain forms (no JavaScript needed) and answer 403 to anyone who may not moderate."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _, gettext_lazy
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, InspectView

from blog.models import StoryPage
from comments.dsa.admin_forms import ReasonForm
from comments.dsa.history import history_of
from comments.dsa.models import UNDOABLE
from comments.models import CommentPolicy, StoryComment, StoryDiscussion
from comments.statuses import CommentStatus

from . import author_edits
from .access import moderator_required
from .actions import (
    ACTION_KEYS,
    ACTION_LABELS,
    ACTION_MESSAGES,
    DISCUSSION_LABELS,
    ONE_CLICK_ACTIONS,
    REASONED_ACTIONS,
    available_actions,
)
from .bulk_actions import forget_snippet_delete
from .buttons import DecisionButton, RowLinkButton
from .links import SNIPPET_URL_NAMESPACE, comment_detail_url, comment_index_url, next_url
from .undo import with_undo

# The index's tabs: each is a preset of its filters.
TABS = [
    ("all", gettext_lazy("Alle"), {}),
    ("pending", gettext_lazy("Zu prüfen"), {"status": CommentStatus.PENDING}),
    ("reported", gettext_lazy("Gemeldet"), {"reported": "true"}),
    ("edit_waiting", gettext_lazy("Änderung wartet"), {"edit_waiting": "true"}),
    ("published", gettext_lazy("Veröffentlicht"), {"status": CommentStatus.PUBLISHED}),
    ("spam", gettext_lazy("Spam"), {"status": CommentStatus.SPAM}),
    ("hidden", gettext_lazy("Verborgen"), {"status": CommentStatus.HIDDEN}),
    ("removed", gettext_lazy("Entfernt"), {"status": CommentStatus.REMOVED}),
    ("withdrawn", gettext_lazy("Zurückgezogen"), {"status": CommentStatus.WITHDRAWN}),
]


def listed_comments(request):
    """The comments of the listing the moderator came from, in its order: the listing's query string
    (tab, search, filters, ordering) travels along to the detail view, which asks the listing itself."""
    viewset = StoryComment.snippet_viewset
    view_class = viewset.index_view_class
    kwargs = {**viewset.get_common_view_kwargs(), **viewset.get_index_view_kwargs()}
    listing = view_class(
        **{
            key: value
            for key, value in kwargs.items()
            if hasattr(view_class, key) and value is not viewset.UNDEFINED
        }
    )
    listing.setup(request)
    return listing.get_queryset()


class CommentIndexView(IndexView):
    """The comment listing with a tab per queue and a row menu with every decision."""

    def dispatch(self, request, *args, **kwargs):
        forget_snippet_delete(StoryComment)
        return super().dispatch(request, *args, **kwargs)

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        """The comment's opening words, linked to its detail view, with the row's menu."""
        return self._get_title_column_class(column_class)(
            field_name,
            label=gettext_lazy("Kommentar"),
            accessor=lambda comment: Truncator(comment.comment).chars(80),
            get_url=self.get_inspect_url,
            get_title_id=lambda comment: f"snippet_{comment.pk}_title",
        )

    def get_tabs(self):
        counts = StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED).with_counts_per_status()
        current = {key: self.request.GET.get(key, "") for key in ("status", "reported", "edit_waiting")}
        tabs = []
        for name, label, preset in TABS:
            query = "&".join(f"{key}={value}" for key, value in preset.items())
            tabs.append(
                {
                    "label": label,
                    "count": counts[name],
                    "url": f"{self.index_url}?{query}" if query else self.index_url,
                    "active": all(current[key] == preset.get(key, "") for key in current),
                }
            )
        return tabs

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["tabs"] = self.get_tabs()
        return context

    @cached_property
    def listing_url(self):
        """This list as the moderator sees it (tab, search, filters, ordering, page): where every action
        taken from it returns to. The results partial that search and filters fetch has the same query."""
        query = self.request.GET.urlencode()
        return f"{self.index_url}?{query}" if query else self.index_url

    def get_inspect_url(self, instance):
        """The detail view, told which list it was opened from (for "Nächster" and "Vorheriger")."""
        url = super().get_inspect_url(instance)
        query = self.request.GET.urlencode()
        return f"{url}?{query}" if url and query else url

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.user_has_permission("change"):
            return buttons
        here = self.listing_url
        for priority, action in enumerate(available_actions(instance), start=1):
            url = reverse("comments_admin:moderate", args=[instance.pk, action])
            attrs = {"data-moderation-key": ACTION_KEYS[action]} if action in ACTION_KEYS else {}
            if action in ONE_CLICK_ACTIONS:
                attrs["aria-describedby"] = f"snippet_{instance.pk}_title"
                buttons.append(
                    DecisionButton(
                        ACTION_LABELS[action],
                        url,
                        next_url=here,
                        classname="button button-small button-secondary",
                        attrs=attrs,
                        priority=priority,
                    )
                )
            else:
                button_class = RowLinkButton if action in ACTION_KEYS else Button
                buttons.append(
                    button_class(
                        ACTION_LABELS[action],
                        url=f"{url}?{urlencode({'next': here})}",
                        classname="button button-small button-secondary" if action in ACTION_KEYS else "",
                        attrs=attrs,
                        priority=priority,
                    )
                )
        decision = (
            StoryDiscussion.OPEN
            if instance.discussion_decision == StoryDiscussion.CLOSED
            else StoryDiscussion.CLOSED
        )
        url = reverse("comments_admin:discussion", args=[instance.object_pk, decision])
        buttons.append(
            Button(DISCUSSION_LABELS[decision], url=f"{url}?{urlencode({'next': here})}", priority=40)
        )
        return buttons


class TeamReplyForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Antwort als Team"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=settings.COMMENT_MAX_LENGTH,
        help_text=gettext_lazy("Wird sofort mit dem Team-Abzeichen veröffentlicht."),
    )


class CommentInspectView(InspectView):
    """A comment in context: its thread, its reports, its DSA history (notices, decisions, objections), the
    commenter's other comments, the story, and every decision including a reply as Team (posted to this
    same page, so errors keep the text)."""

    template_name = "comments/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(StoryComment.objects.with_open_reports(), pk=self.pk)

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        form = TeamReplyForm(request.POST)
        if form.is_valid():
            reply = self.object.add_team_reply(form.cleaned_data["comment"], request.user)
            messages.success(request, _("Ihre Antwort ist veröffentlicht."))
            return HttpResponseRedirect(comment_detail_url(reply))
        return self.render_to_response(self.get_context_data(reply_form=form))

    def get_context_data(self, reply_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        story = StoryPage.objects.filter(pk=comment.object_pk).first()
        others = (
            StoryComment.objects.exclude(pk=comment.pk)
            .exclude(status=CommentStatus.UNCONFIRMED)
            .with_story()
            .order_by("-submit_date")
        )
        if comment.user_id:
            others = others.filter(Q(user_id=comment.user_id) | Q(user_email__iexact=comment.user_email))
        else:
            others = (
                others.filter(user_email__iexact=comment.user_email) if comment.user_email else others.none()
            )
        may_moderate = self.user_has_permission("change")
        history = history_of(comment)
        context.update(
            {
                "comment": comment,
                "story": story,
                "thread": StoryComment.objects.filter(thread_id=comment.thread_id)
                .exclude(status=CommentStatus.UNCONFIRMED)
                .order_by("order"),
                "reports": comment.reports.all(),
                "other_comments": others[:20],
                "other_count": others.count(),
                "history_url": comment_detail_url(comment, view="history"),
                "may_moderate": may_moderate,
                "actions": [
                    (action, ACTION_LABELS[action], action in REASONED_ACTIONS, ACTION_KEYS.get(action))
                    for action in available_actions(comment)
                ]
                if may_moderate
                else [],
                "history": history,
                "open_notice_count": sum(
                    1 for event in history if event.kind == "notice" and not event.item.decision_id
                ),
                "reply_form": reply_form or TeamReplyForm(),
                "can_reply": may_moderate
                and story is not None
                and comment.status != CommentStatus.UNCONFIRMED,
            }
        )
        context.update(self.get_queue_context())
        context.update(author_edits.detail_context(comment))
        if story is not None:
            decision = StoryDiscussion.decision_for(story)
            context["discussion_decision"] = decision
            context["discussion_closed"] = CommentPolicy.for_request(self.request).is_closed_for(
                story, decision
            )
        return context

    def get_queue_context(self):
        """The neighbours in the list the moderator came from, and where a decision leads: on to the next
        comment of that list, else back to the list; opened without a list, back to this page."""
        query = self.request.GET.urlencode()
        if not query:
            return {"after_action_url": self.request.get_full_path()}
        ids = list(listed_comments(self.request).values_list("pk", flat=True))
        position = ids.index(self.object.pk) if self.object.pk in ids else None
        previous_pk = ids[position - 1] if position else None
        next_pk = ids[position + 1] if position is not None and position + 1 < len(ids) else None
        listing_url = f"{comment_index_url()}?{query}"
        following_url = (
            f"{reverse(f'{SNIPPET_URL_NAMESPACE}:inspect', args=[next_pk])}?{query}" if next_pk else None
        )
        return {
            "listing_url": listing_url,
            "previous_url": f"{reverse(f'{SNIPPET_URL_NAMESPACE}:inspect', args=[previous_pk])}?{query}"
            if previous_pk
            else None,
            "next_url": following_url,
            "after_action_url": following_url or listing_url,
        }


@moderator_required
def moderate(request, pk, action):
    """One decision about one comment. GET asks for confirmation (row links in the listing), POST acts.
    Hiding, removing and marking as spam ask for the ground and an explanation as well."""
    if action not in ACTION_LABELS:
        raise Http404
    comment = get_object_or_404(StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED), pk=pk)
    data = request.POST if request.method == "POST" else None
    form = ReasonForm(data, action=action) if action in REASONED_ACTIONS else None
    if request.method == "POST" and (form is None or form.is_valid()):
        if action == "settle_reports":
            done = comment.settle_reports(request.user)
        else:
            done = comment.moderate(action, request.user, **(form.reasons if form else {}))
        back_to = next_url(request, comment_detail_url(comment))
        if done:
            text = ACTION_MESSAGES[action] % {"name": comment.user_name or _("Ohne Namen")}
            messages.success(request, with_undo(request, text, done, back_to) if action in UNDOABLE else text)
        else:
            messages.info(request, _("Der Kommentar war schon in diesem Zustand."))
        return redirect(back_to)
    if form is not None and form.is_bound:
        messages.error(request, _("Nichts ist gespeichert. Bitte prüfen Sie die markierten Angaben unten."))
    return TemplateResponse(
        request,
        "comments/admin/confirm_moderate.html",
        {
            "comment": comment,
            "label": ACTION_LABELS[action],
            "subtitle": str(comment),
            "action_url": request.path,
            "form": form,
            "next": next_url(request, comment_detail_url(comment)),
        },
    )


@moderator_required
def decide_discussion(request, page_id, decision):
    """Close a story's discussion, or reopen it (also after the automatic closing date).
    GET asks for confirmation (row links in the listing), POST acts."""
    if decision not in DISCUSSION_LABELS:
        raise Http404
    page = get_object_or_404(StoryPage, pk=page_id)
    fallback = comment_index_url()
    if request.method != "POST":
        return TemplateResponse(
            request,
            "comments/admin/confirm_discussion.html",
            {
                "page": page,
                "decision": decision,
                "label": DISCUSSION_LABELS[decision],
                "subtitle": page.title,
                "action_url": request.path,
                "next": next_url(request, fallback),
            },
        )
    StoryDiscussion.decide(page, decision, request.user)
    if decision == StoryDiscussion.CLOSED:
        messages.success(
            request, _("Die Kommentare zu „%(title)s“ sind geschlossen.") % {"title": page.title}
        )
    else:
        messages.success(
            request, _("Die Kommentare zu „%(title)s“ sind wieder offen.") % {"title": page.title}
        )
    return redirect(next_url(request, fallback))
