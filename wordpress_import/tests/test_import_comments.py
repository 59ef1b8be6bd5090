"""A WordPress post's comments arrive in the story's discussion: threaded, with their dates, names and
statuses, without the pingbacks, without mail, and only once."""

import copy
import datetime
from pathlib import Path

import pytest
from django.core import mail

from blog.extensions import CARD_FACTS
from blog.tests.factories import AuthorFactory, StoryPageFactory
from comments.erasure import DELETE, erase
from comments.models import StoryComment
from comments.statuses import CommentStatus
from comments.webhooks.models import WebhookDelivery, WebhookEndpoint
from core import site_cache
from wordpress_import import wxr
from wordpress_import.discussion import import_comments, plain_name, plain_text, website
from wordpress_import.models import ImportRecord

EXPORT = Path(__file__).parent / "exports" / "kundenblog.xml"
SOURCE = "https://alt.example.com"
HIDDEN_TEXTS = ["Noch nicht freigegeben.", "Kaufen Sie jetzt!", "Im Papierkorb.", "eine schöne Geschichte"]


@pytest.fixture(scope="module")
def items():
    return {item.wp_id: item for item in wxr.Export(EXPORT).items()}


@pytest.fixture
def donkey_post(items):
    """The post with the discussion: a fresh copy, so a test may change it."""
    return copy.deepcopy(items[12])


@pytest.fixture
def story(story_index):
    return StoryPageFactory(
        parent=story_index, title="Der verlorene Plüschesel", slug="der-verlorene-plueschesel"
    )


@pytest.fixture
def jana(django_user_model):
    """Jana Köhler writes for us and has an account with the address she used in WordPress."""
    user = django_user_model.objects.create_user("jana", "Jana.Koehler@example.com", "x")
    AuthorFactory(name="Jana Köhler", slug="jana-koehler", user=user)
    return user


def by_name(story):
    return {comment.user_name: comment for comment in StoryComment.objects.for_page(story)}


def comment_by_text(story, text):
    return StoryComment.objects.for_page(story).get(comment=text)


def wordpress_comment(wp_id, parent_id=0, **fields):
    moment = datetime.datetime(2024, 5, 20, 8, 0, tzinfo=datetime.UTC) + datetime.timedelta(minutes=wp_id)
    values = {
        "author_name": f"Leser {wp_id}",
        "author_email": f"leser{wp_id}@example.org",
        "author_url": "",
        "author_ip": "192.0.2.1",
        "date_gmt": moment,
        "date": None,
        "content": f"Kommentar Nummer {wp_id}",
        "approved": "1",
        **fields,
    }
    return wxr.Comment(wp_id=wp_id, parent_id=parent_id, **values)


def test_the_first_post_brings_its_comments_by_status_and_skips_the_pingback(story, donkey_post):
    result = import_comments(story, donkey_post, source=SOURCE)

    assert (result.created, result.skipped_pings, result.updated, result.unchanged) == (6, 1, 0, 0)
    assert result.by_status == {"published": 3, "pending": 1, "spam": 1, "removed": 1}
    statuses = {name: comment.status for name, comment in by_name(story).items() if name != "Ayşe Özdemir"}
    assert statuses == {
        "Jana Köhler": CommentStatus.PUBLISHED,
        "Leser Wartend": CommentStatus.PENDING,
        "Billig Pillen": CommentStatus.SPAM,
        "Gelöschte Stimme": CommentStatus.REMOVED,
    }


def test_replies_keep_their_thread_three_levels_deep(story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)

    thanks = comment_by_text(story, "Danke! Unser Sohn schläft wieder mit seinem Esel 😊")
    answer = comment_by_text(story, "Das freut uns sehr!")
    grandma = comment_by_text(story, "Und die Oma auch 👵")
    assert (thanks.level, answer.level, grandma.level) == (0, 1, 2)
    assert (answer.parent_id, grandma.parent_id) == (thanks.pk, answer.pk)
    assert thanks.nested_count == 2


def test_the_story_shows_the_published_comments_threaded_and_nothing_else(client, story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)

    page = client.get(story.url).content.decode()

    thanks = page.index("Danke! Unser Sohn schläft wieder mit seinem Esel 😊")
    assert thanks < page.index("Das freut uns sehr!") < page.index("Und die Oma auch 👵")
    assert "Antwort auf <a" in page and "Ayşe Özdemir" in page
    assert "comment--level-2" in page
    for text in HIDDEN_TEXTS:
        assert text not in page
    assert "@example" not in page


def test_dates_are_kept_and_published_comments_count_as_published_then(story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)

    thanks = comment_by_text(story, "Danke! Unser Sohn schläft wieder mit seinem Esel 😊")
    written = datetime.datetime(2024, 5, 12, 10, 30, tzinfo=datetime.UTC)
    assert (thanks.submit_date, thanks.first_published_at) == (written, written)
    assert comment_by_text(story, "Noch nicht freigegeben.").first_published_at is None


def test_a_comment_without_utc_time_is_read_in_the_sites_time_zone(story):
    post = wxr.Item(12, "post", "", "", "", "publish", None, None, None, "", "")
    post.comments = [wordpress_comment(1, date_gmt=None, date=datetime.datetime(2024, 7, 1, 12, 0))]

    import_comments(story, post, source=SOURCE)

    assert StoryComment.objects.get().submit_date == datetime.datetime(2024, 7, 1, 10, 0, tzinfo=datetime.UTC)


def test_what_is_kept_of_the_commenter_and_what_is_not(story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)

    ayse = comment_by_text(story, "Danke! Unser Sohn schläft wieder mit seinem Esel 😊")
    assert (ayse.user_name, ayse.user_email, ayse.user_url) == (
        "Ayşe Özdemir",
        "ayse@example.org",
        "https://ayse.example.org/",
    )
    assert ayse.ip_address is None
    assert not ayse.followup
    assert ayse.edit_key


def test_an_authors_wordpress_comment_becomes_a_team_comment_of_her_account(story, donkey_post, jana):
    import_comments(story, donkey_post, source=SOURCE)

    answer = comment_by_text(story, "Das freut uns sehr!")
    assert (answer.is_team, answer.user_id) == (True, jana.pk)
    assert not comment_by_text(story, "Und die Oma auch 👵").is_team


def test_a_guest_using_an_authors_address_stays_a_guest(story, jana):
    post = wxr.Item(12, "post", "", "", "", "publish", None, None, None, "", "")
    post.comments = [wordpress_comment(1, author_email="jana.koehler@example.com", user_id=0)]

    import_comments(story, post, source=SOURCE)

    assert (StoryComment.objects.get().is_team, StoryComment.objects.get().user_id) == (False, None)


def test_the_hostile_comment_keeps_its_words_and_loses_its_tricks(client, story_index, items):
    story = StoryPageFactory(parent=story_index, title="Böses HTML", slug="boeses-html")

    import_comments(story, items[19], source=SOURCE)

    comment = StoryComment.objects.get()
    assert (comment.user_name, comment.user_url, comment.comment) == (
        "Fett",
        "",
        "Link (https://example.org/)",
    )
    page = client.get(story.url).content.decode()
    assert "Link (" in page
    assert "alert(" not in page
    assert "javascript:" not in page
    assert "&lt;b&gt;" not in page and "<b>Fett</b>" in page  # our own markup around the plain name


def test_the_story_card_counts_the_published_comments(client, story, story_index, donkey_post):
    client.get(story_index.url)  # the cards are cached before the import

    import_comments(story, donkey_post, source=SOURCE)
    site_cache.changed(CARD_FACTS)  # what the importer does at the end

    assert "3 Kommentare" in client.get(story_index.url).content.decode()


def test_the_import_mails_nobody_and_queues_nothing(story, donkey_post, django_capture_on_commit_callbacks):
    WebhookEndpoint.objects.create(
        name="Team-Chat", url="https://chat.example.org/hook", events=["comment.waiting"]
    )

    with django_capture_on_commit_callbacks() as queued:
        import_comments(story, donkey_post, source=SOURCE)

    assert queued == []
    assert mail.outbox == []
    assert not WebhookDelivery.objects.exists()


def test_a_second_import_duplicates_nothing(story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)

    result = import_comments(story, donkey_post, source=SOURCE)

    assert (result.created, result.updated, result.unchanged, result.skipped_pings) == (0, 0, 6, 1)
    assert StoryComment.objects.for_page(story).count() == 6
    assert ImportRecord.objects.filter(kind=ImportRecord.Kind.COMMENT).count() == 6


def test_a_comment_approved_in_wordpress_since_is_published_on_update(client, story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)
    waiting = next(comment for comment in donkey_post.comments if comment.wp_id == 104)
    waiting.approved = "1"

    result = import_comments(story, donkey_post, source=SOURCE)

    assert (result.updated, result.unchanged, result.by_status) == (1, 5, {"published": 1})
    approved = comment_by_text(story, "Noch nicht freigegeben.")
    assert (approved.status, approved.is_public) == (CommentStatus.PUBLISHED, True)
    assert approved.first_published_at == datetime.datetime(2024, 5, 13, 6, 0, tzinfo=datetime.UTC)
    assert "Noch nicht freigegeben." in client.get(story.url).content.decode()
    assert mail.outbox == []


def test_a_comment_erased_here_is_not_brought_back(story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)
    erase("wartend@example.org", DELETE, user=None)

    result = import_comments(story, donkey_post, source=SOURCE)

    assert (result.skipped_erased, result.created) == (1, 0)
    assert not StoryComment.objects.filter(comment="Noch nicht freigegeben.").exists()


def test_an_erased_comment_kept_as_placeholder_is_not_filled_again(story, donkey_post):
    import_comments(story, donkey_post, source=SOURCE)
    erase("ayse@example.org", DELETE, user=None)  # her first comment has replies: it stays, empty
    for comment in donkey_post.comments:
        comment.content += " (bearbeitet)"

    result = import_comments(story, donkey_post, source=SOURCE)

    assert result.skipped_erased == 2
    assert not StoryComment.objects.filter(user_email="ayse@example.org").exists()
    assert not StoryComment.objects.filter(comment__startswith="Danke!").exists()


def test_new_comments_on_an_imported_story_join_their_threads(story, story_index, donkey_post):
    earlier = copy.deepcopy(donkey_post)
    earlier.comments = [comment for comment in earlier.comments if comment.wp_id not in (102, 103)]
    import_comments(story, earlier, source=SOURCE)
    donkey_post.comments.append(wordpress_comment(110, parent_id=101))

    result = import_comments(story, donkey_post, source=SOURCE)

    assert (result.created, result.unchanged) == (3, 4)
    at_once = StoryPageFactory(parent=story_index, slug="auf-einmal")
    import_comments(at_once, donkey_post, source="https://kopie.example.com")
    assert layout(story) == layout(at_once)


def layout(story):
    comments = list(StoryComment.objects.for_page(story))
    texts = {comment.pk: comment.comment for comment in comments}
    return {
        c.comment: (texts[c.thread_id], texts[c.parent_id], c.level, c.order, c.nested_count)
        for c in comments
    }


def test_a_reply_to_a_pingback_starts_a_thread_and_deep_replies_join_the_deepest_level(story):
    post = wxr.Item(12, "post", "", "", "", "publish", None, None, None, "", "")
    post.comments = [
        wordpress_comment(1, kind="pingback"),
        wordpress_comment(2, parent_id=1),
        wordpress_comment(3, parent_id=2),
        wordpress_comment(4, parent_id=3),
        wordpress_comment(5, parent_id=4),
    ]

    import_comments(story, post, source=SOURCE)

    levels = {c.comment: (c.level, texts_of(c.parent_id)) for c in StoryComment.objects.for_page(story)}
    assert levels == {
        "Kommentar Nummer 2": (0, "Kommentar Nummer 2"),
        "Kommentar Nummer 3": (1, "Kommentar Nummer 2"),
        "Kommentar Nummer 4": (2, "Kommentar Nummer 3"),
        "Kommentar Nummer 5": (2, "Kommentar Nummer 3"),
    }


def texts_of(pk):
    return StoryComment.objects.get(pk=pk).comment


def test_a_dry_run_counts_and_writes_nothing(story, donkey_post):
    result = import_comments(story, donkey_post, source=SOURCE, dry_run=True)

    assert (result.created, result.skipped_pings, sum(result.by_status.values())) == (6, 1, 6)
    assert not StoryComment.objects.exists()
    assert not ImportRecord.objects.exists()


def many_comments(count):
    """`count` comments in threads of up to three replies, some of them deeper than our threads go."""
    comments = []
    for wp_id in range(1, count + 1):
        parent = 0 if wp_id % 4 == 1 else wp_id - 1
        comments.append(wordpress_comment(wp_id, parent_id=parent, approved="1" if wp_id % 7 else "0"))
    post = wxr.Item(12, "post", "", "", "", "publish", None, None, None, "", "")
    post.comments = comments
    return post


@pytest.mark.parametrize("count", [10, 1000])
def test_a_post_takes_the_same_queries_for_ten_or_a_thousand_comments(
    story, count, django_assert_max_num_queries
):
    post = many_comments(count)

    with django_assert_max_num_queries(8):
        result = import_comments(story, post, source=SOURCE)

    assert result.created == count
    assert StoryComment.objects.for_page(story).count() == count


def test_a_thousand_comments_render_as_their_threads(client, story):
    import_comments(story, many_comments(1000), source=SOURCE)

    fourth = StoryComment.objects.get(comment="Kommentar Nummer 4")
    assert (fourth.level, texts_of(fourth.parent_id)) == (2, "Kommentar Nummer 2")
    shown = client.get(story.url).content.decode().count('<li class="comment')
    assert shown >= 1000 - 1000 // 7  # every published one, and placeholders where a held one has replies


def test_comment_text_is_plain_text_with_its_links_and_line_breaks():
    html = '<p>Erste Zeile<br>zweite &amp; <a href="https://example.org/faq">unsere FAQ</a></p>\r\n\r\nNeu <3'

    assert plain_text(html) == "Erste Zeile\nzweite & unsere FAQ (https://example.org/faq)\n\nNeu <3"


def test_a_link_that_is_its_address_is_written_once_and_scripts_vanish():
    html = '<a href="https://example.org/">https://example.org/</a> <a href="javascript:alert(1)">hier</a><script>x()</script>'

    assert plain_text(html) == "https://example.org/ hier"


def test_names_are_one_line_of_text_and_websites_only_web_addresses():
    assert plain_name("<i>Jörg</i> &amp; Co.\n") == "Jörg & Co."
    assert plain_name("") == "Anonym"
    assert website("javascript:alert(1)") == ""
    assert website("ftp://example.org/") == ""
    assert website(" https://example.org/ ") == "https://example.org/"
