from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Antwort"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "blocks/faq_item_block.html"
        label = _("Frage und Antwort")
        description = _("Eine Frage mit aufklappbarer Antwort.")
        preview_value = {
            "question": "Wie erreiche ich den Kundenservice?",
            "answer": "<p>Per Telefon, E-Mail oder über unsere Kanäle in sozialen Medien.</p>",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    link_page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    link_url = blocks.URLBlock(label=_("Oder Adresse"), required=False)
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
    call_to_action = CallToActionBlock()
