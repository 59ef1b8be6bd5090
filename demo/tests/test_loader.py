"""The demo texts load from their TOML files, and a file that names something missing is refused by name."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from demo.loader import CONTENT_DIR, DemoContentError, load

SITE = """
illustration_credit = "Illustration: Muster AG"
[home]
lead_story = "erste-geschichte"
featured_stories = []
[faq]
questions = [{ question = "Was ist das?", answer = "Ein Blog." }]
[privacy]
sections = ["<h2>Verantwortlich</h2><p>Muster AG</p>"]
[imprint]
sections = []
"""

PEOPLE = """
[[authors]]
slug = "lena-hoffmann"
name = "Lena Hoffmann"
palette = "kundenservice"

[[categories]]
slug = "kundenservice"
name = "Kundenservice"

[readers]
accounts = []
guests = []

[team]
name = "Tobias vom Kundenservice"
email = "tobias.brandt@example.org"
"""

FRONT_MATTER = """
title = "Eine Geschichte"
date = 2025-01-14
teaser = "Kurz erzählt."
authors = ["AUTHOR"]
categories = ["kundenservice"]
tags = []
motif = "cake"
hero_alt = "Illustration: eine Torte"
hero_caption = "Eine Torte."
"""

BODY = """
[[body]]
type = "paragraph"
text = "Es war einmal."
"""

COMMENTS = """
[[comments]]
key = "sabine"
name = "Sabine Krüger"
email = "sabine.krueger@example.org"
date = 2026-11-18 19:42:00
text = "Schön."

[[comments]]
key = "jana"
reply_to = "REPLY_TO"
name = "Jana Petersen"
email = "jana.petersen@example.org"
date = 2026-11-20 08:10:00
text = "Finde ich auch."
"""


def story(author="lena-hoffmann", body=BODY, extra=""):
    return FRONT_MATTER.replace("AUTHOR", author) + extra + body


@pytest.fixture
def content(tmp_path):
    """A small content folder with one valid story; a test adds or overwrites files in it."""
    (tmp_path / "stories").mkdir()
    (tmp_path / "site.toml").write_text(SITE)
    (tmp_path / "people.toml").write_text(PEOPLE)
    (tmp_path / "bench.toml").write_text("[story]\n" + 'slug = "viele-kommentare"\n' + story())
    (tmp_path / "stories" / "erste-geschichte.toml").write_text(story())
    return tmp_path


def refusal(directory):
    with pytest.raises(DemoContentError) as refused:
        load(directory)
    return str(refused.value)


def test_every_content_file_loads():
    content = load()

    story_files = sorted(path.stem for path in (CONTENT_DIR / "stories").glob("*.toml"))
    assert sorted(data["slug"] for data in content.stories + content.drafts) == story_files
    assert all(data["body"] for data in content.stories)
    assert content.bench["story"]["slug"] == "viele-kommentare"
    assert content.site["home"]["lead_story"] in {data["slug"] for data in content.stories}
    assert set(content.palettes) == {category["slug"] for category in content.categories}


def test_stories_come_oldest_first_and_drafts_apart():
    content = load()

    dates = [data["date"] for data in content.stories]
    assert dates == sorted(dates)
    assert all(isinstance(date, datetime.date) for date in dates)
    assert [data["slug"] for data in content.drafts] == ["entwurf-beispiel"]


def test_a_small_content_folder_loads_with_defaults_filled_in(content):
    loaded = load(content)

    [data] = loaded.stories
    assert data["slug"] == "erste-geschichte"
    assert data["related"] == [] and data["comments"] == [] and not data["draft"]
    assert data["body"] == [("paragraph", "<p>Es war einmal.</p>")]


def test_plain_text_becomes_a_paragraph_and_html_stays_as_written(content):
    loaded = load(content)

    assert loaded.site["faq"]["questions"][0]["answer"] == "<p>Ein Blog.</p>"
    assert loaded.site["privacy"]["sections"] == ["<h2>Verantwortlich</h2><p>Muster AG</p>"]


def test_a_story_by_an_unknown_author_is_refused_naming_the_file(content):
    (content / "stories" / "zweite-geschichte.toml").write_text(story(author="lena-hofmann"))

    message = refusal(content)
    assert "zweite-geschichte.toml" in message
    assert "authors names 'lena-hofmann'" in message


def test_a_reply_to_an_unknown_comment_is_refused_naming_the_file(content):
    comments = COMMENTS.replace("REPLY_TO", "sabina")
    (content / "stories" / "erste-geschichte.toml").write_text(story(body=BODY + comments))

    message = refusal(content)
    assert "erste-geschichte.toml" in message
    assert "comments.jana.reply_to names 'sabina'" in message


def test_a_reply_to_an_earlier_comment_is_kept(content):
    comments = COMMENTS.replace("REPLY_TO", "sabine")
    (content / "stories" / "erste-geschichte.toml").write_text(story(body=BODY + comments))

    [data] = load(content).stories
    assert [comment.get("reply_to") for comment in data["comments"]] == [None, "sabine"]


def test_a_related_story_that_does_not_exist_is_refused(content):
    (content / "stories" / "erste-geschichte.toml").write_text(story(extra='related = ["koffer"]\n'))

    assert "related names 'koffer'" in refusal(content)


def test_an_unknown_category_is_refused(content):
    text = story().replace('categories = ["kundenservice"]', 'categories = ["kundendienst"]')
    (content / "stories" / "erste-geschichte.toml").write_text(text)

    assert "categories names 'kundendienst'" in refusal(content)


def test_a_body_block_of_an_unknown_type_is_refused(content):
    body = '\n[[body]]\ntype = "absatz"\ntext = "Es war einmal."\n'
    (content / "stories" / "erste-geschichte.toml").write_text(story(body=body))

    message = refusal(content)
    assert "erste-geschichte.toml: body block 1 has the type 'absatz'" in message


def test_a_home_page_leading_with_a_missing_story_is_refused(content):
    (content / "site.toml").write_text(SITE.replace('lead_story = "erste-geschichte"', 'lead_story = "esel"'))

    message = refusal(content)
    assert "site.toml" in message
    assert "home.lead_story names 'esel'" in message


def test_broken_toml_is_refused_naming_the_file(content):
    (content / "stories" / "erste-geschichte.toml").write_text('title = "Ohne Ende\n')

    assert "erste-geschichte.toml" in refusal(content)


def test_seed_demo_reports_broken_content_as_a_sentence_not_a_traceback(monkeypatch):
    def broken():
        raise DemoContentError("stories/esel.toml: authors names 'niemand', which does not exist.")

    monkeypatch.setattr("demo.management.commands.seed_demo.load", broken)

    with pytest.raises(CommandError, match="stories/esel.toml: authors names 'niemand'"):
        call_command("seed_demo", "--no-warm", verbosity=0)


def test_a_call_to_action_leading_to_an_unknown_answer_is_refused(content):
    site = SITE.replace(
        "featured_stories = []", 'featured_stories = []\n[home.call_to_action]\nlink_anchor = "vorschlag"'
    )
    (content / "site.toml").write_text(site)

    assert "home.call_to_action.link_anchor names 'vorschlag'" in refusal(content)
