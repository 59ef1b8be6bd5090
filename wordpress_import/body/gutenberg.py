"""The block editor's content: HTML with its structure written into comments (`<!-- wp:image {"id":30} -->`).
Read with the pattern of WordPress's own block parser (wp-includes/class-wp-block-parser.php), then rendered
back to plain HTML for the walker, minus what shows nothing (more, page breaks, spacers) or lives elsewhere."""

import json
import re
from dataclasses import dataclass, field

from .classic import autop, classic_to_html, embed_placeholder
from .cleaning import disarm, parse, text_of

BLOCK_COMMENT = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:(?:[^}]+|\}+(?=\})|(?!\}\s+/?-->).)*+)?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
SILENT = {"core/more", "core/nextpage", "core/separator", "core/spacer"}
# Blocks WordPress draws when the page is shown (the latest posts, a search field): nothing to take over.
EMBEDS = {"core/embed", "core/video"}


@dataclass
class Block:
    name: str
    attrs: dict = field(default_factory=dict)
    parts: list = field(default_factory=list)  # HTML strings and inner blocks, in order


def has_blocks(text):
    return "<!-- wp:" in text


def parse_blocks(text):
    """The content as a tree: a root whose parts are free HTML and blocks."""
    root = Block("")
    stack, position = [root], 0
    for match in BLOCK_COMMENT.finditer(text):
        if match.start() > position:
            stack[-1].parts.append(text[position : match.start()])
        position = match.end()
        name = (match["namespace"] or "core/") + match["name"]
        if match["closer"]:
            if len(stack) > 1 and stack[-1].name == name:
                stack.pop()
            continue
        try:
            attrs = json.loads(match["attrs"]) if match["attrs"] else {}
        except ValueError:
            attrs = {}
        block = Block(name, attrs if isinstance(attrs, dict) else {})
        stack[-1].parts.append(block)
        if not match["void"]:
            stack.append(block)
    if position < len(text):
        stack[-1].parts.append(text[position:])
    return root


def blocks_to_html(text, dropped):
    """Block content as HTML: free text between blocks read as the classic editor's, blocks as they were saved."""
    root = parse_blocks(text)
    rendered = []
    for part in root.parts:
        if isinstance(part, Block):
            rendered.append(render(part, dropped))
        elif part.strip():
            rendered.append(classic_to_html(part))
    return "\n".join(rendered)


def inner_html(block, dropped):
    return "".join(render(part, dropped) if isinstance(part, Block) else part for part in block.parts)


def render(block, dropped):
    name = block.name
    if name in SILENT:
        return ""
    if name == "core/block":
        dropped["Wiederverwendbarer Block"] += 1
        return ""
    content = inner_html(block, dropped)
    if name in ("core/freeform", "core/shortcode"):
        return classic_to_html(content) if name == "core/freeform" else autop(content)
    if name in EMBEDS or name.startswith("core-embed/"):
        return embed(block, content, dropped)
    if not content.strip():
        short = name.removeprefix("core/")
        dropped[f"Block wp:{short}"] += 1
        return ""
    return content


def embed(block, content, dropped):
    """An embed block as one placeholder: its address from the block's attributes (or the wrapper), its
    caption as the video's title."""
    soup = disarm(parse(content), dropped)
    url = block.attrs.get("url") or ""
    if not url:
        wrapper = soup.find(class_="wp-block-embed__wrapper")
        url = text_of(wrapper) if wrapper else ""
    if not url:
        return str(soup)  # a video block holds its file in <video>: the walker reads it from there
    caption = soup.find("figcaption")
    return embed_placeholder(url, text_of(caption) if caption else "")
