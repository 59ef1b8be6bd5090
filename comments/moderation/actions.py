"""What a moderator can decide, and the words for it: one place for the row menu, the detail view, the
dashboard, the bulk actions and the audit log."""

from django.utils.translation import gettext_lazy as _, pgettext_lazy

from comments.models import StoryDiscussion
from comments.statuses import CommentStatus

ACTION_LABELS = {
    "approve": _("Freigeben"),
    "remove": _("Entfernen"),
    "spam": _("Als Spam einstufen"),
    "restore": _("Wiederherstellen"),
    "hide": _("Verbergen"),
    "settle_reports": _("Meldungen erledigen"),
}
# Decisions that take a comment from readers: they are taken with a ground and, but for spam, an
# explanation, which the commenter reads in the statement of reasons (DSA Art. 17).
REASONED_ACTIONS = {"hide", "remove", "spam"}
# On a notice or an objection a moderator may also leave the comment as it is.
DECISION_LABELS = {
    "keep": pgettext_lazy("what a moderator decides", "Belassen"),
    **{action: label for action, label in ACTION_LABELS.items() if action != "settle_reports"},
}
# Where space is short (dashboard buttons, bulk actions), spam is just "Spam".
SHORT_ACTION_LABELS = {**ACTION_LABELS, "spam": _("Spam")}
# Decisions that need no reason are taken with one POST, from the row or the detail view.
ONE_CLICK_ACTIONS = {"approve", "restore", "settle_reports"}
# The key that takes each decision in the listing and the detail view (`moderation_keys.js`).
ACTION_KEYS = {"approve": "a", "restore": "a", "remove": "r", "spam": "s"}
ACTION_MESSAGES = {
    "approve": _("Kommentar von %(name)s freigegeben."),
    "remove": _("Kommentar von %(name)s entfernt."),
    "spam": _("Kommentar von %(name)s als Spam eingestuft."),
    "restore": _("Kommentar von %(name)s wiederhergestellt."),
    "hide": _("Kommentar von %(name)s verborgen."),
    "settle_reports": _("Meldungen zum Kommentar von %(name)s erledigt."),
}
DISCUSSION_LABELS = {
    StoryDiscussion.CLOSED: _("Kommentare zur Geschichte schließen"),
    StoryDiscussion.OPEN: _("Kommentare zur Geschichte wieder öffnen"),
}

# Which decisions make sense for a comment in each status.
ACTIONS_FOR_STATUS = {
    CommentStatus.PENDING: ["approve", "remove", "spam"],
    CommentStatus.PUBLISHED: ["hide", "remove", "spam"],
    CommentStatus.HIDDEN: ["restore", "remove", "spam"],
    CommentStatus.SPAM: ["restore", "remove"],
    CommentStatus.REMOVED: ["restore", "spam"],
    CommentStatus.UNCONFIRMED: [],
    # The author's wish (`comments.editing`): moderators see it, they do not undo it.
    CommentStatus.WITHDRAWN: [],
}

# The audit log's words: (action, label, message).
LOG_ACTIONS = [
    ("comments.approve", _("Kommentar freigeben"), _("Kommentar freigegeben")),
    ("comments.remove", _("Kommentar entfernen"), _("Kommentar entfernt")),
    ("comments.spam", _("Als Spam einstufen"), _("Als Spam eingestuft")),
    ("comments.restore", _("Kommentar wiederherstellen"), _("Kommentar wiederhergestellt")),
    ("comments.hide", _("Kommentar verbergen"), _("Kommentar verborgen")),
    ("comments.keep", _("Kommentar belassen"), _("Kommentar belassen")),
    ("comments.hold", _("Zur Prüfung zurückhalten"), _("Zur Prüfung zurückgehalten")),
    ("comments.settle_reports", _("Meldungen erledigen"), _("Meldungen erledigt")),
    ("comments.undo", _("Entscheidung rückgängig machen"), _("Entscheidung rückgängig gemacht")),
    ("comments.reply", _("Als Team antworten"), _("Als Team geantwortet")),
    ("comments.close", _("Kommentare schließen"), _("Kommentare geschlossen")),
    ("comments.reopen", _("Kommentare wieder öffnen"), _("Kommentare wieder geöffnet")),
    ("comments.export", _("Daten exportieren"), _("Daten exportiert")),
    ("comments.erase", _("Daten löschen"), _("Daten gelöscht")),
    # From readers, through the public forms (`comments.dsa.views`).
    ("comments.notice", _("Meldung nach DSA eingegangen"), _("Meldung nach DSA eingegangen")),
    ("comments.objection", _("Einspruch eingegangen"), _("Einspruch eingegangen")),
]


def available_actions(comment):
    """The decisions offered for `comment`; settling reports only while it has open ones."""
    actions = list(ACTIONS_FOR_STATUS[comment.status])
    if getattr(comment, "open_reports", 0):
        actions.append("settle_reports")
    return actions
