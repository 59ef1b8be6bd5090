"""Reads a WordPress export (WXR) as a stream: one item at a time, so memory stays flat however large the
file. Parsed by defusedxml: entities and external references in a hostile file are refused, never expanded.

WordPress writes the site's people and topics first, then one `<item>` per post, page, attachment or menu
entry, each with its comments. Featured images may come after the posts that use them, so the import reads
the file twice: `attachments()` first (small records), then `items()`.
"""

import datetime
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

# WordPress has written versions 1.0 to 1.2 of its namespace; any of them is read the same way.
NAMESPACES = {
    "http://wordpress.org/export/": "wp",
    "http://wordpress.org/export/excerpt/": "excerpt",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
# What the import brings over; attachments are read separately, the rest (menu entries, reusable blocks,
# revisions, custom post types) is counted and reported.
IMPORTED_TYPES = ("post", "page")


class ExportError(Exception):
    """The file cannot be read as a WordPress export; the message says why, in the reader's language."""


@dataclass
class Author:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    wp_id: int = 0

    @property
    def name(self):
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name or full or self.login


@dataclass
class Term:
    """A category or a tag."""

    taxonomy: str  # "category" or "post_tag"
    slug: str
    name: str
    wp_id: int = 0
    parent_slug: str = ""
    description: str = ""


@dataclass
class Attachment:
    wp_id: int
    url: str
    title: str = ""
    file: str = ""  # the path below the uploads folder, e.g. "2024/05/esel.jpg"
    alt: str = ""
    caption: str = ""
    description: str = ""
    parent_id: int = 0


@dataclass
class Comment:
    wp_id: int
    parent_id: int  # 0: a comment on the post itself
    author_name: str
    author_email: str
    author_url: str
    author_ip: str
    date_gmt: datetime.datetime | None  # aware, UTC
    date: datetime.datetime | None  # naive, the blog's local time
    content: str
    approved: str  # "1", "0", "spam", "trash", "post-trashed"
    kind: str = ""  # "", "comment", "pingback", "trackback"
    user_id: int = 0

    @property
    def is_ping(self):
        return self.kind in ("pingback", "trackback")


@dataclass
class Item:
    """A post or a page, with its comments."""

    wp_id: int
    post_type: str
    title: str
    link: str
    slug: str
    status: str  # "publish", "draft", "pending", "future", "private", "trash", "auto-draft"
    date: datetime.datetime | None  # naive, the blog's local time
    date_gmt: datetime.datetime | None  # aware, UTC; None for drafts that never had a date
    modified_gmt: datetime.datetime | None
    author_login: str
    content: str
    excerpt: str = ""
    password: str = ""
    parent_id: int = 0
    menu_order: int = 0
    comment_status: str = "open"
    guid: str = ""
    categories: list[str] = field(default_factory=list)  # slugs
    tags: list[str] = field(default_factory=list)  # slugs
    terms: dict[tuple[str, str], str] = field(default_factory=dict)  # (taxonomy, slug) -> name
    thumbnail_id: int | None = None
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)


@dataclass
class Channel:
    """The blog itself: its address, language, people and topics."""

    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    wxr_version: str = ""
    authors: list[Author] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)

    @property
    def categories(self):
        return [term for term in self.terms if term.taxonomy == "category"]

    @property
    def tags(self):
        return [term for term in self.terms if term.taxonomy == "post_tag"]


def short_name(tag):
    """`{http://wordpress.org/export/1.2/}post_id` -> `wp:post_id`; plain RSS names stay as they are."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if uri.startswith("http://wordpress.org/export/"):
        uri = re.sub(r"/1\.[0-9]+/", "/", uri)
    prefix = NAMESPACES.get(uri)
    return f"{prefix}:{local}" if prefix else local


def text(element, name, default=""):
    child = element.find(name)
    return (child.text or "").strip() if child is not None and child.text is not None else default


def raw_text(element, name):
    """Content as written (bodies keep their line breaks: classic posts separate paragraphs by them)."""
    child = element.find(name)
    return child.text or "" if child is not None else ""


def number(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def local_time(value):
    """WordPress's "2024-05-12 10:00:00"; its "0000-00-00 00:00:00" (never set) is None."""
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def utc_time(value):
    moment = local_time(value)
    return moment.replace(tzinfo=datetime.UTC) if moment else None


class CountingFile:
    """A file that knows how far it has been read, for the progress bar."""

    def __init__(self, file):
        self.file = file
        self.position = 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.position += len(data)
        return data


class Export:
    """One WXR file. Every method reads it from the start; none keeps more than one item in memory."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self.position = 0
        self.skipped = Counter()  # post type -> number of items `items()` passed over
        try:
            self.size = os.path.getsize(self.path)
        except OSError as error:
            raise ExportError(
                _("Die Exportdatei %(path)s lässt sich nicht öffnen: %(error)s")
                % {"path": self.path, "error": error.strerror or error}
            ) from error

    def elements(self, stop_at_first_item=False):
        """(kind, element) for the channel's head fields, authors, terms and items, each cleared after use."""
        with open(self.path, "rb") as raw:
            source = CountingFile(raw)
            channel = None
            seen_rss = False
            depth = 0
            try:
                for event, element in iterparse(source, events=("start", "end"), forbid_entities=True):
                    self.position = source.position
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            seen_rss = element.tag == "rss"
                        elif depth == 2 and element.tag == "channel":
                            channel = element
                        elif depth == 3 and element.tag == "item" and stop_at_first_item:
                            return
                        continue
                    depth -= 1
                    if depth != 2 or channel is None:
                        continue
                    rename_children(element)
                    yield short_name(element.tag), element
                    # Done with it: the channel forgets it, so the tree never grows.
                    channel.remove(element)
            except ParseError as error:
                line, column = getattr(error, "position", (0, 0))
                raise ExportError(
                    _(
                        "Die Exportdatei ist kein gültiges XML (Zeile %(line)s, Spalte %(column)s). "
                        "Bitte den Export in WordPress neu erstellen und die Datei unverändert übergeben."
                    )
                    % {"line": line, "column": column}
                ) from error
            except DefusedXmlException as error:
                raise ExportError(
                    _(
                        "Die Exportdatei enthält XML-Entitäten oder Verweise auf andere Dateien. "
                        "WordPress schreibt so etwas nicht; die Datei wird aus Sicherheitsgründen nicht gelesen."
                    )
                ) from error
        if not seen_rss or channel is None:
            raise ExportError(
                _("Die Datei ist kein WordPress-Export (WXR): ihr fehlt der Kanal <rss><channel>.")
            )

    def channel(self):
        """The blog, its authors and its topics: everything before the first item."""
        channel = Channel()
        fields = {
            "title": "title",
            "link": "link",
            "language": "language",
            "wp:base_site_url": "base_site_url",
            "wp:base_blog_url": "base_blog_url",
            "wp:wxr_version": "wxr_version",
        }
        for name, element in self.elements(stop_at_first_item=True):
            if name in fields:
                setattr(channel, fields[name], (element.text or "").strip())
            elif name == "wp:author":
                channel.authors.append(read_author(element))
            elif name in ("wp:category", "wp:tag", "wp:term"):
                term = read_term(name, element)
                if term is not None:
                    channel.terms.append(term)
        if not channel.wxr_version:
            raise ExportError(
                _(
                    "Die Datei ist ein RSS-Feed, aber kein WordPress-Export (WXR): ihr fehlt "
                    "<wp:wxr_version>. Bitte in WordPress unter Werkzeuge › Daten exportieren „Alle Inhalte“ "
                    "exportieren."
                )
            )
        return channel

    def attachments(self):
        """Every attachment by its WordPress id, and how many posts and pages follow (for the progress)."""
        attachments, counts = {}, Counter()
        for name, element in self.elements():
            if name != "item":
                continue
            post_type = text(element, "wp:post_type")
            counts[post_type] += 1
            if post_type == "attachment":
                attachment = read_attachment(element)
                attachments[attachment.wp_id] = attachment
        return attachments, counts

    def items(self):
        """The posts and pages, one at a time, each with its comments."""
        self.skipped.clear()
        for name, element in self.elements():
            if name != "item":
                continue
            post_type = text(element, "wp:post_type")
            if post_type not in IMPORTED_TYPES:
                if post_type != "attachment":
                    self.skipped[post_type] += 1
                continue
            yield read_item(element, post_type)


def rename_children(element):
    """Gives every child its short name (`wp:post_id`), so fields are found whatever the WXR version."""
    for child in element:
        child.tag = short_name(child.tag)
        rename_children(child)


def read_author(element):
    return Author(
        login=text(element, "wp:author_login"),
        display_name=text(element, "wp:author_display_name"),
        email=text(element, "wp:author_email"),
        first_name=text(element, "wp:author_first_name"),
        last_name=text(element, "wp:author_last_name"),
        wp_id=number(text(element, "wp:author_id")),
    )


def read_term(name, element):
    if name == "wp:category":
        return Term(
            taxonomy="category",
            slug=unquote(text(element, "wp:category_nicename")),
            name=text(element, "wp:cat_name"),
            wp_id=number(text(element, "wp:term_id")),
            parent_slug=unquote(text(element, "wp:category_parent")),
            description=text(element, "wp:category_description"),
        )
    if name == "wp:tag":
        return Term(
            taxonomy="post_tag",
            slug=unquote(text(element, "wp:tag_slug")),
            name=text(element, "wp:tag_name"),
            wp_id=number(text(element, "wp:term_id")),
            description=text(element, "wp:tag_description"),
        )
    taxonomy = text(element, "wp:term_taxonomy")
    if taxonomy not in ("category", "post_tag"):
        return None
    return Term(
        taxonomy=taxonomy,
        slug=unquote(text(element, "wp:term_slug")),
        name=text(element, "wp:term_name"),
        wp_id=number(text(element, "wp:term_id")),
        parent_slug=unquote(text(element, "wp:term_parent")),
        description=text(element, "wp:term_description"),
    )


def read_meta(element):
    return {
        text(meta, "wp:meta_key"): raw_text(meta, "wp:meta_value") for meta in element.findall("wp:postmeta")
    }


def read_attachment(element):
    meta = read_meta(element)
    return Attachment(
        wp_id=number(text(element, "wp:post_id")),
        url=text(element, "wp:attachment_url") or text(element, "guid"),
        title=text(element, "title"),
        file=meta.get("_wp_attached_file", "").strip(),
        alt=meta.get("_wp_attachment_image_alt", "").strip(),
        caption=raw_text(element, "excerpt:encoded").strip(),
        description=raw_text(element, "content:encoded").strip(),
        parent_id=number(text(element, "wp:post_parent")),
    )


def read_comment(element):
    return Comment(
        wp_id=number(text(element, "wp:comment_id")),
        parent_id=number(text(element, "wp:comment_parent")),
        author_name=text(element, "wp:comment_author"),
        author_email=text(element, "wp:comment_author_email"),
        author_url=text(element, "wp:comment_author_url"),
        author_ip=text(element, "wp:comment_author_IP"),
        date=local_time(text(element, "wp:comment_date")),
        date_gmt=utc_time(text(element, "wp:comment_date_gmt")),
        content=raw_text(element, "wp:comment_content"),
        approved=text(element, "wp:comment_approved", "1"),
        kind=text(element, "wp:comment_type"),
        user_id=number(text(element, "wp:comment_user_id")),
    )


def read_item(element, post_type):
    meta = read_meta(element)
    item = Item(
        wp_id=number(text(element, "wp:post_id")),
        post_type=post_type,
        title=text(element, "title"),
        link=text(element, "link"),
        slug=unquote(text(element, "wp:post_name")),
        status=text(element, "wp:status", "draft"),
        date=local_time(text(element, "wp:post_date")),
        date_gmt=utc_time(text(element, "wp:post_date_gmt")),
        modified_gmt=utc_time(text(element, "wp:post_modified_gmt")),
        author_login=text(element, "dc:creator"),
        content=raw_text(element, "content:encoded"),
        excerpt=raw_text(element, "excerpt:encoded").strip(),
        password=text(element, "wp:post_password"),
        parent_id=number(text(element, "wp:post_parent")),
        menu_order=number(text(element, "wp:menu_order")),
        comment_status=text(element, "wp:comment_status", "open"),
        guid=text(element, "guid"),
        thumbnail_id=number(meta.get("_thumbnail_id"), None),
        meta=meta,
        comments=[read_comment(comment) for comment in element.findall("wp:comment")],
    )
    for category in element.findall("category"):
        domain, slug = category.get("domain", ""), unquote(category.get("nicename", ""))
        if domain in ("category", "post_tag") and slug:
            item.terms[(domain, slug)] = (category.text or "").strip()
            (item.categories if domain == "category" else item.tags).append(slug)
    return item
