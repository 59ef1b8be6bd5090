"""The commenter's record in the detail view: what it says about trust and why, and the two things a
moderator adds to it (a trust override, a note), each logged in the audit log against the comment."""

import uuid

from django import forms
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.log_actions import log

from comments.commenter_record import MIN_DECIDED_FOR_RATE, CommenterRecord
from comments.commenters import CommenterNote, CommenterTrust, TrustOverride
from comments.models import StoryComment

from .access import moderator_required
from .links import comment_detail_url


class TrustForm(forms.Form):
    override = forms.ChoiceField(
        label=_("Vertrauen"), choices=TrustOverride.choices, widget=forms.RadioSelect
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notiz zu dieser Person"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Bitte schreiben Sie eine Notiz.")},
    )


def trust_explained(record, policy):
    """Which trust rule applies to the record, and why, in the moderator's words."""
    trust = record.trust(policy)
    if trust.rule == "trusted_by_moderator":
        return gettext("Vertraut: von der Moderation so festgelegt.")
    if trust.rule == "held_by_moderator":
        return gettext("Wird immer geprüft: von der Moderation so festgelegt.")
    if trust.rule == "rejection_rate":
        return gettext(
            "Wird wieder geprüft: Ablehnungsquote %(rate)s %% (Grenze %(limit)s %%, "
            "ab %(minimum)s entschiedenen Kommentaren)."
        ) % {"rate": trust.detail, "limit": policy.recheck_rejection_rate, "minimum": MIN_DECIDED_FOR_RATE}
    if trust.rule == "published":
        return gettext("Vertraut: %(count)s veröffentlichte Kommentare (vertraut ab %(limit)s).") % {
            "count": trust.detail,
            "limit": policy.trust_after_published,
        }
    return gettext("Automatisch: Es gilt die Moderationsregel „%(mode)s“.") % {
        "mode": policy.get_moderation_mode_display()
    }


def record_context(comment, policy):
    record = CommenterRecord(comment.user_email)
    return {
        "record": record,
        "trust_explained": trust_explained(record, policy),
        "trust_form": TrustForm(initial={"override": record.override}, auto_id="trust-%s"),
        "note_form": NoteForm(auto_id="note-%s"),
        "notes": record.notes(),
    }


def back_to(comment):
    return HttpResponseRedirect(f"{comment_detail_url(comment)}#commenter-heading")


@require_POST
@moderator_required
def set_trust(request, pk):
    comment = get_object_or_404(StoryComment, pk=pk)
    form = TrustForm(request.POST)
    if form.is_valid() and comment.user_email:
        record = CommenterRecord(comment.user_email)
        with transaction.atomic():
            CommenterTrust.objects.update_or_create(
                commenter=record.key,
                defaults={
                    "override": form.cleaned_data["override"],
                    "set_by": request.user,
                    "set_at": timezone.now(),
                },
            )
            label = TrustOverride(form.cleaned_data["override"]).label
            log(comment, "comments.trust", user=request.user, uuid=uuid.uuid4(), data={"trust": str(label)})
        messages.success(request, gettext("Vertrauen geändert: %(label)s.") % {"label": label})
    return back_to(comment)


@require_POST
@moderator_required
def add_note(request, pk):
    comment = get_object_or_404(StoryComment, pk=pk)
    form = NoteForm(request.POST)
    if not comment.user_email:
        return back_to(comment)
    if not form.is_valid():
        messages.error(request, gettext("Bitte schreiben Sie eine Notiz."))
        return back_to(comment)
    with transaction.atomic():
        CommenterNote.objects.create(
            commenter=CommenterRecord(comment.user_email).key,
            text=form.cleaned_data["text"],
            author=request.user,
        )
        log(comment, "comments.note", user=request.user, uuid=uuid.uuid4())
    messages.success(request, gettext("Notiz gespeichert."))
    return back_to(comment)


LOG_ACTIONS = [
    ("comments.trust", _("Vertrauen ändern"), _("Vertrauen geändert")),
    ("comments.note", _("Notiz hinzufügen"), _("Notiz hinzugefügt")),
]
