"""What a reader hears after sending a comment or a report, shown where they were: next to the comment
they answered or reported, or at the comment form.

Django's messages framework would set a cookie for every anonymous reader. Instead the views redirect to
the story with the outcome in the address (`?kommentar=gesendet#kommentar-hinweis`): a fixed sentence that
is the same for everyone, so the page stays cookie-free and shared caches may keep it like the story.
"""

from dataclasses import dataclass

from django.http import HttpResponseRedirect
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.ids import parse_id

ANCHOR = "kommentar-hinweis"

HELD = _("Danke! Ihr Kommentar wird von unserem Team geprüft und erscheint, sobald er freigegeben ist.")


@dataclass(frozen=True)
class Outcome:
    text: str
    tone: str  # the notice's colour: success, info or error


# The value in the address, the sentence and its tone. Spam hears the same as a held comment: nothing tells
# a spammer which rule caught them.
OUTCOMES = {
    "gesendet": Outcome(
        _(
            "Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihren Kommentar "
            "mit dem Link darin, erst dann kann er erscheinen."
        ),
        "success",
    ),
    "veroeffentlicht": Outcome(_("Danke! Ihr Kommentar ist veröffentlicht."), "success"),
    "in-pruefung": Outcome(HELD, "success"),
    "doppelt": Outcome(_("Diesen Kommentar haben wir schon erhalten."), "info"),
    "geschlossen": Outcome(
        _(
            "Ihr Kommentar wurde nicht angenommen: Die Kommentare zu dieser Geschichte sind inzwischen "
            "geschlossen."
        ),
        "error",
    ),
    "gemeldet": Outcome(_("Danke für Ihre Meldung. Unser Team sieht sich den Kommentar an."), "success"),
    "hilfreich": Outcome(_("Danke! Sie haben diesen Kommentar als hilfreich markiert."), "success"),
    "schon-hilfreich": Outcome(_("Sie haben diesen Kommentar schon als hilfreich markiert."), "info"),
    "eigener": Outcome(_("Ihren eigenen Kommentar können Sie nicht als hilfreich markieren."), "info"),
}


@dataclass(frozen=True)
class Notice:
    outcome: Outcome
    at: int | None  # the comment it belongs under, or None for the comment form


def redirect(story_url, outcome, at=None, order=""):
    """Back to the story at `story_url`, to the notice of `outcome`, below the comment `at` (answered,
    reported or just published) or else at the comment form; in the reader's sort `order`, if any."""
    query = ({"sortierung": order} if order else {}) | {"kommentar": outcome} | ({"bei": at} if at else {})
    return HttpResponseRedirect(f"{story_url}?{urlencode(query)}#{ANCHOR}")


def notice_for(request, comments):
    """The notice the address asks for, placed under a published comment of `comments` or at the form;
    None for anything else (the address is typed by readers)."""
    outcome = OUTCOMES.get(request.GET.get("kommentar", ""))
    if outcome is None:
        return None
    at = parse_id(request.GET.get("bei"))
    if not any(comment.pk == at and comment.is_published for comment in comments):
        at = None
    return Notice(outcome, at)
