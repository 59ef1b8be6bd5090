"""The classic editor's text as WordPress shows it: `wpautop` (a blank line starts a paragraph, a single newline
is a line break, block-level tags are not wrapped) and the auto-embed of a URL alone on a line. A port of
WordPress's own rules (wp-includes/formatting.php), since the text was written for exactly these."""

import html
import re

ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area"
    r"|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav"
    r"|figure|figcaption|details|menu|summary|wpimport-embed|wpimport-gallery)"
)
PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
# A URL alone on its line, or alone in a paragraph (what WordPress turns into an embed).
LONE_URL = re.compile(
    r"^(?:<p>)?[ \t]*(https?://[^\s<>\"]+)[ \t]*(?:</p>)?[ \t]*$", re.MULTILINE | re.IGNORECASE
)


def embed_placeholder(url, title=""):
    """An element the HTML walker turns into a video block, or a link when the address is no video."""
    return (
        f'<wpimport-embed url="{html.escape(url, quote=True)}" title="{html.escape(title, quote=True)}">'
        "</wpimport-embed>"
    )


def autoembed(text):
    return LONE_URL.sub(lambda match: "\n" + embed_placeholder(match[1]) + "\n", text)


def autop(text, br=True):
    """WordPress's wpautop: paragraphs from blank lines, <br> from single newlines."""
    if not text.strip():
        return ""
    kept = []

    def keep(match):
        kept.append(match[0])
        return f'<pre wpimport-pre="{len(kept) - 1}"></pre>'

    text = PRE.sub(keep, text) + "\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Newlines inside a tag (attributes over several lines) are no line breaks.
    text = re.sub(r"<[^<>]+>", lambda match: match[0].replace("\n", " "), text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(rf"(<{ALL_BLOCKS}[\s/>])", r"\n\n\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"(</{ALL_BLOCKS}>)", r"\1\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    text = "".join(f"<p>{part}</p>\n" for part in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text, flags=re.IGNORECASE)
    text = re.sub(rf"<p>\s*(</?{ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{ALL_BLOCKS}[^>]*>)", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"(</?{ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.IGNORECASE)
    if br:
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = re.sub(rf"(</?{ALL_BLOCKS}[^>]*>)\s*<br />", r"\1", text, flags=re.IGNORECASE)
        text = re.sub(
            r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text, flags=re.IGNORECASE
        )
    text = re.sub(r"\n</p>$", "</p>", text)
    return re.sub(r'<pre wpimport-pre="(\d+)"></pre>', lambda match: kept[int(match[1])], text)


def classic_to_html(text):
    """A classic post's text (shortcodes already expanded) as the HTML WordPress would have shown."""
    return autop(autoembed(text))
