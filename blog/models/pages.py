"""Stories and their index, with the archive, filtered listings and feeds."""

import datetime
import math

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PagePermissionTester, Site
from wagtail.search import index

from core.addresses import DraftsReserveNoAddressMixin
from core.languages import content_differs
from core.pagination import paginate
from core.site_cache import CachedViewRestrictionsMixin, first_live_page, public_pages, remember

from .. import extensions, house_rules
from ..blocks import StoryBodyBlock
from ..editor.forms import StoryPageForm
from ..editor.panels import ChooserPanel
from ..feeds import StoryAtomFeed, StoryRssFeed
from ..search import build_search_text
from .snippets import Author, StoryCategory

WORDS_PER_MINUTE = 200

# The years an archive address may name: `datetime.date` ends with 9999, and no customer story is older
# than 1900. Any other number finds nothing, and a huge one would overflow the date or the database.
ARCHIVE_YEARS = range(1900, 10000)
ARCHIVE_MONTHS = range(1, 13)


def archive_number(digits, allowed):
    """The number an archive address names, when it is in `allowed`; a 404 otherwise. Leading zeros are
    dropped before `int()`, which refuses strings of more than 4,300 digits."""
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(allowed[-1])) or int(significant) not in allowed:
        raise Http404(gettext("Für diesen Zeitraum gibt es kein Archiv."))
    return int(significant)


class StoryTag(TaggedItemBase):
    content_object = ParentalKey("blog.StoryPage", on_delete=models.CASCADE, related_name="tagged_items")


class StoryIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """All stories, newest first, and every filtered view of them (archive, category, tag, author)."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.StoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Geschichten-Übersicht")

    @classmethod
    def for_site(cls, site):
        """The site's story index (the first live one), from the site cache; None while it has none."""
        return first_live_page(cls, site)

    @classmethod
    def for_request(cls, request):
        """The story index of the request's site, looked up once per request (navigation, footer, JSON-LD
        and cards all ask for it)."""
        if request is None:
            return cls.for_site(None)
        if not hasattr(request, "_story_index"):
            request._story_index = cls.for_site(Site.find_for_request(request))
        return request._story_index

    def get_stories(self):
        """Live, public stories below this index, ready for a listing without per-row queries."""
        stories = public_pages(StoryPage.objects.live()).descendant_of(self).order_by("-date", "-pk")
        return StoryPage.with_listing_data(stories)

    def categories_with_counts(self):
        """Categories that have live, public stories here, each with `story_count`."""
        stories = public_pages(StoryPage.objects.live()).descendant_of(self)
        return StoryCategory.objects.annotate(
            story_count=Count("stories", filter=models.Q(stories__in=stories))
        ).filter(story_count__gt=0)

    def get_sidebar_context(self):
        """Categories, popular tags and the archive: the same on every listing, cached until the next
        publication."""
        return remember(f"story-sidebar:{self.pk}", self.find_sidebar_context)

    def find_sidebar_context(self):
        stories = public_pages(StoryPage.objects.live()).descendant_of(self)
        months = (
            stories.annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("-month")
        )
        archive = {}
        for row in months:
            month = row["month"]
            year = archive.setdefault(month.year, {"year": month.year, "count": 0, "months": []})
            year["count"] += row["count"]
            year["months"].append({"date": month, "count": row["count"]})
        return {
            "categories": list(self.categories_with_counts()),
            "popular_tags": list(
                Tag.objects.filter(blog_storytag_items__content_object__in=stories)
                .annotate(story_count=Count("blog_storytag_items"))
                .order_by("-story_count", "name")[:15]
            ),
            "archive": list(archive.values()),
        }

    def name_for_readers(self):
        """The index's name on its pages: its title in German; in another interface language the name the
        navigation gives it ("All stories"), since the title is German content."""
        return gettext("Alle Geschichten") if content_differs() else self.title

    def render_listing(
        self, request, stories, heading="", filter_description="", feed_url=None, allow_empty=True, **extra
    ):
        page_of_stories = paginate(request, stories)
        if not allow_empty and not page_of_stories.paginator.count:
            raise Http404
        context = self.get_context(request)
        context.update(self.get_sidebar_context())
        name = self.name_for_readers()
        context.update(
            stories=page_of_stories,
            index_name=name,
            heading=heading or name,
            # The window's title: the filter's heading; unfiltered and in German, the editors' SEO title if any.
            listing_title=heading or (name if content_differs() else self.seo_title or self.title),
            filter_description=filter_description,
            is_filtered=bool(heading),
            feed_url=self.url + (feed_url or self.reverse_subpage("feed")),
            **extra,
        )
        return self.render(request, context_overrides=context, template="blog/story_index_page.html")

    @path("")
    def all_stories(self, request):
        return self.render_listing(request, self.get_stories())

    def redirect_to_route(self, request, name, *args):
        """A permanent redirect to the plain address of one of this page's routes, with the same query."""
        url = self.get_url(request) + self.reverse_subpage(name, args=args)
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    # Digits rather than <int:...>: the views check the range and redirect "02026" to "2026".
    @re_path(r"^archiv/(?P<year>[0-9]+)/$", name="archive_year")
    def archive_year(self, request, year):
        number = archive_number(year, ARCHIVE_YEARS)
        if year != str(number):
            return self.redirect_to_route(request, "archive_year", number)
        stories = self.get_stories().filter(date__year=number)
        heading = gettext("Geschichten aus %(year)s") % {"year": number}
        return self.render_listing(request, stories, heading=heading, allow_empty=False)

    @re_path(r"^archiv/(?P<year>[0-9]+)/(?P<month>[0-9]+)/$", name="archive_month")
    def archive_month(self, request, year, month):
        numbers = archive_number(year, ARCHIVE_YEARS), archive_number(month, ARCHIVE_MONTHS)
        if (year, month) != tuple(str(number) for number in numbers):
            return self.redirect_to_route(request, "archive_month", *numbers)
        year, month = numbers
        stories = self.get_stories().filter(date__year=year, date__month=month)
        label = format_date(datetime.date(year, month, 1), "F Y")
        heading = gettext("Geschichten aus %(month)s") % {"month": label}
        return self.render_listing(request, stories, heading=heading, allow_empty=False)

    @path("kategorie/<slug:slug>/", name="category")
    def category(self, request, slug):
        category = get_object_or_404(StoryCategory, slug=slug)
        return self.render_listing(
            request,
            self.get_stories().filter(categories=category),
            heading=gettext("Kategorie: %(name)s") % {"name": category.name},
            filter_description=category.description,
            feed_url=self.reverse_subpage("category_feed", args=[category.slug]),
        )

    @path("tag/<str:slug>/", name="tag")  # tag slugs keep umlauts ("störung")
    def tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return self.render_listing(
            request,
            self.get_stories().filter(tags=tag),
            heading=gettext("Schlagwort: %(name)s") % {"name": tag.name},
        )

    @path("autor/<slug:slug>/", name="author")
    def author(self, request, slug):
        """The author's stories below their portrait, role and biography."""
        author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
        return self.render_listing(
            request,
            self.get_stories().filter(story_authors__author=author),
            heading=gettext("Geschichten von %(name)s") % {"name": author.name},
            filter_description=author.bio or author.role,
            author=author,
        )

    @path("feed/", name="feed")
    def feed(self, request):
        return StoryRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return StoryAtomFeed(self)(request)

    @path("kategorie/<slug:slug>/feed/", name="category_feed")
    def category_feed(self, request, slug):
        return StoryRssFeed(self, category=get_object_or_404(StoryCategory, slug=slug))(request)


class StoryPermissionTester(PagePermissionTester):
    """Wagtail's permission checks, with one shortcut for stories, which never have pages below them."""

    def can_delete(self, ignore_bulk=False):
        # Someone who may not publish may delete only what has no live page in it: for a story, that is
        # the story itself, known without the query Wagtail makes for every row of a listing.
        if self.page.is_leaf() and not self.user.is_superuser and "publish" not in self.permissions:
            return self.user.is_active and "change" in self.permissions and not self.page.live
        return super().can_delete(ignore_bulk)


class StoryPage(DraftsReserveNoAddressMixin, CachedViewRestrictionsMixin, Page):
    """One customer-service story: the heart of the site."""

    teaser = models.TextField(
        _("Anreißer"),
        max_length=300,
        help_text=_("Ein bis zwei Sätze für Übersichten, Suchmaschinen und Vorschauen in sozialen Medien."),
    )
    date = models.DateField(_("Datum"), default=datetime.date.today, db_index=True)
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("Alternativtext des Titelbilds"),
        max_length=250,
        blank=True,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen. Leer: Beschreibung des Bildes."),
    )
    hero_caption = models.CharField(_("Bildunterschrift"), max_length=250, blank=True)
    hero_credit = models.CharField(_("Bildnachweis"), max_length=120, blank=True)
    categories = ParentalManyToManyField(
        StoryCategory, verbose_name=_("Kategorien"), blank=True, related_name="stories"
    )
    tags = ClusterTaggableManager(through=StoryTag, verbose_name=_("Schlagwörter"), blank=True)
    body = StreamField(StoryBodyBlock(), verbose_name=_("Inhalt"))
    comments_enabled = models.BooleanField(_("Kommentare erlaubt"), default=True)
    reading_time = models.PositiveSmallIntegerField(_("Lesezeit in Minuten"), default=1, editable=False)
    # What the reader search looks in, kept up to date by save() (blog.search).
    search_text = models.TextField(_("Suchtext"), blank=True, default="", db_default="", editable=False)

    content_panels = Page.content_panels + [
        FieldPanel(
            "teaser",
            help_text=_(
                "Ein bis zwei Sätze für Übersichten und Vorschauen in sozialen Medien, höchstens 300 Zeichen. "
                "Suchmaschinen zeigen etwa die ersten 160 – das Wichtigste also nach vorn, oder eine eigene "
                "Suchbeschreibung unter „Veröffentlichung“ angeben."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldRowPanel([FieldPanel("hero_caption"), FieldPanel("hero_credit")]),
            ],
            heading=_("Titelbild"),
        ),
        FieldPanel("body"),
        ChooserPanel("story_authors", chooser_field_name="author", heading=_("Autorinnen und Autoren")),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Einordnung"),
        ),
        ChooserPanel("related_links", chooser_field_name="story", heading=_("Verwandte Geschichten")),
    ]
    # Apps that build on stories add their panels in their AppConfig.ready() (comments: a discussion summary).
    settings_panels = Page.settings_panels + [FieldPanel("comments_enabled")]

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]

    parent_page_types = ["blog.StoryIndexPage"]
    subpage_types = []

    base_form_class = StoryPageForm
    # The story form checks the alternative text with the other house rules, on submission and
    # publication only; it sets this so that clean() leaves it alone while a draft is saved or autosaved.
    house_rules_checked_by_form = False

    class Meta:
        verbose_name = _("Geschichte")
        verbose_name_plural = _("Geschichten")

    def clean(self):
        super().clean()
        if self.hero_image and not self.hero_alt_text and not self.house_rules_checked_by_form:
            raise ValidationError({"hero_alt": house_rules.HERO_ALT.advice})

    def house_rule_gaps(self):
        """What this story (a page or one of its revisions) still lacks for publication."""
        return house_rules.gaps(
            hero_image=self.hero_image,
            hero_alt=self.hero_alt,
            teaser=self.teaser,
            author_count=len(self.story_authors.all()),
            category_count=len(self.categories.all()),
        )

    def save(self, *args, **kwargs):
        self.reading_time = self.compute_reading_time()
        self.search_text = build_search_text(
            self.title,
            self.teaser,
            self.body_texts(),
            [category.name for category in self.categories.all()] + [tag.name for tag in self.tags.all()],
        )
        super().save(*args, **kwargs)

    def body_texts(self):
        """The texts of the body's blocks, as Wagtail indexes them: for the reading time and the search."""
        return self.body.stream_block.get_searchable_content(self.body)

    def compute_reading_time(self):
        texts = [self.teaser, *self.body_texts()]
        words = sum(len(strip_tags(text).split()) for text in texts)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def hero_alt_text(self):
        return self.hero_alt or (self.hero_image.description if self.hero_image else "")

    @cached_property
    def authors(self):
        return [link.author for link in self.story_authors.all()]

    def permissions_for_user(self, user):
        return StoryPermissionTester(user, self)

    def get_absolute_url(self):
        return self.url

    @cached_property
    def story_index(self):
        """The index this story is listed in (its parent), from the site cache."""
        return remember(
            f"story-index-above:{self.path}", lambda: StoryIndexPage.objects.ancestor_of(self).first()
        )

    @classmethod
    def serving_queryset(cls):
        """The story as its page view needs it (see core.routing): the hero image, and what other apps
        add (`extensions.STORY_SERVING_QUERYSET`), come with it."""
        return extensions.construct(
            extensions.STORY_SERVING_QUERYSET, cls.objects.select_related("hero_image")
        )

    def get_related_stories(self, limit=3):
        """Pinned stories first; the rest filled with the newest stories sharing a category. They change
        only when something is published, so they are kept in the site cache."""
        return remember(
            f"related-stories:{self.pk}:{limit}",
            lambda: self.find_related_stories(limit),
            follows=[extensions.CARD_FACTS],
        )

    def find_related_stories(self, limit):
        pinned_ids = [link.story_id for link in self.related_links.all()]
        stories = public_pages(StoryPage.objects.live()).exclude(pk=self.pk)
        pinned = {story.pk: story for story in self.with_listing_data(stories.filter(pk__in=pinned_ids))}
        related = [pinned[pk] for pk in pinned_ids if pk in pinned][:limit]
        if len(related) < limit:
            same_category = (
                stories.filter(categories__in=[category.pk for category in self.categories.all()])
                .exclude(pk__in=[story.pk for story in related])
                .distinct()
                .order_by("-date", "-pk")
            )
            related += list(self.with_listing_data(same_category)[: limit - len(related)])
        return related

    @staticmethod
    def with_listing_data(stories):
        """Everything a story card shows, fetched in a fixed number of queries."""
        # Renditions come from Wagtail's rendition cache (Redis), not from a query per listing.
        stories = stories.select_related("hero_image").prefetch_related(
            Prefetch("story_authors", queryset=StoryAuthor.objects.select_related("author")),
            "categories",
        )
        return extensions.construct(extensions.STORY_LISTING_QUERYSET, stories)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):  # a preview shows the authors from the editor's form
            photos = StoryAuthor.objects.select_related("author__photo")
            prefetch_related_objects([self], Prefetch("story_authors", queryset=photos))
        context["story_index"] = self.story_index
        context["related_stories"] = self.get_related_stories()
        return context


class StoryAuthor(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_authors")
    author = models.ForeignKey(
        Author, verbose_name=_("Autorin / Autor"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("Autorin / Autor")
        unique_together = [("page", "author")]


class StoryRelatedLink(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="related_links")
    story = models.ForeignKey(
        StoryPage,
        verbose_name=_("Geschichte"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("Verwandte Geschichte")
