"""Stand-in for part C's redirects (dropped at merge): the same interface, no redirects."""


def redirect_item(item, channel, page, site):
    return 0


def redirect_archives(channel, *, site, story_index, categories, tags, authors, months):
    return 0
