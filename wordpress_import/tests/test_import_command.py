"""An editor imports the hand-written customer blog: what readers and editors find afterwards."""

import datetime
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from blog.models import Author, StoryCategory, StoryPage
from home.models import StandardPage

from .conftest import EXPORTS, UPLOADS

pytestmark = pytest.mark.django_db

SONDERFAELLE = EXPORTS / "sonderfaelle.xml"


def story(slug):
    return StoryPage.objects.get(slug=slug)


def test_posts_become_stories_with_title_emoji_teaser_and_berlin_date(run_import):
    run_import()
    esel = story("der-verlorene-plueschesel")
    assert esel.title == "Der verlorene Plüschesel 🫏"
    assert esel.teaser == "Wie unser Kundenservice einen Ersatz für den Lieblingsesel fand."
    assert esel.date == datetime.date(2024, 5, 12)
    # 10:00 in Berlin (summer time) is 08:00 UTC.
    assert esel.first_published_at == datetime.datetime(2024, 5, 12, 8, 0, tzinfo=datetime.UTC)
    assert esel.live


def test_story_without_excerpt_gets_its_first_paragraph_as_teaser(run_import):
    run_import()
    assert story("reparatur-ueber-nacht").teaser.startswith("Unser Techniker kam um zehn Uhr abends.")


def test_authors_categories_and_tags_come_with_the_story(run_import):
    run_import()
    esel = story("der-verlorene-plueschesel")
    assert [author.name for author in esel.authors] == ["Jana Köhler"]
    assert Author.objects.get(name="Jana Köhler").slug == "jana-koehler"
    assert [category.name for category in esel.categories.all()] == ["Kundenservice"]
    assert StoryCategory.objects.get(slug="kundenservice").description == "Geschichten aus dem Service"
    assert sorted(tag.slug for tag in esel.tags.all()) == ["pluesch", "überraschung"]


def test_an_author_already_here_is_reused_not_duplicated(run_import):
    Author.objects.create(name="Jana Köhler", slug="jana-koehler", role="Teamleitung")
    run_import()
    assert Author.objects.filter(slug="jana-koehler").count() == 1
    assert [a.role for a in story("der-verlorene-plueschesel").authors] == ["Teamleitung"]


def test_featured_image_becomes_the_hero_with_alt_from_the_title_and_the_caption(run_import, media_root):
    run_import()
    esel = story("der-verlorene-plueschesel")
    assert esel.hero_image.title == "Titelbild Esel und Familie"
    assert esel.hero_alt == "Titelbild Esel und Familie"  # the attachment has no alt text
    assert esel.hero_caption == "Familie Özdemir mit dem neuen Esel"
    assert esel.hero_credit == ""
    assert Path(esel.hero_image.file.path).is_relative_to(media_root)


def test_body_image_in_a_resized_size_comes_from_its_original_once(run_import):
    run_import()
    run_import("--update")
    images = get_image_model().objects.filter(title="Ein grauer Plüschesel")
    assert [image.description for image in images] == ["Ein grauer Plüschesel auf einem Sofa"]


def test_missing_image_is_reported_and_the_story_comes_without_it(run_import):
    output = run_import()
    assert "2023/11/fehlt.jpg" in output
    assert story("reparatur-ueber-nacht").live


def test_without_media_dir_no_image_comes_and_the_report_says_why(run_import):
    output = run_import(media_dir=None)
    assert "--media-dir" in output
    assert story("der-verlorene-plueschesel").hero_image is None
    assert not get_image_model().objects.exists()


def test_draft_stays_a_draft(run_import):
    run_import()
    draft = story("entwurf-der-hund-im-paket")
    assert not draft.live
    assert draft.first_published_at is None


def test_scheduled_story_waits_for_its_date(run_import):
    run_import()
    planned = story("weihnachten-im-callcenter")
    assert not planned.live
    assert planned.go_live_at == datetime.datetime(2030, 12, 24, 7, 0, tzinfo=datetime.UTC)
    assert planned.revisions.filter(approved_go_live_at=planned.go_live_at).exists()


def test_private_story_shows_anonymous_readers_the_login_not_the_text(run_import, client):
    run_import()
    private = story("zahlen-des-quartals")
    assert private.live
    response = client.get(private.url)
    assert response.status_code == 302
    assert "Nur für das Team" not in response.content.decode()


def test_private_story_is_readable_for_the_team_not_for_a_registered_reader(
    run_import, client, django_user_model
):
    run_import()
    url = story("zahlen-des-quartals").url
    client.force_login(django_user_model.objects.create_user("leserin", password="x"))
    assert "Nur für das Team" not in client.get(url).content.decode()

    editor = django_user_model.objects.create_user("redakteur", password="x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    assert "Nur für das Team" in client.get(url).content.decode()


def test_post_password_becomes_the_page_password(run_import, client):
    run_import(SONDERFAELLE)
    protected = story("nur-mit-passwort")
    restriction = PageViewRestriction.objects.get(page=protected)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "kaffee"
    assert "Geheimrezept" not in client.get(protected.url).content.decode()


def test_hostile_post_brings_no_script_to_readers(run_import, client):
    run_import()
    hostile = story("boeses-html")
    assert hostile.title == "Böses HTML"
    page = client.get(hostile.url).content.decode()
    assert "Rest" in page
    for trace in ("alert(", "steal()", "javascript:", "evil.example", "onerror", "onmouseover"):
        assert trace not in page


def test_index_and_story_page_show_the_imported_stories(run_import, client, story_index):
    run_import()
    listing = client.get(story_index.url)
    assert listing.status_code == 200
    assert "Der verlorene Plüschesel" in listing.content.decode()
    assert "Zahlen des Quartals" not in listing.content.decode()
    page = client.get(story("der-verlorene-plueschesel").url)
    assert page.status_code == 200
    assert "Familie Özdemir" in page.content.decode()


def test_listing_seen_before_the_import_shows_the_stories_right_after(run_import, client, story_index):
    client.get(story_index.url)  # the sidebar and cards are cached now
    run_import()
    listing = client.get(story_index.url).content.decode()
    assert "Reparatur über Nacht" in listing
    assert "Kundenservice" in listing
    # The donkey's card counts its three published comments (not the held, spam, trashed or pingback).
    assert "3 Kommentare" in listing
    assert "3 Kommentare" in client.get(story("der-verlorene-plueschesel").url).content.decode()


def test_pages_become_content_pages_below_the_home_page_nested_as_in_wordpress(run_import, home_page):
    run_import()
    about = StandardPage.objects.get(slug="ueber-uns")
    assert about.get_parent().pk == home_page.pk
    assert StandardPage.objects.get(slug="team").get_parent().pk == about.pk


def test_a_page_listed_before_its_parent_moves_below_it(run_import):
    run_import(SONDERFAELLE)
    assert StandardPage.objects.get(slug="anfahrt").get_parent().specific.slug == "kontakt"


def test_importing_sends_no_mail(run_import):
    run_import()
    assert mail.outbox == []


def test_report_tells_what_came_and_what_did_not(run_import):
    output = run_import()
    assert "Geschichten: 6 neu" in output
    assert "Seiten: 2 neu" in output
    assert "Autorinnen und Autoren: 2 neu" in output
    assert "Schlagwörter: 2 neu" in output
    assert "Bilder: 2 neu" in output
    assert "geplant: 1" in output
    assert "Entwurf: 1" in output
    assert "nav_menu_item: 1" in output
    assert "Pingbacks und Trackbacks übersprungen: 1" in output


def test_tag_slug_with_umlaut_is_kept_for_the_tag_route(run_import, client, story_index):
    run_import()
    tag = Tag.objects.get(name="Überraschung")
    assert tag.slug == "überraschung"
    response = client.get(story_index.url + story_index.reverse_subpage("tag", args=[tag.slug]))
    assert "Der verlorene Plüschesel" in response.content.decode()


def test_a_post_whose_content_leaves_nothing_comes_with_its_excerpt_as_text(run_import, tmp_path, client):
    """Only a missing image and a script: the story still comes, its excerpt standing in for the body."""
    export = tmp_path / "leer.xml"
    export.write_text(
        (EXPORTS / "kundenblog.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<p>Nur für das Team.</p>",
            '<img src="https://alt.example.com/wp-content/uploads/2022/01/weg.jpg"><script>x()</script>',
        )
        .replace("<wp:status><![CDATA[private]]></wp:status>", "<wp:status><![CDATA[publish]]></wp:status>"),
        encoding="utf-8",
    )

    output = run_import(export)

    quarter = story("zahlen-des-quartals")
    assert quarter.live
    assert [block.block_type for block in quarter.body] == ["paragraph"]
    assert "Intern: Zahlen des Quartals" in client.get(quarter.url).content.decode()
    assert "2022/01/weg.jpg" in output
    assert "leerer Inhalt, Auszug oder Titel als Absatz: 1" in output


def test_a_body_image_without_alt_text_takes_its_title_and_the_story_still_comes(run_import, tmp_path):
    """WordPress does not insist on alt texts; our image block does. The attachment's title stands in."""
    export = tmp_path / "ohne-alt.xml"
    export.write_text(
        (EXPORTS / "kundenblog.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<p>Nur für das Team.</p>",
            '<p>Nur für das Team.</p><img src="https://alt.example.com/wp-content/uploads/2024/05/familie.jpg">'
            '<img src="https://alt.example.com/wp-content/uploads/2024/05/ohne-anhang.jpg" alt="">',
        ),
        encoding="utf-8",
    )
    (tmp_path / "uploads").mkdir()
    shutil.copytree(UPLOADS / "2024", tmp_path / "uploads" / "2024")
    shutil.copy(
        UPLOADS / "2024" / "05" / "esel.jpg", tmp_path / "uploads" / "2024" / "05" / "ohne-anhang.jpg"
    )

    output = run_import(export, media_dir=tmp_path / "uploads")

    quarter = story("zahlen-des-quartals")
    images = [block.value for block in quarter.body if block.block_type == "image"]
    assert [image["alt_text"] for image in images] == ["Titelbild Esel und Familie", "ohne-anhang"]
    assert (
        "Zahlen des Quartals" not in output.split("Nicht übernommen")[-1] or "Nicht übernommen" not in output
    )
