"""The blog's people and topics: WordPress authors become `Author` snippets, categories `StoryCategory`s,
tags taggit tags. What exists here already under the same slug is used, never made twice."""

import re

from django.db import transaction
from django.utils.text import slugify
from taggit.models import Tag

from blog.models import Author, StoryCategory

from . import report as outcomes
from .body import plain_text
from .records import Kind, fingerprint

GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
ASCII_SLUG = re.compile(r"^[-a-z0-9_]+$")


def german_slug(text, max_length=80):
    """An address part as a German reader spells it without umlauts: "Jana Köhler" -> "jana-koehler"."""
    return slugify(str(text).translate(GERMAN_LETTERS))[:max_length].strip("-")


def ascii_slug(slug, max_length=80):
    """WordPress's slug where our addresses take it (ASCII only), else it spelled without umlauts."""
    slug = slug.lower()
    return slug[:max_length] if ASCII_SLUG.match(slug) else german_slug(slug, max_length)


def import_authors(channel, *, records, report, update):
    """{login: Author} for every author of the channel."""
    authors = {}
    for wp_author in channel.authors:
        if not wp_author.login:
            continue
        name = plain_text(wp_author.name)[:120] or wp_author.login
        digest = fingerprint(name)
        known = records.get(Kind.AUTHOR, wp_author.login)
        author = Author.objects.filter(pk=known.object_id).first() if known else None
        if known and author is None:
            report.count("author", outcomes.SKIPPED, outcomes.DELETED_HERE)
            continue
        if author is not None:
            if known.fingerprint == digest:
                report.count("author", outcomes.UNCHANGED)
            elif not update:
                report.count("author", outcomes.SKIPPED, outcomes.ALREADY_IMPORTED)
            else:
                author.name = name
                author.save(update_fields=["name"])
                records.save(Kind.AUTHOR, wp_author.login, author.pk, digest)
                report.count("author", outcomes.CHANGED)
            authors[wp_author.login] = author
            continue
        slug = german_slug(name, 120) or german_slug(wp_author.login, 120)
        with transaction.atomic():
            author, created = Author.objects.get_or_create(slug=slug, defaults={"name": name})
            records.save(Kind.AUTHOR, wp_author.login, author.pk, digest)
        report.count("author", outcomes.CREATED if created else outcomes.REUSED)
        authors[wp_author.login] = author
    records.keep()
    return authors


class Topics:
    """Categories and tags by their WordPress slug, made when first needed (the channel's list, or a post
    naming one the list lacks). Parent categories are flattened: our categories have no hierarchy."""

    def __init__(self, *, records, report, update):
        self.records, self.report, self.update = records, report, update
        self.categories = {}  # WordPress slug -> StoryCategory
        self.tags = {}  # WordPress slug -> Tag
        self.deleted = set()

    def import_channel(self, channel):
        for term in channel.categories:
            self.category(term.slug, term.name, term.description)
        for term in channel.tags:
            self.tag(term.slug, term.name)
        self.records.keep()

    def category(self, wp_slug, name, description=""):
        if wp_slug in self.categories or ("category", wp_slug) in self.deleted:
            return self.categories.get(wp_slug)
        name = plain_text(name)[:80] or wp_slug
        description = plain_text(description)[:400]
        digest = fingerprint(name, description)
        known = self.records.get(Kind.CATEGORY, wp_slug)
        category = StoryCategory.objects.filter(pk=known.object_id).first() if known else None
        if known and category is None:
            self.report.count("category", outcomes.SKIPPED, outcomes.DELETED_HERE)
            self.deleted.add(("category", wp_slug))
            return None
        if category is not None:
            self.changed(category, known, digest, "category", wp_slug, name=name, description=description)
        else:
            slug = ascii_slug(wp_slug) or german_slug(name)
            category = (
                StoryCategory.objects.filter(slug=slug).first()
                or StoryCategory.objects.filter(name=name).first()
            )
            if category is None:
                category = StoryCategory.objects.create(name=name, slug=slug, description=description)
                self.report.count("category", outcomes.CREATED)
            else:
                self.report.count("category", outcomes.REUSED)
            self.records.save(Kind.CATEGORY, wp_slug, category.pk, digest)
        self.categories[wp_slug] = category
        return category

    def tag(self, wp_slug, name):
        if wp_slug in self.tags or ("tag", wp_slug) in self.deleted:
            return self.tags.get(wp_slug)
        name = plain_text(name)[:100] or wp_slug
        digest = fingerprint(name)
        known = self.records.get(Kind.TAG, wp_slug)
        tag = Tag.objects.filter(pk=known.object_id).first() if known else None
        if known and tag is None:
            self.report.count("tag", outcomes.SKIPPED, outcomes.DELETED_HERE)
            self.deleted.add(("tag", wp_slug))
            return None
        if tag is not None:
            self.changed(tag, known, digest, "tag", wp_slug, name=name)
        else:
            # The slug stays as WordPress had it, umlauts too: our tag route takes it ("überraschung").
            tag = Tag.objects.filter(slug=wp_slug).first() or Tag.objects.filter(name=name).first()
            if tag is None:
                tag = Tag.objects.create(name=name, slug=wp_slug[:100])
                self.report.count("tag", outcomes.CREATED)
            else:
                self.report.count("tag", outcomes.REUSED)
            self.records.save(Kind.TAG, wp_slug, tag.pk, digest)
        self.tags[wp_slug] = tag
        return tag

    def changed(self, thing, known, digest, kind, wp_slug, **fields):
        if known.fingerprint == digest:
            self.report.count(kind, outcomes.UNCHANGED)
        elif not self.update:
            self.report.count(kind, outcomes.SKIPPED, outcomes.ALREADY_IMPORTED)
        else:
            for name, value in fields.items():
                setattr(thing, name, value)
            thing.save(update_fields=list(fields))
            self.records.save(Kind.CATEGORY if kind == "category" else Kind.TAG, wp_slug, thing.pk, digest)
            self.report.count(kind, outcomes.CHANGED)

    def for_item(self, item):
        """The item's categories and tags here, made if the channel did not list them."""
        categories = [
            self.category(slug, item.terms.get(("category", slug), slug)) for slug in item.categories
        ]
        tags = [self.tag(slug, item.terms.get(("post_tag", slug), slug)) for slug in item.tags]
        return [c for c in categories if c is not None], [t for t in tags if t is not None]
