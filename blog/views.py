from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.pagination import paginate
from core.site_cache import public_pages

from .models import StoryPage

MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over live, public stories; drafts and private pages never appear."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    # SQLite's full-text syntax treats a lone double quote as an unterminated phrase.
    terms = query.replace('"', " ").strip()
    results = None
    if terms:
        stories = StoryPage.with_listing_data(public_pages(StoryPage.objects.live())).search(
            terms, operator="and"
        )
        results = paginate(request, stories)
    return TemplateResponse(
        request,
        "blog/search.html",
        {"search_query": query, "results": results, "page_title": _("Suche")},
    )
