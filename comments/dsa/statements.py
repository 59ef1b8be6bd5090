"""What people hear of a decision about a comment: the commenter a statement of reasons (Art. 17 DSA), each
notifier what became of their notice (Art. 16(5)), both sides the outcome of an objection, and a commenter
who asked for it that their held comment is online. Queued from `decision_made` inside the decision's own
transaction, so a decision and its mails are stored together or not at all.

Mails go through the task queue, so their context holds only text: dates are written out and the
sentences about the outcome put into words here, in German like every mail."""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from blog.models import StoryPage
from comments.editing import links_for
from comments.mails import absolute_url, send_comment_mail
from comments.models import CommentPolicy
from comments.statuses import CommentStatus

from . import grounds
from .links import objection_deadline, objection_url
from .models import GroundKind, Objection, Outcome, Party

EXCERPT_LENGTH = 200

# The commenter reads about their own comment.
YOUR_COMMENT = {
    Outcome.APPROVE: _("Wir haben Ihren Kommentar freigegeben; er ist jetzt zu lesen."),
    Outcome.RESTORE: _("Wir haben Ihren Kommentar wieder veröffentlicht; er ist jetzt wieder zu lesen."),
    Outcome.KEEP: _("Wir haben Ihren Kommentar geprüft und lassen ihn, wie er ist."),
    Outcome.HOLD: _("Ihr Kommentar wird vor der Veröffentlichung geprüft."),
    Outcome.HIDE: _(
        "Wir haben Ihren Kommentar verborgen: Er bleibt gespeichert, ist auf der Seite aber nicht mehr zu lesen."
    ),
    Outcome.REMOVE: _("Wir haben Ihren Kommentar entfernt."),
    Outcome.SPAM: _("Wir haben Ihren Kommentar als Spam eingestuft; er wird nicht veröffentlicht."),
}
# A comment readers could already see and that goes back to the queue.
YOUR_PUBLISHED_COMMENT_HELD = _(
    "Wir haben Ihren Kommentar vorerst von der Seite genommen; er wird vor der Veröffentlichung geprüft."
)

# A notifier reads about the comment they reported.
THE_COMMENT = {
    Outcome.APPROVE: _("Wir haben den Kommentar geprüft und freigegeben."),
    Outcome.RESTORE: _("Wir haben den Kommentar geprüft und wieder veröffentlicht."),
    Outcome.KEEP: _("Wir haben den Kommentar geprüft und belassen ihn."),
    Outcome.HOLD: _(
        "Wir halten den Kommentar vorerst zurück; er ist nicht zu lesen, bis wir ihn weiter geprüft haben."
    ),
    Outcome.HIDE: _("Wir haben den Kommentar verborgen; er ist nicht mehr zu lesen."),
    Outcome.REMOVE: _("Wir haben den Kommentar entfernt."),
    Outcome.SPAM: _("Wir haben den Kommentar als Spam eingestuft; er ist nicht mehr zu lesen."),
}

# Which automatic check of the comment rules decided, by the code of its ground.
CHECKS = {
    grounds.LINKS: _("Prüfung auf Links"),
    grounds.WORD_LIST: _("Prüfung auf unerwünschte Wörter"),
}

# What a decision that shows a comment again can lift.
HELD_OR_TAKEN = {CommentStatus.PENDING, CommentStatus.HIDDEN, CommentStatus.REMOVED, CommentStatus.SPAM}


def excerpt(text):
    """The start of a comment, as the statement quotes it (and erasure looks for it in queued mails)."""
    return Truncator(text).chars(EXCERPT_LENGTH)


def written_date(moment):
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def commenter_address(decision):
    """Where the commenter hears of `decision`: none for a comment whose address was never confirmed (a
    decision on an unconfirmed comment, other than the check on confirming it), nor for the team's own."""
    comment = decision.comment
    if comment is None or comment.is_team or not comment.user_email:
        return ""
    if decision.status_before == CommentStatus.UNCONFIRMED and not decision.automated:
        return ""
    return comment.user_email


def answered_objection(decision):
    try:
        return decision.answers
    except Objection.DoesNotExist:
        return None


def story_title(comment):
    return Page.objects.filter(pk=comment.object_pk).values_list("title", flat=True).first() or ""


def comment_url(comment):
    """Where readers find `comment` on its story, or "" while it or its story is not to be seen."""
    story = StoryPage.objects.live().filter(pk=comment.object_pk).first()
    if story is None or not comment.is_published:
        return ""
    return absolute_url(f"{story.url}#{comment.anchor}")


def about_the_decision(decision):
    """What every mail about `decision` says of it: the comment's story and date, the ground and the
    moderator's explanation, whether a check or a person decided."""
    ground = decision.ground
    return {
        "story_title": story_title(decision.comment),
        "comment_date": written_date(decision.comment.submit_date),
        "ground_title": decision.ground_title,
        "ground_is_legal": decision.ground_kind == GroundKind.LEGAL,
        "explanation": decision.explanation,
        "automated": decision.automated,
        "check": str(CHECKS.get(ground.code, "")) if ground else "",
    }


def about_the_comment(decision):
    """What the commenter's own mails quote of the comment (see `comments.erasure.QUOTING_FIELDS`), and the
    ground's text addressed to them as it reads now."""
    comment = decision.comment
    return {
        "comment_name": comment.user_name,
        "comment_excerpt": excerpt(comment.comment),
        "ground_statement": decision.ground.statement if decision.ground else "",
    }


def what_your_comment_became(decision):
    if decision.outcome == Outcome.HOLD and decision.status_before == CommentStatus.PUBLISHED:
        return str(YOUR_PUBLISHED_COMMENT_HELD)
    return str(YOUR_COMMENT[decision.outcome])


def objection_offer(decision, notice=None):
    """The signed link and its last day; an automatic decision is looked at by a person anyway."""
    if decision.automated:
        return {"objection_url": "", "objection_deadline": ""}
    return {
        "objection_url": objection_url(decision, notice),
        "objection_deadline": written_date(objection_deadline(decision)),
    }


def mark_commenter_told(decision):
    decision.commenter_told_at = timezone.now()
    decision.save(update_fields=["commenter_told_at"])


def send_statement(decision, notices):
    address = commenter_address(decision)
    if not address:
        return
    context = {
        **about_the_decision(decision),
        **about_the_comment(decision),
        **objection_offer(decision),
        "decided": what_your_comment_became(decision),
        "after_notice": bool(notices),
    }
    send_comment_mail.enqueue("statement", address, context)
    mark_commenter_told(decision)


def send_notice_decided(decision, notice):
    context = {
        **about_the_decision(decision),
        **objection_offer(decision, notice),
        "reference": notice.reference,
        "notice_date": written_date(notice.created_at),
        "decided": str(THE_COMMENT[decision.outcome]),
    }
    send_comment_mail.enqueue("notice_decided", notice.notifier_email, context)


def send_published(decision):
    """The mail "Ihr Kommentar ist online", with the link to the comment on its story (none while the story
    is offline)."""
    address = commenter_address(decision)
    url = comment_url(decision.comment)
    if not (address and url):
        return
    links = links_for(decision.comment, default_policy())
    context = {
        "story_title": story_title(decision.comment),
        "comment_url": url,
        "asked": decision.comment.tell_when_published,
        # The author's own links (`comments.editing`): edit while the window lasts, withdraw at any time.
        "edit_url": absolute_url(links["edit_url"]) if links["edit_url"] else "",
        "editable_until": until_in_words(links["editable_until"]),
        "withdraw_url": absolute_url(links["withdraw_url"]) if links["withdraw_url"] else "",
    }
    send_comment_mail.enqueue("published", address, context)


def default_policy():
    site = Site.objects.filter(is_default_site=True).first()
    return CommentPolicy.for_site(site) if site else CommentPolicy()


def until_in_words(moment):
    """ "14:35 Uhr" today, else with the date: a mail's context is stored as JSON, so a string."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    with translation.override("de"):
        if local.date() == timezone.localdate():
            return formats.time_format(local, "H:i")
        return formats.date_format(local, "j. F Y, H:i")


def shows_held_comment(decision):
    """A decision that brings a held, hidden or removed comment to readers (never one shown at once)."""
    return (
        decision.outcome in (Outcome.APPROVE, Outcome.RESTORE)
        and decision.status_after == CommentStatus.PUBLISHED
        and decision.status_before in HELD_OR_TAKEN
    )


def commenter_waits_to_hear(decision):
    """They asked for the mail when writing, or a statement told them of the restriction this lifts (an
    automatic hold promises "Sie hören von uns")."""
    comment = decision.comment
    if comment.tell_when_published:
        return True
    before = comment.decisions.exclude(pk=decision.pk).order_by("-decided_at", "-pk").first()
    return before is not None and before.restricts and before.commenter_told_at is not None


def parties_of(objection):
    """Who hears how an objection ended, as {casefolded address: (address, party, notices)}: the commenter
    and each notifier of the contested decision, one mail per address. The one who objected is reached at
    the address they gave with it."""
    contested = objection.decision
    parties = {}
    commenter = commenter_address(contested)
    if objection.party == Party.COMMENTER and objection.email:
        commenter = objection.email
    if commenter:
        parties[commenter.casefold()] = (commenter, Party.COMMENTER, [])
    for notice in contested.notices.order_by("created_at", "pk"):
        address = notice.notifier_email
        if objection.notice_id == notice.pk and objection.email:
            address = objection.email
        if address:
            parties.setdefault(address.casefold(), (address, Party.NOTIFIER, []))[2].append(notice)
    return parties


def objector_of(objection):
    if objection.email:
        return objection.email.casefold()
    if objection.notice is not None:
        return objection.notice.notifier_email.casefold()
    return commenter_address(objection.decision).casefold()


def send_objection_decided(decision, objection):
    """Instead of a statement or a notifier's answer: the result of the review, final within our house.
    Returns the addresses told (casefolded)."""
    parties = parties_of(objection)
    objector = objector_of(objection)
    for key, (address, party, notices) in parties.items():
        context = {
            **about_the_decision(decision),
            "party": party,
            "objected": key == objector,
            "reversed": bool(objection.reversed),
        }
        if party == Party.COMMENTER:
            context.update(
                about_the_comment(decision),
                decided=str(YOUR_COMMENT[decision.outcome]),
                comment_url=comment_url(decision.comment),
            )
        else:
            context.update(
                references=", ".join(notice.reference for notice in notices),
                decided=str(THE_COMMENT[decision.outcome]),
            )
        send_comment_mail.enqueue("objection_decided", address, context)
        if party == Party.COMMENTER:
            mark_commenter_told(decision)
    return set(parties)


def tell_about(decision, notices):
    """Everyone who waits to hear of `decision` is told once, in German."""
    told = set()
    with translation.override(settings.LANGUAGE_CODE):
        objection = answered_objection(decision)
        if objection is not None:
            told = send_objection_decided(decision, objection)
        else:
            if decision.owes_statement:
                send_statement(decision, notices)
            if shows_held_comment(decision) and commenter_waits_to_hear(decision):
                send_published(decision)
        for notice in notices:
            if notice.notifier_email and notice.notifier_email.casefold() not in told:
                send_notice_decided(decision, notice)
