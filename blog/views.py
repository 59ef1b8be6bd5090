import re

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.pagination import paginate
from core.site_cache import public_pages

from .models import StoryPage
from .search import find_stories, search_words

MAX_QUERY_LENGTH = 200
# C0 and C1 control characters: NUL is refused by PostgreSQL in any string, the rest mean nothing to a
# search and only garble the page that shows the query.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def cleaned_query(text):
    """The words of a search as readers typed them, without control characters, single spaced."""
    words = (CONTROL_CHARACTERS.sub("", word) for word in text.split())
    return " ".join(word for word in words if word)[:MAX_QUERY_LENGTH].strip()


def search(request):
    """Search over live, public stories that finds parts of words (blog.search); drafts and private pages
    never appear."""
    query = cleaned_query(request.GET.get("q", ""))
    results = None
    if query:
        words = search_words(query)
        stories = StoryPage.with_listing_data(public_pages(StoryPage.objects.live()))
        results = paginate(request, find_stories(stories, words) if words else stories.none())
    return TemplateResponse(
        request,
        "blog/search.html",
        {"search_query": query, "results": results, "page_title": _("Suche")},
    )
