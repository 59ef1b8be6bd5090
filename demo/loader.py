"""Reads the demo texts from `demo/content/` and checks that everything they name exists.

The prose lives in TOML files an editor can read and change without touching Python (the format is
described in `demo/content/README.md`); the seed commands get plain dicts and lists. The standard
library reads them (`tomllib`), so the demo needs no parser of its own. A wrong reference fails here,
naming the file and the key, instead of halfway through building the site.
"""

import datetime
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"

STORY_KEYS = {"title", "date", "teaser", "authors", "categories", "tags", "motif", "hero_alt", "hero_caption"}
OPTIONAL_STORY_KEYS = {"slug", "hero_image", "comments_enabled", "related", "draft", "body", "comments"}
# Each block type's fields in StreamField order, with the value used when a story leaves one out
# (`...`: the story must give it). An image's credit always comes from site.toml.
BLOCKS = {
    "paragraph": {"text": ...},
    "heading": {"text": ..., "level": "h2"},
    "quote": {"text": ..., "source": ..., "source_url": ""},
    "info_box": {"title": ..., "text": ..., "tone": "info"},
    "image": {"motif": ..., "palette": None, "alt_text": ..., "caption": ...},
    "embed": {"url": ..., "title": ...},
}


class DemoContentError(ValueError):
    """A content file that cannot be read, or that names something no other file defines."""


@dataclass(frozen=True)
class DemoContent:
    site: dict  # site.toml: names, home, story index, settings, FAQ, privacy, imprint
    authors: list
    categories: list  # each with the palette of its illustrations
    readers: dict  # registered reader accounts and guest names
    team: dict
    stories: list  # published, oldest first; each with its `related` slugs and demo `comments`
    drafts: list
    bench: dict  # bench.toml: the benchmark story and the texts its comments are drawn from

    @property
    def palettes(self):
        """Palettes by name (a category's slug); the name is part of every picture's random seed."""
        return {
            category["slug"]: {"name": category["slug"], **category["palette"]}
            for category in self.categories
        }


def load(directory=CONTENT_DIR):
    directory = Path(directory)
    site, people, bench = (read(directory / name) for name in ("site.toml", "people.toml", "bench.toml"))
    for question in site["faq"]["questions"]:
        question["answer"] = html(question["answer"])
    for page in (site["privacy"], site["imprint"]):
        page["sections"] = [html(section) for section in page["sections"]]
    known = {key: {entry["slug"] for entry in people[key]} for key in ("authors", "categories")}
    for author in people["authors"]:
        expect(directory / "people.toml", "authors.palette", author["palette"], known["categories"])

    credit = site["illustration_credit"]
    files = {
        path: read(path) | {"slug": path.stem} for path in sorted((directory / "stories").glob("*.toml"))
    }
    stories = [story(path, data, credit, known) for path, data in files.items()]
    bench["story"] = story(directory / "bench.toml", bench["story"], credit, known)
    published = {data["slug"] for data in stories if not data["draft"]}
    for path, data in [*zip(files, stories, strict=True), (directory / "bench.toml", bench["story"])]:
        expect(path, "related", data["related"], published)
        expect(path, "hero_image", data.get("hero_image"), published)
    for key in ("lead_story", "featured_stories"):
        expect(directory / "site.toml", f"home.{key}", site["home"][key], published)
    anchors = {question["anchor"] for question in site["faq"]["questions"] if "anchor" in question}
    link_anchor = site["home"].get("call_to_action", {}).get("link_anchor")
    expect(directory / "site.toml", "home.call_to_action.link_anchor", link_anchor, anchors)

    stories.sort(key=lambda data: (data["date"], data["slug"]))
    return DemoContent(
        site=site,
        authors=people["authors"],
        categories=people["categories"],
        readers=people["readers"],
        team=people["team"],
        stories=[data for data in stories if not data["draft"]],
        drafts=[data for data in stories if data["draft"]],
        bench=bench,
    )


def read(path):
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DemoContentError(f"{shown(path)}: {error}") from error


def story(path, data, credit, known):
    """One story with its defaults filled in and every block in the shape a StreamField takes."""
    if missing := STORY_KEYS - data.keys():
        raise DemoContentError(f"{shown(path)}: the story lacks {', '.join(sorted(missing))}.")
    if unknown := data.keys() - STORY_KEYS - OPTIONAL_STORY_KEYS:
        raise DemoContentError(f"{shown(path)}: a story has no field {', '.join(sorted(unknown))}.")
    if not isinstance(data["date"], datetime.date):
        raise DemoContentError(f"{shown(path)}: date must be a TOML date such as 2025-01-14, without quotes.")
    for key in ("authors", "categories"):
        expect(path, key, data[key], known[key])
    body = [
        block(path, number, fields, credit, known) for number, fields in enumerate(data.get("body", []), 1)
    ]
    comments = data.get("comments", [])
    earlier = set()  # a comment answers one above it, so the seed can save them in file order
    for comment in comments:
        if comment["key"] in earlier:
            raise DemoContentError(f"{shown(path)}: two comments have the key {comment['key']!r}.")
        expect(path, f"comments.{comment['key']}.reply_to", comment.get("reply_to"), earlier)
        earlier.add(comment["key"])
    return {"related": [], "draft": False} | data | {"body": body, "comments": comments}


def block(path, number, fields, credit, known):
    fields = dict(fields)
    kind = fields.pop("type", None)
    where = f"{shown(path)}: body block {number}"
    if kind not in BLOCKS:
        raise DemoContentError(f"{where} has the type {kind!r}; known are {', '.join(BLOCKS)}.")
    if unknown := fields.keys() - BLOCKS[kind].keys():
        raise DemoContentError(f"{where} ({kind}) has no field {', '.join(sorted(unknown))}.")
    if missing := [name for name, default in BLOCKS[kind].items() if default is ... and name not in fields]:
        raise DemoContentError(f"{where} ({kind}) lacks {', '.join(missing)}.")
    value = {name: fields.get(name, default) for name, default in BLOCKS[kind].items()}
    if kind == "paragraph":
        return (kind, html(value["text"]))
    if kind == "info_box":
        value["text"] = html(value["text"])
    if kind == "image":
        expect(path, f"body block {number} palette", value["palette"], known["categories"])
        value["credit"] = credit
    return (kind, value)


def html(text):
    """Rich text as the editor writes it: text that does not start with a tag is one paragraph."""
    return text if text.startswith("<") else f"<p>{text}</p>"


def expect(path, key, names, known):
    """Refuses a name, or any of a list of names, that is not among the known ones; None names nothing."""
    for name in [names] if isinstance(names, str) else names or []:
        if name not in known:
            raise DemoContentError(
                f"{shown(path)}: {key} names {name!r}, which does not exist "
                f"(known: {', '.join(sorted(known)) or 'none'})."
            )


def shown(path):
    """The file as a person finds it: relative to the working directory where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
