"""The blog's old WordPress addresses as permanent Wagtail redirects, so that links, bookmarks and search
engines find each story, page, listing and feed at its new address.

WordPress answers a post at its permalink and at every other permalink structure it offers ("/2024/05/12/
slug/", "/2024/05/slug/", "/slug/", "/archives/12", "/?p=12"), since a blog may have switched structures over
the years; the redirects cover them all. The forms with a query on the site root ("/?p=12") reach our home
page, which answers 200, so Wagtail's own middleware would never look at them: `core.query_redirects` does.
The redirects are ordinary rows in Wagtail's redirects admin, where editors can change or delete them.
"""

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import Http404
from django.urls import reverse
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# Redirect.old_path holds no more; a longer old address is left out (WordPress slugs end at 200).
MAX_PATH_LENGTH = Redirect._meta.get_field("old_path").max_length

# WordPress's feeds: "/feed/" and its variants, "?feed=…" on the root, and the comment feeds.
STORY_FEEDS = ("feed/", "feed/rss2/", "feed/rss/", "rss2/", "rss/")
STORY_ATOM_FEEDS = ("feed/atom/", "atom/")
FEED_QUERIES = {"rss2": "feed", "rss": "feed", "atom": "atom_feed"}
COMMENT_FEEDS = {
    "comments/feed/": "comment_feeds:site",
    "comments/feed/atom/": "comment_feeds:site_atom",
    "?feed=comments-rss2": "comment_feeds:site",
    "?feed=comments-atom": "comment_feeds:site_atom",
}
# What a German WordPress writes for umlauts in sanitised names (`remove_accents` with the locale de_DE).
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@dataclass(frozen=True)
class Target:
    """Where an old address leads: a page (and one of its routes) or a plain address."""

    page: Page | None = None
    route: str = ""
    link: str = ""

    def differs_from(self, redirect):
        return (
            redirect.redirect_page_id != (self.page.pk if self.page else None)
            or redirect.redirect_page_route_path != self.route
            or redirect.redirect_link != self.link
            or not redirect.is_permanent
        )


def normalise(path):
    return Redirect.normalise_path(path)


def blog_prefix(channel):
    """The path the blog lived below ("" at the domain's root, "/blog" for https://example.com/blog)."""
    return urlsplit(channel.base_blog_url or channel.link).path.rstrip("/")


def path_of(link):
    """The path and query of an address, as a browser asks the server for it."""
    parts = urlsplit(link)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def unique(paths):
    """Normalised, in order, each once, none longer than a redirect can hold."""
    seen = {}
    for path in paths:
        normalised = normalise(path)
        if len(normalised) <= MAX_PATH_LENGTH:
            seen.setdefault(normalised, None)
    return list(seen)


def item_paths(item, channel):
    """Every old address of a post or page (see the module's docstring), normalised like Wagtail's
    redirects, without duplicates."""
    prefix = blog_prefix(channel)
    query = "p" if item.post_type == "post" else "page_id"
    paths = [path_of(item.link)] if item.link else []
    paths.append(f"{prefix}/?{query}={item.wp_id}")
    if item.post_type == "post" and item.status == "publish" and item.date and item.slug:
        date, slug = item.date, item.slug
        paths += [
            f"{prefix}/{date:%Y/%m/%d}/{slug}/",
            f"{prefix}/{date:%Y/%m}/{slug}/",
            f"{prefix}/{slug}/",
            f"{prefix}/archives/{item.wp_id}",
        ]
    return unique(paths)


def permalink_feed(item):
    """A post's comment feed in WordPress ("<permalink>feed/"), for pretty permalinks only."""
    if item.post_type != "post" or not item.link:
        return None
    path = path_of(item.link)
    if "?" in path:
        return None
    return normalise(path.rstrip("/") + "/feed/")


def redirect_item(item, channel, page, site):
    """Permanent redirects from every old address of `item` to `page` (and from its comment feed to the
    story's), for `site`; returns how many were created or changed."""
    targets = dict.fromkeys(item_paths(item, channel), Target(page=page))
    feed = permalink_feed(item)
    if feed is not None and len(feed) <= MAX_PATH_LENGTH:
        targets[feed] = Target(link=reverse("comment_feeds:story", args=[page.pk]))
    return point(site, targets, own_pages=[page])


def wordpress_nicename(login, language=""):
    """The name WordPress puts in an author's address: the login in lower case, accents dropped (umlauts
    spelled out on a German blog), anything but letters, digits, "_" and "-" removed."""
    if language.lower().startswith("de"):
        login = login.translate(GERMAN_LETTERS)
    ascii_login = unicodedata.normalize("NFKD", login).encode("ascii", "ignore").decode()
    return slugify(ascii_login.replace(".", "-"))


def category_chain(slug, categories_by_slug):
    """The slugs from the top category down to `slug` ("eltern", "kinder"), as WordPress's address has them."""
    chain = [slug]
    term = categories_by_slug.get(slug)
    while term is not None and term.parent_slug and term.parent_slug not in chain:
        chain.insert(0, term.parent_slug)
        term = categories_by_slug.get(term.parent_slug)
    return chain


def redirect_archives(channel, *, site, story_index, categories, tags, authors, months):
    """Permanent redirects from WordPress's listings and feeds to the story index's (see `archive_targets`);
    returns how many were created or changed."""
    targets = archive_targets(
        channel,
        story_index=story_index,
        categories=categories,
        tags=tags,
        authors=authors,
        months=months,
    )
    return point(site, targets)


def archive_targets(channel, *, story_index, categories, tags, authors, months):
    """{old path: Target} for the category, tag, author, date and feed listings of WordPress."""
    prefix = blog_prefix(channel)
    targets = {}

    def add(paths, target):
        for path in unique(f"{prefix}/{path}" for path in paths):
            targets.setdefault(path, target)

    def route(name, *args):
        return Target(page=story_index, route="/" + story_index.reverse_subpage(name, args=args))

    categories_by_slug = {term.slug: term for term in channel.categories}
    for slug, category in categories.items():
        chain = "/".join(category_chain(slug, categories_by_slug))
        add([f"category/{slug}/", f"category/{chain}/"], route("category", category.slug))
        add([f"category/{slug}/feed/", f"category/{chain}/feed/"], route("category_feed", category.slug))
        term = categories_by_slug.get(slug)
        if term is not None and term.wp_id:
            add([f"?cat={term.wp_id}"], route("category", category.slug))

    for slug, tag in tags.items():
        add([f"tag/{slug}/", f"?tag={slug}"], route("tag", tag.slug))

    wordpress_authors = {author.login: author for author in channel.authors}
    for login, author in authors.items():
        target = route("author", author.slug)
        add([f"author/{wordpress_nicename(login, channel.language)}/"], target)
        wordpress_author = wordpress_authors.get(login)
        if wordpress_author is not None and wordpress_author.wp_id:
            add([f"?author={wordpress_author.wp_id}"], target)

    for year, month in sorted(months):
        add([f"{year:04d}/{month:02d}/", f"?m={year:04d}{month:02d}"], route("archive_month", year, month))
    for year in sorted({year for year, _month in months}):
        add([f"{year:04d}/", f"?m={year:04d}"], route("archive_year", year))

    add(STORY_FEEDS, route("feed"))
    add(STORY_ATOM_FEEDS, route("atom_feed"))
    for value, name in FEED_QUERIES.items():
        add([f"?feed={value}"], route(name))
    for path, name in COMMENT_FEEDS.items():
        add([path], Target(link=reverse(name)))
    return targets


def point(site, targets, own_pages=()):
    """Creates or changes the redirects of `site` so that each old path leads to its target; leaves alone
    the paths a live page answers (and those of `own_pages`, which would lead to themselves). Returns how
    many rows it created or changed."""
    taken = answered_paths(site, [path for path in targets if "?" not in path], own_pages)
    existing = {
        redirect.old_path: redirect
        for redirect in Redirect.objects.filter(site=site, old_path__in=list(targets))
    }
    new, changed = [], []
    for path, target in targets.items():
        if path in taken:
            continue
        redirect = existing.get(path) or Redirect(site=site, old_path=path)
        if redirect.pk is not None and not target.differs_from(redirect):
            continue
        redirect.redirect_page = target.page
        redirect.redirect_page_route_path = target.route
        redirect.redirect_link = target.link
        redirect.is_permanent = True
        (changed if redirect.pk else new).append(redirect)
    # Two statements however many addresses a post had: the import writes thousands of them.
    Redirect.objects.bulk_create(new)
    Redirect.objects.bulk_update(
        changed, ["redirect_page", "redirect_page_route_path", "redirect_link", "is_permanent"]
    )
    return len(new) + len(changed)


def answered_paths(site, paths, own_pages=()):
    """Those of `paths` (normalised, without a query) that a live page of `site` answers, itself or by one
    of its routes, or that are the address of one of `own_pages` (live or not): a redirect there would
    never be followed, or would lead to itself."""
    root_path = site.root_page.url_path
    components = {path: [part for part in path.split("/") if part] for path in paths}
    candidates = {
        root_path + "".join(f"{part}/" for part in parts[:depth])
        for parts in components.values()
        for depth in range(len(parts) + 1)
    }
    live_pages = {
        page.url_path: page for page in Page.objects.live().filter(url_path__in=candidates).specific()
    }
    own = {page.url_path for page in own_pages}
    answered = set()
    for path, parts in components.items():
        if root_path + "".join(f"{part}/" for part in parts) in own:
            answered.add(path)
            continue
        for depth in range(len(parts), -1, -1):
            page = live_pages.get(root_path + "".join(f"{part}/" for part in parts[:depth]))
            if page is not None and answers(page, parts[depth:]):
                answered.add(path)
                break
    return answered


def answers(page, rest):
    """Whether `page` answers the address below it made of `rest` (itself, or one of its routes)."""
    if not rest:
        return True
    if not isinstance(page, RoutablePageMixin):
        return False
    try:
        page.resolve_subpage("/" + "".join(f"{part}/" for part in rest))
    except Http404:
        return False
    return True
