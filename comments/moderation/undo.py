"""“Rückgängig” for a few seconds after approving or restoring. Wagtail's message buttons are links, and a
link must not change anything, so the success message carries a small POST form instead, with a signed
token naming the decision that is good for `UNDO_SECONDS`."""

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST

from comments.dsa.models import ModerationDecision
from comments.statuses import CommentStatus

from .access import moderator_required
from .links import comment_index_url, next_url

UNDO_SECONDS = 30
SALT = "comments.moderation.undo"

# What the moderator reads once a decision is taken back, by the status the comment is in again.
UNDONE_MESSAGES = {
    CommentStatus.PENDING: gettext_lazy("Rückgängig gemacht: Der Kommentar wartet wieder auf Prüfung."),
    CommentStatus.HIDDEN: gettext_lazy("Rückgängig gemacht: Der Kommentar ist wieder verborgen."),
    CommentStatus.REMOVED: gettext_lazy("Rückgängig gemacht: Der Kommentar ist wieder entfernt."),
    CommentStatus.SPAM: gettext_lazy("Rückgängig gemacht: Der Kommentar ist wieder als Spam eingestuft."),
}


def with_undo(request, message, decision, back_to):
    """`message` (escaped) followed by the “Rückgängig” form for `decision`, which returns to `back_to`:
    the page the message is shown on."""
    return render_to_string(
        "comments/admin/includes/undo_message.html",
        {"message": message, "token": signing.dumps(decision.pk, salt=SALT), "next": back_to},
        request=request,
    )


def decision_named_by(token):
    """The decision a token names, while it is valid; None when expired or forged."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=UNDO_SECONDS)
    except signing.BadSignature:  # expired tokens too
        return None
    return ModerationDecision.objects.select_related("comment").filter(pk=pk).first()


@moderator_required
@require_POST
def undo(request):
    """Takes back the decision named by the posted token (`StoryComment.undo`), then back to the list."""
    decision = decision_named_by(request.POST.get("token", ""))
    undone = decision.comment.undo(decision, request.user) if decision and decision.comment else None
    if undone:
        messages.success(request, UNDONE_MESSAGES[undone.status_after])
    else:
        messages.warning(request, _("Das lässt sich nicht mehr rückgängig machen."))
    return redirect(next_url(request, comment_index_url()))
