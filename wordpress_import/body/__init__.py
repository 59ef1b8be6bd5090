"""A WordPress post's HTML as our StreamField blocks, safely: block-editor and classic content, shortcodes,
images from the local uploads (looked up by the importer, never downloaded), videos as click-to-load blocks.
Everything that reaches a rich-text field has passed nh3; plain fields hold text only."""

import html
from collections import Counter
from dataclasses import dataclass, field

from .classic import classic_to_html
from .cleaning import clean_rich_text, plain_text
from .gutenberg import blocks_to_html, has_blocks
from .shortcodes import expand_shortcodes
from .walker import Heading, Picture, Quote, Rich, Video, Walker

__all__ = ["BodyImage", "ConvertedBody", "clean_rich_text", "convert_body", "plain_text"]
HEADING_LIMIT = 120


@dataclass
class BodyImage:
    """What the importer's image lookup hands back for an image of the body."""

    image: object  # a saved Wagtail image
    alt: str = ""  # the attachment's alt text (when the <img> has none)
    caption: str = ""  # the attachment's caption (when the figure has none)


@dataclass
class ConvertedBody:
    blocks: list[dict] = field(default_factory=list)  # raw StreamField data
    missing_images: list[str] = field(default_factory=list)  # src, or "Anhang 40", of each image left out
    dropped: Counter = field(default_factory=Counter)  # what was taken out, by a short German label


def convert_body(html_text, *, find_image, title="", for_page=False):
    """`find_image(src, attachment_id)` returns a BodyImage, or None when the file is missing. Story blocks,
    or with `for_page` the blocks of a standard page (text and image)."""
    result = ConvertedBody()
    markup = html_text or ""
    if has_blocks(markup):
        markup = expand_shortcodes(blocks_to_html(markup, result.dropped), result.dropped)
    else:
        markup = classic_to_html(expand_shortcodes(markup, result.dropped))
    walker = Walker(
        find_image=find_image, title=title, dropped=result.dropped, missing_images=result.missing_images
    )
    pieces = walker.walk(markup)
    result.blocks = page_blocks(pieces) if for_page else story_blocks(pieces, result.dropped)
    return result


def image_block(piece):
    value = {"image": piece.image.pk, "alt_text": piece.alt, "caption": piece.caption, "credit": ""}
    return {"type": "image", "value": value}


def escaped(text):
    return html.escape(text, quote=False)


def story_blocks(pieces, dropped):
    """Consecutive paragraphs and lists make one paragraph block, as an editor would write them."""
    blocks, text = [], []

    def close_text():
        if text:
            blocks.append({"type": "paragraph", "value": "".join(text)})
            text.clear()

    for piece in pieces:
        if isinstance(piece, Rich):
            text.append(piece.html)
            continue
        if isinstance(piece, Heading) and len(piece.text) > HEADING_LIMIT:
            dropped["Überschrift als fetter Absatz"] += 1
            text.append(f"<p><b>{escaped(piece.text)}</b></p>")
            continue
        close_text()
        if isinstance(piece, Heading):
            blocks.append({"type": "heading", "value": {"text": piece.text, "level": piece.level}})
        elif isinstance(piece, Picture):
            blocks.append(image_block(piece))
        elif isinstance(piece, Quote):
            value = {"text": piece.text, "source": piece.source, "source_url": piece.source_url}
            blocks.append({"type": "quote", "value": value})
        elif isinstance(piece, Video):
            blocks.append({"type": "embed", "value": {"url": piece.url, "title": piece.title}})
    close_text()
    return blocks


def page_blocks(pieces):
    """A standard page has rich text with headings and pictures: quotes and videos become text."""
    blocks, text = [], []

    def close_text():
        if text:
            blocks.append({"type": "text", "value": "".join(text)})
            text.clear()

    for piece in pieces:
        if isinstance(piece, Picture):
            close_text()
            blocks.append(image_block(piece))
        elif isinstance(piece, Rich):
            text.append(piece.html)
        elif isinstance(piece, Heading):
            text.append(f"<{piece.level}>{escaped(piece.text)}</{piece.level}>")
        elif isinstance(piece, Quote):
            lines = "<br/>".join(escaped(line) for line in piece.text.split("\n"))
            text.append(f"<p><i>{lines}</i></p>")
            if piece.source:
                source = escaped(piece.source)
                if piece.source_url:
                    source = f'<a href="{html.escape(piece.source_url)}">{source}</a>'
                text.append(f"<p>— {source}</p>")
        elif isinstance(piece, Video):
            text.append(f'<p><a href="{html.escape(piece.url)}">{escaped(piece.title)}</a></p>')
    close_text()
    return blocks
