"""One page of a long listing, as readers ask for it in `?page=`."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext


def paginate(request, items, per_page=None):
    """The page of `items` asked for in `?page=`: page 1 for nonsense, 404 beyond the last page. The
    number served is noted on the request (`served_page_number`), so the page cache keeps only real pages."""
    paginator = Paginator(items, per_page or settings.STORIES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        raise Http404(gettext("Diese Seite gibt es nicht.")) from None
    request.served_page_number = page.number
    return page
