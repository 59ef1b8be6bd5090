"""Details a reader notices on the way through the stories, in Chromium at a phone's width (375 px) and a
laptop's (1280 px). Screenshots go to var/screenshots/ for a person to look at."""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.models import StoryPage
from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryIndexPageFactory, StoryPageFactory
from comments.tests.factories import StoryCommentFactory
from home.models import HomePage
from home.tests.factories import FaqPageFactory, HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1280, "height": 900}


@pytest.fixture
def site(live_server, migrated_db):
    """A home page, the story index and four stories of the last weeks, one long and much discussed."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    index = StoryIndexPageFactory(parent=home)
    category = StoryCategoryFactory(name="Kundenservice", slug="kundenservice")
    author = AuthorFactory(name="Mara Beispiel", slug="mara-beispiel", role="Teamleiterin Kundenservice")
    today = timezone.localdate()
    stories = [
        StoryPageFactory(
            parent=index,
            title=title,
            slug=slug,
            date=today - datetime.timedelta(days=days),
            categories=[category],
            authors=[author],
        )
        for title, slug, days in [
            ("Wie Esel Emil wieder nach Hause kam", "pluesch-esel", 3),
            ("Samstags im Reparaturcafé", "reparaturcafe", 10),
            ("Der Digitalbus hält auf dem Marktplatz", "digitalbus", 24),
            ("Eine Hochzeit im Rollstuhl, und alle tanzten", "hochzeit", 40),
        ]
    ]
    story = stories[0]
    StoryPage.objects.filter(pk=story.pk).update(reading_time=12)
    for _ in range(12):
        StoryCommentFactory(story=story)
    return SimpleNamespace(url=live_server.url, index=index, story=StoryPage.objects.get(pk=story.pk))


def screenshot(page, name, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=full_page)


# For each dot between two facts that a reader can see (a dot hung outside the line's column is clipped):
# the fact before it and the one after it must be on its line.
DANGLING_DOTS = """
() => {
    const lineOf = (box) => box.top + box.height / 2;
    const charBox = (node, offset) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
    };
    const neighbours = (line, sep) => {
        let before = null, after = null;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (sep.contains(node)) continue;
            const text = node.textContent;
            const following = sep.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
            for (let i = 0; i < text.length; i++) {
                if (!text[i].trim()) continue;
                if (!following) before = [node, i];
                else if (!after) after = [node, i];
            }
        }
        return [before && charBox(...before), after && charBox(...after)];
    };
    const problems = [];
    for (const line of document.querySelectorAll(".card__meta, .byline__meta")) {
        const column = line.firstElementChild.getBoundingClientRect().left;
        for (const sep of line.querySelectorAll(".meta-sep")) {
            const box = sep.getBoundingClientRect();
            if (box.left + box.width / 2 < column) continue;
            const [before, after] = neighbours(line, sep);
            const text = line.textContent.replace(/\\s+/g, " ").trim();
            if (!before || Math.abs(lineOf(before) - lineOf(box)) > box.height / 2) {
                problems.push(`a line begins with the dot: ${text}`);
            }
            if (!after || Math.abs(lineOf(after) - lineOf(box)) > box.height / 2) {
                problems.push(`a line ends with the dot: ${text}`);
            }
        }
    }
    return problems;
}
"""


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["375px", "1280px"])
def test_no_meta_line_begins_or_ends_with_a_dot(page, site, viewport):
    page.set_viewport_size(viewport)
    for path, name in [(site.index.url, "cards"), (site.story.url, "story-header")]:
        page.goto(site.url + path)
        assert page.locator(".meta-sep").count() > 0
        screenshot(page, f"meta-lines-{name}-{viewport['width']}")
        assert page.evaluate(DANGLING_DOTS) == []


# What each line of the breadcrumb path begins with: the first step on a line, its arrow if it has one.
BREADCRUMB_LINE_STARTS = """
() => {
    const list = document.querySelector(".breadcrumbs__list");
    const left = list.getBoundingClientRect().left;
    return [...list.children]
        .filter((item) => Math.abs(item.getBoundingClientRect().left - left) < 1)
        .map((item) => {
            const arrow = getComputedStyle(item, "::before").content.replace(/^"|"$/g, "");
            return (arrow === "none" || arrow === "normal" ? "" : arrow) + item.textContent.trim();
        });
}
"""


def test_no_line_of_the_breadcrumb_path_begins_with_an_arrow(page, site):
    page.set_viewport_size(PHONE)
    page.goto(site.url + site.story.url)
    page.locator("nav.breadcrumbs").screenshot(path=SCREENSHOTS / "breadcrumbs-375.png")

    starts = page.evaluate(BREADCRUMB_LINE_STARTS)

    assert starts == ["Start", "Wie Esel Emil wieder nach Hause kam"]  # two lines, each begins with a step


def test_the_pagination_step_that_leads_nowhere_is_readable(page, site, settings):
    settings.STORIES_PER_PAGE = 2
    page.goto(site.url + site.index.url)
    expect(page.locator(".pagination__disabled")).to_contain_text("Zurück")
    page.locator(".pagination").screenshot(path=SCREENSHOTS / "pagination-first-page.png")

    contrast = Axe().run(page, context=".pagination", options={"runOnly": ["color-contrast"]})

    assert contrast.violations_count == 0, contrast.generate_report()


@pytest.fixture
def faq(site):
    """An FAQ page whose answer to "Kann ich eine Geschichte vorschlagen?" lies below the fold, and the
    home page's call to action that leads to it."""
    home = HomePage.objects.get()
    questions = [
        (
            "item",
            {"question": f"Frage Nummer {number}?", "answer": "<p>" + "Eine lange Antwort. " * 30 + "</p>"},
        )
        for number in range(1, 8)
    ]
    questions.append(
        (
            "item",
            {
                "question": "Kann ich eine Geschichte vorschlagen?",
                "answer": "<p>Sehr gern, schreiben Sie uns an geschichten@example.org.</p>",
                "anchor": "geschichte-vorschlagen",
            },
        )
    )
    faq = FaqPageFactory(parent=home, questions=questions)
    home.body = [
        (
            "call_to_action",
            {
                "title": "Eine Geschichte erlebt?",
                "text": "Wie Sie uns Ihre Geschichte schicken, steht in den häufigen Fragen.",
                "link_page": faq,
                "link_url": "",
                "link_anchor": "geschichte-vorschlagen",
                "link_text": "Geschichte vorschlagen",
            },
        )
    ]
    home.save_revision().publish()
    return faq


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_geschichte_vorschlagen_opens_the_answer_it_refers_to(browser, site, faq, javascript):
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site.url + "/")

    page.get_by_role("link", name="Geschichte vorschlagen").click()
    page.wait_for_url("**/faq/#geschichte-vorschlagen")

    answer = page.get_by_text("Sehr gern, schreiben Sie uns")
    expect(answer).to_be_visible()
    expect(answer).to_be_in_viewport()
    expect(page.get_by_text("Kann ich eine Geschichte vorschlagen?")).to_be_in_viewport()
    screenshot(page, f"faq-answer-{'js' if javascript else 'no-js'}", full_page=False)
    context.close()


BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def noon(site):
    """Today at noon in Berlin, the reader's clock in the tests below; comments from 3 hours to 10 days
    before it on the much discussed story."""
    noon = datetime.datetime.combine(timezone.localdate(), datetime.time(12), tzinfo=BERLIN)
    for name, before in [
        ("Anna vor Stunden", datetime.timedelta(hours=3)),
        ("Berta von gestern", datetime.timedelta(hours=26)),
        ("Carla vor Tagen", datetime.timedelta(days=5)),
        ("Dora von früher", datetime.timedelta(days=10)),
    ]:
        StoryCommentFactory(story=site.story, user_name=name, submit_date=noon - before)
    return noon


def reader_at(browser, moment, language=None, site_url=None):
    context = browser.new_context(viewport=LAPTOP, locale="de-DE", timezone_id="Europe/Berlin")
    if language:
        context.add_cookies([{"name": "django_language", "value": language, "url": site_url}])
    page = context.new_page()
    page.clock.set_fixed_time(moment)
    return page


def comment_date(page, name):
    return page.locator(".comment", has_text=name).locator("header time").first


def test_comment_dates_read_relative_with_the_date_as_tooltip(browser, site, noon):
    page = reader_at(browser, noon)
    page.goto(site.url + site.story.url)

    expect(comment_date(page, "Anna vor Stunden")).to_have_text("vor 3 Stunden")
    expect(comment_date(page, "Anna vor Stunden")).to_have_attribute(
        "title", re.compile(r"^\d+\. \w+ \d{4}, 09:00$")
    )
    expect(comment_date(page, "Berta von gestern")).to_have_text("gestern")
    expect(comment_date(page, "Carla vor Tagen")).to_have_text("vor 5 Tagen")
    expect(comment_date(page, "Dora von früher")).to_have_text(re.compile(r"^\d+\. \w+ \d{4}, 12:00$"))
    comment_date(page, "Anna vor Stunden").hover()
    page.locator(".comment-list").screenshot(path=SCREENSHOTS / "relative-comment-dates.png")
    page.context.close()


def test_story_dates_read_relative_within_a_week_and_absolute_after(browser, site, noon):
    page = reader_at(browser, noon)
    page.goto(site.url + site.index.url)

    recent = page.locator(".card", has_text="Wie Esel Emil").locator("time")
    older = page.locator(".card", has_text="Samstags im Reparaturcafé").locator("time")
    expect(recent).to_have_text("vor 3 Tagen")
    expect(recent).to_have_attribute("title", re.compile(r"^\d+\. \w+ \d{4}$"))
    expect(older).to_have_text(re.compile(r"^\d+\. \w+ \d{4}$"))
    page.locator(".card-grid").screenshot(path=SCREENSHOTS / "relative-story-dates.png")
    page.goto(site.url + site.story.url)
    expect(page.locator(".byline time")).to_have_text("vor 3 Tagen")
    page.locator(".byline").screenshot(path=SCREENSHOTS / "relative-byline-date.png")
    page.context.close()


def test_an_english_page_says_how_long_ago_in_english(browser, site, noon):
    page = reader_at(browser, noon, language="en", site_url=site.url)
    page.goto(site.url + site.story.url)

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(comment_date(page, "Anna vor Stunden")).to_have_text("3 hours ago")
    expect(comment_date(page, "Berta von gestern")).to_have_text("yesterday")
    expect(page.locator(".byline time")).to_have_text("3 days ago")
    page.locator(".byline").screenshot(path=SCREENSHOTS / "relative-byline-date-en.png")
    page.context.close()
