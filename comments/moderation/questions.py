"""The Team's answers: "Offene Fragen", the reader comments no Team reply answers yet, each beside a reply
form; marking one as needing no answer; and pinning a Team reply first under the comment it answers.
Plain forms (no JavaScript needed), moderators only; every change is logged."""

import datetime

from django.core.paginator import Paginator
from django.db.models import IntegerField, Subquery
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from blog.models import StoryPage
from comments.dsa.queue import in_thread
from comments.models import StoryComment
from comments.permissions import is_moderator
from comments.statuses import CommentStatus

from .access import moderator_required
from .links import comment_detail_url, public_path
from .views import TeamReplyForm, next_url

QUESTIONS_URL = reverse_lazy("comments_admin:questions")
# Older comments have had their answer, or will not miss one now.
QUESTION_DAYS = 30
QUESTIONS_PER_PAGE = 25

# The audit log's words for the Team's answers: (action, label, message).
TEAM_LOG_ACTIONS = [
    (
        "comments.pin",
        gettext_lazy("Antwort des Teams anheften"),
        gettext_lazy("Antwort des Teams angeheftet"),
    ),
    (
        "comments.unpin",
        gettext_lazy("Antwort des Teams nicht mehr anheften"),
        gettext_lazy("Antwort des Teams nicht mehr angeheftet"),
    ),
    (
        "comments.no_answer_needed",
        gettext_lazy("Als „Keine Antwort nötig“ markieren"),
        gettext_lazy("Als „Keine Antwort nötig“ markiert"),
    ),
]


class QuestionsMenuItem(MenuItem):
    """ "Offene Fragen": shown to moderators only."""

    def is_shown(self, request):
        return is_moderator(request.user)


def open_questions():
    """Reader comments of the last `QUESTION_DAYS` days still waiting for a Team answer, newest first."""
    since = timezone.now() - datetime.timedelta(days=QUESTION_DAYS)
    return (
        StoryComment.objects.awaiting_team_answer()
        .filter(submit_date__gte=since)
        .order_by("-submit_date", "-pk")
    )


@method_decorator(moderator_required, name="dispatch")
class QuestionsView(WagtailAdminTemplateMixin, TemplateView):
    """The open questions, 25 to a page, filtered by story; a reply posts to this same page, so an error
    keeps the text where it was typed, and success comes back to the same page and filter."""

    template_name = "comments/admin/questions.html"
    page_title = gettext_lazy("Offene Fragen")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, failed_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        questions = open_questions()
        stories = StoryPage.objects.filter(
            pk__in=Subquery(questions.order_by().values(as_id=Cast("object_pk", IntegerField())))
        ).order_by("title")
        story_id = self.request.GET.get("story", "")
        story = next((s for s in stories if str(s.pk) == story_id), None)
        if story is not None:
            questions = questions.for_page(story)
        page = Paginator(questions.values_list("pk", flat=True), QUESTIONS_PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        shown = in_thread(list(page))
        rows = []
        for pk in page:
            comment = shown[pk]
            comment.story_path = public_path(comment.story_url_path or "")
            if failed_form is not None and failed_form.prefix == reply_prefix(pk):
                form = failed_form
            else:
                form = TeamReplyForm(prefix=reply_prefix(pk))
            rows.append((comment, form))
        context.update(
            rows=rows,
            page=page,
            page_range=page.paginator.get_elided_page_range(page.number),
            stories=stories,
            story=story,
            days=QUESTION_DAYS,
            here=self.request.get_full_path(),
        )
        return context

    def post(self, request):
        """A Team reply to one of the questions, published at once."""
        pk = request.POST.get("frage", "")
        comment = get_object_or_404(open_questions(), pk=int(pk) if pk.isdigit() else 0)
        form = TeamReplyForm(request.POST, prefix=reply_prefix(comment.pk))
        if not form.is_valid():
            messages.error(
                request, _("Die Antwort ist nicht veröffentlicht. Bitte prüfen Sie das Feld unten.")
            )
            return self.render_to_response(self.get_context_data(failed_form=form))
        reply = comment.add_team_reply(form.cleaned_data["comment"], request.user)
        messages.success(
            request,
            _("Ihre Antwort an %(name)s ist veröffentlicht.")
            % {"name": comment.user_name or _("Ohne Namen")},
            buttons=[messages.button(comment_detail_url(reply), _("Ansehen"))],
        )
        return redirect(request.get_full_path())


def reply_prefix(pk):
    return f"frage-{pk}"


@moderator_required
@require_POST
def set_aside(request, pk):
    """ "Nicht nötig": the comment needs no Team answer and leaves the list."""
    comment = get_object_or_404(open_questions(), pk=pk)
    comment.mark_needs_no_answer(request.user)
    messages.success(
        request,
        _("Der Kommentar von %(name)s braucht keine Antwort und ist aus der Liste genommen.")
        % {"name": comment.user_name or _("Ohne Namen")},
    )
    return redirect(next_url(request, QUESTIONS_URL))


@moderator_required
@require_POST
def pin(request, pk):
    """Shows a published Team reply first under the comment it answers (in place of any pinned before)."""
    reply = get_object_or_404(StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED), pk=pk)
    if reply.pin(request.user):
        messages.success(
            request, _("Die Antwort steht jetzt als „Antwort des Teams“ oben unter dem Kommentar.")
        )
    else:
        messages.error(
            request, _("Nur eine veröffentlichte Antwort des Teams auf einen Kommentar lässt sich anheften.")
        )
    return redirect(next_url(request, comment_detail_url(reply)))


@moderator_required
@require_POST
def unpin(request, pk):
    """The reply back in its place in the thread."""
    reply = get_object_or_404(StoryComment, pk=pk)
    if reply.unpin(request.user):
        messages.success(
            request, _("Die Antwort ist nicht mehr angeheftet und steht wieder an ihrem Platz im Gespräch.")
        )
    else:
        messages.info(request, _("Die Antwort war nicht angeheftet."))
    return redirect(next_url(request, comment_detail_url(reply)))
