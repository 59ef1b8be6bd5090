"""StreamField blocks for story bodies. Each block shows editors a preview of what readers get."""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Zwischenüberschrift")), ("h3", _("Unterüberschrift"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Überschrift")
        description = _("Gliedert längere Geschichten in Abschnitte.")
        preview_value = {"text": "Ein Anruf am Sonntagmorgen", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Absatz")
        description = _("Fließtext mit Fett, Kursiv, Links und Listen.")
        preview_value = (
            "<p>Als die Nachricht der Familie bei uns ankam, war schnell klar: "
            "Hier geht es um mehr als ein Stofftier.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen. Leer: Bildbeschreibung."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image and not (value.get("alt_text") or image.description):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Bitte einen Alternativtext angeben: das Bild hat keine Beschreibung.")
                    )
                }
            )
        return value

    def get_preview_value(self):
        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {"image": image.pk if image else None, "caption": "Bildunterschrift", "credit": "Foto: Muster AG"}
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value.get("image")
        context["alt"] = value.get("alt_text") or (image.description if image else "")
        return context

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Bild mit Unterschrift")
        description = _("Ein Foto mit Alternativtext, Bildunterschrift und Bildnachweis.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"), max_length=800)
    source = blocks.CharBlock(
        label=_("Quelle"),
        required=False,
        max_length=120,
        help_text=_("Wer es gesagt hat, z. B. „Familie M. auf Instagram“."),
    )
    source_url = blocks.URLBlock(label=_("Link zur Quelle"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Zitat")
        description = _("Stimme einer Kundin oder eines Kunden, etwa ein Beitrag aus sozialen Medien.")
        preview_value = {
            "text": "Ihr habt unserem Sohn den schönsten Tag des Jahres geschenkt.",
            "source": "Familie M. auf Instagram",
        }


class InfoBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=80)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])
    tone = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[("info", _("Hinweis")), ("tip", _("Tipp")), ("fact", _("Zahlen und Fakten"))],
        default="info",
    )

    class Meta:
        icon = "info-circle"
        template = "blocks/info_box_block.html"
        label = _("Infokasten")
        description = _("Hebt einen Hinweis, Tipp oder eine Zahl hervor.")
        preview_value = {
            "title": "Gut zu wissen",
            "text": "<p>Unser Kundenservice ist auch am Wochenende erreichbar.</p>",
            "tone": "tip",
        }


class PrivacyEmbedValue(blocks.StructValue):
    """Turns a video address into its privacy-friendly player address, or None if unknown."""

    @cached_property
    def player_url(self):
        url = urlparse(self.get("url") or "")
        host = (url.hostname or "").removeprefix("www.").removeprefix("m.")
        if host in ("youtube.com", "youtube-nocookie.com"):
            video_id = parse_qs(url.query).get("v", [""])[0] or url.path.rsplit("/", 1)[-1]
            return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else None
        if host == "youtu.be":
            return f"https://www.youtube-nocookie.com/embed/{url.path.strip('/')}"
        if host == "vimeo.com" and url.path.strip("/").isdigit():
            return f"https://player.vimeo.com/video/{url.path.strip('/')}?dnt=1"
        return None

    @cached_property
    def provider(self):
        return (urlparse(self.get("url") or "").hostname or "").removeprefix("www.")


class PrivacyEmbedBlock(blocks.StructBlock):
    """An external video that loads nothing from its host until the reader asks for it."""

    url = blocks.URLBlock(label=_("Adresse des Videos"), help_text=_("YouTube oder Vimeo."))
    title = blocks.CharBlock(label=_("Titel"), max_length=120)

    def clean(self, value):
        value = super().clean(value)
        if not value.player_url:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Bitte eine Video-Adresse von YouTube oder Vimeo angeben."))
                }
            )
        return value

    class Meta:
        icon = "media"
        template = "blocks/privacy_embed_block.html"
        label = _("Video (lädt erst nach Klick)")
        description = _("Bindet ein Video ein, das erst nach einem Klick Daten vom Anbieter lädt.")
        value_class = PrivacyEmbedValue
        preview_value = {"url": "https://vimeo.com/76979871", "title": "Ein Tag im Kundenservice"}


class StoryBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    info_box = InfoBoxBlock()
    embed = PrivacyEmbedBlock()
