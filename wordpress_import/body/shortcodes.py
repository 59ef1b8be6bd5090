"""WordPress shortcodes (`[caption]`, `[gallery]`, `[embed]`, `[video]`, `[youtube]`, plugins' own) turned into
HTML the walker understands, or taken out and counted. Only WordPress knows which shortcodes a site had
registered, so a bracketed word counts as one only if it looks like one: a known name, attributes, a closing
tag or a plugin-style name (`contact-form-7`, `vc_row`). "[lacht]" or "[Name geändert]" stay text."""

import html
import re

from .classic import embed_placeholder

SHORTCODE = re.compile(r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:/(?!\])[^\]/]*)*?)(/?)\](\]?)")
ATTRIBUTE = re.compile(
    r"([\w-]+)\s*=\s*\"([^\"]*)\"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'\"]+)(?:\s|$)"
    r"|\"([^\"]*)\"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"
)
CURLY_QUOTES = re.compile(r"&quot;|&#8220;|&#8221;|&#8243;|[“”″„]")
KNOWN = {
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "video",
    "audio",
    "playlist",
    "youtube",
    "vimeo",
    "toc",
    "contact-form",
    "contact",
    "googlemaps",
    "soundcloud",
    "spotify",
    "tweet",
    "instagram",
    "slideshow",
    "sitemap",
}
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "url", "0")
AUDIO_SOURCES = ("src", "mp3", "ogg", "m4a", "wav", "wma", "flac", "0")
CAPTIONED_IMAGE = re.compile(r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.IGNORECASE | re.DOTALL)


def parse_attributes(text):
    """WordPress's shortcode_parse_atts: name="value", name='value', name=value and bare values ("0", "1")."""
    text = CURLY_QUOTES.sub('"', text.replace("\xa0", " "))
    attributes, position = {}, 0
    for match in ATTRIBUTE.finditer(text.strip()):
        if match[1]:
            attributes[match[1].lower()] = match[2]
        elif match[3]:
            attributes[match[3].lower()] = match[4]
        elif match[5]:
            attributes[match[5].lower()] = match[6]
        else:
            attributes[str(position)] = next(value for value in match.group(7, 8, 9) if value is not None)
            position += 1
    return attributes


def looks_like_shortcode(name, attributes, content):
    return name.lower() in KNOWN or "=" in attributes or content is not None or bool(re.search(r"[_-]", name))


def expand_shortcodes(text, dropped):
    """Every shortcode in `text` replaced by what it showed; unknown ones removed (an enclosing one keeps its
    inner text) and counted as "Shortcode [name]"."""
    out, position = [], 0
    while match := SHORTCODE.search(text, position):
        out.append(text[position : match.start()])
        opening, name, attributes, self_closing, closing = match.groups()
        if opening and closing:  # [[name]]: WordPress's way of writing a shortcode as text
            out.append(match[0][1:-1])
            position = match.end()
            continue
        content, end = None, match.end() - len(closing)
        if not self_closing:
            closer = re.compile(rf"\[/{re.escape(name)}\]").search(text, end)
            if closer:
                content, end = text[end : closer.start()], closer.end()
        if not looks_like_shortcode(name, attributes, content):
            out.append(text[match.start()])
            position = match.start() + 1
            continue
        out.append(opening + render(name.lower(), parse_attributes(attributes), content, dropped))
        position = end
    out.append(text[position:])
    return "".join(out)


def render(name, attributes, content, dropped):
    if name in ("caption", "wp_caption"):
        return caption(attributes, content or "", dropped)
    if name == "gallery":
        ids = attributes.get("ids") or attributes.get("include") or ""
        ids = ",".join(part for part in re.split(r"[\s,]+", ids) if part.isdigit())
        if not ids:
            dropped["Galerie ohne Bildliste"] += 1
            return ""
        return f'<wpimport-gallery ids="{ids}"></wpimport-gallery>'
    if name == "embed":
        url = (content or "").strip() or attributes.get("src") or attributes.get("url", "")
        return embed_placeholder(html.unescape(url)) if url else ""
    if name in ("video", "audio"):
        sources = VIDEO_SOURCES if name == "video" else AUDIO_SOURCES
        url = next((attributes[key] for key in sources if attributes.get(key)), "") or (content or "").strip()
        if not url:
            dropped[f"Shortcode [{name}]"] += 1
            return ""
        return embed_placeholder(html.unescape(url))
    if name in ("youtube", "vimeo"):
        return video_shortcode(name, attributes, content)
    dropped[f"Shortcode [{name}]"] += 1
    return expand_shortcodes(content, dropped) if content else ""


def caption(attributes, content, dropped):
    """`[caption id="attachment_40"]<img …> Text[/caption]` -> a figure with its caption."""
    content = expand_shortcodes(content, dropped)
    match = CAPTIONED_IMAGE.search(content)
    if not match:
        return content
    image, text = match[1], attributes.get("caption") or match[2]
    attachment = re.sub(r"\D", "", attributes.get("id", ""))
    marker = f' data-id="{attachment}"' if attachment else ""
    return f'<figure class="wp-caption"{marker}>{image}<figcaption>{text.strip()}</figcaption></figure>'


def video_shortcode(name, attributes, content):
    """Jetpack's `[youtube URL]`, `[youtube=URL]`, `[youtube id=…]`, `[vimeo 123]`."""
    value = attributes.get("id") or attributes.get("url") or attributes.get("0") or (content or "")
    value = html.unescape(value.strip().lstrip("=").strip())
    if not value:
        return ""
    if not value.startswith(("http://", "https://", "//")):
        value = (
            f"https://www.youtube.com/watch?v={value}" if name == "youtube" else f"https://vimeo.com/{value}"
        )
    return embed_placeholder(value)
