"""Walks a post's HTML in reading order and hands back what a reader sees, piece by piece: rich text (already
cleaned by nh3), headings, pictures, quotes and videos. Inline images and videos split the paragraph they sit
in; containers (group, columns, cover, unknown tags) are flattened."""

import html
import re
from dataclasses import dataclass

from bs4 import NavigableString, Tag

from .cleaning import (
    LAZY_SOURCES,
    SPACES,
    clean_rich_text,
    cut,
    disarm,
    parse,
    plain_text,
    safe_link,
    text_of,
    video_url,
)

INLINE = {
    "a",
    "abbr",
    "acronym",
    "b",
    "bdi",
    "bdo",
    "big",
    "br",
    "cite",
    "code",
    "data",
    "del",
    "dfn",
    "em",
    "font",
    "i",
    "ins",
    "kbd",
    "label",
    "mark",
    "nobr",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "time",
    "tt",
    "u",
    "var",
    "wbr",
}
LIST_TAGS = {"ul", "ol", "li"}
# What cannot stay inside a list or a quote: it is taken out and follows it.
MEDIA = ["figure", "img", "iframe", "video", "audio", "wpimport-embed", "wpimport-gallery"]
LINE_BLOCKS = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "dt", "dd"]
DASHES = ("—", "–", "-", "~")
WP_IMAGE_ID = re.compile(r"wp-image-(\d+)")


@dataclass
class Rich:
    html: str


@dataclass
class Heading:
    text: str
    level: str  # "h2" or "h3"


@dataclass
class Picture:
    image: object
    alt: str
    caption: str


@dataclass
class Quote:
    text: str
    source: str = ""
    source_url: str = ""


@dataclass
class Video:
    url: str
    title: str


def number(value):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def only_inline(tag):
    return all(child.name in INLINE for child in tag.find_all(True))


def collapse_whitespace(soup):
    """Line breaks in the source are spaces to a reader (outside <pre>); <br> and paragraphs make lines."""
    for string in list(soup.find_all(string=True)):
        if type(string) is NavigableString and string.find_parent("pre") is None:
            collapsed = SPACES.sub(" ", str(string))
            if collapsed != str(string):
                string.replace_with(collapsed)


def lines_of(tag):
    """The text of a quote or code block with its line breaks, every line's whitespace collapsed."""
    for br in tag.find_all("br"):
        br.replace_with("\n")
    for block in tag.find_all(LINE_BLOCKS):
        block.insert_after("\n")
    text = "".join(str(string) for string in tag.find_all(string=True) if type(string) is NavigableString)
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def tidy(markup):
    """No space next to a paragraph's, list's or line break's edge: editors would see it as a stray blank."""
    markup = markup.replace("<br>", "<br/>")
    markup = re.sub(r"\s*(</?(?:p|ul|ol|li|h2|h3)>|<br/>)\s*", r"\1", markup)
    markup = re.sub(r"<(p|li)>(<br/>)+", r"<\1>", markup)
    return re.sub(r"(<br/>)+</(p|li)>", r"</\2>", markup)


def attribution(quote):
    """Embedded posts (Twitter, Instagram) and many writers name the author after the quoted paragraphs,
    without <cite>: trailing text, or a last paragraph that starts with a dash."""
    paragraphs = quote.find_all("p", recursive=False)
    if not paragraphs:
        return None
    trailing = list(paragraphs[-1].next_siblings)
    if any(str(node).strip() for node in trailing):
        cite = parse("<cite></cite>").cite
        for node in trailing:
            cite.append(node.extract())
        return cite
    if len(paragraphs) > 1 and text_of(paragraphs[-1]).startswith(DASHES):
        return paragraphs[-1]
    return None


class Walker:
    def __init__(self, *, find_image, title, dropped, missing_images):
        self.find_image = find_image
        self.title = title
        self.dropped = dropped
        self.missing_images = missing_images
        self.pieces = []
        self.run = []  # inline HTML waiting to become a paragraph
        self.handlers = {
            "h1": self.heading,
            "h2": self.heading,
            "h3": self.heading,
            "h4": self.heading,
            "h5": self.heading,
            "h6": self.heading,
            "ul": self.list,
            "ol": self.list,
            "blockquote": self.quote,
            "figure": self.figure,
            "img": self.image,
            "iframe": self.iframe,
            "video": self.media,
            "audio": self.media,
            "wpimport-embed": self.placeholder_embed,
            "wpimport-gallery": self.gallery,
            "table": self.table,
            "pre": self.pre,
            "hr": lambda tag: None,
        }

    def walk(self, markup):
        soup = disarm(parse(markup), self.dropped)
        for duplicate in soup.select(
            "a.wp-block-file__button"
        ):  # the file block's second link to the same file
            duplicate.decompose()
        collapse_whitespace(soup)
        self.children(soup)
        self.flush()
        return self.pieces

    def children(self, tag):
        for child in list(tag.children):
            self.visit(child)

    def visit(self, node):
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment, doctype or CDATA
                self.run.append(html.escape(str(node), quote=False))
            return
        if not isinstance(node, Tag):
            return
        if node.name in INLINE:
            if only_inline(node):
                self.run.append(node.decode())
            else:  # a link around an image, a span around a video: the wrapper goes, its content stays
                self.children(node)
            return
        self.flush()
        handler = self.handlers.get(node.name, self.children)
        handler(node)
        self.flush()

    def flush(self):
        if not self.run:
            return
        markup, self.run = "".join(self.run), []
        self.add_rich(clean_rich_text(f"<p>{markup}</p>"))

    def add_rich(self, markup):
        markup = tidy(markup)
        if plain_text(markup):
            self.pieces.append(Rich(markup))

    def take_out_media(self, tag):
        """Pictures and videos inside a list, quote or heading: taken out, to follow it."""
        found = []
        while (element := tag.find(MEDIA)) is not None:
            found.append(element.extract())
        return found

    def heading(self, tag):
        media = self.take_out_media(tag)
        text = text_of(tag)
        if text:
            self.pieces.append(Heading(text, "h2" if tag.name in ("h1", "h2") else "h3"))
        for element in media:
            self.visit(element)

    def list(self, tag):
        classes = " ".join(tag.get("class", []))
        items = tag.find_all("li", recursive=False)
        if "gallery" in classes or (items and all(item.find(["img", "figure"]) for item in items)):
            self.children(tag)
            return
        media = self.take_out_media(tag)
        for inner in tag.find_all(True):
            if inner.name in INLINE or inner.name in LIST_TAGS:
                continue
            if inner.next_sibling is not None and inner.name in LINE_BLOCKS + ["blockquote"]:
                inner.insert_after(parse("<br>").br)
            inner.unwrap()
        self.add_rich(clean_rich_text(str(tag)))
        for element in media:
            self.visit(element)

    def quote(self, tag):
        media = self.take_out_media(tag)
        cite = tag.find(["cite", "footer"]) or attribution(tag)
        source, source_url = "", safe_link(tag.get("cite", ""))
        if cite is not None:
            link = cite.find("a", href=True)
            source_url = safe_link(link["href"]) if link else source_url
            source = text_of(cite.extract()).lstrip("".join(DASHES) + " ")
        source_url = source_url if source_url.startswith(("http://", "https://")) else ""
        text = lines_of(tag)
        if text:
            self.pieces.append(
                Quote(
                    text=cut(text, 800, "Zitat gekürzt", self.dropped),
                    source=cut(source, 120, "Quelle gekürzt", self.dropped),
                    source_url=source_url,
                )
            )
        elif source:
            self.add_rich(f"<p>{html.escape(source, quote=False)}</p>")
        for element in media:
            self.visit(element)

    def figure(self, tag):
        classes = " ".join(tag.get("class", []))
        caption = tag.find("figcaption")
        if tag.find("blockquote"):
            self.children(tag)
        elif "wp-block-embed" in classes or tag.find(["iframe", "video", "audio", "wpimport-embed"]):
            self.embed(self.address_in(tag), text_of(caption) if caption else "")
        elif tag.find("table"):
            self.table(tag.find("table"))
            if caption:
                self.add_rich(clean_rich_text(f"<p>{caption.decode_contents()}</p>"))
        elif tag.find("figure") or tag.find(["ul", "ol"]):
            self.children(tag)  # a gallery: every picture with its own caption, then the gallery's
        else:
            images = tag.find_all("img")
            if not images:
                self.children(tag)
                return
            if len(images) == 1:
                self.image(images[0], caption=text_of(caption) if caption else "", hint=tag.get("data-id"))
                return
            for image in images:
                self.image(image)
            if caption:
                self.add_rich(clean_rich_text(f"<p>{caption.decode_contents()}</p>"))

    def address_in(self, tag):
        placeholder = tag.find("wpimport-embed")
        if placeholder is not None:
            return placeholder.get("url", "")
        for element in tag.find_all(["iframe", "video", "audio", "source"]):
            if element.get("src") or element.get("data-src"):
                return element.get("src") or element.get("data-src")
        wrapper = tag.find(class_="wp-block-embed__wrapper")
        if wrapper is not None and text_of(wrapper):
            return text_of(wrapper)
        link = tag.find("a", href=True)
        return link["href"] if link else ""

    def image(self, tag, caption="", hint=None):
        source = tag.get("src") or next((tag[lazy] for lazy in LAZY_SOURCES if tag.get(lazy)), "")
        id_match = WP_IMAGE_ID.search(" ".join(tag.get("class", [])))
        attachment = number(id_match[1]) if id_match else number(tag.get("data-id")) or number(hint)
        if not source and attachment is None:
            return
        self.picture(source or None, attachment, alt=plain_text(tag.get("alt", "")), caption=caption)

    def picture(self, source, attachment, alt="", caption=""):
        found = self.find_image(source, attachment)
        if found is None:
            self.missing_images.append(source or f"Anhang {attachment}")
            return
        alt = alt or plain_text(found.alt)
        caption = caption or plain_text(found.caption)
        self.pieces.append(
            Picture(
                image=found.image,
                alt=cut(alt, 250, "Alternativtext gekürzt", self.dropped),
                caption=cut(caption, 250, "Bildunterschrift gekürzt", self.dropped),
            )
        )

    def gallery(self, tag):
        for part in tag.get("ids", "").split(","):
            if number(part) is not None:
                self.picture(None, number(part))

    def placeholder_embed(self, tag):
        self.embed(tag.get("url", ""), tag.get("title", ""))

    def iframe(self, tag):
        self.embed(tag.get("src") or tag.get("data-src", ""), plain_text(tag.get("title", "")))

    def media(self, tag):
        self.embed(self.address_in(tag) or tag.get("src", ""), "")

    def embed(self, url, title):
        """A YouTube or Vimeo video becomes a video block; anything else a link, since we load nothing from
        other hosts."""
        url = html.unescape((url or "").strip())
        video = video_url(url)
        if video:
            title = cut(title or self.title or "Video", 120, "Videotitel gekürzt", self.dropped)
            self.pieces.append(Video(video, title))
            return
        link = safe_link(url)
        if link and not link.startswith("mailto:"):
            self.dropped["Einbettung als Link"] += 1
            text = html.escape(title or link, quote=False)
            self.add_rich(clean_rich_text(f'<p><a href="{html.escape(link)}">{text}</a></p>'))

    def table(self, tag):
        """No table block: each row a line, its cells joined by " · "."""
        lines = []
        caption = tag.find("caption")
        if caption is not None:
            lines.append(text_of(caption.extract()))
        for row in tag.find_all("tr"):
            cells = [text_of(cell) for cell in row.find_all(["th", "td"])]
            if any(cells):
                lines.append(" · ".join(cell for cell in cells if cell))
        if lines:
            self.dropped["Tabelle als Text"] += 1
            self.add_rich("<p>" + "<br/>".join(html.escape(line, quote=False) for line in lines) + "</p>")

    def pre(self, tag):
        lines = [html.escape(line.rstrip(), quote=False) for line in tag.get_text().strip("\n").split("\n")]
        self.add_rich(clean_rich_text("<p>" + "<br/>".join(lines) + "</p>"))
