"""Privacy tools for moderators: export and erase everything stored about one e-mail address.

Both actions are confirmed in a form, answer 403 to non-moderators and leave one audit-log entry per
comment. The entries carry the comment's neutral label only, never the address."""

import json
import uuid
from collections import Counter, defaultdict

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy as _, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page

from .models import CommentConfirmation, CommentReport, CommentStatus, StoryComment
from .permissions import moderator_required

ANONYMISE = "anonymise"
DELETE = "delete"


def comments_of(email):
    """Everything written with this address, or by the account that has it, in any status."""
    return StoryComment.objects.filter(Q(user_email__iexact=email) | Q(user__email__iexact=email))


def attach_stories(comments):
    """Sets `comment.story` for all `comments` with one query; a comment may outlive its story."""
    ids = {int(comment.object_pk) for comment in comments if comment.object_pk.isdigit()}
    stories = Page.objects.in_bulk(ids) if ids else {}
    for comment in comments:
        comment.story = stories.get(int(comment.object_pk)) if comment.object_pk.isdigit() else None
    return comments


def accounts_with(email):
    return list(
        get_user_model().objects.filter(email__iexact=email).order_by("pk").values_list("username", flat=True)
    )


def export_data(email, request):
    comments = attach_stories(
        list(comments_of(email).prefetch_related("reports").order_by("submit_date", "pk"))
    )
    entries = []
    for comment in comments:
        story = comment.story
        entries.append(
            {
                "id": comment.pk,
                "story": {
                    "title": story.title if story else None,
                    "url": story.get_full_url(request) if story else None,
                },
                "submitted_at": comment.submit_date.isoformat(),
                "name": comment.user_name,
                "email": comment.user_email,
                "website": comment.user_url,
                "ip_address": comment.ip_address,
                "text": comment.comment,
                "status": comment.status,
                "followup": comment.followup,
                "parent_id": comment.parent_id if comment.parent_id != comment.pk else None,
                "reports": [
                    {
                        "reason": report.reason,
                        "note": report.note,
                        "created_at": report.created_at.isoformat(),
                        "resolved_at": report.resolved_at.isoformat() if report.resolved_at else None,
                    }
                    for report in comment.reports.all()
                ],
            }
        )
    data = {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "registered_user": bool(accounts_with(email)),
        "comments": entries,
    }
    return data, comments


def plan_deletion(targets):
    """Which erased comments can go: those whose every reply goes too, so no reply is orphaned; the
    others stay as placeholders. Also how much each remaining ancestor's `nested_count` (xtd counts
    every descendant and does nothing when a row is deleted) has to drop."""
    rows = list(
        StoryComment.objects.filter(thread_id__in={c.thread_id for c in targets})
        .order_by("-level")
        .values_list("pk", "parent_id")
    )
    parents = dict(rows)
    children = defaultdict(list)
    for pk, parent_id in rows:
        if parent_id != pk:
            children[parent_id].append(pk)
    target_ids = {comment.pk for comment in targets}
    deletable = set()
    for pk, _parent_id in rows:
        if pk in target_ids and all(child in deletable for child in children[pk]):
            deletable.add(pk)
    lost = Counter()
    for pk in deletable:
        node = pk
        while parents.get(node, node) != node:
            node = parents[node]
            if node not in deletable:
                lost[node] += 1
    return deletable, lost


def keep_nested_counts(lost):
    by_amount = defaultdict(list)
    for pk, amount in lost.items():
        by_amount[amount].append(pk)
    for amount, pks in by_amount.items():
        StoryComment.objects.filter(pk__in=pks).update(nested_count=F("nested_count") - amount)


@transaction.atomic
def erase(email, mode, user):
    """Anonymise: the text stays, nothing points to the person any more. Delete: the text goes too;
    rows without replies are deleted, rows with replies stay as empty, removed placeholders so the
    thread keeps its shape. Returns (anonymised, deleted, placeholders)."""
    targets = list(comments_of(email).order_by("pk"))
    deleted_ids, lost = plan_deletion(targets) if mode == DELETE else (set(), {})
    with translation.override(settings.LANGUAGE_CODE):
        anonymous_name = gettext("Anonym")
    placeholders = 0
    for comment in targets:
        deleted = comment.pk in deleted_ids
        log(
            comment,
            "comments.erase",
            user=user,
            uuid=uuid.uuid4(),
            data={"mode": mode, "deleted": deleted},
            deleted=deleted,
        )
        if deleted:
            continue
        comment.user = None
        comment.user_name = anonymous_name
        comment.user_email = ""
        comment.user_url = ""
        comment.ip_address = None
        comment.followup = False
        fields = ["user", "user_name", "user_email", "user_url", "ip_address", "followup"]
        if mode == DELETE:
            comment.comment = ""
            comment.status = CommentStatus.REMOVED
            fields += ["comment", "status", "is_public", "is_removed"]
            placeholders += 1
        comment.save(update_fields=fields)
    if mode == DELETE:
        # Reports may quote the deleted text.
        CommentReport.objects.filter(comment__in=targets).delete()
    # A withdrawn link: an erased comment that was never confirmed must not appear later.
    CommentConfirmation.objects.filter(comment__in=targets, used_at__isnull=True).delete()
    if deleted_ids:
        keep_nested_counts(lost)
        StoryComment.objects.filter(pk__in=deleted_ids).delete()
    anonymised = len(targets) if mode == ANONYMISE else 0
    return anonymised, len(deleted_ids), placeholders


class LookupForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        help_text=_("Groß- und Kleinschreibung spielen keine Rolle."),
        error_messages={
            "required": _("Bitte geben Sie eine E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."),
        },
    )


class ExportForm(LookupForm):
    confirm = forms.BooleanField(
        label=_("Ich exportiere diese Daten, um eine Auskunftsanfrage zu beantworten."),
        help_text=_("Der Export wird für jeden Kommentar im Protokoll vermerkt."),
        error_messages={"required": _("Bitte bestätigen Sie den Export.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="export-%s", **kwargs)
        self.fields["email"].widget = forms.HiddenInput()


class EraseForm(LookupForm):
    mode = forms.ChoiceField(
        label=_("Art der Löschung"),
        widget=forms.RadioSelect,
        choices=[
            (
                ANONYMISE,
                _(
                    "Anonymisieren: Der Text bleibt stehen. Name (wird zu „Anonym“), E-Mail-Adresse, "
                    "Website, IP-Adresse, Verknüpfung mit dem Benutzerkonto und Benachrichtigungen "
                    "werden entfernt."
                ),
            ),
            (
                DELETE,
                _(
                    "Löschen: Zusätzlich wird der Text entfernt. Kommentare ohne Antworten werden mit "
                    "ihren Meldungen gelöscht; Kommentare mit Antworten bleiben als leerer Platzhalter, "
                    "damit die Antworten ihren Platz behalten."
                ),
            ),
        ],
        error_messages={"required": _("Bitte wählen Sie, ob anonymisiert oder gelöscht werden soll.")},
    )
    confirm_email = forms.CharField(
        label=_("E-Mail-Adresse zur Bestätigung erneut eingeben"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Das lässt sich nicht rückgängig machen."),
        error_messages={"required": _("Bitte geben Sie die E-Mail-Adresse zur Bestätigung erneut ein.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="erase-%s", **kwargs)
        self.fields["email"].widget = forms.HiddenInput()

    def clean(self):
        cleaned_data = super().clean()
        email, confirmation = cleaned_data.get("email"), cleaned_data.get("confirm_email")
        if email and confirmation and confirmation.strip().casefold() != email.casefold():
            self.add_error(
                "confirm_email",
                _("Die Adresse stimmt nicht mit der gesuchten überein. Nichts wurde gelöscht."),
            )
        return cleaned_data


@method_decorator(moderator_required(), name="dispatch")
class PrivacyView(WagtailAdminTemplateMixin, TemplateView):
    """Shows what is stored about an address and offers export and erasure."""

    template_name = "comments/admin/privacy.html"
    page_title = _("Datenschutz: Auskunft und Löschung")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, lookup_data=None, export_form=None, erase_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        lookup_form = LookupForm(lookup_data if lookup_data is not None else (self.request.GET or None))
        context["lookup_form"] = lookup_form
        if not lookup_form.is_valid():
            return context
        email = lookup_form.cleaned_data["email"]
        comments = attach_stories(list(comments_of(email).order_by("-submit_date", "-pk")))
        counts = Counter(comment.status for comment in comments)
        context.update(
            email=email,
            comments=comments,
            status_counts=[(label, counts[value]) for value, label in CommentStatus.choices],
            accounts=accounts_with(email),
            export_form=export_form or ExportForm(initial={"email": email}),
            erase_form=erase_form or EraseForm(initial={"email": email}),
        )
        return context

    def refuse(self, message, **forms):
        messages.error(self.request, message)
        return self.render_to_response(
            self.get_context_data(lookup_data={"email": self.request.POST.get("email", "")}, **forms)
        )


class ExportView(PrivacyView):
    """A JSON file with everything stored about an address, for a data subject's access request."""

    http_method_names = ["post"]

    def post(self, request):
        form = ExportForm(request.POST)
        if not form.is_valid():
            return self.refuse(
                gettext("Nichts exportiert: Bitte bestätigen Sie den Export."), export_form=form
            )
        with transaction.atomic():
            data, comments = export_data(form.cleaned_data["email"], request)
            for comment in comments:
                log(comment, "comments.export", user=request.user, uuid=uuid.uuid4())
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        filename = f"kommentare-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class EraseView(PrivacyView):
    """Erases an address's comments in one transaction, then shows the (now empty) result."""

    http_method_names = ["post"]

    def post(self, request):
        form = EraseForm(request.POST)
        if not form.is_valid():
            return self.refuse(gettext("Nichts gelöscht: Bitte prüfen Sie die Angaben."), erase_form=form)
        email = form.cleaned_data["email"]
        anonymised, deleted, placeholders = erase(email, form.cleaned_data["mode"], request.user)
        if not (anonymised or deleted or placeholders):
            messages.warning(request, gettext("Zu dieser Adresse sind keine Kommentare gespeichert."))
        elif form.cleaned_data["mode"] == ANONYMISE:
            messages.success(
                request,
                ngettext(
                    "%(count)d Kommentar anonymisiert.", "%(count)d Kommentare anonymisiert.", anonymised
                )
                % {"count": anonymised},
            )
        else:
            message = ngettext("%(count)d Kommentar gelöscht.", "%(count)d Kommentare gelöscht.", deleted) % {
                "count": deleted
            }
            if placeholders:
                message += " " + ngettext(
                    "Von %(count)d Kommentar mit Antworten bleibt ein leerer Platzhalter.",
                    "Von %(count)d Kommentaren mit Antworten bleibt je ein leerer Platzhalter.",
                    placeholders,
                ) % {"count": placeholders}
            messages.success(request, message)
        return redirect(f"{reverse('comments_admin:privacy')}?{urlencode({'email': email})}")


urlpatterns = [
    path("datenschutz/", PrivacyView.as_view(), name="privacy"),
    path("datenschutz/export/", ExportView.as_view(), name="privacy_export"),
    path("datenschutz/loeschen/", EraseView.as_view(), name="privacy_erase"),
]
