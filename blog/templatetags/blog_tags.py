"""Template helpers for stories: the story index lookup, pagination links and BlogPosting data."""

import json
from urllib.parse import urlencode

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from blog.models import StoryIndexPage
from home.site_cache import first_live_page

register = template.Library()

# Characters that could end a <script> element or start markup, written as JSON escapes instead.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
OG_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def json_for_script(data):
    """JSON that is safe inside a <script> element, because no `<`, `>` or `&` appear literally."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))  # noqa: S308


def find_story_index(request):
    """The site's story index, looked up once per request, or None when there is none."""
    if request is None:
        return StoryIndexPage.objects.live().first()
    if not hasattr(request, "_story_index"):
        request._story_index = first_live_page(StoryIndexPage, Site.find_for_request(request))
    return request._story_index


def remember_story_index(context):
    """Reuse the index a view already put in the context, so the lookup costs no extra query."""
    request = context.get("request")
    if request is not None and not hasattr(request, "_story_index"):
        page = context.get("page")
        known = context.get("story_index") or (page if isinstance(page, StoryIndexPage) else None)
        if isinstance(known, StoryIndexPage):
            request._story_index = known
    return find_story_index(request)


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
def page_url(context, number):
    """Link to page `number` of the current listing, keeping only the search query."""
    request = context["request"]
    params = {}
    if request.GET.get("q"):
        params["q"] = request.GET["q"]
    if int(number) > 1:
        params["page"] = number
    return request.path + ("?" + urlencode(params) if params else "")


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers around the current one, with the paginator's ellipsis for gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.simple_tag(takes_context=True)
def listing_canonical_url(context, page_obj=None):
    """Absolute URL of a (filtered) listing without any query string except the page number."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    if page_obj is not None and page_obj.number > 1:
        url += "?" + urlencode({"page": page_obj.number})
    return url


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """An absolute URL for meta tags; URLs that already have a host (object storage) stay as they are."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def og_image(image):
    """The 1200x630 JPEG rendition shared by social previews, JSON-LD and the feed enclosures."""
    return image.get_rendition(OG_IMAGE_SPEC) if image else None


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

    def absolute(url):
        return request.build_absolute_uri(url) if request else url

    authors = []
    for author in page.authors:
        person = {"@type": "Person", "name": author.name}
        if author.role:
            person["jobTitle"] = author.role
        if index:
            person["url"] = absolute(
                index.get_url(request=request) + index.reverse_subpage("author", args=[author.slug])
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
            "url": absolute("/"),
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": page.get_full_url(request=request)},
        "inLanguage": "de-DE",
    }
    if page.hero_image:
        data["image"] = absolute(og_image(page.hero_image).url)
    return json_for_script(data)
