"""Reader comments on stories: django-comments-xtd's threaded comment plus an explicit status."""

import datetime
import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.managers import CommentManager
from django_comments_xtd.models import XtdComment
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.log_actions import log
from wagtail.models import Page

from blog.models import StoryPage
from blog.purging import purge_story_with_change
from core import purging
from core.site_cache import CachedSiteSettingMixin

from .commenters import BlockedAs, CommenterBlock, CommenterNote, CommenterTrust  # noqa: F401 - models of this app
from .dsa.models import UNDOABLE, ContentNotice, DecisionGround, ModerationDecision, Outcome
from .helpful import HelpfulVote
from .rendering import text_as_html
from .revisions import CommentEdit, CommentVersion, new_edit_key  # noqa: F401 - models of this app
from .signals import comment_saved, decision_made
from .statuses import CommentStatus
from .threads import ShownComment, ThreadComment, visible_thread
from .webhooks.models import WebhookDelivery, WebhookEndpoint  # noqa: F401 - models of this app


class StoryCommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def for_page(self, page):
        """Comments on `page`; `page` may also be an expression such as OuterRef for subqueries."""
        object_pk = str(page.pk) if hasattr(page, "pk") else Cast(page, models.TextField())
        return self.filter(
            content_type__app_label=StoryPage._meta.app_label,
            content_type__model=StoryPage._meta.model_name,
            object_pk=object_pk,
        )

    def thread_for(self, page):
        """What readers see of a page's discussion, in one query (see `threads.visible_thread`)."""
        rows = (
            self.for_page(page)
            .exclude(status=CommentStatus.UNCONFIRMED)
            .order_by("thread_id", "order")
            .values_list(*ThreadComment.FIELDS)
        )
        return visible_thread([ThreadComment(*row) for row in rows])

    def with_open_reports(self):
        """Each comment with `open_reports`, the number of its reports nobody has settled yet."""
        return self.annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))

    def with_story(self):
        """Each comment with its story's `story_title` and `story_url_path`, without a query per row."""
        story = Page.objects.filter(pk=Cast(OuterRef("object_pk"), IntegerField()))
        return self.annotate(
            story_title=Subquery(story.values("title")[:1]),
            story_url_path=Subquery(story.values("url_path")[:1]),
        )

    def awaiting_team_answer(self):
        """Published reader comments that no published Team reply answers yet and that a moderator has not
        marked as needing none. A reply to a comment at the deepest level joins that level
        (`StoryComment.reply_parent`), so there a later Team reply beside it answers it as well."""
        team_replies = StoryComment.objects.published().filter(is_team=True)
        answered_below = Exists(team_replies.filter(parent_id=OuterRef("pk")))
        answered_beside = Exists(
            team_replies.filter(
                parent_id=OuterRef("parent_id"),
                level=OuterRef("level"),
                submit_date__gt=OuterRef("submit_date"),
            )
        )
        return (
            self.published()
            .filter(is_team=False, needs_no_answer=False)
            .exclude(answered_below)
            .exclude(Q(level__gte=settings.COMMENTS_XTD_MAX_THREAD_LEVEL) & answered_beside)
        )

    def with_counts_per_status(self):
        """Counts of the comments per status, `all` and `reported` (with open reports), in one query."""
        return self.aggregate(
            all=Count("pk"),
            reported=Count("pk", filter=Q(has_open_reports())),
            edit_waiting=Count("pk", filter=Q(has_waiting_edit())),
            **{status: Count("pk", filter=Q(status=status)) for status in CommentStatus.values},
        )


def count_on_each_story(status):
    """For annotating stories: how many comments with `status` each has, as a subquery (no query per row)."""
    comments = (
        StoryComment.objects.for_page(OuterRef("pk"))
        .filter(status=status)
        .order_by()
        .values("object_pk")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(comments), 0)


def has_waiting_edit():
    """For filters and counts: an author's edit of the comment waits for a moderator (`comments.editing`)."""
    return Exists(CommentEdit.objects.filter(comment=OuterRef("pk"), status=CommentEdit.Status.WAITING))


def has_open_reports():
    """For filters and counts: the comment has reports nobody has settled yet."""
    return Exists(CommentReport.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True))


class StoryComment(ShownComment, XtdComment):
    """One reader comment. `status` is the single source of truth; `is_public` and `is_removed`
    follow it so the library's own queries agree with ours."""

    status = models.CharField(
        _("Status"),
        max_length=12,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    is_team = models.BooleanField(
        _("Antwort des Teams"),
        default=False,
        help_text=_("Von einer Moderatorin oder einem Autor der Geschichte."),
    )
    # The text as HTML, made once when saved rather than on every page view (comments.rendering).
    comment_html = models.TextField(editable=False, blank=True)
    # The commenter's wish for a mail once a held comment is shown (`dsa.statements`); erased with their data.
    tell_when_published = models.BooleanField(_("Mail bei Freigabe"), default=False)
    # A Team reply shown first under the comment it answers; one to one, so each comment has at most one.
    pinned_under = models.OneToOneField(
        "self",
        verbose_name=_("Angeheftet unter"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="pinned_reply",
    )
    # A moderator's word that this reader comment needs no Team answer: it leaves "Offene Fragen".
    needs_no_answer = models.BooleanField(_("Braucht keine Antwort"), default=False, editable=False)
    # Why the screening held it back or took it for spam (`comments.reasons`), shown to moderators.
    screening_reasons = models.JSONField(_("Gründe der Prüfung"), default=list, blank=True, editable=False)
    # How many readers marked it "Hilfreich" (`comments.helpful`), kept here so the page needs no query.
    helpful_count = models.PositiveIntegerField(_("Hilfreich"), default=0, editable=False)
    # The author's edit window starts when readers first see the comment (`CommentPolicy.edit_minutes`).
    first_published_at = models.DateTimeField(
        _("Zuerst veröffentlicht am"), null=True, blank=True, editable=False
    )
    edited_at = models.DateTimeField(_("Bearbeitet am"), null=True, blank=True, editable=False)
    # Named by the author's edit and withdraw links (`comments.editing`); a new key makes old links invalid.
    edit_key = models.CharField(max_length=16, default=new_edit_key, editable=False)

    objects = CommentManager.from_queryset(StoryCommentQuerySet)()

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["thread_id", "order"]

    @classmethod
    def from_db(cls, db, field_names, values):
        comment = super().from_db(db, field_names, values)
        comment._loaded_status = comment.__dict__.get("status")
        return comment

    def save(self, *args, update_fields=None, **kwargs):
        update_fields = self.follow_text_and_status(update_fields)
        status_before = getattr(self, "_loaded_status", None)
        # Purges and mails follow in `signal_handlers`, queued in the same transaction: the comment and
        # what it sets off are stored together or not at all (`core.purging`).
        with transaction.atomic():
            super().save(*args, update_fields=update_fields, **kwargs)
            comment_saved.send(sender=type(self), comment=self, status_before=status_before)
        self._loaded_status = self.status

    def follow_text_and_status(self, update_fields=None):
        """Sets what follows from the text and the status (its HTML, the library's flags, the first
        publication, a pin) and returns `update_fields` with those it changed; shared by `save()` and the
        paths that store comments without it (`comments.bulk`)."""
        self.comment_html = text_as_html(self.comment)
        if update_fields is not None and "comment" in update_fields:
            update_fields = {*update_fields, "comment_html"}  # an erased text leaves no copy behind
        if update_fields is not None and "status" in update_fields:
            update_fields = {*update_fields, "is_public", "is_removed"}
        self.is_public = self.status == CommentStatus.PUBLISHED
        self.is_removed = self.status in (
            CommentStatus.SPAM,
            CommentStatus.REMOVED,
            CommentStatus.HIDDEN,
            CommentStatus.WITHDRAWN,
        )
        if self.is_public and self.first_published_at is None:
            self.first_published_at = timezone.now()
            if update_fields is not None:
                update_fields = {*update_fields, "first_published_at"}
        if self.pinned_under_id is not None and not (self.is_team and self.is_public):
            self.pinned_under_id = None  # only a published Team reply stays pinned
            if update_fields is not None:
                update_fields = {*update_fields, "pinned_under"}
        return update_fields

    def __str__(self):
        # Also the label of audit-log entries, which outlive an erased comment: no name, no text.
        return _("Kommentar %(number)s") % {"number": self.pk}

    def moderate(self, action, user, *, ground=None, explanation="", automated=False, answering=None):
        """A decision about this comment (`Outcome`): the new status is saved (so mails and counts follow),
        open reports and notices of illegal content are settled, and the decision is stored with its
        ground and logged. Returns the `ModerationDecision`, or None when there was nothing to decide
        (the comment was already so, and nothing waited for a decision). A decision `answering` an
        `Objection` is always stored, and never by the person whose decision is contested."""
        if answering is not None and user is not None and answering.decision.decided_by_id == user.pk:
            raise PermissionDenied("An objection is decided by another moderator.")
        new_status, log_action = MODERATION_ACTIONS[action]
        status_before = self.status
        with transaction.atomic():
            changed = new_status is not None and self.status != new_status
            if changed:
                self.status = new_status
                self.save(update_fields=["status", "is_public", "is_removed"])
            settled = self.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
            notices = list(self.legal_notices.filter(decision__isnull=True))
            if not (changed or settled or notices or answering or action == Outcome.KEEP):
                return None
            decision = ModerationDecision.record(
                self,
                action,
                ground,
                explanation=explanation,
                automated=automated,
                decided_by=user,
                status_before=status_before,
                status_after=self.status,
            )
            ContentNotice.objects.filter(pk__in=[notice.pk for notice in notices]).update(decision=decision)
            if answering is not None:
                answering.answer = decision
                answering.reversed = action != answering.decision.outcome
                answering.save(update_fields=["answer", "reversed"])
            log(self, log_action, user=user, uuid=uuid.uuid4(), data=decision_log_data(decision))
            decision_made.send(sender=ModerationDecision, decision=decision, notices=notices)
        return decision

    def undo(self, decision, user):
        """Takes back an approval or restoring (`UNDOABLE`) a moment after it was made: the comment returns
        to its status before, stored as a decision of its own and logged. Only while nothing has happened
        to the comment since (it is still so, and `decision` is its latest); else None and nothing changes.
        What the decision set off stays: reports and notices it settled stay settled, and a mail that told
        the commenter their comment is online may already be sent; that is fine, the comment was online."""
        with transaction.atomic():
            self.refresh_from_db(from_queryset=StoryComment.objects.select_for_update())
            self._loaded_status = self.status
            latest = self.decisions.order_by("-decided_at", "-pk").first()
            if (
                decision.outcome not in UNDOABLE
                or latest != decision
                or self.status != decision.status_after
                or decision.status_before == decision.status_after
            ):
                return None
            self.status = decision.status_before
            self.save(update_fields=["status", "is_public", "is_removed"])
            undone = ModerationDecision.record(
                self,
                Outcome.UNDO,
                decided_by=user,
                status_before=decision.status_after,
                status_after=self.status,
            )
            log(
                self,
                "comments.undo",
                user=user,
                uuid=uuid.uuid4(),
                data={"decision": undone.pk, "undone": decision.pk},
            )
        return undone

    def settle_reports(self, user):
        """Readers' reports (under the comment rules) looked at, the comment left as it is."""
        settled = self.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
        if settled:
            log(self, "comments.settle_reports", user=user, uuid=uuid.uuid4())
        return bool(settled)

    def store_screened(self, screening):
        """Stores a new or just confirmed comment with the status the comment policy gave it
        (`screening.screen`); a rule that held it back or took it for spam is an automated decision,
        stored and logged like a moderator's."""
        with transaction.atomic():
            status_before = self.status if self.pk else ""
            self.status = screening.status
            self.screening_reasons = list(screening.reasons)
            self.save()
            if screening.rule:
                ground = DecisionGround.for_rule(screening.rule)
                outcome = Outcome.SPAM if screening.status == CommentStatus.SPAM else Outcome.HOLD
                decision = ModerationDecision.record(
                    self,
                    outcome,
                    ground,
                    automated=True,
                    status_before=status_before,
                    status_after=self.status,
                )
                log(self, MODERATION_ACTIONS[outcome][1], uuid=uuid.uuid4(), data=decision_log_data(decision))
                decision_made.send(sender=ModerationDecision, decision=decision, notices=[])

    def reply_parent(self):
        """The comment a reply to this one hangs under: this one, or at the deepest level its parent,
        so replies beyond it join that level (None when that parent is gone: a new thread)."""
        if self.level < settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            return self
        return StoryComment.objects.filter(pk=self.parent_id).first()

    def add_team_reply(self, text, user):
        """A moderator's answer, published at once with the Team badge. A pending comment is
        approved first, as answering it in public says it belongs there; replies to the deepest
        level join that level, as on the site."""
        with transaction.atomic(), purging.batch():  # one purge of the story for approval and reply
            return self._add_team_reply(text, user)

    def _add_team_reply(self, text, user):
        if self.status == CommentStatus.PENDING:
            self.moderate("approve", user)
        parent = self.reply_parent()
        reply = StoryComment(
            content_type_id=self.content_type_id,
            object_pk=self.object_pk,
            site_id=self.site_id,
            parent_id=parent.pk if parent else 0,
            user=user,
            user_name=(user.get_full_name() or user.get_username())[:50],
            user_email=user.email,
            comment=text,
            is_team=True,
            status=CommentStatus.PUBLISHED,
            submit_date=timezone.now(),
        )
        reply.save()
        log(reply, "comments.reply", user=user, uuid=uuid.uuid4())
        return reply

    @property
    def anchor(self):
        return f"kommentar-{self.pk}"

    @property
    def can_be_pinned(self):
        """Only a published Team reply can be pinned, under the comment it answers."""
        return self.is_team and self.is_published and bool(self.parent_id) and self.parent_id != self.pk

    def pin(self, user):
        """Shows this Team reply first under the comment it answers, in place of any reply pinned there
        before; logged, and the story's cached copies are renewed. False when it cannot be pinned."""
        if not self.can_be_pinned:
            return False
        if self.pinned_under_id == self.parent_id:
            return True
        with transaction.atomic():
            for previous in StoryComment.objects.filter(pinned_under_id=self.parent_id):
                previous._unpin(user)
            self.pinned_under_id = self.parent_id
            StoryComment.objects.filter(pk=self.pk).update(pinned_under_id=self.parent_id)
            log(self, "comments.pin", user=user, uuid=uuid.uuid4())
            purge_story_with_change(self.object_pk, withdraw=False)
        return True

    def unpin(self, user):
        """This reply back in its place in the thread; False when it was not pinned."""
        if self.pinned_under_id is None:
            return False
        with transaction.atomic():
            self._unpin(user)
            purge_story_with_change(self.object_pk, withdraw=False)
        return True

    def _unpin(self, user):
        self.pinned_under_id = None
        StoryComment.objects.filter(pk=self.pk).update(pinned_under_id=None)
        log(self, "comments.unpin", user=user, uuid=uuid.uuid4())

    def mark_helpful(self, voter):
        """One reader's "Hilfreich" (`voter` is their key, `helpful.voter_key`): counted on the comment in the
        same transaction as the vote. False when this reader voted for it before."""
        try:
            with transaction.atomic():
                HelpfulVote.objects.create(comment=self, voter=voter)
                StoryComment.objects.filter(pk=self.pk).update(helpful_count=F("helpful_count") + 1)
        except IntegrityError:
            return False
        self.refresh_from_db(fields=["helpful_count"])
        return True

    def mark_needs_no_answer(self, user):
        """Takes this reader comment off "Offene Fragen" without a Team reply; logged."""
        if self.needs_no_answer:
            return False
        self.needs_no_answer = True
        StoryComment.objects.filter(pk=self.pk).update(needs_no_answer=True)
        log(self, "comments.no_answer_needed", user=user, uuid=uuid.uuid4())
        return True


# What a moderator can decide about a comment: the status it gets (None: unchanged) and the
# audit-log action recorded for it.
MODERATION_ACTIONS = {
    Outcome.APPROVE: (CommentStatus.PUBLISHED, "comments.approve"),
    Outcome.RESTORE: (CommentStatus.PUBLISHED, "comments.restore"),
    Outcome.KEEP: (None, "comments.keep"),
    Outcome.HOLD: (CommentStatus.PENDING, "comments.hold"),
    Outcome.HIDE: (CommentStatus.HIDDEN, "comments.hide"),
    Outcome.REMOVE: (CommentStatus.REMOVED, "comments.remove"),
    Outcome.SPAM: (CommentStatus.SPAM, "comments.spam"),
}


def decision_log_data(decision):
    """What the audit log keeps of a decision: its ground and explanation, and whether a check made it."""
    return {
        "decision": decision.pk,
        "ground": decision.ground_title,
        "explanation": decision.explanation,
        "automated": decision.automated,
    }


# Unconfirmed comments and their data are deleted after this many days (`purge_unconfirmed_comments`).
UNCONFIRMED_KEPT_DAYS = 7


LOOK_UP = object()


class ModerationMode(models.TextChoices):
    ALL = "all", _("Alle Kommentare vor der Veröffentlichung prüfen")
    FIRST_TIME = "first_time", _("Nur Kommentare von neuen Kommentierenden prüfen")
    POST = "post", _("Sofort veröffentlichen und danach prüfen")


@register_setting(icon="comment")
class CommentPolicy(CachedSiteSettingMixin, BaseSiteSetting):
    """The rules every comment passes, editable by the team in the Wagtail admin."""

    moderation_mode = models.CharField(
        _("Moderation"), max_length=12, choices=ModerationMode.choices, default=ModerationMode.FIRST_TIME
    )
    max_links = models.PositiveSmallIntegerField(
        _("Höchstzahl an Links"),
        default=2,
        help_text=_("Kommentare mit mehr Links werden zur Prüfung zurückgehalten."),
    )
    disallowed_words = models.TextField(
        _("Wortliste Spam"),
        blank=True,
        help_text=_(
            "Ein Wort oder eine Wendung pro Zeile. Kommentare, die eines davon in Name, E-Mail-Adresse, "
            "Website oder Text enthalten, gelten als Spam. Groß- und Kleinschreibung, Akzente, gesperrt "
            "geschriebene Wörter („b i l l i g“) und Ersatzzeichen („b1ll1g“) zählen nicht; ein Eintrag "
            "trifft am Anfang eines Wortes („billig“ auch in „billiger“, nicht in „unbillig“)."
        ),
    )
    held_words = models.TextField(
        _("Wortliste zurückhalten"),
        blank=True,
        help_text=_(
            "Ein Wort oder eine Wendung pro Zeile. Kommentare, die eines davon enthalten, werden zur "
            "Prüfung zurückgehalten; verglichen wird wie bei der Wortliste Spam."
        ),
    )
    trust_after_published = models.PositiveSmallIntegerField(
        _("Vertrauen nach N veröffentlichten Kommentaren"),
        default=0,
        help_text=_(
            "Wer so viele veröffentlichte Kommentare hat, wird sofort veröffentlicht, auch wenn alle "
            "Kommentare geprüft werden. 0: aus."
        ),
    )
    recheck_rejection_rate = models.PositiveSmallIntegerField(
        _("Wieder prüfen ab Ablehnungsquote (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Anteil der entfernten, verborgenen und als Spam eingestuften an allen entschiedenen Kommentaren "
            "einer Person, ab mindestens drei entschiedenen. Wer die Quote erreicht, wird wieder geprüft. "
            "0: aus."
        ),
    )
    blocked_commenters = models.CharField(
        _("Gesperrte Kommentierende"),
        max_length=8,
        choices=BlockedAs.choices,
        default=BlockedAs.REFUSE,
        help_text=_(
            "Abgelehnte Kommentare bekommen die neutrale Antwort „Ihr Kommentar konnte nicht angenommen "
            "werden.“; zurückgehaltene warten in der Liste mit dem Grund „Sperre“."
        ),
    )
    close_after_days = models.PositiveSmallIntegerField(
        _("Kommentare schließen nach (Tagen)"),
        default=90,
        help_text=_("Tage nach dem Datum der Geschichte. 0: nie schließen."),
    )
    max_length = models.PositiveSmallIntegerField(
        _("Höchstlänge eines Kommentars (Zeichen)"),
        default=3000,
        validators=[MinValueValidator(100), MaxValueValidator(settings.COMMENT_MAX_LENGTH)],
    )
    min_fill_seconds = models.PositiveSmallIntegerField(
        _("Mindestzeit zum Ausfüllen (Sekunden)"),
        default=3,
        help_text=_("Schneller abgeschickte Formulare stammen fast immer von Programmen."),
    )
    posts_per_ip_per_hour = models.PositiveSmallIntegerField(
        _("Kommentare je IP-Adresse und Stunde"), default=10
    )
    posts_per_email_per_hour = models.PositiveSmallIntegerField(
        _("Kommentare je E-Mail-Adresse und Stunde"), default=5
    )
    confirmation_mails_per_ip_per_hour = models.PositiveSmallIntegerField(
        _("Bestätigungsmails je IP-Adresse und Stunde"), default=10
    )
    confirmation_mails_per_email_per_day = models.PositiveSmallIntegerField(
        _("Bestätigungsmails je E-Mail-Adresse und Tag"), default=5
    )
    notify_moderators = models.BooleanField(
        _("Moderatoren per E-Mail benachrichtigen"),
        default=True,
        help_text=_("Eine Mail an alle Moderatoren, sobald ein Kommentar auf Prüfung wartet."),
    )
    confirmation_valid_days = models.PositiveSmallIntegerField(
        _("Bestätigungslinks gültig (Tage)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(UNCONFIRMED_KEPT_DAYS)],
    )
    edit_minutes = models.PositiveSmallIntegerField(
        _("Bearbeiten möglich (Minuten)"),
        default=15,
        validators=[MaxValueValidator(24 * 60)],
        help_text=_(
            "So lange nach der Veröffentlichung können Kommentierende ihren Text über den Link in der Mail "
            "oder auf der Bestätigungsseite ändern; jede Änderung wird wie ein neuer Kommentar geprüft. "
            "Zurückziehen können sie ihren Kommentar jederzeit. 0: Bearbeiten aus."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("moderation_mode"),
                FieldPanel("notify_moderators"),
                FieldPanel("max_links"),
                FieldPanel("disallowed_words"),
                FieldPanel("held_words"),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("trust_after_published"),
                FieldPanel("recheck_rejection_rate"),
                FieldPanel("blocked_commenters"),
            ],
            heading=_("Kommentierende"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("close_after_days"),
                FieldPanel("max_length"),
                FieldPanel("min_fill_seconds"),
                FieldPanel("edit_minutes"),
            ],
            heading=_("Formular"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("posts_per_ip_per_hour"),
                FieldPanel("posts_per_email_per_hour"),
                FieldPanel("confirmation_mails_per_ip_per_hour"),
                FieldPanel("confirmation_mails_per_email_per_day"),
                FieldPanel("confirmation_valid_days"),
            ],
            heading=_("Grenzen gegen Missbrauch"),
        ),
    ]

    class Meta:
        verbose_name = _("Kommentarregeln")

    def closes_on(self, story):
        if not self.close_after_days:
            return None
        return story.date + datetime.timedelta(days=self.close_after_days)

    def closed_by_age_on(self, story, decision):
        """The date the discussion closed by itself, unless a moderator decided otherwise."""
        closes_on = self.closes_on(story)
        if decision is None and closes_on is not None and timezone.localdate() > closes_on:
            return closes_on
        return None

    def closed_because(self, story, decision):
        """Why readers cannot comment on `story`: "off" (the editors turned comments off), "closed" (a
        moderator closed the discussion), "expired" (older than `close_after_days` and not reopened);
        None while they can."""
        if not story.comments_enabled:
            return "off"
        if decision == StoryDiscussion.CLOSED:
            return "closed"
        if self.closed_by_age_on(story, decision):
            return "expired"
        return None

    def is_closed_for(self, story, decision=LOOK_UP):
        if decision is LOOK_UP:
            decision = StoryDiscussion.decision_for(story)
        return self.closed_because(story, decision) is not None


class StoryDiscussion(models.Model):
    """A moderator's decision to close a story's discussion, or to reopen it after the automatic
    closing date. Kept apart from the page so that no editor's draft can undo it on publishing."""

    CLOSED = "closed"
    OPEN = "open"
    DECISIONS = [(CLOSED, _("Geschlossen")), (OPEN, _("Wieder geöffnet"))]

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="discussion", primary_key=True
    )
    decision = models.CharField(_("Entscheidung"), max_length=6, choices=DECISIONS)
    decided_at = models.DateTimeField(_("Entschieden am"), auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Diskussion")
        verbose_name_plural = _("Diskussionen")

    def __str__(self):
        return f"{self.get_decision_display()}: {self.page_id}"

    @classmethod
    def decision_for(cls, story):
        return cls.objects.filter(page_id=story.pk).values_list("decision", flat=True).first()

    @classmethod
    def decide(cls, story, decision, user):
        """Record the decision and log it in the story's history."""
        cls.objects.update_or_create(page_id=story.pk, defaults={"decision": decision, "decided_by": user})
        log(story, "comments.close" if decision == cls.CLOSED else "comments.reopen", user=user)
        purge_story_with_change(story.pk)  # cached copies still show (or lack) the comment form


class CommentConfirmation(models.Model):
    """A single-use, expiring confirmation link. Only the hash of its token is stored, and the
    link itself carries nothing but that random token."""

    comment = models.OneToOneField(StoryComment, on_delete=models.CASCADE, related_name="confirmation")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Bestätigung für Kommentar {self.comment_id}"

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, comment, valid_days):
        """Create the confirmation for `comment` and return the token for the link."""
        token = secrets.token_urlsafe(32)
        cls.objects.create(
            comment=comment,
            token_hash=cls.hash_token(token),
            expires_at=timezone.now() + datetime.timedelta(days=valid_days),
        )
        return token


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam oder Werbung")
    ABUSE = "abuse", _("Beleidigend oder hasserfüllt")
    PRIVACY = "privacy", _("Verletzt die Privatsphäre")
    OTHER = "other", _("Etwas anderes")


class CommentReport(models.Model):
    """A reader's report that a comment breaks the rules; moderators see these under "Gemeldet"."""

    comment = models.ForeignKey(StoryComment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("Grund"), max_length=12, choices=ReportReason.choices)
    note = models.TextField(_("Anmerkung"), blank=True, max_length=500)
    created_at = models.DateTimeField(_("Gemeldet am"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment_id}"
