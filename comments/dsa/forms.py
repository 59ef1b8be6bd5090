"""What a reader fills in to send a notice of illegal content (Art. 16 DSA) or to object to a decision."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from comments.forms import NO_HIDDEN_CHARACTERS_IN_NAME, NO_HIDDEN_CHARACTERS_IN_TEXT, ErrorSummary
from comments.models import StoryComment
from comments.views import readable_stories
from core.ids import parse_id

from .models import ANONYMOUS_KINDS, NoticeKind

MAX_TEXT = 4000

# How readers name a comment: its address as copied from the page (the date under each comment links
# to `#kommentar-12`), the anchor alone, or its number.
COMMENT_REFERENCE = re.compile(r"(?:\S*#)?(?:kommentar-)?([0-9]+)/?", re.IGNORECASE)

UNKNOWN_COMMENT = _(
    "Diesen Kommentar finden wir nicht unter unseren veröffentlichten Kommentaren. Bitte kopieren Sie "
    "seine Adresse: Klicken Sie unter der Geschichte auf Datum und Uhrzeit des Kommentars und kopieren "
    "Sie dann die Adresse aus der Adresszeile Ihres Browsers."
)
# Art. 16(2)(c): only notices about child sexual abuse material may come without a name and address.
NAME_REQUIRED = _(
    "Bitte geben Sie Ihren Namen an. Anonym bleiben können nur Meldungen über Darstellungen sexuellen "
    "Missbrauchs von Kindern (Art. 16 Abs. 2 Buchst. c DSA)."
)
EMAIL_REQUIRED = _(
    "Bitte geben Sie Ihre E-Mail-Adresse an. Anonym bleiben können nur Meldungen über Darstellungen "
    "sexuellen Missbrauchs von Kindern (Art. 16 Abs. 2 Buchst. c DSA)."
)


def published_comment(reference):
    """The published comment on a live public story that `reference` names, or None."""
    match = COMMENT_REFERENCE.fullmatch(reference.strip()) if isinstance(reference, str) else None
    pk = parse_id(match.group(1)) if match else None
    if pk is None:
        return None
    comment = StoryComment.objects.published().filter(pk=pk).first()
    if comment is None or not readable_stories().filter(pk=comment.object_pk).exists():
        return None
    return comment


class NoticeForm(ErrorSummary, forms.Form):
    """A notice about one comment. Name and address are asked for every kind but one (`ANONYMOUS_KINDS`);
    the comment's text is kept with the notice when it is stored (`ContentNotice.evidence_text`)."""

    comment = forms.CharField(
        label=_("Welcher Kommentar?"),
        max_length=500,
        help_text=_(
            "Die Adresse des Kommentars: Klicken Sie unter der Geschichte auf Datum und Uhrzeit des "
            "Kommentars und kopieren Sie die Adresse aus der Adresszeile Ihres Browsers, etwa "
            "„https://…/#kommentar-12“. Die Nummer allein genügt auch."
        ),
        error_messages={"required": _("Bitte nennen Sie den Kommentar, den Sie melden.")},
    )
    kind = forms.ChoiceField(
        label=_("Welche Art von Rechtsverletzung?"),
        choices=NoticeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie, welche Art von Rechtsverletzung Sie melden.")},
    )
    explanation = forms.CharField(
        label=_("Warum ist der Kommentar rechtswidrig?"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[NO_HIDDEN_CHARACTERS_IN_TEXT],
        help_text=_(
            "Welche Stelle meinen Sie, und gegen welches Gesetz verstößt sie? Bitte so genau wie möglich: "
            "Dann können wir Ihre Meldung rasch prüfen."
        ),
        error_messages={"required": _("Bitte erklären Sie, warum der Kommentar rechtswidrig ist.")},
    )
    name = forms.CharField(
        label=_("Ihr Name"), max_length=100, required=False, validators=[NO_HIDDEN_CHARACTERS_IN_NAME]
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        required=False,
        help_text=_("Dorthin schicken wir die Eingangsbestätigung und später unsere Entscheidung."),
        error_messages={
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."),
        },
    )
    good_faith = forms.BooleanField(
        label=_(
            "Ich bin in gutem Glauben davon überzeugt, dass die Angaben in dieser Meldung richtig und "
            "vollständig sind."
        ),
        error_messages={
            "required": _("Bitte bestätigen Sie, dass Sie diese Meldung in gutem Glauben senden.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.named_comment = None

    @classmethod
    def for_comment(cls, comment):
        """An empty form about `comment`, which the reader came from (`?kommentar=<id>`)."""
        form = cls(initial={"comment": str(comment.pk)})
        form.named_comment = comment
        return form

    def clean_comment(self):
        self.named_comment = published_comment(self.cleaned_data["comment"])
        if self.named_comment is None:
            raise forms.ValidationError(UNKNOWN_COMMENT, code="unknown_comment")
        return self.named_comment

    def clean(self):
        """Name and address are asked for unless the kind chosen may stay anonymous; a reader who has not
        chosen yet hears about them at once."""
        cleaned_data = super().clean()
        if cleaned_data.get("kind") not in ANONYMOUS_KINDS:
            for field, message in (("name", NAME_REQUIRED), ("email", EMAIL_REQUIRED)):
                if field in cleaned_data and not cleaned_data[field]:
                    self.add_error(field, forms.ValidationError(message, code="required"))
        return cleaned_data


class ObjectionForm(ErrorSummary, forms.Form):
    text = forms.CharField(
        label=_("Warum sollen wir die Entscheidung überprüfen?"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[NO_HIDDEN_CHARACTERS_IN_TEXT],
        error_messages={"required": _("Bitte schreiben Sie, warum wir die Entscheidung überprüfen sollen.")},
    )
