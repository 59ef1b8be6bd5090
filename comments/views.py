"""Posting and confirming comments. Every refusal keeps what the reader typed and says why; every outcome
is shown where the reader was, without a cookie (`notices`, `confirmation_result`)."""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from blog.models import StoryPage
from core.availability import RETRY_AFTER_SECONDS
from core.cache import REDIS_UNAVAILABLE
from core.ids import parse_id
from core.ratelimit import truncated_ip

from . import editing, notices
from .fill_time import StartMark
from .forms import FORM_MAX_AGE, CommentForm, ReportForm
from .helpful import helpful_rate_limit, refresh_story_page, voter_key
from .mails import absolute_url, send_comment_mail
from .models import CommentConfirmation, CommentPolicy, CommentReport, CommentStatus, StoryComment
from .notifications import comment_for_mute_token, mute_thread_for
from .screening import NOT_ACCEPTED, is_team_member, rate_limits, refuses_blocked, report_rate_limit, screen
from .threads import ORDERS

logger = logging.getLogger(__name__)

FOREIGN_ORIGIN = gettext_lazy(
    "Ihr Kommentar kam nicht von unserer Seite und wurde deshalb nicht angenommen. Bitte senden Sie "
    "ihn hier noch einmal."
)
FOREIGN_REPORT = gettext_lazy(
    "Ihre Meldung kam nicht von unserer Seite und wurde deshalb nicht angenommen. Bitte senden Sie sie "
    "hier noch einmal."
)
# Redis away: the rate limits and the start marks cannot be checked, so nothing is taken for now.
COMMENT_LATER = gettext_lazy(
    "Wir können Ihren Kommentar gerade nicht annehmen. Bitte senden Sie ihn in einer Minute noch einmal; "
    "Ihr Text ist noch da."
)
REPORT_LATER = gettext_lazy(
    "Wir können Ihre Meldung gerade nicht annehmen. Bitte senden Sie sie in einer Minute noch einmal; "
    "Ihr Text ist noch da."
)
# Spam hears the same as a held comment: nothing tells a spammer which rule caught them.
OUTCOMES = {
    CommentStatus.PUBLISHED: "veroeffentlicht",
    CommentStatus.PENDING: "in-pruefung",
    CommentStatus.SPAM: "in-pruefung",
}
# The page that shows a confirmed comment is found by a signed address for a day: reloading it is harmless,
# and it needs no cookie.
CONFIRMED_SALT = "comments.confirmed"
CONFIRMED_MAX_AGE = 24 * 60 * 60
CONFIRMED_OUTCOMES = {
    CommentStatus.PUBLISHED: "published",
    CommentStatus.REMOVED: "removed",
    CommentStatus.WITHDRAWN: "withdrawn",
}


def readable_stories():
    """Stories a reader may comment on or come back to: live and not behind a view restriction."""
    return StoryPage.objects.live().public()


def invalid_link(request):
    """A confirmation link that is used up, expired or never existed."""
    return TemplateResponse(
        request, "comments/confirm_invalid.html", {"page_title": _("Link ungültig")}, status=410
    )


def render_story_with_form(request, story, form, status=400):
    """The story again, with the reader's form and its errors in place (see `discussion`); the page title
    says first that something needs the reader."""
    context = story.get_context(request)
    context["comment_form"] = form
    context["title_prefix"] = _("Fehler:") if form.errors else _("Noch ein Schritt:")
    return TemplateResponse(request, story.get_template(request), context, status=status)


def try_again_shortly(request, response, error):
    """A refusal because Redis is away: 503 with Retry-After, and one warning instead of Django's error
    for a 5xx (the reader's text is in the page, nothing was stored)."""
    logger.warning(
        "%s refused for now: Redis unreachable (%s: %s)", request.path, type(error).__name__, error
    )
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True
    return response


def reply_parent(story, parent_id):
    """The comment to attach a reader's reply to: a published one on this story, or no thread at all."""
    if not parent_id:
        return None
    parent = StoryComment.objects.for_page(story).published().filter(pk=parent_id).first()
    return parent.reply_parent() if parent else None


def is_same_origin(request):
    """Whether the browser says the form was sent from one of our own pages. Every current browser
    sends Sec-Fetch-Site or Origin with a POST; Referer is the fallback for older ones."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    allowed = {request.build_absolute_uri("/").rstrip("/"), *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in allowed
    referer = request.headers.get("Referer", "")
    return any(referer.startswith(f"{host}/") for host in allowed)


@csrf_exempt
@require_POST
def post_comment(request):
    """Takes a comment without a CSRF token: the form sits on pages that front caches share between
    readers, so it carries no per-reader token and sets no cookie. Cross-site posts are refused by
    their origin, forged or stale forms by the signed timestamp, replays by the duplicate check, and
    posting faster than a person writes by the start mark (one per comment, `fill_time`)."""
    object_pk = parse_id(request.POST.get("object_pk"))
    if object_pk is None:
        raise Http404
    story = get_object_or_404(readable_stories(), pk=object_pk)
    policy = CommentPolicy.for_request(request)
    if policy.is_closed_for(story):
        return notices.redirect(story.url, "geschlossen")

    form = CommentForm.for_request(request, story, policy, data=request.POST)
    ip_address = truncated_ip(request.META.get("REMOTE_ADDR", ""))
    try:
        refusal = admit(request, story, policy, form, ip_address)
    except REDIS_UNAVAILABLE as error:
        form.add_error(None, COMMENT_LATER)
        return try_again_shortly(request, render_story_with_form(request, story, form), error)
    if refusal is not None:
        return refusal

    parent = reply_parent(story, form.cleaned_data.get("parent"))
    comment = StoryComment(
        content_type=ContentType.objects.get_for_model(StoryPage),
        object_pk=str(story.pk),
        site_id=settings.SITE_ID,
        user=form.user,
        user_name=form.author_name,
        user_email=form.author_email,
        comment=form.cleaned_data["comment"],
        followup=form.cleaned_data["followup"],
        tell_when_published=form.cleaned_data["tell_when_published"],
        ip_address=ip_address,
        submit_date=timezone.now(),
        parent_id=parent.pk if parent else 0,
    )
    # Whatever can fail comes before the comment is stored (the address of the story too), and its
    # mail is queued in the same transaction: a reader who hears "try again" has stored nothing.
    story_url = story.url
    answered = form.cleaned_data.get("parent")  # where the reader wrote, for the notice
    if form.user:
        comment.is_team = is_team_member(form.user, story)
        comment.store_screened(screen(comment, policy, is_team=comment.is_team))
        if comment.status == CommentStatus.PUBLISHED:
            return notices.redirect(story_url, OUTCOMES[comment.status], at=comment.pk)
        return notices.redirect(story_url, OUTCOMES[comment.status], at=answered)

    with transaction.atomic():
        comment.status = CommentStatus.UNCONFIRMED
        comment.save()
        token = CommentConfirmation.issue(comment, policy.confirmation_valid_days)
        send_comment_mail.enqueue(
            "confirmation",
            comment.user_email,
            {
                "story_title": story.title,
                "confirm_url": absolute_url(reverse("comments:confirm", args=[token])),
                "valid_days": policy.confirmation_valid_days,
            },
        )
    return notices.redirect(story_url, "gesendet", at=answered)


def admit(request, story, policy, form, ip_address):
    """Everything a comment must pass before it is stored: the response that refuses it, or None once it
    may be stored, with its start mark spent and the attempt counted against the rate limits. The limits
    and the start marks live in Redis: while it is away this raises before anything is stored."""
    if not is_same_origin(request):
        form.is_valid()
        form.add_error(None, FOREIGN_ORIGIN)
        return render_story_with_form(request, story, form, status=403)
    if not form.is_valid():
        return render_story_with_form(request, story, form)
    if form.is_repeat():
        return notices.redirect(story.url, "doppelt", at=form.cleaned_data.get("parent"))
    if refuses_blocked(policy, form.author_email, ip_address):
        form.add_error(None, NOT_ACCEPTED)
        return render_story_with_form(request, story, form, status=403)

    limits = rate_limits(policy)
    checks = [("posts_per_ip", ip_address)]
    if form.author_email:
        checks.append(("posts_per_email", form.author_email))
    if not form.user:
        checks += [("mails_per_ip", ip_address), ("mails_per_email", form.author_email)]
    for name, value in checks:
        if limits[name].exceeded(value):
            form.add_error(None, limits[name].message)
            return render_story_with_form(request, story, form, status=429)
    if form.needs_second_step or not (form.user or form.start_mark.use(FORM_MAX_AGE)):
        form.ask_for_second_step()
        return render_story_with_form(request, story, form, status=200)
    for name, value in checks:
        limits[name].hit(value)
    return None


@require_GET
def start_writing(request, story_id):
    """A fresh start mark for the comment form, fetched when the reader first touches it (`fill_time`).
    Never cached (`config/urls.py`) and without a cookie or a database query."""
    return JsonResponse({"started": StartMark.issue(story_id).signed()})


def discussion_closed(request):
    """The reader confirmed too late: the discussion closed, comments were turned off or the story went
    offline since they wrote. Their comment stays unconfirmed and is deleted with the others."""
    return TemplateResponse(
        request, "comments/confirm_closed.html", {"page_title": _("Diskussion geschlossen")}, status=410
    )


def open_story_for(comment, policy):
    """The comment's story if readers can still comment on it, else None."""
    story = readable_stories().filter(pk=comment.object_pk).first()
    if story is None or policy.is_closed_for(story):
        return None
    return story


def not_accepted(request, comment, story):
    """A blocked commenter confirmed: the same neutral words as on the form, with their text to keep. The
    comment stays unconfirmed and is deleted with the others."""
    return TemplateResponse(
        request,
        "comments/not_accepted.html",
        {"page_title": NOT_ACCEPTED, "text": comment.comment, "story": story},
        status=403,
    )


def asks_again(request, template, context):
    """The page with the button once more: for a GET, and for a POST that did not come from our own
    page (then with a notice and 403)."""
    foreign = request.method == "POST"
    if foreign:
        context = {**context, "title_prefix": _("Fehler:")}
    return TemplateResponse(
        request, template, {**context, "foreign_origin": foreign}, status=403 if foreign else 200
    )


@csrf_exempt
def confirm_comment(request, token):
    """A link from a mail: GET shows a button (mail scanners follow links), POST confirms once, and only
    while the story is live and its discussion open. Like the comment form, its pages set no cookie:
    the secret link is the permission, and a POST must come from our own page (`is_same_origin`)."""
    confirmation = (
        CommentConfirmation.objects.select_related("comment")
        .filter(token_hash=CommentConfirmation.hash_token(token))
        .first()
    )
    usable = (
        confirmation is not None
        and confirmation.used_at is None
        and confirmation.expires_at > timezone.now()
        and confirmation.comment.status == CommentStatus.UNCONFIRMED
    )
    if not usable:
        return invalid_link(request)
    policy = CommentPolicy.for_request(request)
    story = open_story_for(confirmation.comment, policy)
    if story is None:
        return discussion_closed(request)
    if request.method != "POST" or not is_same_origin(request):
        return asks_again(
            request, "comments/confirm.html", {"story": story, "page_title": _("Kommentar bestätigen")}
        )
    if refuses_blocked(policy, confirmation.comment.user_email, confirmation.comment.ip_address):
        return not_accepted(request, confirmation.comment, story)

    with transaction.atomic():
        claimed = CommentConfirmation.objects.filter(
            pk=confirmation.pk, used_at__isnull=True, expires_at__gt=timezone.now()
        ).update(used_at=timezone.now())
        comment = StoryComment.objects.select_for_update().get(pk=confirmation.comment_id)
        if not claimed or comment.status != CommentStatus.UNCONFIRMED:
            return invalid_link(request)
        comment.store_screened(screen(comment, policy))
    return HttpResponseRedirect(
        reverse("comments:confirmed", args=[signing.dumps(comment.pk, salt=CONFIRMED_SALT)])
    )


@require_GET
def confirmation_result(request, result):
    """Where confirming leads (POST, redirect, GET): the comment itself, its story and what happens next,
    for as long as the signed address is valid. It reads the comment's status now, so a reload after the
    moderators decided says so."""
    try:
        pk = signing.loads(result, salt=CONFIRMED_SALT, max_age=CONFIRMED_MAX_AGE)
    except signing.BadSignature:
        pk = None
    comment = (
        StoryComment.objects.exclude(status=CommentStatus.UNCONFIRMED).filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    story = readable_stories().filter(pk=comment.object_pk).first() if comment else None
    if story is None:
        return TemplateResponse(
            request,
            "comments/confirmed_gone.html",
            {"page_title": _("Seite nicht mehr verfügbar")},
            status=410,
        )
    context = {
        "comment": comment,
        "story": story,
        # Spam hears the same as a held comment; one a moderator removed since hears that it will not appear.
        "outcome": CONFIRMED_OUTCOMES.get(comment.status, "held"),
        "page_title": _("Kommentar bestätigt"),
        **editing.links_for(comment, CommentPolicy.for_request(request)),
    }
    return TemplateResponse(request, "comments/confirmed.html", context)


def mute_link_used(request):
    """A mute link whose subscription has ended: already muted, or the subscriber's comment is gone."""
    return TemplateResponse(
        request, "comments/mute_invalid.html", {"page_title": _("Link ungültig")}, status=410
    )


@csrf_exempt
def mute_thread(request, token):
    """A link in a follow-up mail: GET only asks (mail scanners follow links), POST stops the mails about
    this thread to that address, once. No cookie, as for confirming: the link is the permission, the
    POST must come from our own page."""
    comment = comment_for_mute_token(token)
    if comment is None:
        return mute_link_used(request)
    story = readable_stories().filter(pk=comment.object_pk).first()
    context = {"story": story, "page_title": _("Benachrichtigungen ausschalten")}
    if request.method != "POST" or not is_same_origin(request):
        return asks_again(request, "comments/mute.html", context)
    if not mute_thread_for(comment):
        return mute_link_used(request)
    context["page_title"] = _("Benachrichtigungen aus")
    return TemplateResponse(request, "comments/muted.html", context)


@csrf_exempt
def report_comment(request, comment_id):
    """Readers flag a published comment for the moderators; limited per network. No cookie: reports from
    other sites are refused by their origin, as comments are."""
    comment = get_object_or_404(StoryComment.objects.published(), pk=comment_id)
    story = get_object_or_404(readable_stories(), pk=comment.object_pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and not is_same_origin(request):
        form.is_valid()
        form.add_error(None, FOREIGN_REPORT)
        status = 403
    elif request.method == "POST" and form.is_valid():
        limit = report_rate_limit()
        network = truncated_ip(request.META.get("REMOTE_ADDR", ""))
        try:
            exceeded = limit.refuses(network)
        except REDIS_UNAVAILABLE as error:
            form.add_error(None, REPORT_LATER)
            return try_again_shortly(request, report_page(request, form, comment, story), error)
        if exceeded:
            form.add_error(None, limit.message)
            status = 429
        else:
            CommentReport.objects.create(comment=comment, **form.cleaned_data)
            return notices.redirect(story.url, "gemeldet", at=comment.pk)
    elif request.method == "POST":
        status = 400
    return report_page(request, form, comment, story, status)


def report_page(request, form, comment, story, status=200):
    context = {"form": form, "comment": comment, "story": story, "page_title": _("Kommentar melden")}
    if form.errors:
        context["title_prefix"] = _("Fehler:")
    return TemplateResponse(request, "comments/report.html", context, status=status)


FOREIGN_VOTE = gettext_lazy(
    "Ihre Stimme kam nicht von unserer Seite und wurde deshalb nicht gezählt. Bitte versuchen Sie es auf "
    "der Seite der Geschichte noch einmal."
)
VOTE_LATER = gettext_lazy(
    "Wir können Ihre Stimme gerade nicht zählen. Bitte versuchen Sie es in einer Minute noch einmal."
)


def is_own_comment(request, comment, network):
    """The reader wrote it: logged in as its author, or writing from the network it came from."""
    user = request.user
    if user.is_authenticated and comment.user_id == user.pk:
        return True
    return bool(network) and comment.ip_address == network


@csrf_exempt
@require_POST
def mark_helpful(request, comment_id):
    """A reader marks a published comment "Hilfreich": a small form under each comment, sent by fetch when
    the page has its script (then answered in JSON), else answered by a redirect back to the comment with
    a notice. No cookie, and the story page stays in every cache (its own page is refreshed behind the
    readers, `helpful.refresh_story_page`); one vote per reader and comment (`helpful.voter_key`)."""
    comment = get_object_or_404(StoryComment.objects.published(), pk=comment_id)
    story = get_object_or_404(readable_stories(), pk=comment.object_pk)
    order = request.POST.get("sortierung", "")
    order = order if order in ORDERS else ""
    address = request.META.get("REMOTE_ADDR", "")
    network = truncated_ip(address)

    def answer(outcome="", status=200, message=None):
        return helpful_answer(request, comment, story, order, outcome, status, message)

    if not is_same_origin(request):
        return answer(status=403, message=FOREIGN_VOTE)
    if is_own_comment(request, comment, network):
        return answer("eigener", 403)
    limit = helpful_rate_limit()
    try:
        exceeded = limit.refuses(network or address)
    except REDIS_UNAVAILABLE as error:
        return try_again_shortly(request, answer(status=503, message=VOTE_LATER), error)
    if exceeded:
        return answer(status=429, message=limit.message)
    with transaction.atomic():
        counted = comment.mark_helpful(voter_key(address, timezone.localdate()))
        if counted:
            refresh_story_page(story)
    return answer("hilfreich" if counted else "schon-hilfreich")


def helpful_answer(request, comment, story, order, outcome, status, message):
    """What a reader hears after "Hilfreich": JSON for the page's script (the count, whether it is theirs
    now, a sentence for the live region); without the script the story again with the notice of `outcome`
    under the comment, in the reader's order, or a page that says why the vote was not counted."""
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(
            {
                "count": comment.helpful_count,
                "voted": outcome in ("hilfreich", "schon-hilfreich"),
                "message": str(message or notices.OUTCOMES[outcome].text),
            },
            status=status,
        )
    if message is not None:
        context = {"message": message, "comment": comment, "story": story, "page_title": _("Hilfreich")}
        return TemplateResponse(request, "comments/helpful_refused.html", context, status=status)
    return notices.redirect(story.url, outcome, at=comment.pk, order=order)
