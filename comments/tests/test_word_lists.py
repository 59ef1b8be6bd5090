"""The two word lists: matched through disguises, the reasons stored on the comment and shown to
moderators in the listing and the detail view, with the words marked."""

import pytest
from bs4 import BeautifulSoup

from comments import wordlists
from comments.dsa.models import ModerationDecision
from comments.models import CommentStatus, ModerationMode, StoryComment
from comments.screening import screen
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import confirm_and_get_status

INDEX_URL = "/admin/snippets/comments/storycomment/"
WORDS = "billig\nViagra\njetzt kaufen"


@pytest.mark.parametrize(
    "text",
    [
        "Das ist BILLIG.",
        "ganz b i l l i g hier",
        "b.i.l.l.i.g",
        "b-i-l-l-i-g",
        "b1ll1g",
        "8ILLIG".replace("8", "b"),
        "Vïágrä",
        "Viagrа",  # Cyrillic а
        "ѵiagra".replace("ѵ", "v"),
        "VΙΑGRΑ",  # Greek capitals Iota and Alpha
        "v14gr4",
        "vi@gra",
        "JETZT  kaufen",
        "jetzt-kaufen!",
        "billiger",
    ],
)
def test_disguised_words_are_found(text):
    assert wordlists.words_in(WORDS, text)


@pytest.mark.parametrize("text", ["unbillig", "bil lig", "Jetzt nicht kaufen", "Barsch", "viag ra"])
def test_words_inside_other_words_or_broken_up_are_not_found(text):
    assert wordlists.words_in(WORDS, text) == []


def test_spaced_letters_do_not_join_a_real_word():
    assert wordlists.words_in("abrechnen", "hab rechnen") == []
    assert wordlists.words_in("ab", "a b c") == ["ab"]


def test_matched_words_are_marked_and_the_rest_escaped():
    text = "<b>Nur</b> heute: b i l l i g & BILLIGER"
    html = wordlists.marked(text, wordlists.find("billig", text))
    assert html == ("&lt;b&gt;Nur&lt;/b&gt; heute: <mark>b i l l i g</mark> &amp; <mark>BILLIG</mark>ER")


@pytest.mark.django_db
def test_word_of_the_spam_list_in_name_email_or_website_makes_spam(story, policy):
    policy.disallowed_words = "billig"
    for changes in (
        {"user_name": "B1llig-Shop"},
        {"user_email": "billig@example.org"},
        {"user_url": "https://billig.example"},
    ):
        comment = StoryCommentFactory.build(story=story, **changes)
        screening = screen(comment, policy)
        assert screening.status == CommentStatus.SPAM
        assert screening.reasons == ({"rule": "word_list_spam", "words": ["billig"], "detail": ""},)


@pytest.mark.django_db
def test_word_of_the_hold_list_holds_even_after_posting_mode_and_is_a_logged_decision(client, story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.held_words = "Anwalt\nKlage"
    policy.save()

    status = confirm_and_get_status(client, story, comment="Ich schalte meinen A-n-w-a-l-t ein.")

    assert status == CommentStatus.PENDING
    comment = StoryComment.objects.get()
    assert comment.screening_reasons == [{"rule": "word_list_hold", "words": ["Anwalt"], "detail": ""}]
    decision = ModerationDecision.objects.get(comment=comment)
    assert decision.automated and decision.ground.code == "word_list_hold"


@pytest.mark.django_db
def test_every_reason_is_kept_and_the_first_rule_grounds_the_decision(story, policy):
    policy.held_words = "Klage"
    comment = StoryCommentFactory.build(
        story=story, comment="Klage! https://a.example https://b.example https://c.example"
    )
    screening = screen(comment, policy)
    assert screening.rule == "word_list_hold"
    assert [reason["rule"] for reason in screening.reasons] == ["word_list_hold", "links"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("mode", "reason"), [(ModerationMode.ALL, "moderation_all"), (ModerationMode.FIRST_TIME, "first_comment")]
)
def test_holds_by_the_moderation_mode_say_so_without_a_decision(story, policy, mode, reason):
    policy.moderation_mode = mode
    screening = screen(StoryCommentFactory.build(story=story), policy)
    assert screening == (CommentStatus.PENDING, "", ({"rule": reason, "words": [], "detail": ""},))


@pytest.mark.django_db
def test_listing_says_why_each_comment_waits(client, moderator, story):
    StoryCommentFactory(
        story=story,
        status=CommentStatus.PENDING,
        screening_reasons=[
            {"rule": "word_list_hold", "words": ["billig", "Viagra"], "detail": ""},
            {"rule": "links", "words": [], "detail": "2"},
        ],
    )
    StoryCommentFactory(
        story=story,
        status=CommentStatus.PENDING,
        screening_reasons=[{"rule": "first_comment", "words": [], "detail": ""}],
    )
    StoryCommentFactory(
        story=story,
        status=CommentStatus.PENDING,
        screening_reasons=[{"rule": "block", "words": [], "detail": "2026-12-31"}],
    )
    StoryCommentFactory(
        story=story,
        status=CommentStatus.PENDING,
        screening_reasons=[{"rule": "rejection_rate", "words": [], "detail": "60"}],
    )

    page = BeautifulSoup(client.get(INDEX_URL).content, "html.parser")

    reasons = [tag.get_text(" ", strip=True) for tag in page.select(".comment-reasons")]
    assert sorted(reasons) == sorted(
        [
            "Grund: Wortliste: billig, Viagra; mehr als 2 Links",
            "Grund: erster Kommentar",
            "Grund: Sperre bis 31.12.2026",
            "Grund: Ablehnungsquote 60\u00a0%",
        ]
    )


@pytest.mark.django_db
def test_published_comment_shows_no_reason_in_the_listing(client, moderator, story):
    StoryCommentFactory(story=story, screening_reasons=[{"rule": "first_comment", "words": [], "detail": ""}])
    page = BeautifulSoup(client.get(INDEX_URL).content, "html.parser")
    assert page.select(".comment-reasons") == []


@pytest.mark.django_db
def test_detail_view_marks_the_found_words_in_the_text(client, moderator, story, policy):
    policy.disallowed_words = "billig"
    comment = StoryCommentFactory.build(story=story, comment="<script>x</script> Ganz b-i-l-l-i-g!")
    comment.store_screened(screen(comment, policy))

    page = BeautifulSoup(client.get(f"{INDEX_URL}inspect/{comment.pk}/").content, "html.parser")

    section = page.select_one(".comment-screening")
    assert "Wortliste Spam: billig" in section.get_text()
    assert [mark.get_text() for mark in section.select("mark")] == ["b-i-l-l-i-g"]
    assert section.select("script") == []
    assert "<script>x</script>" in section.select_one(".comment-screening__text").get_text()
