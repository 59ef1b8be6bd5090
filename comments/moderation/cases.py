"""The moderators' DSA work: the queue of open cases ("Meldungen (DSA)"), the page that decides a notice
and the page that answers an objection. Plain forms; every decision goes through `StoryComment.moderate`,
and anyone who may not moderate gets the 403 page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _, gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from comments.dsa.admin_forms import DecisionForm, ObjectionAnswerForm
from comments.dsa.models import Objection
from comments.dsa.queue import in_thread, open_case_count, open_cases, open_notices_of
from comments.permissions import is_moderator
from comments.statuses import CommentStatus

from .access import forbidden, moderator_required
from .links import public_path
from .views import next_url

QUEUE_URL = reverse_lazy("comments_admin:queue")


class OpenCasesMenuItem(MenuItem):
    """ "Meldungen (DSA) (2)": shown to moderators only, with the number of open cases."""

    def is_shown(self, request):
        return is_moderator(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        count = open_case_count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


def comment_in_thread(pk):
    """The comment with its story, parent and reply count (`dsa.queue.in_thread`) and its story's path;
    404 for an unconfirmed comment, which nobody has decided anything about yet."""
    comment = in_thread([pk]).get(pk)
    if comment is None or comment.status == CommentStatus.UNCONFIRMED:
        raise Http404
    comment.story_path = public_path(comment.story_url_path or "")
    return comment


class CaseView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": QUEUE_URL, "label": gettext_lazy("Meldungen (DSA)")},
            {"url": "", "label": self.get_page_title()},
        ]

    def refuse(self, form):
        messages.error(
            self.request, _("Nichts ist gespeichert. Bitte prüfen Sie die markierten Angaben unten.")
        )
        return self.render_to_response(self.get_context_data(form=form))


@method_decorator(moderator_required, name="dispatch")
class QueueView(WagtailAdminTemplateMixin, TemplateView):
    """Open cases, the longest waiting first, each beside its comment in its thread."""

    template_name = "comments/admin/queue.html"
    page_title = gettext_lazy("Meldungen (DSA)")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cases = open_cases()
        for case in cases:
            case.comment.story_path = public_path(case.comment.story_url_path or "")
        context["cases"] = cases
        return context


@method_decorator(moderator_required, name="dispatch")
class DecideView(CaseView):
    """A decision with ground and explanation about a comment, usually one with open notices: the notices,
    the readers' open reports and the earlier decisions are shown beside the form."""

    template_name = "comments/admin/decide.html"
    page_title = gettext_lazy("Entscheiden")

    def dispatch(self, request, pk):
        self.comment = comment_in_thread(pk)
        self.notices = open_notices_of(self.comment)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.comment)

    def new_form(self, data=None):
        return DecisionForm(data, comment=self.comment, notices_open=bool(self.notices))

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            comment=self.comment,
            notices=self.notices,
            reports=self.comment.reports.filter(resolved_at__isnull=True),
            decisions=self.comment.decisions.select_related("decided_by"),
            form=form or self.new_form(),
            next=next_url(self.request, QUEUE_URL),
        )
        return context

    def post(self, request, pk):
        form = self.new_form(request.POST)
        if not form.is_valid():
            return self.refuse(form)
        decision = self.comment.moderate(form.cleaned_data["action"], request.user, **form.reasons)
        if decision is None:
            messages.info(request, _("Der Kommentar war schon in diesem Zustand."))
        else:
            messages.success(
                request,
                _("Entscheidung gespeichert: %(outcome)s.") % {"outcome": decision.get_outcome_display()},
            )
        return redirect(next_url(request, QUEUE_URL))


@method_decorator(moderator_required, name="dispatch")
class ObjectionView(CaseView):
    """An objection beside the decision it contests, answered by another moderator than the one who took
    that decision (automated decisions by anyone)."""

    template_name = "comments/admin/objection.html"
    page_title = gettext_lazy("Einspruch prüfen")

    def dispatch(self, request, pk):
        self.objection = get_object_or_404(
            Objection.objects.select_related("decision__decided_by", "notice", "answer__decided_by"),
            pk=pk,
            decision__comment__isnull=False,
        )
        self.contested = self.objection.decision
        self.comment = self.contested.comment = comment_in_thread(self.contested.comment_id)
        return super().dispatch(request, pk)

    @property
    def decided_by_this_user(self):
        return (
            self.contested.decided_by_id is not None and self.contested.decided_by_id == self.request.user.pk
        )

    def get_page_subtitle(self):
        return str(self.comment)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        answerable = self.objection.answer_id is None and not self.decided_by_this_user
        context.update(
            objection=self.objection,
            contested=self.contested,
            comment=self.comment,
            notices=self.comment.legal_notices.select_related("decision"),
            decided_by_this_user=self.decided_by_this_user,
            form=(form or ObjectionAnswerForm(objection=self.objection)) if answerable else None,
            next=next_url(self.request, QUEUE_URL),
        )
        return context

    def post(self, request, pk):
        if self.decided_by_this_user:
            return forbidden(request)
        if self.objection.answer_id is not None:
            messages.info(request, _("Dieser Einspruch ist schon beantwortet."))
            return redirect(reverse("comments_admin:objection", args=[pk]))
        form = ObjectionAnswerForm(request.POST, objection=self.objection)
        if not form.is_valid():
            return self.refuse(form)
        self.comment.moderate(form.chosen_action(), request.user, **form.reasons, answering=self.objection)
        if self.objection.reversed:
            message = _("Einspruch beantwortet: Die Entscheidung ist geändert.")
        else:
            message = _("Einspruch beantwortet: Die Entscheidung ist bestätigt.")
        messages.success(request, message)
        return redirect(next_url(request, QUEUE_URL))
