"""The comment form: what a reader types, plus the library's anti-spoofing fields and a honeypot."""

import datetime
import re
import time

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.forms import CommentSecurityForm

from core.ids import parse_id

from .fill_time import StartMark
from .models import ReportReason, StoryComment

FORM_EXPIRED = _("Das Formular war zu lange geöffnet. Bitte senden Sie Ihren Kommentar noch einmal.")
TOO_FAST = _("Das ging sehr schnell. Bitte prüfen Sie Ihren Kommentar und senden Sie ihn noch einmal.")
# A form is signed when its page is rendered; shared caches keep story pages for at most an hour
# (`core.middleware.SharedCacheMiddleware`), so a reader has hours to write before it expires. The same
# holds for the start mark that measures the reader's writing time (`fill_time`).
FORM_MAX_AGE = 6 * 60 * 60

NOT_SENT = _("Ihr Kommentar konnte nicht gesendet werden. Bitte versuchen Sie es noch einmal.")

# Names and texts go into pages and plain-text mails. Control characters there can forge mail lines
# ("Anna\r\nBcc: ..."), terminal escapes or invisible text; direction overrides and isolates make text
# read differently from what it is ("Trojan Source"). Line breaks and tabs are fine in a text (browsers
# send line breaks as CR LF), and the plain marks U+200E/U+200F are legitimate in mixed-direction text,
# but a name is one line and needs neither.
DIRECTION_CONTROLS = r"\u202a-\u202e\u2066-\u2069"
NAME_HIDDEN_CHARACTERS = re.compile(rf"[\x00-\x1f\x7f\u200e\u200f{DIRECTION_CONTROLS}]")
TEXT_HIDDEN_CHARACTERS = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{DIRECTION_CONTROLS}]")
NO_HIDDEN_CHARACTERS_IN_NAME = RegexValidator(
    NAME_HIDDEN_CHARACTERS,
    _(
        "Bitte verwenden Sie im Namen keine Steuerzeichen (etwa Zeilenumbrüche) und keine Zeichen, "
        "die die Schreibrichtung ändern."
    ),
    code="hidden_characters",
    inverse_match=True,
)
NO_HIDDEN_CHARACTERS_IN_TEXT = RegexValidator(
    TEXT_HIDDEN_CHARACTERS,
    _(
        "Ihr Text enthält unsichtbare Steuerzeichen oder Zeichen, die die Schreibrichtung ändern. Bitte "
        "entfernen Sie sie, zum Beispiel indem Sie die betroffene Stelle neu tippen statt sie einzufügen."
    ),
    code="hidden_characters",
    inverse_match=True,
)


class ErrorSummary:
    """What went wrong, listed above the form: messages about the whole form, then each field's errors as a
    link to that field (as GOV.UK's error summary does), so the reader hears all of it and jumps there."""

    # Fields the reader never sees (or must not fill): their errors are messages, not links.
    unseen_fields = ()

    def summary_messages(self):
        return [*self.non_field_errors(), *self.refusals()]

    def refusals(self):
        return [error for name in self.unseen_fields for error in self.errors.get(name, [])]

    def summary_links(self):
        """(id of the field, error) for each error of a field the reader sees; a group of radio buttons is
        reached at its first button."""
        return [
            (field.id_for_label or f"{field.auto_id}_0", error)
            for field in self.visible_fields()
            if field.name not in self.unseen_fields
            for error in field.errors
        ]


class CommentForm(ErrorSummary, CommentSecurityForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=50,
        validators=[NO_HIDDEN_CHARACTERS_IN_NAME],
        help_text=_("Wird mit Ihrem Kommentar angezeigt."),
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        help_text=_("Wird nie veröffentlicht. Wir schicken Ihnen einen Link zur Bestätigung."),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."),
        },
    )
    comment = forms.CharField(
        label=_("Ihr Kommentar"), widget=forms.Textarea(attrs={"rows": 6}), max_length=3000
    )
    followup = forms.BooleanField(
        label=_("Benachrichtigen Sie mich per E-Mail über Antworten."), required=False
    )
    # Only matters for a comment that is held for review first; one published at once gets no mail.
    tell_when_published = forms.BooleanField(
        label=_("Mir eine E-Mail schicken, sobald mein Kommentar freigegeben ist."), required=False
    )
    # The template links the privacy page from the site settings after the label.
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Angaben zur Bearbeitung des Kommentars gespeichert werden."
        ),
        error_messages={"required": _("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")},
    )
    # The comment answered; anything but a stored comment's id starts a new thread (`views.reply_parent`).
    parent = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20)
    # When the reader started writing (`fill_time.StartMark`); filled by the page's script or by the
    # second step for readers without JavaScript.
    started = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)
    # Humans never see this field; programs that fill in every field do.
    website = forms.CharField(required=False, label=_("Bitte leer lassen"))

    second_step = False
    # Errors of these are shown above the form: the reader cannot see the fields.
    unseen_fields = ("timestamp", "security_hash", "website", "content_type", "object_pk", "parent")

    def __init__(self, story, policy, data=None, user=None, **kwargs):
        super().__init__(story, data=data, **kwargs)
        self.story = story
        self.policy = policy
        self.user = user if user is not None and user.is_authenticated else None
        self.fields["comment"] = forms.CharField(
            label=self.fields["comment"].label,
            widget=forms.Textarea(attrs={"rows": 6}),
            max_length=policy.max_length,
            validators=[NO_HIDDEN_CHARACTERS_IN_TEXT],
            error_messages={"required": _("Bitte schreiben Sie einen Kommentar.")},
        )
        if self.user:
            for field in ("name", "email"):
                self.fields[field].required = False
                self.fields[field].widget = forms.HiddenInput()

    @classmethod
    def for_request(cls, request, story, policy, **kwargs):
        return cls(story, policy, user=request.user, **kwargs)

    def clean_timestamp(self):
        timestamp = self.cleaned_data["timestamp"]
        if time.time() - timestamp > FORM_MAX_AGE:
            raise forms.ValidationError(FORM_EXPIRED, code="expired")
        return timestamp

    def clean_started(self):
        value = self.cleaned_data["started"]
        self.start_mark = StartMark.read(value, self.story.pk, FORM_MAX_AGE) if value else None
        return value

    def clean(self):
        """Too fast is only said of a form that is otherwise right: a reader who forgot a field hears
        about the field."""
        cleaned_data = super().clean()
        seconds = self.seconds_writing()
        if not self.errors and seconds is not None and seconds < self.policy.min_fill_seconds:
            self.add_error("timestamp", forms.ValidationError(TOO_FAST, code="too_fast"))
        return cleaned_data

    def seconds_writing(self):
        """How long the reader has been writing, or None where nobody can tell yet. Logged-in readers
        always get a freshly rendered page, so its signed timestamp is their start; for everyone else the
        page may come from a shared cache and only a start mark counts."""
        if self.user:
            return time.time() - self.cleaned_data["timestamp"] if "timestamp" in self.cleaned_data else None
        mark = getattr(self, "start_mark", None)
        return mark.seconds_ago() if mark else None

    @property
    def needs_second_step(self):
        """An anonymous form without a usable start mark (no JavaScript, or the mark was spent)."""
        return self.user is None and getattr(self, "start_mark", None) is None

    def ask_for_second_step(self):
        """The same form once more, with a fresh start mark: the reader sends it again with one click."""
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = StartMark.issue(self.story.pk).signed()
        self.second_step = True

    def clean_security_hash(self):
        try:
            return super().clean_security_hash()
        except forms.ValidationError:
            raise forms.ValidationError(NOT_SENT, code="tampered") from None

    def clean_parent(self):
        return parse_id(self.cleaned_data["parent"])

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(NOT_SENT, code="honeypot")
        return ""

    def is_repeat(self):
        """The same text from the same author on the same story within the form's lifetime: a
        double click or a replayed request, never a second comment."""
        author = {"user": self.user} if self.user else {"user_email__iexact": self.cleaned_data["email"]}
        return (
            StoryComment.objects.for_page(self.story)
            .filter(
                comment=self.cleaned_data["comment"],
                submit_date__gte=timezone.now() - datetime.timedelta(seconds=FORM_MAX_AGE),
                **author,
            )
            .exists()
        )

    @property
    def author_name(self):
        return (
            self.user.get_full_name() or self.user.get_username() if self.user else self.cleaned_data["name"]
        )

    @property
    def author_email(self):
        return self.user.email if self.user else self.cleaned_data["email"]


class ReportForm(ErrorSummary, forms.Form):
    reason = forms.ChoiceField(
        label=_("Was stimmt mit diesem Kommentar nicht?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie einen Grund.")},
    )
    note = forms.CharField(
        label=_("Anmerkung (freiwillig)"),
        required=False,
        max_length=500,
        validators=[NO_HIDDEN_CHARACTERS_IN_TEXT],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
