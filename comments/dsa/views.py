"""Readers' side of the DSA cycle: sending a notice of illegal content (Art. 16), objecting to a decision
(modelled on Art. 20). Like the comment views these pages set no cookie: forms from other sites are refused
by their origin (`is_same_origin`), outcomes are shown on pages reached by signed addresses."""

import uuid

from django.core import signing
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from wagtail.log_actions import log

from comments.mails import send_comment_mail
from comments.views import is_same_origin, readable_stories, try_again_shortly
from comments.webhooks import events as webhooks
from core.cache import REDIS_UNAVAILABLE
from core.ratelimit import RateLimit, truncated_ip

from .alerts import notice_arrived, objection_arrived
from .forms import NoticeForm, ObjectionForm, published_comment
from .links import objection_link_for
from .models import ContentNotice, Objection, Party

FOREIGN_NOTICE = gettext_lazy(
    "Ihre Meldung kam nicht von unserer Seite und wurde deshalb nicht angenommen. Bitte senden Sie sie "
    "hier noch einmal."
)
FOREIGN_OBJECTION = gettext_lazy(
    "Ihr Einspruch kam nicht von unserer Seite und wurde deshalb nicht angenommen. Bitte senden Sie ihn "
    "hier noch einmal."
)
NOTICE_LATER = gettext_lazy(
    "Wir können Ihre Meldung gerade nicht annehmen. Bitte senden Sie sie in einer Minute noch einmal; "
    "Ihr Text ist noch da."
)
TOO_MANY_NOTICES = gettext_lazy(
    "Aus Ihrem Netz kamen in der letzten Stunde schon mehrere Meldungen rechtswidriger Inhalte. Bitte "
    "versuchen Sie es später noch einmal oder schreiben Sie uns an die Adresse im Impressum."
)
NOTICES_PER_IP_PER_HOUR = 5

# The page after a notice is found by a signed address for a day, as the page after confirming a comment
# (`comments.views.confirmation_result`): reloading it is harmless and it needs no cookie.
NOTICE_RECEIVED_SALT = "comments.dsa.notice_received"
NOTICE_RECEIVED_MAX_AGE = 24 * 60 * 60


def notice_rate_limit():
    return RateLimit("notice-ip", NOTICES_PER_IP_PER_HOUR, 60 * 60, TOO_MANY_NOTICES)


@csrf_exempt
def send_notice(request):
    """Anyone reports a comment as illegal: GET shows the form (about the comment in `?kommentar=`, else
    the reader names it), POST stores the notice with the comment's text as it reads now, acknowledges
    it by mail and leads to its reference number. Limited per network."""
    if request.method != "POST":
        comment = published_comment(request.GET.get("kommentar", ""))
        form = NoticeForm.for_comment(comment) if comment else NoticeForm()
        return notice_page(request, form)

    form = NoticeForm(request.POST)
    if not is_same_origin(request):
        form.is_valid()
        form.add_error(None, FOREIGN_NOTICE)
        return notice_page(request, form, status=403)
    if not form.is_valid():
        return notice_page(request, form, status=400)
    limit = notice_rate_limit()
    network = truncated_ip(request.META.get("REMOTE_ADDR", ""))
    try:
        exceeded = limit.refuses(network)
    except REDIS_UNAVAILABLE as error:
        form.add_error(None, NOTICE_LATER)
        return try_again_shortly(request, notice_page(request, form), error)
    if exceeded:
        form.add_error(None, limit.message)
        return notice_page(request, form, status=429)

    notice = store_notice(form.cleaned_data)
    result = signing.dumps(notice.pk, salt=NOTICE_RECEIVED_SALT)
    return HttpResponseRedirect(reverse("comments:notice_received", args=[result]))


def store_notice(data):
    """The notice with its evidence, logged on the comment, and its acknowledgment queued in the same
    transaction: a notifier who hears "try again" has stored nothing."""
    comment = data["comment"]
    with transaction.atomic():
        notice = ContentNotice.objects.create(
            comment=comment,
            kind=data["kind"],
            explanation=data["explanation"],
            notifier_name=data["name"],
            notifier_email=data["email"],
            good_faith=data["good_faith"],
            evidence_text=comment.comment,
        )
        log(comment, "comments.notice", uuid=uuid.uuid4(), data={"notice": notice.pk, "kind": notice.kind})
        if notice.notifier_email:
            send_comment_mail.enqueue("notice_received", notice.notifier_email, acknowledgment(notice))
        notice_arrived(notice)
        webhooks.notice_received(notice)
    return notice


def acknowledgment(notice):
    """What the mail `notice_received` says, in German (mails are, whatever page the reader was on) and
    as plain values: the task queue stores them."""
    comment = notice.comment
    story = readable_stories().filter(pk=comment.object_pk).first()
    with translation.override("de"):
        return {
            "reference": notice.reference,
            "name": notice.notifier_name,
            "kind": str(notice.get_kind_display()),
            "received": date_format(timezone.localtime(notice.created_at), "DATETIME_FORMAT"),
            "comment_text": notice.evidence_text,
            "story_title": story.title if story else "",
        }


def notice_page(request, form, status=200):
    comment = form.named_comment
    story = readable_stories().filter(pk=comment.object_pk).first() if comment else None
    context = {
        "form": form,
        "comment": comment,
        "story": story,
        "page_title": _("Rechtswidrige Inhalte melden"),
    }
    if form.errors:
        context["title_prefix"] = _("Fehler:")
    return TemplateResponse(request, "comments/dsa/notice_form.html", context, status=status)


@require_GET
def notice_received(request, result):
    """Where a notice leads: its reference number and what happens next, for a day."""
    try:
        pk = signing.loads(result, salt=NOTICE_RECEIVED_SALT, max_age=NOTICE_RECEIVED_MAX_AGE)
    except signing.BadSignature:
        pk = None
    notice = ContentNotice.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if notice is None:
        return TemplateResponse(
            request,
            "comments/dsa/notice_gone.html",
            {"page_title": _("Seite nicht mehr verfügbar")},
            status=410,
        )
    context = {"notice": notice, "page_title": _("Ihre Meldung ist eingegangen")}
    return TemplateResponse(request, "comments/dsa/notice_received.html", context)


@csrf_exempt
def object_to_decision(request, token):
    """The link in a statement of reasons or in a notifier's answer: GET shows the decision and a form,
    POST stores the one objection the link allows. The link is the permission; a POST must come from our
    own page."""
    link = objection_link_for(token)
    if link is None:
        return objection_closed(request, "invalid")
    if link.used:
        return objection_closed(request, "used")
    if link.expired:
        return objection_closed(request, "expired", deadline=link.deadline)

    form = ObjectionForm(request.POST if request.method == "POST" else None)
    if request.method != "POST":
        return objection_page(request, link, form)
    if not is_same_origin(request):
        form.is_valid()
        form.add_error(None, FOREIGN_OBJECTION)
        return objection_page(request, link, form, status=403)
    if not form.is_valid():
        return objection_page(request, link, form, status=400)

    objection = store_objection(link, form.cleaned_data["text"])
    if objection is None:
        return objection_closed(request, "used")
    context = {"link": link, "page_title": _("Ihr Einspruch ist eingegangen")}
    return TemplateResponse(request, "comments/dsa/objection_received.html", context)


def store_objection(link, text):
    """The objection, once per link: the database's constraint decides between two clicks at once.
    None when the link was used meanwhile."""
    comment = link.decision.comment
    if link.party == Party.NOTIFIER:
        email = link.notice.notifier_email
    else:
        email = comment.user_email if comment else ""
    with transaction.atomic():
        objection, created = Objection.objects.get_or_create(
            decision=link.decision,
            party=link.party,
            notice=link.notice,
            defaults={"text": text, "email": email},
        )
        if not created:
            return None
        if comment is not None:
            log(
                comment,
                "comments.objection",
                uuid=uuid.uuid4(),
                data={"objection": objection.pk, "decision": link.decision.pk, "party": link.party},
            )
        objection_arrived(objection)
    return objection


def objection_page(request, link, form, status=200):
    decision = link.decision
    comment = decision.comment
    story = readable_stories().filter(pk=comment.object_pk).first() if comment else None
    context = {
        "form": form,
        "link": link,
        "decision": decision,
        "comment": comment,
        "story": story,
        "page_title": _("Einspruch gegen eine Entscheidung"),
    }
    if form.errors:
        context["title_prefix"] = _("Fehler:")
    return TemplateResponse(request, "comments/dsa/objection_form.html", context, status=status)


def objection_closed(request, reason, deadline=None):
    """An objection link that cannot be used (any more): forged, used up or past its deadline."""
    titles = {
        "invalid": _("Link ungültig"),
        "used": _("Einspruch schon eingegangen"),
        "expired": _("Einspruchsfrist abgelaufen"),
    }
    context = {"reason": reason, "deadline": deadline, "page_title": titles[reason]}
    return TemplateResponse(request, "comments/dsa/objection_closed.html", context, status=410)
