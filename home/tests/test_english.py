"""The English translation: German is the source language, English comes from locale/en."""

import ast
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

from blog.models import StoryPage
from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryPageFactory

PO_FILE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")


@pytest.fixture(autouse=True)
def _restore_language():
    """The middleware activates the reader's language and leaves it active; don't leak English."""
    previous = translation.get_language()
    yield
    translation.activate(previous)


def choose_english(client):
    response = client.post("/sprache/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def nav_labels(soup):
    return [link.get_text(strip=True) for link in soup.select("nav.main-nav a")]


@pytest.mark.django_db
def test_english_reader_gets_english_home_page_and_story_index(client, home_page, story_index):
    category = StoryCategoryFactory(name="Vor Ort", slug="vor-ort")
    for _ in range(2):  # the newest is the lead story, the other one is listed under "latest"
        StoryPageFactory(parent=story_index, authors=[AuthorFactory()], categories=[category])

    german = BeautifulSoup(client.get("/").content, "html.parser")
    assert nav_labels(german) == ["Start", "Alle Geschichten"]

    choose_english(client)

    response = client.get("/")
    assert response["Content-Language"] == "en"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.find("a", href="#inhalt").get_text(strip=True) == "Skip to content"
    assert nav_labels(soup) == ["Home", "All stories"]
    assert soup.select_one("nav.main-nav")["aria-label"] == "Main navigation"
    assert soup.select_one("#neueste-titel").get_text(strip=True) == "Latest stories"
    content = response.content.decode()
    assert "min read" in content
    for german_text in ("Zum Inhalt springen", "Hauptnavigation", "Neueste Geschichten", "Min. Lesezeit"):
        assert german_text not in content

    response = client.get(story_index.url)
    assert response["Content-Language"] == "en"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".page-header__meta").get_text(strip=True) == "2 stories"
    sidebar_headings = [heading.get_text(strip=True) for heading in soup.select(".sidebar__heading")]
    assert sidebar_headings == ["Categories", "Archive", "Subscribe"]
    assert soup.select_one(".card__authors").get_text(" ", strip=True).startswith("By ")
    content = response.content.decode()
    for german_text in ("Zum Inhalt springen", "2 Geschichten", "Kategorien", "Abonnieren", "Lesezeit"):
        assert german_text not in content


def po_string(line):
    """The text of a quoted .po line such as `msgid "Zitat"` or `"continued"`."""
    return ast.literal_eval(line[line.index('"') :])


def read_po(path):
    """A small .po reader: one dict per entry with its flags, msgid, msgid_plural and msgstr(s)."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry = {"flags": set(), "msgstr": {}}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                if isinstance(key, int):
                    entry["msgstr"][key] += po_string(line)
                else:
                    entry[key] += po_string(line)
            else:
                keyword = line.split(" ", 1)[0]
                if match := re.fullmatch(r"msgstr\[(\d+)\]", keyword):
                    key = int(match[1])
                    entry["msgstr"][key] = po_string(line)
                elif keyword == "msgstr":
                    key = 0
                    entry["msgstr"][0] = po_string(line)
                else:
                    key = keyword
                    entry[key] = po_string(line)
        entries.append(entry)
    return entries


def test_english_catalog_is_complete_and_compiled():
    assert PO_FILE.exists() and MO_FILE.exists()
    header, *entries = read_po(PO_FILE)
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    for field in ("Language: en\n", "charset=UTF-8", "Plural-Forms: nplurals=2; plural=(n != 1);"):
        assert field in header["msgstr"][0]
    assert len(entries) > 100

    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        if "msgid_plural" in entry:
            assert sorted(entry["msgstr"]) == [0, 1], entry["msgid"]
        assert all(entry["msgstr"].values()), f"untranslated: {entry['msgid']!r}"
        if "python-format" in entry["flags"]:
            placeholders = set(re.findall(r"%\(\w+\)s", entry["msgid"] + entry.get("msgid_plural", "")))
            for text in entry["msgstr"].values():
                assert set(re.findall(r"%\(\w+\)s", text)) <= placeholders, entry["msgid"]
                assert "%(counter)s" not in placeholders or "%(counter)s" in text, entry["msgid"]

    # The committed .mo must match the .po: compare what gettext returns with the .po's msgstr.
    with translation.override("en"):
        for entry in entries:
            if "msgid_plural" in entry:
                singular, plural = entry["msgid"], entry["msgid_plural"]
                assert translation.ngettext(singular, plural, 1) == entry["msgstr"][0], singular
                assert translation.ngettext(singular, plural, 2) == entry["msgstr"][1], singular
            elif "msgctxt" in entry:
                translated = translation.pgettext(entry["msgctxt"], entry["msgid"])
                assert translated == entry["msgstr"][0], entry["msgid"]
            else:
                assert translation.gettext(entry["msgid"]) == entry["msgstr"][0], entry["msgid"]


def test_model_names_and_fields_are_translated():
    with translation.override("en"):
        assert str(StoryPage._meta.verbose_name) == "Story"
        assert str(StoryPage._meta.verbose_name_plural) == "Stories"
        assert str(StoryPage._meta.get_field("teaser").verbose_name) == "Teaser"
        assert str(StoryPage._meta.get_field("hero_alt").verbose_name) == "Hero image alt text"
    with translation.override("de"):
        assert str(StoryPage._meta.verbose_name) == "Geschichte"
