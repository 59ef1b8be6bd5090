"""Content for `make bench`: the demo site plus three stories with 10, 200 and 1,000 threaded comments.

Every comment is published; every third one is by a registered reader (a real User row, `leser1` …),
the others are anonymous guests (a few of them team replies). About every fourth comment opens a new
thread, the rest answer a random comment of the current thread, so the discussions reach every level
the site shows. The discussions are the same as `seed_demo --comments N` would make (the same
generator, seeded per story and comment number), only on stories of their own.

Runs again without changes: a story that already has its comments is left alone, one with fewer is
topped up. Prints one line per story (comments, by registered readers, deepest level) and, with
`--json`, the same facts as JSON for the benchmark script.
"""

import json
from collections import Counter

from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Max, Q

from blog.models import Author, StoryCategory, StoryIndexPage
from blog.signal_handlers import rendition_warmup_suspended
from comments.models import CommentStatus, StoryComment

from .seed_demo import Command as SeedDemoCommand, first_comment_time

SIZES = (10, 200, 1000)


def bench_slug(size):
    return f"bench-{size}-kommentare"


class Command(SeedDemoCommand):
    help = (
        "Creates the demo content and three benchmark stories with 10, 200 and 1,000 published, threaded "
        "comments (a third by registered readers); runs again without changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default=",".join(str(size) for size in SIZES),
            help="Comma-separated comment counts, one story each (default: %(default)s).",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the stories' facts as JSON."
        )

    def handle(self, *args, sizes, as_json=False, **options):
        self.verbosity = options.get("verbosity", 1)
        self.load_content()
        wanted = sorted({int(size) for size in sizes.split(",") if size.strip()})
        # The demo site (home, index, authors, categories, pictures); it does nothing when it is there.
        call_command("seed_demo", warm=False, verbosity=0)
        # seed_demo's helpers (child_page, reader_accounts, story) count what they find and make.
        self.created, self.existing, self.added = Counter(), Counter(), {}
        # No rendition warm-up tasks: the benchmark renders the pages itself.
        with rendition_warmup_suspended(), transaction.atomic():
            stories = [self.bench_story(size) for size in wanted]
        facts = [self.facts(story, size) for story, size in stories]
        if as_json:
            self.stdout.write(json.dumps(facts, ensure_ascii=False))
        elif self.verbosity >= 1:
            for fact in facts:
                self.stdout.write(
                    f"{fact['url']}: {fact['comments']} comments ({fact['added']} added), "
                    f"{fact['registered']} by registered readers, {fact['threads']} threads, "
                    f"levels 0-{fact['max_level']}"
                )

    def bench_story(self, size):
        index = StoryIndexPage.objects.live().order_by("path").first()
        authors = {author.slug: author for author in Author.objects.all()}
        categories = {category.slug: category for category in StoryCategory.objects.all()}
        data = {
            **self.content.bench["story"],
            "slug": bench_slug(size),
            "title": f"Benchmark: eine Geschichte mit {size} Kommentaren",
        }
        self.new_pages = []
        story, created = self.child_page(index, data["slug"], lambda: self.story(data, authors, categories))
        for page in self.new_pages:
            page.save_revision().publish()
        if created:
            story.refresh_from_db()
        have = StoryComment.objects.for_page(story).count()
        self.added[size] = max(size - have, 0)
        if have < size:
            readers = self.reader_accounts()
            thread = self.last_thread(story)
            start = first_comment_time(data)
            for number in range(have, size):
                comment = self.benchmark_comment(story, number, thread, readers, start)
                thread = [comment] if comment.level == 0 else [*thread, comment]
        return story, size

    def facts(self, story, size):
        stats = StoryComment.objects.for_page(story).aggregate(
            comments=Count("pk"),
            published=Count("pk", filter=Q(status=CommentStatus.PUBLISHED)),
            registered=Count("pk", filter=Q(user__isnull=False)),
            threads=Count("pk", filter=Q(level=0)),
            max_level=Max("level"),
        )
        return {
            "size": size,
            "slug": story.slug,
            "url": story.url,
            "added": self.added.get(size, 0),
            **stats,
        }
