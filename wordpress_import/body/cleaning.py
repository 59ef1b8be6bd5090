"""What may come through from WordPress HTML, and nothing else: nh3 (ammonia) does the cleaning, because an
allowlist parser written for the job is safer than rules of our own. Before it, `disarm` takes the dangerous
parts out of the parsed tree and counts them, so the import report can say what was left behind."""

import html
import re
from urllib.parse import parse_qs, urlparse

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString

# Exactly what a story paragraph holds (blog.blocks.ParagraphBlock: bold, italic, link, ol, ul).
RICH_TEXT_TAGS = {"p", "br", "b", "i", "a", "ul", "ol", "li"}
LINK_SCHEMES = {"http", "https", "mailto"}
# Gone with everything inside them: nothing a reader should see lives there.
CONTENT_FREE_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "object",
    "applet",
    "iframe",
    "frame",
    "frameset",
    "form",
    "select",
    "textarea",
    "button",
    "canvas",
    "head",
    "title",
}
# Taken out before conversion, each counted under a short German label (None: silently, they show nothing).
DANGEROUS_TAGS = {
    "script": "Skript",
    "style": "Stilangabe",
    "iframe": "fremder iframe",
    "frame": "fremder iframe",
    "frameset": "fremder iframe",
    "object": "Objekt",
    "embed": "Objekt",
    "applet": "Objekt",
    "canvas": "Objekt",
    "form": "Formular",
    "input": "Formular",
    "select": "Formular",
    "textarea": "Formular",
    "button": "Formular",
    "svg": "SVG-Grafik",
    "math": "Formel",
    "noscript": None,  # lazy-loading plugins repeat their images there
    "template": None,
    "head": None,
    "title": None,
    "meta": None,
    "link": None,
    "base": None,
}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "cite", "background", "xlink:href")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-orig-file", "data-original")
HEADING_AS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
TEXT_BREAKS = {"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
TEXT_BREAKS |= {"blockquote", "figure", "figcaption", "section", "article", "pre", "dt", "dd", "table"}
SPACES = re.compile(r"[ \t\r\n\f]+")


def parse(markup):
    return BeautifulSoup(markup, "html.parser")


def rename_tags(markup, headings):
    """strong/em are spelled b/i in Wagtail's rich text; headings become h2/h3 on pages, paragraphs elsewhere."""
    markup = re.sub(r"<(/?)strong(?=[\s/>])", r"<\1b", markup, flags=re.IGNORECASE)
    markup = re.sub(r"<(/?)em(?=[\s/>])", r"<\1i", markup, flags=re.IGNORECASE)

    def heading(match):
        return f"<{match[1]}{HEADING_AS[match[2].lower()] if headings else 'p'}"

    return re.sub(r"<(/?)(h[1-6])(?=[\s/>])", heading, markup, flags=re.IGNORECASE)


def clean_rich_text(markup, *, headings=False):
    """HTML reduced to what our rich text allows: p, br, b, i, ul, ol, li, links (http, https, mailto) and,
    for pages, h2 and h3. Links keep only their address."""
    tags = RICH_TEXT_TAGS | ({"h2", "h3"} if headings else set())
    cleaned = nh3.clean(
        rename_tags(markup or "", headings),
        tags=tags,
        clean_content_tags=CONTENT_FREE_TAGS,
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # An <a> whose address was refused stays behind without one: its text is enough. Wagtail's editor
    # reads line breaks only as <br/>.
    cleaned = re.sub(r"<a>(.*?)</a>", r"\1", cleaned, flags=re.DOTALL)
    return cleaned.replace("<br>", "<br/>")


def plain_text(markup):
    """Tags out (scripts and styles with their content), entities decoded, whitespace collapsed."""
    if not markup:
        return ""
    if "<" not in markup and "&" not in markup:
        return SPACES.sub(" ", markup).strip()
    soup = parse(markup)
    for tag in soup.find_all(list(CONTENT_FREE_TAGS)):
        tag.decompose()
    return text_of(soup)


def text_of(node):
    """The words of a parsed tree, as a reader would see them in one line."""
    parts = []
    for element in node.descendants:
        if isinstance(element, Comment):
            continue
        if isinstance(element, NavigableString):
            if type(element) is NavigableString or element.__class__.__name__ == "CData":
                parts.append(str(element))
        elif element.name in TEXT_BREAKS:
            parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def cut(text, limit, label, dropped):
    """Shortened at a word with "…" when longer than the field takes; counted, so the report says so."""
    if len(text) <= limit:
        return text
    dropped[label] += 1
    head = text[: limit - 1]
    word_end = head.rstrip().rfind(" ")
    if word_end > limit // 2:
        head = head[:word_end]
    return head.rstrip(" ,;:-–") + "…"


def is_unsafe_url(value):
    squeezed = re.sub(r"[\x00-\x20]", "", value or "").lower()
    return squeezed.startswith(UNSAFE_SCHEMES)


def safe_link(url):
    """The address if a reader may follow it (http, https, mailto), else ""."""
    url = (url or "").strip()
    scheme = urlparse(url).scheme.lower()
    return url if scheme in LINK_SCHEMES else ""


def video_url(url):
    """The address our video block accepts for a YouTube or Vimeo video, or "" for anything else."""
    url = html.unescape((url or "").strip())
    if url.startswith("//"):
        url = "https:" + url
    parts = urlparse(url)
    if parts.scheme not in ("http", "https"):
        return ""
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/")
    if host in ("youtube.com", "youtube-nocookie.com"):
        video = parse_qs(parts.query).get("v", [""])[0]
        if not video and path.split("/")[0] in ("embed", "shorts", "live", "v"):
            video = path.split("/")[1] if "/" in path else ""
        return f"https://www.youtube.com/watch?v={video}" if re.fullmatch(r"[\w-]{4,}", video) else ""
    if host == "youtu.be":
        video = path.split("/")[0]
        return f"https://www.youtube.com/watch?v={video}" if re.fullmatch(r"[\w-]{4,}", video) else ""
    if host == "player.vimeo.com" and path.startswith("video/"):
        path = path.removeprefix("video/")
    if host in ("vimeo.com", "player.vimeo.com"):
        number = path.split("/")[-1]
        # A private Vimeo link carries a hash the player needs: it stays a link instead.
        if number.isdigit() and not re.search(r"\d+/[0-9a-f]{6,}$", path):
            return f"https://vimeo.com/{number}"
    return ""


def disarm(soup, dropped):
    """Takes scripts, styles, foreign frames, forms, objects, event handlers and javascript:/data: addresses
    out of the tree, counting each by a short German label. YouTube and Vimeo frames stay: they become videos."""
    for tag in soup.find_all(list(DANGEROUS_TAGS)):
        if tag.decomposed:
            continue
        if tag.name == "iframe" and video_url(tag.get("src") or tag.get("data-src")):
            continue
        label = DANGEROUS_TAGS[tag.name]
        if label:
            dropped[label] += 1
        tag.decompose()
    for tag in soup.find_all(True):
        for name in list(tag.attrs):
            if name.lower().startswith("on"):
                dropped["Ereignis-Attribut"] += 1
                del tag.attrs[name]
            elif name.lower() in URL_ATTRIBUTES and is_unsafe_url(tag.get(name)):
                if tag.name == "img" and name == "src" and any(tag.get(lazy) for lazy in LAZY_SOURCES):
                    del tag.attrs[name]  # a lazy-loading placeholder; the real address is in data-src
                    continue
                dropped["unsicherer Link" if tag.name == "a" else "unsichere Adresse"] += 1
                del tag.attrs[name]
    return soup
