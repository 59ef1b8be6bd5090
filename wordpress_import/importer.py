"""The import from the file to the report: the blog's people and topics, then its images and posts one by
one, then the old archive addresses.

The file is read in full twice before anything is written (`wxr.Export`): a broken or hostile file stops
the import with its message and leaves the site as it was. Publishing a thousand stories must not purge the
front cache a thousand times or start a thousand site-cache generations: while the import runs, the
receivers that would do so per page are held back, the addresses they would purge are collected, and
both happen once at the end (`effects_held`). A dry run does all of it inside a transaction that is
rolled back, writes no file, and purges nothing.
"""

import contextlib
import sys
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.contrib.frontend_cache import signal_handlers as frontend_cache_handlers
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published

from blog import signal_handlers as blog_handlers
from blog.models import StoryIndexPage, StoryPage
from blog.purging import listing_urls
from core import purging, signal_handlers as core_handlers, site_cache
from home.models import StandardPage

from .media import ImageFinder
from .old_addresses import redirect_archives
from .pages import ItemImporter
from .people import Topics, import_authors
from .records import Records
from .report import Report
from .wxr import Export


class ImportStopped(Exception):
    """The import cannot start (no site, no story index); the message says why, in German."""


class DryRunDone(Exception):
    """Leaves the dry run's transaction, so that it is rolled back."""


@dataclass
class HeldEffects:
    """What the receivers held back would have purged, done once when the import is over."""

    urls: set = field(default_factory=set)

    def story_published(self, sender, instance, **kwargs):
        self.page_published(sender, instance)
        self.urls.update(listing_urls(instance))

    def page_published(self, sender, instance, **kwargs):
        batch = PurgeBatch()
        batch.add_page(instance)
        self.urls.update(batch.urls)

    def restriction_saved(self, sender, instance, **kwargs):
        self.page_published(sender, instance.page.specific)

    def done(self):
        """The collected addresses leave the front cache, and readers see the new content at once."""
        purging.purge_urls(self.urls)
        site_cache.changed()


def swapped_receivers(held):
    """(signal, receiver, sender, dispatch_uid, stand-in): what the import holds back, and what does
    its work meanwhile."""
    return [
        (page_published, blog_handlers.story_published_or_unpublished, StoryPage, None, held.story_published),
        (page_published, blog_handlers.warm_renditions_when_published, StoryPage, None, None),
        (page_published, frontend_cache_handlers.page_published_signal_handler, StoryPage, None, None),
        (
            page_published,
            frontend_cache_handlers.page_published_signal_handler,
            StandardPage,
            None,
            held.page_published,
        ),
        (
            post_save,
            blog_handlers.stories_made_private_or_public,
            PageViewRestriction,
            None,
            held.restriction_saved,
        ),
        (post_save, core_handlers.view_restriction_changed, PageViewRestriction, None, None),
        (post_save, core_handlers.start_new_generation, None, "site_cache_saved", None),
        (post_delete, core_handlers.start_new_generation, None, "site_cache_deleted", None),
    ]


@contextlib.contextmanager
def effects_held():
    """Within the block, publishing queues no purge, rendition warm-up or site-cache generation per page;
    the caller does them once (`HeldEffects.done`). Receivers that were not connected stay so."""
    held = HeldEffects()
    swapped = []
    try:
        for signal, receiver, sender, uid, stand_in in swapped_receivers(held):
            if signal.disconnect(receiver, sender=sender, dispatch_uid=uid):
                swapped.append((signal, receiver, sender, uid, stand_in))
                if stand_in is not None:
                    signal.connect(stand_in, sender=sender, weak=False)
        with purging.batch():
            yield held
    finally:
        for signal, receiver, sender, uid, stand_in in swapped:
            if stand_in is not None:
                signal.disconnect(stand_in, sender=sender)
            signal.connect(receiver, sender=sender, dispatch_uid=uid)


def source_of(channel):
    """The blog's address: two blogs imported into one site keep their post numbers apart."""
    return (channel.base_blog_url or channel.base_site_url or channel.link or channel.title).rstrip("/")[:255]


def target_site(site=None):
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ImportStopped(_("Es gibt keine Website, in die importiert werden kann."))
    story_index = StoryIndexPage.for_site(site)
    if story_index is None:
        raise ImportStopped(
            _(
                "Die Website „%(site)s“ hat keine veröffentlichte Geschichten-Übersicht. Bitte zuerst eine "
                "anlegen und veröffentlichen: unter ihr erscheinen die Geschichten aus WordPress."
            )
            % {"site": site.site_name or site.hostname}
        )
    return site, story_index


def run_import(path, *, media_dir=None, dry_run=False, update=False, site=None, progress=False):
    """Imports the export at `path`; returns the report. Raises `wxr.ExportError` or `ImportStopped` before
    anything is written."""
    export = Export(path)
    channel = export.channel()
    attachments, _counts = export.attachments()
    site, story_index = target_site(site)
    report = Report(dry_run=dry_run)
    with effects_held() as held:
        try:
            with transaction.atomic() if dry_run else contextlib.nullcontext():
                import_all(
                    export,
                    channel,
                    attachments,
                    site,
                    story_index,
                    report,
                    media_dir,
                    update,
                    dry_run,
                    progress,
                )
                if dry_run:
                    raise DryRunDone
        except DryRunDone:
            pass
    if not dry_run:
        held.done()
    return report


def import_all(export, channel, attachments, site, story_index, report, media_dir, update, dry_run, progress):
    source = source_of(channel)
    records = Records(source)
    authors = import_authors(channel, records=records, report=report, update=update)
    topics = Topics(records=records, report=report, update=update)
    topics.import_channel(channel)
    finder = ImageFinder(
        attachments, media_dir=media_dir, records=records, report=report, update=update, dry_run=dry_run
    )
    items = ItemImporter(
        channel=channel,
        source=source,
        site=site,
        story_index=story_index,
        records=records,
        authors=authors,
        topics=topics,
        finder=finder,
        report=report,
        update=update,
        dry_run=dry_run,
    )
    with tqdm(
        total=export.size, unit="B", unit_scale=True, file=sys.stderr, disable=not progress, desc=_("Import")
    ) as bar:
        for item in export.items():
            items.run(item)
            bar.update(export.position - bar.n)
        bar.update(export.size - bar.n)
    report.skipped_types.update(export.skipped)
    with transaction.atomic():
        report.redirects += redirect_archives(
            channel,
            site=site,
            story_index=story_index,
            categories=topics.categories,
            tags=topics.tags,
            authors=authors,
            months=items.months,
        )
