"""Posts become stories below the story index, pages become content pages below the site's root. Each one
comes with its authors, topics, comments, old addresses and record in one transaction: a post that fails
leaves nothing behind, and the import goes on with the next."""

import logging
from dataclasses import replace

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from blog.models import StoryAuthor, StoryPage
from blog.purging import purge_story_with_change
from comments.feeds import purge_comment_feeds
from home.models import StandardPage

from . import report as outcomes
from .body import convert_body, plain_text
from .discussion import import_comments
from .media import upload_path
from .old_addresses import redirect_item
from .people import german_slug
from .records import Kind, fingerprint

logger = logging.getLogger(__name__)

TEASER_LENGTH = 300
PUBLISHED = ("publish", "private")
SCHEDULED = "future"


def team_groups():
    """The groups whose members work in the admin: in WordPress, private posts are theirs to read."""
    return Group.objects.filter(
        permissions__content_type__app_label="wagtailadmin", permissions__codename="access_admin"
    )


class ItemFailed(Exception):
    """A post or page that cannot come in; the message says why, in German."""


def shorten(text, limit):
    """`text`, cut at a word with "…" when longer than `limit`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–") + "…"


def first_paragraph(blocks):
    for block in blocks:
        if block.get("type") in ("paragraph", "text"):
            text = plain_text(str(block.get("value") or ""))
            if text:
                return text
    return ""


def local_date(item):
    """The day the post is dated in the blog's own time zone (WordPress's `post_date`)."""
    if item.date:
        return item.date.date()
    if item.date_gmt:
        return timezone.localtime(item.date_gmt).date()
    return timezone.localdate()


def reason_for(error):
    if isinstance(error, ItemFailed):
        return str(error)
    if isinstance(error, ValidationError):
        return _("Der Inhalt ist ungültig: %(errors)s") % {
            "errors": "; ".join(str(m) for m in error.messages)
        }
    logger.info("WordPress item failed", exc_info=error)
    return _("Unerwarteter Fehler (%(kind)s): %(error)s") % {"kind": type(error).__name__, "error": error}


def block_messages(error, where=""):
    """Each message of a validation error, with the block or field it is about ("3.level: …")."""
    nested = getattr(error, "block_errors", None)
    if nested:
        items = nested.items() if isinstance(nested, dict) else enumerate(nested)
        return [
            message
            for key, inner in items
            if inner is not None
            for message in block_messages(inner, f"{where}{key}." if where else f"{key}.")
        ]
    if hasattr(error, "error_dict"):
        return [
            message
            for name, errors in error.error_dict.items()
            for inner in errors
            for message in block_messages(inner, f"{where}{name}.")
        ]
    return [f"{where.rstrip('.')}: {message}" if where else str(message) for message in error.messages]


class ItemImporter:
    """Brings in posts and pages one at a time; keeps only id maps between them."""

    def __init__(
        self, *, channel, source, site, story_index, records, authors, topics, finder, report, update, dry_run
    ):
        self.channel, self.source, self.site = channel, source, site
        self.story_index, self.root = story_index, site.root_page
        self.records, self.authors, self.topics, self.finder = records, authors, topics, finder
        self.report, self.update, self.dry_run = report, update, dry_run
        self.months = set()  # (year, month) of the published stories, for the archive redirects
        self.waiting = {}  # WordPress page id -> our pages put below the root until that parent comes

    def run(self, item):
        is_post = item.post_type == "post"
        kind, model = (Kind.POST, StoryPage) if is_post else (Kind.PAGE, StandardPage)
        if item.status == "trash":
            self.report.count(kind, outcomes.SKIPPED, outcomes.IN_TRASH)
            return
        known = self.records.get(kind, item.wp_id)
        page = model.objects.filter(pk=known.object_id).first() if known else None
        if known and page is None:
            self.report.count(kind, outcomes.SKIPPED, outcomes.DELETED_HERE)
            return
        if known and not self.update:
            self.report.count(kind, outcomes.SKIPPED, outcomes.ALREADY_IMPORTED)
            return
        digest = fingerprint(replace(item, comments=[]), self.finder.attachments.get(item.thumbnail_id))
        title = plain_text(item.title)[:255] or _("Ohne Titel (WordPress-ID %(id)s)") % {"id": item.wp_id}
        try:
            if is_post and item.author_login not in self.authors:
                raise ItemFailed(
                    _("Die Autorin oder der Autor „%(login)s“ steht nicht in der Autorenliste des Exports.")
                    % {"login": item.author_login}
                )
            if known and known.fingerprint == digest:
                with transaction.atomic():
                    self.comments(page, item)
                self.report.count(kind, outcomes.UNCHANGED)
                return
            status, waiting = self.bring_in(item, page, title, digest, kind)
        except Exception as error:  # noqa: BLE001 - any failure of one post is reported, the rest go on
            self.records.forget()
            self.report.fail(title, item.wp_id, reason_for(error))
            return
        self.records.keep()
        if waiting:
            self.waiting.setdefault(item.parent_id, []).append(waiting)
        self.report.count(kind, outcomes.CHANGED if known else outcomes.CREATED)
        self.report.status(kind, status)

    def bring_in(self, item, page, title, digest, kind):
        """Makes or changes the page and everything that belongs to it, together."""
        is_post = kind == Kind.POST
        categories, tags = self.topics.for_item(item) if is_post else ([], [])
        self.records.keep()  # topics stay, even if the post fails
        converted = convert_body(
            item.content, find_image=self.finder.find_image, title=title, for_page=not is_post
        )
        blocks = converted.blocks or self.stand_in_body(item, title, is_post)
        self.report.dropped.update(converted.dropped)
        self.report.missing_images.update(upload_path(src) or src for src in converted.missing_images)
        hero = self.finder.hero(item.thumbnail_id) if is_post else None
        waiting = None
        with transaction.atomic():
            if is_post:
                page = self.story(item, page, title, blocks, hero, categories, tags)
                parent_is_root = False
            else:
                page, parent_is_root = self.standard_page(item, page, title, blocks)
            status = self.publish(page, item, created=page.latest_revision_id is None)
            self.restrict(page, item)
            page = type(page).objects.get(pk=page.pk)
            self.comments(page, item)
            self.report.redirects += redirect_item(item, self.channel, page, self.site)
            self.records.save(kind, item.wp_id, page.pk, digest)
            if not is_post:
                for child_id in self.waiting.pop(item.wp_id, []):
                    Page.objects.get(pk=child_id).move(page, pos="last-child")
                if parent_is_root and item.parent_id:
                    waiting = page.pk
        if is_post and status in ("live", "private", "password"):
            self.months.add((page.date.year, page.date.month))
        return status, waiting

    def stand_in_body(self, item, title, is_post):
        """A body for a post whose content left nothing (only a missing image, only a script): its
        excerpt, else its title, as one paragraph, so that readers and editors find more than an empty
        page. Counted in the report, so the editors know to look."""
        self.report.dropped[_("leerer Inhalt, Auszug oder Titel als Absatz")] += 1
        paragraph = format_html("<p>{}</p>", plain_text(item.excerpt) or title)
        return [{"type": "paragraph" if is_post else "text", "value": paragraph}]

    def story(self, item, page, title, blocks, hero, categories, tags):
        if page is None:
            page = StoryPage(live=False, slug=self.free_slug(self.story_index, item, title))
        image, alt, caption, credit = hero or (None, "", "", "")
        page.title = title
        page.teaser = shorten(plain_text(item.excerpt) or first_paragraph(blocks) or title, TEASER_LENGTH)
        page.date = local_date(item)
        page.body = blocks
        page.hero_image, page.hero_alt, page.hero_caption, page.hero_credit = image, alt, caption, credit
        page.comments_enabled = item.comment_status == "open"
        page.story_authors = [StoryAuthor(author=self.authors[item.author_login])]
        page.categories = categories
        page.tags.set(tags)
        if page.pk is None:
            self.story_index.add_child(instance=page)
        return page

    def standard_page(self, item, page, title, blocks):
        """The content page, below the page its WordPress parent became (the root while that has not
        come yet); whether it waits below the root for its parent."""
        parent_is_root = False
        if page is None:
            parent = self.parent_of(item)
            parent_is_root = parent.pk == self.root.pk
            page = StandardPage(live=False, slug=self.free_slug(parent, item, title))
        page.title = title
        page.intro = shorten(plain_text(item.excerpt), 400)
        page.body = blocks
        if page.pk is None:
            parent.add_child(instance=page)
        return page, parent_is_root

    def parent_of(self, item):
        known = self.records.get(Kind.PAGE, item.parent_id) if item.parent_id else None
        parent = Page.objects.filter(pk=known.object_id).first() if known else None
        return parent or self.root

    def free_slug(self, parent, item, title):
        """WordPress's slug, else one made from the title; "-2", "-3" … when a sibling has it."""
        base = slugify(item.slug, allow_unicode=True)[:200] or german_slug(title, 200) or f"wp-{item.wp_id}"
        taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def publish(self, page, item, created):
        """A revision as WordPress has the item: published (with WordPress's dates), scheduled, or a draft."""
        model = type(page)
        if len(page.body):
            # Wagtail checks blocks only in its editor's form: an imported body is checked here.
            page.body.stream_block.clean(page.body)
        if item.status in PUBLISHED:
            if created and item.date_gmt:
                page.first_published_at = item.date_gmt
            page.save_revision(clean=True).publish()
            if created and item.date_gmt:
                model.objects.filter(pk=page.pk).update(
                    first_published_at=item.date_gmt, last_published_at=item.date_gmt
                )
            if item.status == "private":
                return "private"
            return "password" if item.password else "live"
        if item.status == SCHEDULED and item.date_gmt:
            page.go_live_at = item.date_gmt
            page.save_revision(clean=True).publish()  # Wagtail approves it for its go-live date
            return "scheduled"
        page.save_revision(clean=False)
        return "pending" if item.status == "pending" else "draft"

    def restrict(self, page, item):
        """A private post only for the team (the groups that may use the admin; superusers always), a post
        password as the page's password."""
        restrictions = PageViewRestriction.objects.filter(page_id=page.pk)
        if item.status == "private":
            wanted = {"restriction_type": PageViewRestriction.GROUPS, "password": ""}
        elif item.password:
            wanted = {"restriction_type": PageViewRestriction.PASSWORD, "password": item.password}
        else:
            restrictions.delete()
            return
        if not restrictions.filter(**wanted).exists():
            restrictions.delete()
            restriction = PageViewRestriction.objects.create(page_id=page.pk, **wanted)
            if item.status == "private":
                restriction.groups.set(team_groups())

    def comments(self, page, item):
        if not item.comments:
            return
        if not isinstance(page, StoryPage):
            self.report.comments["on_pages"] += len(item.comments)
            return
        result = import_comments(page, item, source=self.source, dry_run=self.dry_run)
        self.report.add_comments(result)
        if (result.created or result.updated) and not self.dry_run:
            # Comments are stored without `comment_saved`: the story, its listings and the comment feeds
            # are purged here instead, once per story within the import's purge batch.
            purge_story_with_change(page.pk)
            purge_comment_feeds(page.pk)
