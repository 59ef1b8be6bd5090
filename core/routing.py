"""Routing a URL to its page in two queries, whatever its depth (`TwoQueryRoutingMixin` on a site's root
page).

Wagtail walks the tree one level at a time (a query for each child and one more for its specific
type). Here one query fetches every page on the path by `url_path`, and one more the page that answers,
with what its template needs. The result is the same as Wagtail's walk: a routable page on the way
(the story index with its archive and filter URLs) still answers the paths it knows first. A draft may
share a live page's address (`core.addresses`); the live page is the one that answers.
"""

from itertools import takewhile

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# Wagtail's tree spells a page's place in 255 characters, 4 per level, so no page is deeper than 63; and no
# slug, hence no component of a page's url_path, is longer than the slug field allows. Only the components
# that could belong to a page are looked up: a path of 2,000 levels costs no more than a short one.
DEEPEST_PAGE = Page._meta.get_field("path").max_length // Page.steplen
LONGEST_SLUG = Page._meta.get_field("slug").max_length


def answers_itself(model, live, remaining):
    """Would this page, in Wagtail's walk, answer `remaining` without going on to its children?"""
    if not remaining:
        return True
    if issubclass(model, RoutablePageMixin):
        if not live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except (Resolver404, Http404):
            return False
        return True
    # Pages with a route() of their own decide for themselves.
    return model.route is not Page.route


def route_below(root, request, path_components):
    """The page below `root` that answers `path_components`, found in two queries, and its answer. A
    page model may offer `serving_queryset()` to fetch what its template needs along with it."""
    slugs = list(
        takewhile(
            lambda component: len(component) <= LONGEST_SLUG, path_components[: DEEPEST_PAGE - root.depth]
        )
    )
    if not slugs:
        raise Http404
    prefixes = [root.url_path + "/".join(slugs[:n]) + "/" for n in range(1, len(slugs) + 1)]
    on_the_way = (
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
        .order_by("depth", "-live")
        .values_list("pk", "content_type_id", "depth", "live")
    )
    for pk, content_type_id, depth, live in on_the_way:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        remaining = path_components[depth - root.depth :]
        if model is None:
            break
        if answers_itself(model, live, remaining):
            serving = getattr(model, "serving_queryset", None)
            page = (serving() if serving else model.objects.all()).get(pk=pk)
            return page.route(request, remaining)
    raise Http404


class TwoQueryRoutingMixin:
    """For a site's root page: everything below it is routed by `route_below`."""

    def route(self, request, path_components):
        if path_components:
            return route_below(self, request, path_components)
        return super().route(request, path_components)
