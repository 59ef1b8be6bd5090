"""What moderators see and decide of an author's own changes (`comments.editing`): the held edit with the
difference word by word, taking it or refusing it, and the earlier texts with the withdrawal."""

import difflib
import re
from html import escape

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from comments import editing, reasons
from comments.revisions import CommentEdit

from .access import moderator_required
from .links import comment_detail_url, next_url

WORDS = re.compile(r"\s+|\S+")
DECISIONS = {"uebernehmen": editing.accept_edit, "ablehnen": editing.refuse_edit}


def word_diff(old, new):
    """`new` against `old` word by word: removed words in `<del>`, added ones in `<ins>`, all escaped."""
    before, after = WORDS.findall(old), WORDS.findall(new)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped above


def detail_context(comment):
    """For the comment's detail view: the held edit (with its diff and reasons), all edits, the earlier
    texts, and when the author withdrew it."""
    edits = list(comment.edits.select_related("decided_by"))
    waiting = next((held for held in edits if held.status == CommentEdit.Status.WAITING), None)
    withdrawn = (
        ModelLogEntry.objects.filter(
            content_type__app_label="comments", object_id=str(comment.pk), action="comments.withdraw"
        )
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return {
        "waiting_edit": waiting,
        "waiting_edit_diff": word_diff(comment.comment, waiting.text) if waiting else "",
        "waiting_edit_reasons": reasons.described(waiting.reasons) if waiting else [],
        "author_edits": edits,
        "earlier_versions": list(comment.versions.all()),
        "withdrawn_at": withdrawn,
    }


@require_POST
@moderator_required
def decide_edit(request, pk, decision):
    """ "Änderung übernehmen" or "Änderung ablehnen" for a held edit; logged (`comments.editing`)."""
    if decision not in DECISIONS:
        raise Http404
    held = get_object_or_404(CommentEdit.objects.select_related("comment"), pk=pk)
    done = DECISIONS[decision](held, request.user)
    if not done:
        messages.info(request, _("Über diese Änderung ist schon entschieden."))
    elif decision == "uebernehmen":
        messages.success(request, _("Die Änderung ist übernommen und jetzt online."))
    else:
        messages.success(request, _("Die Änderung ist abgelehnt; der bisherige Text bleibt."))
    return redirect(next_url(request, comment_detail_url(held.comment)))
