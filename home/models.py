"""The home page, editor-managed pages (FAQ, privacy, imprint) and site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from blog import extensions
from blog.models import StoryIndexPage
from core.routing import TwoQueryRoutingMixin
from core.site_cache import CachedSiteSettingMixin, CachedViewRestrictionsMixin, remember

from .blocks import FaqBlock, HomeBodyBlock, StandardBodyBlock
from .editorial import EditorialApprovalTask  # noqa: F401 - the review step is a model (a proxy) of this app

LATEST_STORIES_ON_HOME = 6


class HomePage(TwoQueryRoutingMixin, CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("Einleitung"), blank=True, max_length=400)
    lead_story = models.ForeignKey(
        "blog.StoryPage",
        verbose_name=_("Aufmacher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die große Geschichte oben auf der Startseite. Leer: die neueste Geschichte."),
    )
    body = StreamField(HomeBodyBlock(), verbose_name=_("Weitere Inhalte"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("lead_story"),
        InlinePanel(
            "featured_stories", heading=_("Ausgewählte Geschichten"), label=_("Geschichte"), max_num=6
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["blog.StoryIndexPage", "home.StandardPage", "home.FaqPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):  # the editor's unsaved choice of stories
            context.update(self.find_stories())
        else:
            context.update(self.get_stories())
        return context

    def get_stories(self):
        """The lead story, the featured ones and the newest, with their categories; the same for every
        reader until the next publication, so kept in the site cache."""
        return remember(f"home-stories:{self.pk}", self.find_stories, follows=[extensions.CARD_FACTS])

    def find_stories(self):
        story_index = StoryIndexPage.objects.live().child_of(self).first()
        stories = story_index.get_stories() if story_index else None
        lead = None
        featured = []
        latest = []
        if stories is not None:
            featured_ids = list(
                self.featured_stories.filter(story__live=True).values_list("story_id", flat=True)
            )
            by_id = {story.pk: story for story in stories.filter(pk__in=featured_ids + [self.lead_story_id])}
            lead = by_id.get(self.lead_story_id)
            shown = [lead] if lead else []
            featured = [by_id[pk] for pk in featured_ids if pk in by_id and by_id[pk] not in shown]
            newest = list(
                stories.exclude(pk__in=[s.pk for s in shown + featured])[: LATEST_STORIES_ON_HOME + 1]
            )
            if lead is None and newest:
                lead = newest.pop(0)
            latest = newest[:LATEST_STORIES_ON_HOME]
        return {
            "story_index": story_index,
            "lead_story": lead,
            "featured_stories": featured,
            "latest_stories": latest,
            "categories": list(story_index.categories_with_counts()) if story_index else [],
        }


class HomePageFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "blog.StoryPage", verbose_name=_("Geschichte"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("story")]


class StandardPage(CachedViewRestrictionsMixin, Page):
    """Editor-managed pages such as privacy policy and imprint."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=400)
    body = StreamField(StandardBodyBlock(), verbose_name=_("Inhalt"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")


class FaqPage(CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("Einleitung"), blank=True, max_length=400)
    questions = StreamField(FaqBlock(), verbose_name=_("Fragen und Antworten"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("questions")]
    search_fields = Page.search_fields + [index.SearchField("questions")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Häufige Fragen")


class SocialProfileBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Netzwerk"),
        choices=[
            ("mastodon", "Mastodon"),
            ("instagram", "Instagram"),
            ("linkedin", "LinkedIn"),
            ("facebook", "Facebook"),
            ("youtube", "YouTube"),
            ("bluesky", "Bluesky"),
        ],
    )
    url = blocks.URLBlock(label=_("Adresse"))

    class Meta:
        icon = "link"
        label = _("Profil")


@register_setting(icon="cog")
class SiteSettings(CachedSiteSettingMixin, BaseSiteSetting):
    """What appears on every page: footer, social profiles and the legal pages; the FAQ that the comment
    form links."""

    page_fields = ("privacy_page", "imprint_page", "faq_page")

    organisation_name = models.CharField(_("Name des Unternehmens"), max_length=120, default="Muster AG")
    footer_text = models.TextField(_("Text in der Fußzeile"), blank=True, max_length=400)
    social_profiles = StreamField(
        [("profile", SocialProfileBlock())], verbose_name=_("Profile in sozialen Medien"), blank=True
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzseite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    faq_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Häufige Fragen zu Kommentaren"),
        help_text=_("Das Kommentarformular verlinkt diese Seite: „Fragen zu Kommentaren?“"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("footer_text"),
        FieldPanel("social_profiles"),
        MultiFieldPanel(
            [PageChooserPanel("privacy_page"), PageChooserPanel("imprint_page")], heading=_("Rechtliches")
        ),
        PageChooserPanel("faq_page"),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")
