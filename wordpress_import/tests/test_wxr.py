"""Reading a WordPress export: what comes out of the file, and what a broken or hostile file gets."""

import datetime
import tracemalloc
from pathlib import Path

import pytest

from wordpress_import.sample_export import write_sample_export
from wordpress_import.wxr import Export, ExportError

EXPORTS = Path(__file__).parent / "exports"
KUNDENBLOG = EXPORTS / "kundenblog.xml"


@pytest.fixture
def export():
    return Export(KUNDENBLOG)


@pytest.fixture
def items(export):
    return {item.wp_id: item for item in export.items()}


def test_the_channel_names_the_blog_its_people_and_topics(export):
    channel = export.channel()

    assert channel.title == "Kundengeschichten der Beispiel GmbH"
    assert channel.base_site_url == "https://alt.example.com"
    assert [(author.login, author.name) for author in channel.authors] == [
        ("jkoehler", "Jana Köhler"),
        ("mo", "Mo Demir"),
    ]
    assert [(term.slug, term.name, term.wp_id) for term in channel.categories] == [
        ("kundenservice", "Kundenservice", 3),
        ("gluecksmomente", "Glücksmomente", 4),
    ]
    # A percent-encoded slug is read as the text it stands for; menus are not topics.
    assert [(term.slug, term.name) for term in channel.tags] == [
        ("pluesch", "Plüsch"),
        ("überraschung", "Überraschung"),
    ]


def test_attachments_come_with_their_file_and_alt_text_and_the_items_are_counted(export):
    attachments, counts = export.attachments()

    assert attachments[30].file == "2024/05/esel.jpg"
    assert attachments[30].alt == "Ein grauer Plüschesel auf einem Sofa"
    assert attachments[31].caption == "Familie Özdemir mit dem neuen Esel"
    assert counts == {"post": 6, "page": 2, "attachment": 2, "nav_menu_item": 1}


def test_posts_and_pages_come_in_file_order_and_other_types_are_counted(export):
    ids = [(item.wp_id, item.post_type) for item in export.items()]

    assert ids == [
        (12, "post"),
        (15, "post"),
        (16, "post"),
        (17, "post"),
        (18, "post"),
        (19, "post"),
        (2, "page"),
        (3, "page"),
    ]
    assert export.skipped == {"nav_menu_item": 1}


def test_a_post_keeps_its_local_date_its_utc_date_and_its_topics(items):
    story = items[12]

    assert story.title == "Der verlorene Plüschesel 🫏"
    assert story.slug == "der-verlorene-plueschesel"
    assert story.date == datetime.datetime(2024, 5, 12, 10, 0)
    assert story.date_gmt == datetime.datetime(2024, 5, 12, 8, 0, tzinfo=datetime.UTC)
    assert story.author_login == "jkoehler"
    assert story.categories == ["kundenservice"]
    assert story.tags == ["pluesch", "überraschung"]
    assert story.thumbnail_id == 31
    assert "<!-- wp:paragraph -->" in story.content


def test_a_draft_without_a_date_has_none_and_the_statuses_are_kept(items):
    assert items[16].status == "draft"
    assert items[16].date_gmt is None
    assert (items[17].status, items[18].status) == ("future", "private")
    assert items[15].comment_status == "closed"


def test_comments_keep_their_thread_status_and_kind(items):
    comments = items[12].comments

    assert [(c.wp_id, c.parent_id, c.approved) for c in comments[:4]] == [
        (101, 0, "1"),
        (102, 101, "1"),
        (103, 102, "1"),
        (104, 0, "0"),
    ]
    assert comments[0].author_name == "Ayşe Özdemir"
    assert comments[0].content == "Danke! Unser Sohn schläft wieder mit seinem Esel 😊"
    assert comments[0].date_gmt == datetime.datetime(2024, 5, 12, 10, 30, tzinfo=datetime.UTC)
    assert [c.is_ping for c in comments] == [False] * 6 + [True]


def test_a_classic_body_keeps_its_line_breaks(items):
    assert "wieder.\nEin Satz mit Zeilenumbruch.\n\n[caption" in items[15].content


def test_an_older_export_version_is_read_the_same_way(tmp_path):
    older = tmp_path / "alt.xml"
    older.write_text(
        KUNDENBLOG.read_text(encoding="utf-8").replace("export/1.2/", "export/1.1/"), encoding="utf-8"
    )

    assert [item.wp_id for item in Export(older).items()][:2] == [12, 15]
    assert Export(older).channel().authors[0].login == "jkoehler"


def write(tmp_path, content):
    path = tmp_path / "export.xml"
    path.write_text(content, encoding="utf-8")
    return path


def test_a_file_that_is_not_xml_says_where_it_breaks(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n<rss><channel>\n<item><title>Kaputt</item>')

    with pytest.raises(ExportError, match=r"kein gültiges XML \(Zeile 3, Spalte \d+\)"):
        list(Export(path).items())


@pytest.mark.parametrize(
    "doctype",
    [
        # "Billion laughs": each entity ten times the one before.
        '<!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        # An external entity that would read a file from the server.
        '<!DOCTYPE rss [<!ENTITY datei SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_entities_are_refused_never_expanded(tmp_path, doctype):
    path = write(
        tmp_path,
        f'<?xml version="1.0"?>\n{doctype}\n<rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">'
        "1.2</wp:wxr_version><item><title>&b;</title></item></channel></rss>",
    )

    with pytest.raises(ExportError, match="XML-Entitäten"):
        list(Export(path).items())


def test_a_plain_rss_feed_is_not_taken_for_an_export(tmp_path):
    path = write(
        tmp_path, '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>'
    )

    with pytest.raises(ExportError, match="kein WordPress-Export"):
        Export(path).channel()


def test_another_xml_file_is_not_taken_for_an_export(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>')

    with pytest.raises(ExportError, match="kein WordPress-Export"):
        list(Export(path).items())


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ExportError, match="lässt sich nicht öffnen"):
        Export(tmp_path / "fehlt.xml")


def peak_while_reading(path):
    tracemalloc.start()
    try:
        comments = sum(len(item.comments) for item in Export(path).items())
        return comments, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_file(tmp_path):
    """Ten times the posts, about the same peak: the reader forgets each item once it has handed it on."""
    small = write_sample_export(tmp_path / "klein.xml", posts=30, comments_per_post=20)
    large = write_sample_export(tmp_path / "gross.xml", posts=300, comments_per_post=20)

    small_comments, small_peak = peak_while_reading(small)
    large_comments, large_peak = peak_while_reading(large)

    assert (small_comments, large_comments) == (600, 6000)
    assert large.stat().st_size > 9 * small.stat().st_size
    assert large_peak < 2 * small_peak
