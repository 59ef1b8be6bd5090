"""Privacy tools for moderators: export and erase everything stored about one e-mail address.

Both actions are confirmed in a form, answer 403 to non-moderators and leave one audit-log entry per
comment. The entries carry the comment's neutral label only, never the address."""

import json
import uuid
from collections import Counter

from django import forms
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy as _, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from comments.erasure import (
    ANONYMISE,
    DELETE,
    accounts_with,
    attach_stories,
    comments_of,
    erase,
    export_data,
    notices_by,
    objections_by,
)
from comments.statuses import CommentStatus

from .access import moderator_required


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


def erased_message(mode, anonymised, deleted, placeholders, notices, objections):
    """What an erasure did, in the moderator's words."""
    parts = []
    if mode == ANONYMISE and anonymised:
        parts.append(
            ngettext("%(count)d Kommentar anonymisiert.", "%(count)d Kommentare anonymisiert.", anonymised)
            % {"count": anonymised}
        )
    elif mode == DELETE and (deleted or placeholders):
        parts.append(
            ngettext("%(count)d Kommentar gelöscht.", "%(count)d Kommentare gelöscht.", deleted)
            % {"count": deleted}
        )
    if placeholders:
        parts.append(
            ngettext(
                "Von %(count)d Kommentar mit Antworten bleibt ein leerer Platzhalter.",
                "Von %(count)d Kommentaren mit Antworten bleibt je ein leerer Platzhalter.",
                placeholders,
            )
            % {"count": placeholders}
        )
    if notices or objections:
        parts.append(
            gettext("Aus %(notices)s und %(objections)s sind Name, Adresse und Begründung gelöscht.")
            % {
                "notices": ngettext("%(count)d Meldung", "%(count)d Meldungen", notices) % {"count": notices},
                "objections": ngettext("%(count)d Einspruch", "%(count)d Einsprüchen", objections)
                % {"count": objections},
            }
        )
    return " ".join(parts)


@method_decorator(moderator_required, name="dispatch")
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
            notice_count=notices_by(email).count(),
            objection_count=objections_by(email, comments).count(),
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
        erased = erase(email, form.cleaned_data["mode"], request.user)
        if any(erased):
            messages.success(request, erased_message(form.cleaned_data["mode"], *erased))
        else:
            messages.warning(request, gettext("Zu dieser Adresse sind keine Kommentare gespeichert."))
        return redirect(f"{reverse('comments_admin:privacy')}?{urlencode({'email': email})}")
