"""Bad input gets a clear German message and loses nothing: a broken file stops before anything is written,
a post that cannot come is reported and the others come."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from blog.models import Author, StoryPage
from wordpress_import import pages
from wordpress_import.body import ConvertedBody
from wordpress_import.models import ImportRecord

from .conftest import EXPORTS, KUNDENBLOG

pytestmark = pytest.mark.django_db

SONDERFAELLE = EXPORTS / "sonderfaelle.xml"


def import_file(path):
    call_command("import_wordpress", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_broken_xml_stops_with_its_line_before_anything_is_written(story_index):
    with pytest.raises(CommandError, match="kein gültiges XML \\(Zeile 5"):
        import_file(EXPORTS / "kaputt.xml")
    assert not Author.objects.exists()
    assert not ImportRecord.objects.exists()


def test_export_with_entities_is_refused(story_index, tmp_path):
    hostile = tmp_path / "entitaeten.xml"
    hostile.write_text(
        KUNDENBLOG.read_text(encoding="utf-8").replace(
            '<?xml version="1.0" encoding="UTF-8" ?>',
            '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE rss [<!ENTITY lol "lol">]>',
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="Entitäten"):
        import_file(hostile)
    assert not StoryPage.objects.exists()


def test_missing_file_is_named(story_index, tmp_path):
    with pytest.raises(CommandError, match="lässt sich nicht öffnen"):
        import_file(tmp_path / "gibt-es-nicht.xml")


def test_site_without_story_index_is_told_to_make_one(home_page):
    with pytest.raises(CommandError, match="keine veröffentlichte Geschichten-Übersicht"):
        import_file(KUNDENBLOG)


def test_post_by_an_unknown_author_is_reported_and_the_others_come(run_import):
    output = run_import(SONDERFAELLE)
    assert "„Von einem Unbekannten“ (WordPress-ID 41)" in output
    assert "„gast“ steht nicht in der Autorenliste" in output
    assert not StoryPage.objects.filter(slug="unbekannt").exists()
    assert not ImportRecord.objects.filter(kind="post", wp_id="41").exists()
    assert StoryPage.objects.filter(slug="nur-mit-passwort").exists()


def test_post_in_the_trash_is_left_out_and_reported(run_import):
    output = run_import(SONDERFAELLE)
    assert not StoryPage.objects.filter(title="Im Papierkorb").exists()
    assert "im Papierkorb von WordPress" in output


def test_image_path_leading_out_of_the_uploads_folder_is_refused(run_import):
    output = run_import(SONDERFAELLE)
    assert "außerhalb des Medienordners" in output
    assert StoryPage.objects.get(slug="nur-mit-passwort").live


def test_story_whose_blocks_do_not_validate_is_rolled_back_and_reported(run_import, monkeypatch):
    def broken_body(html, **kwargs):
        heading = {"type": "heading", "value": {"text": "", "level": "h9"}}
        return ConvertedBody(blocks=[heading], missing_images=[], dropped=Counter())

    monkeypatch.setattr(pages, "convert_body", broken_body)
    output = run_import()
    assert "Der Inhalt ist ungültig" in output
    assert not StoryPage.objects.filter(slug="der-verlorene-plueschesel").exists()
    assert not ImportRecord.objects.filter(kind="post").exists()
    assert "(WordPress-ID 12)" in output
