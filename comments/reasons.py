"""Why the screening held a comment back or took it for spam, stored on the comment
(`StoryComment.screening_reasons`) and said in a few words to moderators in the listing and the detail
view. Each reason is a dict: the `rule`, the list `words` that matched, and a `detail` (the number of
links allowed, the end of a block, the rejection rate)."""

import datetime

from django.utils import formats
from django.utils.translation import gettext as _

WORD_LIST_SPAM = "word_list_spam"
WORD_LIST_HOLD = "word_list_hold"
LINKS = "links"
FIRST_COMMENT = "first_comment"
MODERATION_ALL = "moderation_all"
BLOCK = "block"
REJECTION_RATE = "rejection_rate"
HELD_BY_MODERATOR = "held_by_moderator"

# The rules a matched word stands behind: their words are highlighted in the text.
WORD_RULES = (WORD_LIST_SPAM, WORD_LIST_HOLD)


def reason(rule, *, words=(), detail=""):
    return {"rule": rule, "words": list(words), "detail": str(detail)}


def describe(reason):
    """The reason in a few German words: "Wortliste: billig", "mehr als 2 Links", "Sperre bis 31.12.2026"."""
    rule, detail = reason.get("rule"), reason.get("detail", "")
    if rule in WORD_RULES:
        label = _("Wortliste Spam") if rule == WORD_LIST_SPAM else _("Wortliste")
        return f"{label}: {', '.join(reason.get('words', []))}"
    if rule == LINKS:
        return _("mehr als %(count)s Links") % {"count": detail}
    if rule == FIRST_COMMENT:
        return _("erster Kommentar")
    if rule == MODERATION_ALL:
        return _("alle Kommentare werden geprüft")
    if rule == BLOCK:
        if not detail:
            return _("Sperre ohne Ende")
        until = formats.date_format(datetime.date.fromisoformat(detail), "d.m.Y")
        return _("Sperre bis %(date)s") % {"date": until}
    if rule == REJECTION_RATE:
        return _("Ablehnungsquote %(rate)s %%") % {"rate": detail}
    if rule == HELD_BY_MODERATOR:
        return _("Verfasser wird immer geprüft")
    return rule or ""


def described(reasons):
    return [describe(reason) for reason in reasons or []]


def matched_words(reasons):
    """The list entries the screening found, for highlighting them in the text."""
    return [word for reason in reasons or [] if reason.get("rule") in WORD_RULES for word in reason["words"]]
