from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blog.blocks import CaptionedImageBlock

# Addresses spell umlauts as German readers would type them: "Über uns" -> "ueber-uns".
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def anchor_block(label, help_text):
    """An optional mark for a place on a page (`#geschichte-vorschlagen`), as an address spells it."""
    return blocks.CharBlock(
        label=label, required=False, max_length=60, validators=[validate_slug], help_text=help_text
    )


class FaqItemValue(blocks.StructValue):
    @property
    def anchor_id(self):
        """Where a link to this answer points (`/faq/#anchor_id`): the editor's mark, else the question's
        words, so "Kann ich eine Geschichte vorschlagen?" is `#kann-ich-eine-geschichte-vorschlagen`."""
        return self.get("anchor") or slugify(self["question"].translate(UMLAUTS))


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Antwort"), features=["bold", "italic", "link", "ul", "ol"])
    anchor = anchor_block(
        _("Sprungmarke"),
        _(
            "Für Links, die diese Antwort aufgeklappt zeigen, z. B. „geschichte-vorschlagen“ für "
            "…/faq/#geschichte-vorschlagen. Leer: aus der Frage gebildet; eine eigene Sprungmarke bleibt, "
            "auch wenn sich die Frage ändert."
        ),
    )

    class Meta:
        icon = "help"
        template = "blocks/faq_item_block.html"
        label = _("Frage und Antwort")
        description = _("Eine Frage mit aufklappbarer Antwort.")
        value_class = FaqItemValue
        preview_value = {
            "question": "Wie erreiche ich den Kundenservice?",
            "answer": "<p>Per Telefon, E-Mail oder über unsere Kanäle in sozialen Medien.</p>",
        }


class FaqBlock(blocks.StreamBlock):
    """The questions of the FAQ page; each answer's mark must be its own, or links would find the first."""

    item = FaqItemBlock()

    def clean(self, value):
        value = super().clean(value)
        seen, errors = set(), {}
        for index, child in enumerate(value):
            mark = child.value.anchor_id
            if mark in seen:
                message = _("Diese Sprungmarke hat schon eine andere Frage. Bitte eine eigene wählen.")
                errors[index] = blocks.StructBlockValidationError(
                    block_errors={"anchor": ValidationError(message)}
                )
            seen.add(mark)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    link_page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    link_url = blocks.URLBlock(label=_("Oder Adresse"), required=False)
    link_anchor = anchor_block(
        _("Sprungmarke auf der Seite"),
        _(
            "Optional: führt zu einer Stelle der gewählten Seite, z. B. zu einer häufigen Frage, deren "
            "Antwort dann aufgeklappt ist („geschichte-vorschlagen“, ohne #)."
        ),
    )
    link_text = blocks.CharBlock(label=_("Linktext"), max_length=60)

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("link_page") or value.get("link_url")):
            raise blocks.StructBlockValidationError(
                block_errors={"link_page": ValidationError(_("Bitte eine Seite oder Adresse wählen."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Aufruf")
        description = _("Ein hervorgehobener Kasten mit Link, z. B. zum Kontakt.")
        preview_value = {
            "title": "Eine Geschichte erlebt?",
            "text": "Erzählen Sie uns, wo unser Team Ihnen geholfen hat.",
            "link_url": "https://example.org/kontakt/",
            "link_text": "Schreiben Sie uns",
        }


class HomeBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "h2", "h3"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Ein Textabschnitt."),
        preview_value="<p>Hinter jeder Anfrage steht ein Mensch.</p>",
    )
    call_to_action = CallToActionBlock()


class StandardBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Fließtext mit Zwischenüberschriften, Listen und Links."),
        preview_value="<h2>Verantwortlich</h2><p>Muster GmbH, Beispielstraße 1, 12345 Musterstadt</p>",
    )
    image = CaptionedImageBlock()
    call_to_action = CallToActionBlock()
