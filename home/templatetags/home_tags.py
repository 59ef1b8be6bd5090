"""Template helpers for the home app's pages and settings: the FAQ's address and data, social profile
names."""

import html

from django import template
from django.utils.html import strip_tags
from wagtail.models import Site

from core import site_cache
from core.templatetags.core_tags import json_for_script
from home.models import FaqPage, SocialProfileBlock

register = template.Library()


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
