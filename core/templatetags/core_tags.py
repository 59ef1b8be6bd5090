"""Template helpers of the site frame: navigation state, breadcrumbs, pagination links, absolute URLs,
JSON in script elements, the site cache's generation for fragment caches and the language of content."""

import json
from urllib.parse import urlencode

from django import template
from django.utils.safestring import mark_safe

from core import languages, site_cache

register = template.Library()

# Characters that could end a <script> element or start markup, written as JSON escapes instead.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data):
    """JSON that is safe inside a <script> element, because no `<`, `>` or `&` appear literally."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))  # noqa: S308


def absolute(request, url):
    """An absolute URL for meta tags and structured data; URLs that already have a host (object storage)
    stay as they are."""
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return absolute(context.get("request"), url)


@register.simple_tag(takes_context=True)
def nav_current(context, url):
    """`aria-current` for a navigation link: "page" on the page itself, "true" inside its section."""
    request = context.get("request")
    if not request or not url:
        return ""
    if request.path == url:
        return mark_safe(' aria-current="page"')  # noqa: S308 - constant markup
    if url != "/" and request.path.startswith(url):
        return mark_safe(' aria-current="true"')  # noqa: S308 - constant markup
    return ""


@register.simple_tag
def content_lang():
    """`<p{% content_lang %}>`: marks German content as German on a page in another interface language."""
    return languages.content_lang_attribute()


@register.simple_tag
def interface_lang():
    """`<p{% interface_lang %}>`: interface text inside an element marked with `{% content_lang %}`."""
    return languages.interface_lang_attribute()


@register.simple_tag
def site_generation(*follows):
    """The current generation of the site cache (and the counts of the kinds of change in `follows`), to
    key template fragments that must follow changes; None while Redis is away (then keep nothing)."""
    return site_cache.version(follows)


@register.simple_tag
def page_ancestors(page):
    """The pages above `page`, for breadcrumbs; they change only when something is published."""
    return site_cache.remember(f"ancestors:{page.path}", lambda: list(page.get_ancestors()))


@register.simple_tag(takes_context=True)
def listing_page_url(context, number):
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


@register.filter
def in_minutes(duration):
    """A timedelta in whole minutes, rounded up, so a lockout page never promises less waiting than there
    is (django-axes hands its lockout page the cool-off as a timedelta)."""
    return -(-int(duration.total_seconds()) // 60)
