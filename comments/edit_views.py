"""The author's own pages for a comment: edit it while the window lasts, withdraw it at any time, from the
signed link (`comments.editing`). Like confirming: GET only shows (mail scanners follow links), a POST acts
only when it comes from our own page, no cookie is set, and a refused text is shown again."""

from django import forms
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from core.cache import REDIS_UNAVAILABLE
from core.ratelimit import truncated_ip

from . import editing
from .forms import NO_HIDDEN_CHARACTERS_IN_TEXT, ErrorSummary
from .models import CommentPolicy
from .revisions import CommentEdit
from .statuses import CommentStatus
from .views import is_same_origin, readable_stories, try_again_shortly

FOREIGN_EDIT = gettext_lazy(
    "Ihre Änderung kam nicht von unserer Seite und wurde deshalb nicht gespeichert. Bitte senden Sie sie "
    "hier noch einmal; Ihr Text ist noch da."
)
EDIT_LATER = gettext_lazy(
    "Wir können Ihre Änderung gerade nicht annehmen. Bitte senden Sie sie in einer Minute noch einmal; "
    "Ihr Text ist noch da."
)
FOREIGN_WITHDRAWAL = gettext_lazy(
    "Diese Anfrage kam nicht von unserer Seite und wurde deshalb nicht ausgeführt. Wenn Sie es waren: "
    "Bitte klicken Sie hier noch einmal."
)


class EditForm(ErrorSummary, forms.Form):
    comment = forms.CharField(label=gettext_lazy("Ihr Kommentar"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, policy, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"] = forms.CharField(
            label=self.fields["comment"].label,
            widget=forms.Textarea(attrs={"rows": 8}),
            max_length=policy.max_length,
            validators=[NO_HIDDEN_CHARACTERS_IN_TEXT],
            error_messages={"required": _("Bitte schreiben Sie einen Kommentar.")},
        )


def invalid_link(request):
    return TemplateResponse(
        request, "comments/own_invalid.html", {"page_title": _("Link ungültig")}, status=410
    )


def own_context(comment, policy, token):
    """What every page about one's own comment shows: the comment, its story, and the links."""
    until = editing.editable_until(comment, policy)
    return {
        "comment": comment,
        "story": readable_stories().filter(pk=comment.object_pk).first(),
        "token": token,
        "editable_until": until if editing.can_edit(comment, policy) else None,
        "withdrawable": editing.can_withdraw(comment),
        "edit_url": reverse("comments:edit", args=[token]),
        "withdraw_url": reverse("comments:withdraw", args=[token]),
        "waiting_edit": comment.edits.filter(status=CommentEdit.Status.WAITING).first(),
    }


@csrf_exempt
def edit_comment(request, token):
    """The author's edit page: the text in a form while the window lasts; afterwards a page that says
    editing has ended (with the text they sent, if any) and still offers withdrawal."""
    comment = editing.comment_for_token(token)
    if comment is None:
        return invalid_link(request)
    policy = CommentPolicy.for_request(request)
    context = own_context(comment, policy, token)
    sent = request.method == "POST"
    if comment.status == CommentStatus.WITHDRAWN:
        return render(request, "comments/own_withdrawn.html", context, _("Kommentar zurückgezogen"))
    if not editing.can_edit(comment, policy):
        context["sent_text"] = request.POST.get("comment", "") if sent else ""
        return render(
            request,
            "comments/own_edit_ended.html",
            context,
            _("Bearbeiten nicht mehr möglich"),
            403 if sent else 200,
        )
    form = EditForm(policy, request.POST if sent else None, initial={"comment": comment.comment})
    context["form"] = form
    if not sent:
        return render(request, "comments/own_edit.html", context, _("Kommentar bearbeiten"))
    if not is_same_origin(request):
        form.is_valid()
        form.add_error(None, FOREIGN_EDIT)
        return render(request, "comments/own_edit.html", context, _("Kommentar bearbeiten"), 403)
    if not form.is_valid():
        return render(request, "comments/own_edit.html", context, _("Kommentar bearbeiten"), 400)
    limit = editing.edit_rate_limit()
    try:
        exceeded = limit.refuses(truncated_ip(request.META.get("REMOTE_ADDR", "")))
    except REDIS_UNAVAILABLE as error:
        form.add_error(None, EDIT_LATER)
        response = render(request, "comments/own_edit.html", context, _("Kommentar bearbeiten"))
        return try_again_shortly(request, response, error)
    if exceeded:
        form.add_error(None, limit.message)
        return render(request, "comments/own_edit.html", context, _("Kommentar bearbeiten"), 429)
    outcome = editing.edit(comment, form.cleaned_data["comment"], policy)
    comment.refresh_from_db()
    context = own_context(comment, policy, token)
    context["outcome"] = outcome.value
    context["form"] = EditForm(policy, initial={"comment": comment.comment})
    return render(request, "comments/own_edit.html", context, _("Kommentar bearbeiten"))


@csrf_exempt
def withdraw_comment(request, token):
    """The author's withdraw page: GET asks, a POST from our own page withdraws, once."""
    comment = editing.comment_for_token(token)
    if comment is None:
        return invalid_link(request)
    policy = CommentPolicy.for_request(request)
    context = own_context(comment, policy, token)
    if comment.status == CommentStatus.WITHDRAWN:
        return render(request, "comments/own_withdrawn.html", context, _("Kommentar zurückgezogen"))
    if not editing.can_withdraw(comment):
        return invalid_link(request)
    if request.method != "POST":
        return render(request, "comments/own_withdraw.html", context, _("Kommentar zurückziehen"))
    if not is_same_origin(request):
        context["error"] = FOREIGN_WITHDRAWAL
        return render(request, "comments/own_withdraw.html", context, _("Kommentar zurückziehen"), 403)
    limit = editing.edit_rate_limit()
    try:
        exceeded = limit.refuses(truncated_ip(request.META.get("REMOTE_ADDR", "")))
    except REDIS_UNAVAILABLE as error:
        context["error"] = EDIT_LATER
        response = render(request, "comments/own_withdraw.html", context, _("Kommentar zurückziehen"))
        return try_again_shortly(request, response, error)
    if exceeded:
        context["error"] = limit.message
        return render(request, "comments/own_withdraw.html", context, _("Kommentar zurückziehen"), 429)
    editing.withdraw(comment)
    comment.refresh_from_db()
    return render(
        request,
        "comments/own_withdrawn.html",
        own_context(comment, policy, token),
        _("Kommentar zurückgezogen"),
    )


def render(request, template, context, title, status=200):
    context = {**context, "page_title": title}
    if status >= 400:
        context["title_prefix"] = _("Fehler:")
    return TemplateResponse(request, template, context, status=status)
