"""A second run, `--update`, `--dry-run`: nothing is ever made twice, and a dry run stores nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision

from blog.models import Author, StoryAuthor, StoryCategory, StoryPage
from wordpress_import.models import ImportRecord
from wordpress_import.sample_export import write_sample_export

from .conftest import KUNDENBLOG

pytestmark = pytest.mark.django_db

MODELS = [
    Page,
    StoryPage,
    Author,
    StoryAuthor,
    StoryCategory,
    Tag,
    Revision,
    PageViewRestriction,
    ImportRecord,
]


def table_counts():
    return {model.__name__: model.objects.count() for model in [*MODELS, get_image_model()]}


def files_below(folder):
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def changed_export(tmp_path):
    text = (
        KUNDENBLOG.read_text(encoding="utf-8")
        .replace("Ein Anruf am Sonntag", "Ein Anruf am Sonntagabend")
        .replace("Reparatur über Nacht", "Reparatur über Nacht, neu erzählt")
    )
    path = tmp_path / "geaendert.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_dry_run_stores_nothing_and_writes_no_file(run_import, media_root):
    before = table_counts()
    output = run_import("--dry-run")
    assert table_counts() == before
    assert files_below(media_root) == []
    assert output.startswith("Probelauf: nichts wurde gespeichert.")
    assert "Geschichten: 6 neu" in output  # the same report as the real run


def test_second_run_without_update_duplicates_nothing_and_names_update(run_import):
    run_import()
    before = table_counts()
    output = run_import()
    assert table_counts() == before
    assert "mit --update" in output


def test_second_run_with_update_of_the_same_export_changes_nothing(run_import):
    run_import()
    before = table_counts()
    output = run_import("--update")
    assert table_counts() == before
    assert "Geschichten: 0 neu, 6 unverändert" in output


def test_changed_export_with_update_changes_the_story_in_a_new_revision(run_import, tmp_path):
    run_import()
    repair = StoryPage.objects.get(slug="reparatur-ueber-nacht")
    revisions = repair.revisions.count()
    output = run_import(changed_export(tmp_path), "--update")
    repair.refresh_from_db()
    assert repair.title == "Reparatur über Nacht, neu erzählt"
    assert repair.live
    assert repair.revisions.count() == revisions + 1
    assert StoryPage.objects.count() == 6
    assert "Geschichten: 0 neu, 2 geändert, 4 unverändert" in output


def test_story_deleted_here_is_not_created_again(run_import):
    run_import()
    StoryPage.objects.get(slug="reparatur-ueber-nacht").delete()
    output = run_import("--update")
    assert not StoryPage.objects.filter(slug="reparatur-ueber-nacht").exists()
    assert "hier gelöscht, nicht wieder angelegt" in output


def test_importing_one_more_story_costs_the_same_however_many_are_there(run_import, tmp_path):
    def one_story_from(site, name):
        path = write_sample_export(tmp_path / name, posts=1, comments_per_post=0, site=site)
        with CaptureQueriesContext(connection) as queries:
            run_import(path)
        return len(queries)

    run_import(
        write_sample_export(tmp_path / "a.xml", posts=2, comments_per_post=0, site="https://a.example")
    )
    with_two = one_story_from("https://b.example", "b.xml")
    run_import(
        write_sample_export(tmp_path / "c.xml", posts=12, comments_per_post=0, site="https://c.example")
    )
    with_fifteen = one_story_from("https://d.example", "d.xml")
    assert with_fifteen <= with_two


def test_importing_one_story_stays_within_its_query_budget(
    run_import, tmp_path, django_assert_max_num_queries
):
    export = write_sample_export(tmp_path / "eine.xml", posts=1, comments_per_post=0)
    # Most of it is Wagtail's own publishing (revision, log, references, search index) and the blog's three
    # authors, categories and tags; measured 320 on SQLite.
    with django_assert_max_num_queries(340):
        run_import(export)
