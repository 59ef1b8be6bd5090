"""What the EU Digital Services Act asks a site that hosts readers' comments to keep: notices of illegal
content (Art. 16), decisions with their grounds (Art. 17), objections to them (modelled on Art. 20), and
from these the numbers of a transparency report (Art. 15).

The models point to comments by name only: `comments.models` imports them, so they belong to the
comments app and its migrations.
"""

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# Art. 20(1): decisions can be contested for at least six months.
MIN_OBJECTION_DAYS = 183


class GroundKind(models.TextChoices):
    HOUSE_RULE = "house_rule", _("Kommentarregeln")
    LEGAL = "legal", _("Gesetz")


class DecisionGround(models.Model):
    """Why a comment was held, hidden or removed, as the commenter reads it in the statement of reasons.
    The team words these in the admin; grounds in use are switched off, never deleted."""

    kind = models.CharField(_("Art"), max_length=12, choices=GroundKind.choices)
    title = models.CharField(
        _("Bezeichnung"), max_length=120, help_text=_("Zum Beispiel „Beleidigung (§ 185 StGB)“.")
    )
    statement = models.TextField(
        _("Text für die Begründung"),
        help_text=_("Steht in der Mail an die Verfasserin oder den Verfasser des Kommentars."),
    )
    # Grounds the automatic checks give (`word_list`, `links`); empty for the team's own.
    code = models.SlugField(max_length=30, blank=True, editable=False)
    active = models.BooleanField(_("Zur Auswahl anbieten"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("statement"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("Entscheidungsgrund")
        verbose_name_plural = _("Entscheidungsgründe")
        ordering = ["kind", "sort_order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="unique_ground_code")
        ]

    def __str__(self):
        return self.title

    @classmethod
    def for_rule(cls, code):
        return cls.objects.filter(code=code).first()


class Outcome(models.TextChoices):
    """What was decided about a comment; the values are the moderation actions of `StoryComment.moderate`."""

    APPROVE = "approve", _("Freigegeben")
    RESTORE = "restore", _("Wiederhergestellt")
    KEEP = "keep", _("Belassen")
    HOLD = "hold", _("Zur Prüfung zurückgehalten")
    HIDE = "hide", _("Verborgen")
    REMOVE = "remove", _("Entfernt")
    SPAM = "spam", _("Als Spam eingestuft")
    # A moderator took back their approval or restoring at once (`StoryComment.undo`).
    UNDO = "undo", _("Rückgängig gemacht")


# Decisions that take a comment from readers or keep it from them: they need a ground, and the commenter
# a statement of reasons (Art. 17). Spam caught by the word list is left out of the statements: nothing
# tells a spammer which rule caught them.
RESTRICTING = {Outcome.HOLD, Outcome.HIDE, Outcome.REMOVE, Outcome.SPAM}
# Decisions that can be taken back for a few seconds: they send no statement of reasons, and taking them
# back only returns the comment to where the commenter last knew it to be.
UNDOABLE = {Outcome.APPROVE, Outcome.RESTORE}


class ModerationDecision(models.Model):
    """One decision about one comment, by a person or by an automatic check, with its ground. Kept when the
    comment is erased (then without it): the report counts decisions, not people."""

    comment = models.ForeignKey(
        "comments.StoryComment", null=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    outcome = models.CharField(_("Entscheidung"), max_length=10, choices=Outcome.choices)
    ground = models.ForeignKey(
        DecisionGround, verbose_name=_("Grund"), null=True, blank=True, on_delete=models.PROTECT
    )
    # As the ground read when decided: statements and the report keep their words when it is edited.
    ground_title = models.CharField(max_length=120, blank=True)
    ground_kind = models.CharField(max_length=12, choices=GroundKind.choices, blank=True)
    explanation = models.TextField(_("Erläuterung"), blank=True)
    automated = models.BooleanField(_("Automatisch"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("Entschieden am"), default=timezone.now, db_index=True)
    status_before = models.CharField(max_length=12, blank=True)
    status_after = models.CharField(max_length=12, blank=True)
    commenter_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Entscheidung")
        verbose_name_plural = _("Entscheidungen")
        ordering = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.comment_id}"

    @classmethod
    def record(cls, comment, outcome, ground=None, **fields):
        """Stores a decision with its ground's words as they read now."""
        return cls.objects.create(
            comment=comment,
            outcome=outcome,
            ground=ground,
            ground_title=ground.title if ground else "",
            ground_kind=ground.kind if ground else "",
            **fields,
        )

    @property
    def restricts(self):
        return self.outcome in RESTRICTING

    @property
    def owes_statement(self):
        """Whether the commenter is told why (Art. 17): every restriction, except spam the word list
        caught."""
        return self.restricts and not (self.automated and self.outcome == Outcome.SPAM)


class NoticeKind(models.TextChoices):
    INSULT = "insult", _("Beleidigung, üble Nachrede oder Verleumdung")
    HATE = "hate", _("Volksverhetzung oder Hassrede")
    THREAT = "threat", _("Bedrohung oder Aufruf zu Straftaten")
    PERSONALITY = "personality", _("Verletzung von Persönlichkeitsrechten oder Privatsphäre")
    COPYRIGHT = "copyright", _("Urheberrechtsverletzung")
    FRAUD = "fraud", _("Betrug oder Spam")
    CHILD_ABUSE = "child_abuse", _("Darstellung sexuellen Missbrauchs von Kindern")
    OTHER = "other", _("Sonstiges")


# Art. 16(2)(c): a notifier may stay anonymous only about child sexual abuse material.
ANONYMOUS_KINDS = {NoticeKind.CHILD_ABUSE}


class ContentNotice(models.Model):
    """A notice that a comment is illegal (Art. 16), from anyone. It keeps the comment's text as it read
    then, as evidence, for as long as `ModerationSettings.evidence_kept_days` says."""

    comment = models.ForeignKey(
        "comments.StoryComment", null=True, on_delete=models.SET_NULL, related_name="legal_notices"
    )
    kind = models.CharField(_("Art des Verstoßes"), max_length=12, choices=NoticeKind.choices)
    explanation = models.TextField(_("Begründung"))
    notifier_name = models.CharField(_("Name"), max_length=100, blank=True)
    notifier_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    good_faith = models.BooleanField(_("In gutem Glauben"), default=False)
    evidence_text = models.TextField(_("Kommentar zum Zeitpunkt der Meldung"), blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now, db_index=True)
    decision = models.ForeignKey(
        ModerationDecision, null=True, blank=True, on_delete=models.SET_NULL, related_name="notices"
    )
    pruned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Meldung nach DSA")
        verbose_name_plural = _("Meldungen nach DSA")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        """The number the notifier quotes: year and a running number, e.g. DSA-2026-00042."""
        return f"DSA-{self.created_at:%Y}-{self.pk:05d}"


class Party(models.TextChoices):
    COMMENTER = "commenter", _("Verfasser des Kommentars")
    NOTIFIER = "notifier", _("Meldende Person")


class Objection(models.Model):
    """An objection to a decision, by the commenter or by a notifier, sent through the signed link in
    their mail. Another moderator than the one who decided answers it with a decision of their own."""

    decision = models.ForeignKey(ModerationDecision, on_delete=models.CASCADE, related_name="objections")
    party = models.CharField(_("Von"), max_length=10, choices=Party.choices)
    notice = models.ForeignKey(
        ContentNotice, null=True, blank=True, on_delete=models.CASCADE, related_name="objections"
    )
    text = models.TextField(_("Begründung des Einspruchs"))
    # Where the answer goes (the commenter's or the notifier's address), erased with their data.
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now, db_index=True)
    answer = models.OneToOneField(
        ModerationDecision, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    reversed = models.BooleanField(_("Entscheidung geändert"), null=True)
    pruned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Einspruch")
        verbose_name_plural = _("Einsprüche")
        ordering = ["created_at", "pk"]
        constraints = [
            # Each link is single-use: one objection per decision and party (and notice).
            models.UniqueConstraint(
                fields=["decision"], condition=Q(party="commenter"), name="one_objection_by_commenter"
            ),
            models.UniqueConstraint(
                fields=["decision", "notice"], condition=Q(party="notifier"), name="one_objection_by_notifier"
            ),
        ]

    def __str__(self):
        return f"Einspruch {self.pk} gegen Entscheidung {self.decision_id}"


@register_setting(icon="clipboard-list")
class ModerationSettings(BaseGenericSetting):
    """How long the evidence of notices is kept and how long decisions can be contested."""

    evidence_kept_days = models.PositiveSmallIntegerField(
        _("Beweise aufbewahren (Tage nach der Entscheidung)"),
        default=365,
        validators=[MinValueValidator(MIN_OBJECTION_DAYS)],
        help_text=_(
            "So lange behalten Meldungen den gemeldeten Text und die Angaben der meldenden Person, "
            "Einsprüche ihre Begründung. Danach bleiben nur Art, Daten und Ergebnis für den Bericht."
        ),
    )
    objection_days = models.PositiveSmallIntegerField(
        _("Einspruch möglich (Tage)"),
        default=MIN_OBJECTION_DAYS,
        validators=[MinValueValidator(MIN_OBJECTION_DAYS)],
        help_text=_("Mindestens sechs Monate (Art. 20 DSA)."),
    )

    panels = [FieldPanel("evidence_kept_days"), FieldPanel("objection_days")]

    class Meta:
        verbose_name = _("Meldungen und Einsprüche (DSA)")

    def objection_deadline(self, decision):
        return decision.decided_at + datetime.timedelta(days=self.objection_days)
