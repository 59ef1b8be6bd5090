"""What an import did, counted as it goes and told at the end in German. Only counters and the short lists a
person has to act on (missing files, failed stories) are kept, so the report stays small however large
the export."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _, gettext_lazy

from comments.statuses import CommentStatus

CREATED = "created"
CHANGED = "changed"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
REUSED = "reused"

OUTCOMES = {
    CREATED: gettext_lazy("neu"),
    REUSED: gettext_lazy("schon vorhanden (verwendet)"),
    CHANGED: gettext_lazy("geändert"),
    UNCHANGED: gettext_lazy("unverändert"),
    SKIPPED: gettext_lazy("übersprungen"),
}

# The kinds in the order the report names them.
KINDS = {
    "author": gettext_lazy("Autorinnen und Autoren"),
    "category": gettext_lazy("Kategorien"),
    "tag": gettext_lazy("Schlagwörter"),
    "image": gettext_lazy("Bilder"),
    "post": gettext_lazy("Geschichten"),
    "page": gettext_lazy("Seiten"),
}

# Why something was left out: the same few reasons for every kind.
ALREADY_IMPORTED = gettext_lazy("schon übernommen; mit --update werden Änderungen übernommen")
DELETED_HERE = gettext_lazy("hier gelöscht, nicht wieder angelegt")
IN_TRASH = gettext_lazy("im Papierkorb von WordPress")

STATUSES = {
    "live": gettext_lazy("veröffentlicht"),
    "draft": gettext_lazy("Entwurf"),
    "pending": gettext_lazy("Entwurf (in WordPress „ausstehender Review“)"),
    "scheduled": gettext_lazy("geplant"),
    "private": gettext_lazy("privat (nur für das Team sichtbar)"),
    "password": gettext_lazy("mit Passwort geschützt"),
}


@dataclass
class Failure:
    title: str
    wp_id: int
    reason: str


@dataclass
class Report:
    dry_run: bool = False
    outcomes: Counter = field(default_factory=Counter)  # (kind, outcome, reason) -> number
    statuses: Counter = field(default_factory=Counter)  # (kind, status) -> number
    missing_images: set = field(default_factory=set)
    refused_images: dict = field(default_factory=dict)  # file -> reason
    failures: list = field(default_factory=list)
    skipped_types: Counter = field(default_factory=Counter)  # WordPress post type -> number
    dropped: Counter = field(default_factory=Counter)  # what the body converter left out
    comments: Counter = field(default_factory=Counter)  # created, updated, unchanged, pings, erased, on_pages
    comment_statuses: Counter = field(default_factory=Counter)
    redirects: int = 0
    images_without_media_dir: bool = False

    def count(self, kind, outcome, reason=""):
        self.outcomes[(kind, outcome, str(reason))] += 1

    def status(self, kind, status):
        self.statuses[(kind, status)] += 1

    def fail(self, title, wp_id, reason):
        self.failures.append(Failure(title, wp_id, str(reason)))

    def add_comments(self, result):
        self.comments.update(
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
            pings=result.skipped_pings,
            erased=result.skipped_erased,
        )
        self.comment_statuses.update(result.by_status)

    def total(self, kind, outcome):
        return sum(number for (k, o, _reason), number in self.outcomes.items() if (k, o) == (kind, outcome))

    def lines(self):
        """The report, line by line."""
        lines = []
        if self.dry_run:
            lines.append(_("Probelauf: nichts wurde gespeichert."))
        for kind, label in KINDS.items():
            lines.append(f"{label}: {self.summary(kind)}")
            for (k, outcome, reason), number in sorted(self.outcomes.items()):
                if k == kind and reason:
                    lines.append(f"  – {OUTCOMES[outcome]} ({reason}): {number}")
            for (k, status), number in sorted(self.statuses.items()):
                if k == kind:
                    lines.append(f"  – {STATUSES[status]}: {number}")
        lines += self.image_lines()
        lines += self.comment_lines()
        lines.append(_("Weiterleitungen von alten Adressen: %(count)s") % {"count": self.redirects})
        if self.skipped_types:
            kinds = ", ".join(f"{name}: {number}" for name, number in sorted(self.skipped_types.items()))
            lines.append(_("Andere WordPress-Inhalte, nicht übernommen: %(kinds)s") % {"kinds": kinds})
        if self.dropped:
            dropped = ", ".join(f"{name}: {number}" for name, number in sorted(self.dropped.items()))
            lines.append(_("Im Inhalt weggelassen: %(dropped)s") % {"dropped": dropped})
        if self.failures:
            lines.append(
                _("Nicht übernommen wegen eines Fehlers (%(count)s):") % {"count": len(self.failures)}
            )
            for failure in self.failures:
                lines.append(
                    _("  – „%(title)s“ (WordPress-ID %(id)s): %(reason)s")
                    % {"title": failure.title, "id": failure.wp_id, "reason": failure.reason}
                )
        return lines

    def summary(self, kind):
        parts = [
            f"{self.total(kind, outcome)} {label}"
            for outcome, label in OUTCOMES.items()
            if self.total(kind, outcome) or outcome in (CREATED, UNCHANGED)
        ]
        return ", ".join(parts)

    def image_lines(self):
        lines = []
        if self.images_without_media_dir:
            lines.append(
                _(
                    "Ohne --media-dir wurden keine Bilder übernommen: bitte den Ordner wp-content/uploads "
                    "der WordPress-Installation angeben."
                )
            )
        if self.missing_images:
            lines.append(
                _("Bilddateien nicht gefunden (%(count)s), die Geschichten kamen ohne sie:")
                % {"count": len(self.missing_images)}
            )
            lines += [f"  – {name}" for name in sorted(self.missing_images)]
        if self.refused_images:
            lines.append(_("Bilddateien abgelehnt (%(count)s):") % {"count": len(self.refused_images)})
            lines += [f"  – {name}: {reason}" for name, reason in sorted(self.refused_images.items())]
        return lines

    def comment_lines(self):
        comments = self.comments
        lines = [
            _("Kommentare: %(created)s neu, %(updated)s geändert, %(unchanged)s unverändert")
            % {
                "created": comments["created"],
                "updated": comments["updated"],
                "unchanged": comments["unchanged"],
            }
        ]
        # In the order a moderator thinks of them, by the names the moderation shows.
        for status in CommentStatus:
            if number := self.comment_statuses[status.value]:
                lines.append(f"  – {status.label}: {number}")
        lines.append(_("Pingbacks und Trackbacks übersprungen: %(count)s") % {"count": comments["pings"]})
        if comments["erased"]:
            lines.append(
                _("Hier gelöschte Kommentare, nicht wieder angelegt: %(count)s")
                % {"count": comments["erased"]}
            )
        if comments["on_pages"]:
            lines.append(
                _("Kommentare zu Seiten übersprungen (nur Geschichten haben Kommentare): %(count)s")
                % {"count": comments["on_pages"]}
            )
        return lines
