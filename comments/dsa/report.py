"""The figures of the transparency report (Art. 15 DSA) for a period: notices of illegal content, decisions
about comments and objections, counted from what `retention` keeps after pruning (kinds, dates, outcomes,
grounds), so the figures never change when personal data goes. Four queries whatever the numbers.

Each part is a `Table` of labelled counts, shown as an HTML table and written as CSV rows
(section, key, value)."""

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ContentNotice, ModerationDecision, NoticeKind, Objection, Outcome, Party


@dataclass
class Table:
    """Rows of figures under one heading: each row a label and one value per column."""

    title: str
    columns: list
    rows: list

    def csv_rows(self):
        for label, values in self.rows:
            for column, value in zip(self.columns, values, strict=True):
                section = self.title if len(self.columns) == 1 else f"{self.title}: {column}"
                yield section, label, value


@dataclass
class Period:
    """From `start` to `end`, both days included, in the site's time zone."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def this_year(cls):
        today = timezone.localdate()
        return cls(today.replace(month=1, day=1), today)

    @property
    def bounds(self):
        """The first moment of the period and the first one after it, for `__gte` and `__lt`."""
        first = datetime.datetime.combine(self.start, datetime.time.min)
        after = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(first), timezone.make_aware(after)

    def filter(self, queryset, field):
        start, after = self.bounds
        return queryset.filter(**{f"{field}__gte": start, f"{field}__lt": after})


def hours_between(start, end):
    return (end - start).total_seconds() / 3600


def median_hours(pairs):
    """The median of the hours from each start to its end, or None when there are none."""
    hours = [hours_between(start, end) for start, end in pairs]
    return statistics.median(hours) if hours else None


class TransparencyReport:
    """Everything the report says about `period`; the labels are in the active language."""

    def __init__(self, period):
        self.period = period
        self.notices = list(
            period.filter(ContentNotice.objects, "created_at").values_list(
                "kind", "created_at", "decision__decided_at", "decision__outcome"
            )
        )
        decisions = period.filter(ModerationDecision.objects, "decided_at").order_by()
        self.by_outcome = Counter(
            {
                (row["outcome"], row["automated"]): row["count"]
                for row in decisions.values("outcome", "automated").annotate(count=Count("pk"))
            }
        )
        self.by_ground = Counter(
            {
                (row["ground_title"], row["automated"]): row["count"]
                for row in decisions.values("ground_title", "automated").annotate(count=Count("pk"))
            }
        )
        self.objections = list(
            period.filter(Objection.objects, "created_at").values_list(
                "party", "reversed", "created_at", "answer__decided_at"
            )
        )

    # Notices

    @property
    def notice_median_hours(self):
        return median_hours(
            (created, decided) for _kind, created, decided, _outcome in self.notices if decided
        )

    def notices_by_kind(self):
        counts = Counter(kind for kind, *_rest in self.notices)
        return Table(
            _("Meldungen nach Art des Verstoßes"),
            [_("Eingegangen")],
            [(label, [counts[value]]) for value, label in NoticeKind.choices],
        )

    def notice_figures(self):
        decided = sum(1 for *_rest, outcome in self.notices if outcome)
        return Table(
            _("Meldungen rechtswidriger Inhalte"),
            [_("Wert")],
            [
                (_("Eingegangen"), [len(self.notices)]),
                (_("Entschieden"), [decided]),
                (_("Offen"), [len(self.notices) - decided]),
                (_("Stunden bis zur Entscheidung (Median)"), [rounded(self.notice_median_hours)]),
            ],
        )

    def notices_by_outcome(self):
        counts = Counter(outcome for *_rest, outcome in self.notices if outcome)
        # An undo never settles a notice: no row for it.
        return Table(
            _("Meldungen nach Entscheidung"),
            [_("Anzahl")],
            [(label, [counts[value]]) for value, label in Outcome.choices if value != Outcome.UNDO],
        )

    # Decisions

    def split(self, counts, keys):
        """Rows of (label, [automatically, by a person, together]) for each (key, label)."""
        rows = []
        for key, label in keys:
            automated, by_person = counts[(key, True)], counts[(key, False)]
            rows.append((label, [automated, by_person, automated + by_person]))
        return rows

    @property
    def split_columns(self):
        return [_("automatisch"), _("durch eine Person"), _("zusammen")]

    def decisions_by_outcome(self):
        return Table(
            _("Entscheidungen nach Ergebnis"),
            self.split_columns,
            self.split(self.by_outcome, Outcome.choices),
        )

    def decisions_by_ground(self):
        titles = sorted({title for title, _automated in self.by_ground})
        return Table(
            _("Entscheidungen nach Grund"),
            self.split_columns,
            self.split(self.by_ground, [(title, title or _("ohne Grund")) for title in titles]),
        )

    # Objections

    @property
    def objection_median_hours(self):
        return median_hours((created, answered) for *_rest, created, answered in self.objections if answered)

    def objections_by_party(self):
        rows = []
        for value, label in Party.choices:
            mine = [row for row in self.objections if row[0] == value]
            answered = sum(1 for *_rest, answered_at in mine if answered_at)
            reversed_ = sum(1 for _party, reversed_, *_rest in mine if reversed_)
            rows.append((label, [len(mine), answered, reversed_]))
        return Table(
            _("Einsprüche"),
            [_("Eingegangen"), _("Beantwortet"), _("Entscheidung geändert")],
            rows,
        )

    def objection_figures(self):
        return Table(
            _("Einsprüche: Bearbeitungszeit"),
            [_("Wert")],
            [(_("Stunden bis zur Antwort (Median)"), [rounded(self.objection_median_hours)])],
        )

    def tables(self):
        return [
            self.notice_figures(),
            self.notices_by_kind(),
            self.notices_by_outcome(),
            self.decisions_by_outcome(),
            self.decisions_by_ground(),
            self.objections_by_party(),
            self.objection_figures(),
        ]

    def csv_rows(self):
        for table in self.tables():
            yield from table.csv_rows()


def rounded(hours):
    return None if hours is None else round(hours, 1)
