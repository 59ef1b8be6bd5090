"""The forms moderators decide with: what becomes of the comment, on which ground and why. The ground and
the explanation go into the statement of reasons to the commenter (Art. 17) and the answer to whoever
sent a notice or an objection, so the forms insist on them where those people are owed a reason."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from comments.moderation.actions import DECISION_LABELS
from comments.statuses import CommentStatus

from .models import DecisionGround, GroundKind, Outcome

NEEDS_GROUND = {Outcome.HIDE, Outcome.REMOVE, Outcome.SPAM}
NEEDS_EXPLANATION = {Outcome.HIDE, Outcome.REMOVE}
UPHOLD = "uphold"


def decisions_for(comment):
    """The decisions the decision page offers for `comment`, in the order it lists them."""
    actions = [Outcome.KEEP, Outcome.HIDE, Outcome.REMOVE, Outcome.SPAM]
    if comment.status == CommentStatus.PENDING:
        actions.append(Outcome.APPROVE)
    if comment.status in (CommentStatus.HIDDEN, CommentStatus.REMOVED, CommentStatus.SPAM):
        actions.append(Outcome.RESTORE)
    return actions


class GroundsByKind(ModelChoiceIterator):
    """The grounds grouped under "Kommentarregeln" and "Gesetz", each option its title."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        grounds = list(self.queryset)
        for kind, label in GroundKind.choices:
            group = [self.choice(ground) for ground in grounds if ground.kind == kind]
            if group:
                yield (label, group)


class GroundField(forms.ModelChoiceField):
    """The active grounds; whether one is required depends on the decision (`ReasonForm.clean`)."""

    iterator = GroundsByKind

    def __init__(self, **kwargs):
        super().__init__(
            queryset=DecisionGround.objects.filter(active=True),
            required=False,
            label=_("Grund"),
            empty_label=_("– Bitte wählen –"),
            help_text=_("Der Text zum Grund steht in der Begründung an die Verfasserin oder den Verfasser."),
            error_messages={"invalid_choice": _("Bitte wählen Sie einen der angebotenen Gründe.")},
            **kwargs,
        )


class ReasonForm(forms.Form):
    """Ground and explanation of one decision (`action`), as a confirmation page asks for them."""

    ground = GroundField()
    explanation = forms.CharField(
        label=_("Erläuterung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "In Ihren Worten, warum Sie so entscheiden. Steht in der Begründung an die Verfasserin oder den "
            "Verfasser und in der Antwort an meldende Personen."
        ),
    )

    def __init__(self, *args, action=None, notices_open=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.notices_open = notices_open

    def chosen_action(self):
        return self.action

    def clean(self):
        cleaned_data = super().clean()
        action = self.chosen_action()
        if action in NEEDS_GROUND and not cleaned_data.get("ground") and "ground" not in self.errors:
            self.add_error(
                "ground", _("Bitte wählen Sie den Grund, aus dem der Kommentar nicht mehr erscheint.")
            )
        if not cleaned_data.get("explanation") and "explanation" not in self.errors:
            missing = self.explanation_missing(action)
            if missing:
                self.add_error("explanation", missing)
        return cleaned_data

    def explanation_missing(self, action):
        """What to say when `action` needs an explanation and has none; None when it needs none."""
        if action in NEEDS_EXPLANATION:
            return _("Bitte erläutern Sie die Entscheidung: Die Verfasserin oder der Verfasser liest sie.")
        if action == Outcome.KEEP and self.notices_open:
            return _("Bitte erläutern Sie, warum der Kommentar bleibt: Die meldende Person erfährt es.")
        return None

    @property
    def reasons(self):
        """The keyword arguments of `StoryComment.moderate`; a ground only where the decision restricts."""
        action = self.chosen_action()
        ground = self.cleaned_data.get("ground") if action in NEEDS_GROUND or action == Outcome.HOLD else None
        return {"ground": ground, "explanation": self.cleaned_data.get("explanation", "")}


class DecisionForm(ReasonForm):
    """The decision about a comment with open notices (or any comment): outcome, ground, explanation."""

    action = forms.ChoiceField(
        label=_("Entscheidung"),
        widget=forms.RadioSelect,
        help_text=_(
            "Verbergen, Entfernen und Spam brauchen einen Grund, Verbergen und Entfernen auch eine Erläuterung. "
            "Belassen braucht eine Erläuterung, solange Meldungen offen sind."
        ),
        error_messages={
            "required": _("Bitte wählen Sie eine Entscheidung."),
            "invalid_choice": _("Bitte wählen Sie eine der angebotenen Entscheidungen."),
        },
    )

    field_order = ["action", "ground", "explanation"]

    def __init__(self, *args, comment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            (action, DECISION_LABELS[action]) for action in decisions_for(comment)
        ]

    def chosen_action(self):
        return self.cleaned_data.get("action")


class ObjectionAnswerForm(ReasonForm):
    """The answer to an objection: the contested decision upheld (same outcome and ground) or a new one,
    always explained, since the person who objected reads why."""

    answer = forms.ChoiceField(
        label=_("Entscheidung"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie, ob die Entscheidung bleibt oder wie sie sich ändert."),
            "invalid_choice": _("Bitte wählen Sie eine der angebotenen Entscheidungen."),
        },
    )

    field_order = ["answer", "ground", "explanation"]

    def __init__(self, *args, objection, **kwargs):
        super().__init__(*args, **kwargs)
        self.contested = objection.decision
        comment = self.contested.comment
        others = [
            action
            for action in decisions_for(comment)
            if action != self.contested.outcome
            # Leaving a comment that readers do not see "as it is" would uphold the decision in other words.
            and not (action == Outcome.KEEP and comment.status != CommentStatus.PUBLISHED)
        ]
        self.fields["answer"].choices = [
            (
                UPHOLD,
                _("Entscheidung bestätigen („%(outcome)s“)")
                % {"outcome": self.contested.get_outcome_display()},
            ),
            *[(action, DECISION_LABELS[action]) for action in others],
        ]
        self.fields["ground"].help_text = _(
            "Nur für eine neue Entscheidung; wer bestätigt, behält den Grund der angefochtenen Entscheidung."
        )
        self.fields["explanation"].help_text = _(
            "Steht in der Antwort an die Person, die Einspruch erhoben hat."
        )

    def chosen_action(self):
        answer = self.cleaned_data.get("answer")
        return self.contested.outcome if answer == UPHOLD else answer

    def clean(self):
        if self.cleaned_data.get("answer") == UPHOLD:
            self.cleaned_data["ground"] = self.contested.ground or self.cleaned_data.get("ground")
        return super().clean()

    def explanation_missing(self, action):
        return _("Bitte erläutern Sie Ihre Antwort: Die Person, die Einspruch erhoben hat, erfährt sie.")
