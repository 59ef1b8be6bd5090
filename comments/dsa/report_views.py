"""The transparency report in the admin ("Berichte" menu, moderators only): the figures of
`report.TransparencyReport` for a period the moderator chooses, on the page and as a CSV file."""

import csv
import io

from django import forms
from django.http import HttpResponse
from django.utils import formats
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from comments.moderation.access import moderator_required
from comments.permissions import is_moderator

from .report import Period, TransparencyReport

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    von = forms.DateField(
        label=_("Von"),
        widget=DATE_INPUT,
        error_messages={
            "required": _("Bitte geben Sie den ersten Tag des Zeitraums an."),
            "invalid": _("Bitte geben Sie ein gültiges Datum an, z. B. 01.01.2026."),
        },
    )
    bis = forms.DateField(
        label=_("Bis"),
        widget=DATE_INPUT,
        error_messages={
            "required": _("Bitte geben Sie den letzten Tag des Zeitraums an."),
            "invalid": _("Bitte geben Sie ein gültiges Datum an, z. B. 31.12.2026."),
        },
    )

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("von"), cleaned_data.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("Der letzte Tag liegt vor dem ersten. Bitte tauschen Sie die Daten."))
        return cleaned_data

    @property
    def period(self):
        return Period(self.cleaned_data["von"], self.cleaned_data["bis"])

    def query(self, **extra):
        period = self.period
        return urlencode({"von": period.start.isoformat(), "bis": period.end.isoformat(), **extra})


def period_form(query):
    """The form for the period asked for, or, without one, for this year up to today."""
    if "von" in query or "bis" in query:
        return PeriodForm(query)
    default = Period.this_year()
    return PeriodForm({"von": default.start.isoformat(), "bis": default.end.isoformat()})


def csv_value(value):
    if value is None:
        return ""
    return formats.localize(value)


def csv_response(report):
    """Section, key, value per line, separated by semicolons; UTF-8 with a byte order mark, so that
    Excel reads the umlauts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([gettext("Abschnitt"), gettext("Merkmal"), gettext("Wert")])
    for section, key, value in report.csv_rows():
        writer.writerow([section, key, csv_value(value)])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    period = report.period
    filename = f"dsa-bericht-{period.start.isoformat()}-bis-{period.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@method_decorator(moderator_required, name="dispatch")
class TransparencyReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "comments/admin/dsa_report.html"
    page_title = _("Transparenzbericht (DSA)")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        form = period_form(request.GET)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        report = TransparencyReport(form.period)
        if request.GET.get("export") == "csv":
            return csv_response(report)
        context = self.get_context_data(form=form, report=report, csv_query=form.query(export="csv"))
        return self.render_to_response(context)


class TransparencyReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)
