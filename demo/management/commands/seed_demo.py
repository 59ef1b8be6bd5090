"""Builds the demo site: home, story index, legal pages, authors, categories, illustrated stories and
a few reader comments; with `--comments N` also a story with N comments to try long discussions on.

Every object is looked up by a stable key (slug, or title for images) first, so a second run changes
nothing. Texts live in `demo/content/` (read by `demo.loader`), pictures are drawn by `demo.illustrations`.
"""

import contextlib
import datetime
import random
import time
from collections import Counter
from io import BytesIO
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import Client
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blog.models import Author, StoryAuthor, StoryCategory, StoryIndexPage, StoryPage, StoryRelatedLink
from blog.signal_handlers import rendition_warmup_suspended
from comments.models import CommentReport, CommentStatus, StoryComment
from core.names import initials
from demo.illustrations import BODY_SIZE, HERO_SIZE, illustration, portrait, to_jpeg
from demo.loader import DemoContentError, load
from home.models import FaqPage, HomePage, HomePageFeaturedStory, SiteSettings, StandardPage

BERLIN = ZoneInfo("Europe/Berlin")


class Command(BaseCommand):
    help = (
        "Creates the demo content (pages, stories, authors, categories, images) once; "
        "runs again without changes. Then renders every page once so image renditions exist."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-warm",
            action="store_false",
            dest="warm",
            help="Skip rendering the pages afterwards (image renditions are then made on first visit).",
        )
        parser.add_argument(
            "--comments",
            type=int,
            metavar="N",
            help=(
                "Also load the benchmark story (demo/content/bench.toml) with N threaded comments, to try "
                "long discussions; an existing one is topped up to N."
            ),
        )

    def handle(self, *args, warm=True, comments=None, **options):
        if comments is not None and comments < 0:
            raise CommandError("--comments needs a number of 0 or more.")
        self.benchmark_size = comments
        self.load_content()
        self.verbosity = options.get("verbosity", 1)
        self.created = Counter()
        self.existing = Counter()
        self.new_pages = []
        self.removed = []
        self.messages = []
        # Publishing queues a rendition warm-up per story (blog.signal_handlers); --no-warm means none.
        with rendition_warmup_suspended() if not warm else contextlib.nullcontext(), transaction.atomic():
            site = self.build()
        self.report()
        if warm:
            self.warm(site)

    def load_content(self):
        """The texts from demo/content/; a file that names something missing stops here, with its name."""
        try:
            self.content = load()
        except DemoContentError as error:
            raise CommandError(f"The demo content cannot be loaded: {error}") from error
        self.palettes = self.content.palettes

    # Building

    def build(self):
        home, home_is_new = self.home_page()
        site = self.default_site(home)
        self.remove_welcome_page()
        authors = {data["slug"]: self.author(data) for data in self.content.authors}
        categories = {data["slug"]: self.category(data) for data in self.content.categories}
        story_index, faq, privacy, imprint = self.section_pages(home)
        stories, new_stories = self.stories(story_index, authors, categories)
        if self.benchmark_size is not None:
            self.benchmark_story(story_index, authors, categories)
        # Links between pages can only be made once all of them exist.
        self.link_related(stories, new_stories)
        if home_is_new:
            self.fill_home(home, stories, faq)
        self.site_settings(site, privacy, imprint, faq)
        for page in self.new_pages:
            page.save_revision().publish()
        return site

    def home_page(self):
        home = HomePage.objects.first()
        if home:
            self.existing["pages"] += 1
            return home, False
        data = self.content.site["home"]
        home = HomePage(title=data["title"], slug=data["slug"], intro=data["intro"])
        Page.get_first_root_node().add_child(instance=home)
        self.created["pages"] += 1
        self.new_pages.append(home)
        return home, True

    def default_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site_name = self.content.site["site_name"]
        if site.pk and site.root_page_id == home.pk and site.site_name == site_name:
            return site
        site.root_page = home
        site.site_name = site_name
        site.save()
        return site

    def remove_welcome_page(self):
        """Wagtail's "Welcome to your new Wagtail site!" page, once no site points to it any more."""
        plain_page = ContentType.objects.get_for_model(Page)
        for page in Page.objects.filter(depth=2, slug="home", content_type=plain_page, numchild=0):
            if not Site.objects.filter(root_page=page).exists():
                page.delete()
                self.removed.append(page.title)

    def child_page(self, parent, slug, build):
        """The page with this slug below parent; built, added and queued for publishing if missing."""
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is not None:
            self.existing["pages"] += 1
            return page, False
        page = build()
        parent.add_child(instance=page)
        self.created["pages"] += 1
        self.new_pages.append(page)
        return page, True

    def section_pages(self, home):
        """The story index, the FAQ, privacy and imprint pages below home."""
        texts = self.content.site
        index = texts["story_index"]
        story_index, _ = self.child_page(
            home,
            index["slug"],
            lambda: StoryIndexPage(title=index["title"], slug=index["slug"], intro=index["intro"]),
        )
        faq, _ = self.child_page(home, texts["faq"]["slug"], self.faq_page)
        privacy, _ = self.child_page(
            home, texts["privacy"]["slug"], lambda: self.standard_page(texts["privacy"])
        )
        imprint, _ = self.child_page(
            home, texts["imprint"]["slug"], lambda: self.standard_page(texts["imprint"])
        )
        return story_index, faq, privacy, imprint

    def faq_page(self):
        data = self.content.site["faq"]
        return FaqPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            questions=[("item", question) for question in data["questions"]],
        )

    def standard_page(self, data):
        return StandardPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            body=[("text", section) for section in data["sections"]],
        )

    def fill_home(self, home, stories, faq):
        data = self.content.site["home"]
        home.lead_story = stories[data["lead_story"]]
        home.featured_stories = [
            HomePageFeaturedStory(story=stories[slug]) for slug in data["featured_stories"]
        ]
        cta = data["call_to_action"]
        home.body = [("call_to_action", {**cta, "link_page": faq, "link_url": ""})]

    def site_settings(self, site, privacy, imprint, faq):
        """Fills what is still empty, so settings an editor changed stay as they are."""
        site_settings = SiteSettings.for_site(site)
        texts = self.content.site
        changed = False
        if not site_settings.organisation_name:
            site_settings.organisation_name = texts["organisation_name"]
            changed = True
        if not site_settings.footer_text:
            site_settings.footer_text = texts["settings"]["footer_text"]
            changed = True
        if not site_settings.social_profiles:
            site_settings.social_profiles = [
                ("profile", profile) for profile in texts["settings"]["social_profiles"]
            ]
            changed = True
        if site_settings.privacy_page_id is None:
            site_settings.privacy_page = privacy
            changed = True
        if site_settings.imprint_page_id is None:
            site_settings.imprint_page = imprint
            changed = True
        if site_settings.faq_page_id is None:
            site_settings.faq_page = faq
            changed = True
        if changed:
            site_settings.save()
            self.created["site settings"] += 1
        else:
            self.existing["site settings"] += 1

    # Snippets and images

    def author(self, data):
        author = Author.objects.filter(slug=data["slug"]).first()
        if author:
            self.existing["authors"] += 1
            return author
        palette = self.palettes[data["palette"]]
        photo = self.image(
            f"Demo: Porträt {data['slug']}",
            f"Porträt-Illustration von {data['name']}",
            lambda: (portrait(initials(data["name"]), palette, seed=data["slug"]), None),
        )
        author = Author.objects.create(
            slug=data["slug"], name=data["name"], role=data["role"], bio=data["bio"], photo=photo
        )
        self.created["authors"] += 1
        return author

    def category(self, data):
        category, created = StoryCategory.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
        )
        (self.created if created else self.existing)["categories"] += 1
        return category

    def image(self, title, description, draw):
        """The Wagtail image with this title; drawn, saved and given its focal point if missing."""
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).first()
        if image:
            self.existing["images"] += 1
            return image
        picture, focal = draw()
        filename = title.removeprefix("Demo: ").replace(" ", "-").lower()
        image = image_model(
            title=title,
            description=description,
            file=ImageFile(BytesIO(to_jpeg(picture)), name=f"demo-{ascii_name(filename)}.jpg"),
        )
        if focal:
            x, y, width, height = focal
            image.focal_point_x = x + width // 2
            image.focal_point_y = y + height // 2
            image.focal_point_width = width
            image.focal_point_height = height
        image._set_image_file_metadata()
        image.save()
        self.created["images"] += 1
        return image

    # Stories

    def stories(self, story_index, authors, categories):
        """The published stories by slug, which of them are new, the drafts and the demo discussions."""
        stories = {}
        new_stories = set()
        for data in self.content.stories:
            story, created = self.child_page(
                story_index, data["slug"], lambda data=data: self.story(data, authors, categories)
            )
            stories[data["slug"]] = story
            if created:
                new_stories.add(data["slug"])
        for data in self.content.drafts:
            self.draft_story(story_index, data, authors, categories)
        for data in self.content.stories:
            if data["comments"]:
                self.story_comments(stories[data["slug"]], data["comments"])
        return stories, new_stories

    def link_related(self, stories, new_stories):
        """Pins the related stories of each new story; an editor's choice on an existing one stays."""
        for data in self.content.stories:
            if data["related"] and data["slug"] in new_stories:
                stories[data["slug"]].related_links = [
                    StoryRelatedLink(story=stories[other]) for other in data["related"]
                ]

    def story(self, data, authors, categories, live=True):
        slug = data["slug"]
        palette = self.palettes[data["categories"][0]]
        picture_key = data.get("hero_image", slug)  # another story's slug reuses that story's picture
        hero = self.image(
            f"Demo: {picture_key}",
            data["hero_alt"],
            lambda: illustration(data["motif"], palette, size=HERO_SIZE, seed=picture_key),
        )
        page = StoryPage(
            title=data["title"],
            slug=slug,
            teaser=data["teaser"],
            date=data["date"],
            hero_image=hero,
            hero_alt=data["hero_alt"],
            hero_caption=data["hero_caption"],
            hero_credit=self.content.site["illustration_credit"],
            comments_enabled=data.get("comments_enabled", True),
            body=self.story_body(slug, palette, data["body"]),
            live=live,
        )
        page.story_authors = [StoryAuthor(author=authors[author_slug]) for author_slug in data["authors"]]
        page.categories = [categories[category_slug] for category_slug in data["categories"]]
        page.tags.set([tag(name) for name in data["tags"]])
        return page

    def story_body(self, slug, palette, blocks):
        """The body with every illustration block turned into a real image block."""
        body = []
        picture_number = 1
        for block_type, value in blocks:
            if block_type == "image":
                picture_number += 1
                motif = value["motif"]
                picture_palette = self.palettes[value["palette"]] if value["palette"] else palette
                image = self.image(
                    f"Demo: {slug} ({picture_number})",
                    value["alt_text"],
                    lambda motif=motif, picture_palette=picture_palette, number=picture_number: illustration(
                        motif, picture_palette, size=BODY_SIZE, seed=f"{slug}-{number}"
                    ),
                )
                value = {
                    "image": image,
                    "alt_text": value["alt_text"],
                    "caption": value["caption"],
                    "credit": value["credit"],
                }
            body.append((block_type, value))
        return body

    def draft_story(self, story_index, data, authors, categories):
        """A story that was saved but never published, so editors see what a draft looks like."""
        if story_index.get_children().filter(slug=data["slug"]).exists():
            self.existing["draft pages"] += 1
            return
        page = self.story(data, authors, categories, live=False)
        story_index.add_child(instance=page)
        page.save_revision()
        self.created["draft pages"] += 1

    # Comments

    def story_comments(self, page, comments):
        """The story's demo discussion, only while nobody has commented on it yet."""
        existing = StoryComment.objects.for_page(page).count()
        if existing:
            self.existing["comments"] += existing
            return
        saved = {}
        for data in comments:
            saved[data["key"]] = self.comment(
                page,
                parent=saved[data["reply_to"]] if "reply_to" in data else None,
                name=data["name"],
                email=data["email"],
                text=data["text"],
                submit_date=data["date"].replace(tzinfo=BERLIN),
                is_team=data.get("team", False),
                status=data.get("status", CommentStatus.PUBLISHED),
                helpful=data.get("helpful", 0),
            )
            for report in data.get("reports", []):
                CommentReport.objects.create(comment=saved[data["key"]], **report)
        self.created["comments"] += len(comments)

    def benchmark_story(self, story_index, authors, categories):
        """The story with `--comments N` comments; one that has fewer is topped up, never duplicated.

        Comment number i always gets the same author, text and time (its random choices are seeded
        with i), so topping up 40 to 50 gives the same discussion as asking for 50 at once."""
        data = self.content.bench["story"]
        page, _ = self.child_page(story_index, data["slug"], lambda: self.story(data, authors, categories))
        wanted = self.benchmark_size
        have = StoryComment.objects.for_page(page).count()
        self.existing["comments"] += have
        if have >= wanted:
            self.messages.append(
                f"“{page.title}” already has {have} comments ({wanted} asked for), none added."
            )
            return
        readers = self.reader_accounts()
        thread = self.last_thread(page)
        start = first_comment_time(data)
        started = time.perf_counter()
        # XtdComment.save() numbers each reply within its thread, so no bulk_create; one transaction
        # keeps a thousand single saves fast.
        with transaction.atomic():
            for number in range(have, wanted):
                comment = self.benchmark_comment(page, number, thread, readers, start)
                thread = [comment] if comment.level == 0 else [*thread, comment]
        seconds = time.perf_counter() - started
        self.created["comments"] += wanted - have
        self.messages.append(
            f"“{page.title}” ({page.url}): {wanted - have} comments added in {seconds:.1f} s, now {wanted}."
        )

    def benchmark_comment(self, page, number, thread, readers, start):
        """Comment number `number`: a new thread about every fourth time, otherwise a reply to a random
        comment of the current thread; every third one by a registered reader, a few by the team."""
        rng = random.Random(f"{page.slug}-{number}")  # noqa: S311 - repeatable demo data, no secrets
        texts = self.content.bench["comments"]
        reader = readers[number // 3 % len(readers)] if number % 3 == 2 else None
        submit_date = start + datetime.timedelta(minutes=4 * number + rng.randint(0, 3))
        if not thread or rng.random() < 0.25:
            parent, is_team, text = None, False, rng.choice(texts["topics"])
        else:
            parent = rng.choice(thread)
            is_team = reader is None and rng.random() < 0.1
            text = rng.choice(texts["team_replies"] if is_team else texts["replies"])
        if reader:
            name, email = reader.get_full_name(), reader.email
        elif is_team:
            name, email = self.content.team["name"], self.content.team["email"]
        else:
            name = rng.choice(self.content.readers["guests"])
            email = f"{ascii_name(name.lower()).replace(' ', '.')}@example.org"
        return self.comment(
            page,
            parent=parent,
            name=name,
            email=email,
            text=text,
            submit_date=submit_date,
            is_team=is_team,
            user=reader,
        )

    def last_thread(self, page):
        """The comments of the page's newest thread, which topping up continues."""
        comments = StoryComment.objects.for_page(page)
        thread_id = comments.order_by("-thread_id").values_list("thread_id", flat=True).first()
        if thread_id is None:
            return []
        return list(comments.filter(thread_id=thread_id).only("pk", "level", "parent_id").order_by("pk"))

    def reader_accounts(self):
        """Registered readers leser1, leser2, …; found by username, created without a usable password."""
        user_model = get_user_model()
        readers = []
        for account in self.content.readers["accounts"]:
            reader = user_model.objects.filter(username=account["username"]).first()
            if reader:
                self.existing["reader accounts"] += 1
            else:
                reader = user_model(
                    username=account["username"],
                    first_name=account["first_name"],
                    last_name=account["last_name"],
                    email=f"{account['username']}@example.org",
                )
                reader.set_unusable_password()
                reader.save()
                self.created["reader accounts"] += 1
            readers.append(reader)
        return readers

    def comment(
        self,
        page,
        *,
        parent,
        name,
        email,
        text,
        submit_date,
        is_team=False,
        user=None,
        status=CommentStatus.PUBLISHED,
        helpful=0,
    ):
        """One comment, published unless `status` says otherwise, threaded as on the site
        (`StoryComment.reply_parent`); XtdComment.save() works out thread, level and order. `helpful`
        readers marked it "Hilfreich" (the count only: votes are kept for a few days)."""
        parent = parent.reply_parent() if parent is not None else None
        comment = StoryComment(
            content_type=ContentType.objects.get_for_model(StoryPage),
            object_pk=str(page.pk),
            site_id=settings.SITE_ID,
            user=user,
            user_name=name,
            user_email=email,
            comment=text,
            submit_date=submit_date,
            status=status,
            is_team=is_team,
            helpful_count=helpful,
            parent_id=parent.pk if parent is not None else 0,
        )
        comment.save()
        return comment

    # Output

    def report(self):
        if self.verbosity < 1:
            return
        kinds = sorted(set(self.created) | set(self.existing))
        summary = ", ".join(
            f"{kind}: {self.created[kind]} new, {self.existing[kind]} existing" for kind in kinds
        )
        self.stdout.write(self.style.SUCCESS(f"Demo content ready. {summary}."))
        for title in self.removed:
            self.stdout.write(f"Removed Wagtail's default page “{title}”.")
        for message in self.messages:
            self.stdout.write(message)

    def warm(self, site):
        """Renders every live page once, so the image renditions exist before the first reader comes."""
        client = Client(SERVER_NAME=site.hostname, SERVER_PORT=str(site.port), raise_request_exception=False)
        secure = getattr(settings, "SECURE_SSL_REDIRECT", False)
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True).order_by("path")
        rendered = 0
        for page in pages:
            path = page.relative_url(site)
            try:
                response = client.get(path, secure=secure)
            except Exception as error:  # warming must never fail the command
                self.stderr.write(self.style.WARNING(f"Could not render {path}: {error!r}"))
                continue
            if response.status_code == 200:
                rendered += 1
            else:
                self.stderr.write(self.style.WARNING(f"Could not render {path}: HTTP {response.status_code}"))
        if self.verbosity >= 1:
            self.stdout.write(f"Warmed {rendered} of {pages.count()} pages.")


def first_comment_time(story):
    """Benchmark discussions start at nine in the morning of the story's day."""
    return datetime.datetime.combine(story["date"], datetime.time(9), tzinfo=BERLIN)


def tag(name):
    """The tag with this name; a new one gets an ASCII slug ("Störung" -> "stoerung") that tag URLs accept."""
    found = Tag.objects.filter(name=name).first()
    return found or Tag.objects.create(name=name, slug=slugify(ascii_name(name.lower())))


def ascii_name(text):
    replacements = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ı": "i"}
    return "".join(replacements.get(char, char) for char in text).encode("ascii", "ignore").decode()
