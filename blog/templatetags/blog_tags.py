"""Template helpers for stories: the story index, what other apps add to cards and story pages, social
preview images, BlogPosting data and the names of breadcrumb steps."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.models import Site

from blog import extensions
from blog.models import StoryIndexPage
from blog.renditions import SHARE_IMAGE_SPEC
from core.languages import content_lang_attribute
from core.templatetags.core_tags import absolute, json_for_script

register = template.Library()


def remember_story_index(context):
    """The site's story index; one a view already put in the context is reused, which saves a lookup."""
    request = context.get("request")
    if request is not None and not hasattr(request, "_story_index"):
        page = context.get("page")
        known = context.get("story_index") or (page if isinstance(page, StoryIndexPage) else None)
        if isinstance(known, StoryIndexPage):
            request._story_index = known
    return StoryIndexPage.for_request(request)


@register.simple_tag(takes_context=True)
def get_story_index(context):
    """`{% get_story_index as story_index %}` gives templates without one in context the index page."""
    return remember_story_index(context)


@register.simple_tag(takes_context=True)
def story_index_url(context):
    """URL of "Alle Geschichten"; empty when the site has no story index yet."""
    request = context.get("request")
    index = remember_story_index(context)
    return index.get_url(request=request) if index else ""


@register.simple_tag(takes_context=True)
def breadcrumb_name(context, page):
    """A step of the breadcrumbs: the start page and the story index by their names in the navigation, in
    the reader's language; any other page by its title, which is German content."""
    if page.depth == 2:  # the site's root page
        return gettext("Start")
    index = remember_story_index(context)
    if index is not None and page.pk == index.pk:
        return gettext("Alle Geschichten")
    attribute = content_lang_attribute()
    return format_html("<span{}>{}</span>", attribute, page.title) if attribute else page.title


@register.simple_tag(takes_context=True)
def story_card_meta(context, story):
    """`{% story_card_meta story as facts %}`: what other apps add to a card's meta line
    (`extensions.STORY_CARD_META`), one HTML fragment per fact."""
    return extensions.facts(extensions.STORY_CARD_META, story, context)


@register.simple_tag(takes_context=True)
def story_header_meta(context, story):
    """`{% story_header_meta story as facts %}`: what other apps add beside a story's date and reading
    time (`extensions.STORY_HEADER_META`), one HTML fragment per fact."""
    return extensions.facts(extensions.STORY_HEADER_META, story, context)


@register.simple_tag(takes_context=True)
def story_page_sections(context):
    """The sections other apps add below a story (`extensions.STORY_PAGE_SECTIONS`)."""
    return extensions.insert(extensions.STORY_PAGE_SECTIONS, context)


@register.simple_tag(takes_context=True)
def story_head_links(context, story):
    """The `<link>` elements other apps add to a story page's head (`extensions.STORY_HEAD_LINKS`)."""
    return extensions.insert(extensions.STORY_HEAD_LINKS, story, context)


@register.simple_tag(takes_context=True)
def site_sidebar_sections(context):
    """`{% site_sidebar_sections as sections %}`: the sections other apps add beside the stories on the
    home page and the story index (`extensions.SITE_SIDEBAR_SECTIONS`)."""
    return extensions.insert(extensions.SITE_SIDEBAR_SECTIONS, context)


@register.simple_tag
def og_image(image):
    """The 1200x630 JPEG rendition shared by social previews, JSON-LD and the feed enclosures."""
    return image.get_rendition(SHARE_IMAGE_SPEC) if image else None


@register.simple_tag(takes_context=True)
def story_json_ld(context, page):
    """schema.org BlogPosting for a story, as JSON ready to sit in a ld+json script element."""
    request = context.get("request")
    site_settings = context.get("settings")
    organisation = ""
    if site_settings is not None:
        organisation = site_settings["home"]["SiteSettings"].organisation_name
    site = Site.find_for_request(request) if request else None
    index = remember_story_index(context)
    authors = []
    for author in page.authors:
        person = {"@type": "Person", "name": author.name}
        if author.role:
            person["jobTitle"] = author.role
        if index:
            person["url"] = absolute(
                request, index.get_url(request=request) + index.reverse_subpage("author", args=[author.slug])
            )
        authors.append(person)

    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": page.seo_title or page.title,
        "description": page.search_description or page.teaser,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at.date() if page.last_published_at else page.date).isoformat(),
        "author": authors,
        "publisher": {
            "@type": "Organization",
            "name": organisation or (site.site_name if site else ""),
            "url": absolute(request, "/"),
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": page.get_full_url(request=request)},
        "inLanguage": "de-DE",
    }
    if page.hero_image:
        data["image"] = absolute(request, og_image(page.hero_image).url)
    return json_for_script(data)
