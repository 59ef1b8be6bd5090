"""Template helpers for the site frame: navigation state, social profile names and FAQ data."""

import html

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Site

from blog.templatetags.blog_tags import json_for_script
from home import site_cache
from home.models import FaqPage, SocialProfileBlock

register = template.Library()


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


@register.simple_tag(takes_context=True)
def faq_url(context):
    """URL of the site's FAQ page, looked up once per request; empty when there is none."""
    request = context.get("request")
    if request is None:
        return ""
    if not hasattr(request, "_faq_url"):
        faq = site_cache.first_live_page(FaqPage, Site.find_for_request(request))
        request._faq_url = faq.get_url(request=request) if faq else ""
    return request._faq_url


@register.simple_tag
def site_generation():
    """The current generation of the site cache, to key template fragments that must follow changes."""
    return site_cache.generation()


@register.simple_tag
def page_ancestors(page):
    """The pages above `page`, for breadcrumbs; they change only when something is published."""
    return site_cache.remember(f"ancestors:{page.path}", lambda: list(page.get_ancestors()))


@register.filter
def network_name(code):
    """The display name of a social network code such as "linkedin" (LinkedIn)."""
    choices = dict(SocialProfileBlock.base_blocks["network"].field.choices)
    return choices.get(code, code)


def plain_text(rich_text):
    """Rich text as one line of plain text, for structured data."""
    return " ".join(html.unescape(strip_tags(str(rich_text))).split())


@register.simple_tag
def faq_json_ld(page):
    """schema.org FAQPage for a FAQ page, as JSON ready to sit in a ld+json script element."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": "de-DE",
        "mainEntity": [
            {
                "@type": "Question",
                "name": block.value["question"],
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(block.value["answer"])},
            }
            for block in page.questions
            if block.block_type == "item"
        ],
    }
    return json_for_script(data)
