"""Stand-in for part B's body converter (dropped at merge): the same interface, a crude conversion."""

import html as html_module
import re
from collections import Counter
from dataclasses import dataclass, field

import nh3


@dataclass
class BodyImage:
    image: object
    alt: str = ""
    caption: str = ""


@dataclass
class ConvertedBody:
    blocks: list[dict]
    missing_images: list[str] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)


IMG = re.compile(r"<img[^>]*?src=\"([^\"]*)\"[^>]*?(?:wp-image-(\d+))?[^>]*>")


def plain_text(html):
    text = nh3.clean(html or "", tags=set())
    return " ".join(html_module.unescape(text).split())


def convert_body(html, *, find_image, title="", for_page=False):
    blocks, missing = [], []
    for src, attachment_id in IMG.findall(html or ""):
        found = find_image(src, int(attachment_id) if attachment_id else None)
        if found is None:
            missing.append(src)
        elif not for_page:
            blocks.append(
                {
                    "type": "image",
                    "value": {
                        "image": found.image.pk,
                        "alt_text": found.alt,
                        "caption": found.caption,
                        "credit": "",
                    },
                }
            )
    for chunk in re.split(r"\n\s*\n", html or ""):
        text = plain_text(chunk)
        if text:
            value = "<p>" + html_module.escape(text) + "</p>"
            blocks.append({"type": "text" if for_page else "paragraph", "value": value})
    return ConvertedBody(blocks=blocks, missing_images=missing, dropped=Counter())
