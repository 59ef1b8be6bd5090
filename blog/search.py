"""Finding stories by parts of words. German joins words into compounds: a reader looking for "Esel" expects
the story of the "Plüschesel", one looking for "Router" the "WLAN-Router".

Wagtail's search backends match whole words, or their beginnings with `autocomplete()`, so none of them
finds "esel" inside "plüschesel". Instead each story keeps what readers may search for as one lower-case
text (`StoryPage.search_text`, written whenever the story is saved), and a search asks for every word
anywhere in it: `LIKE '%esel%'`, which PostgreSQL answers from a trigram index (pg_trgm, created by
migration 0002) and SQLite by reading the column of the few hundred stories. The same query runs on both.
"""

import re

from django.db.models import F, Value
from django.db.models.functions import StrIndex

# Words longer than a search can mean, and more of them than a reader types, are not worth a query.
MAX_WORDS = 8
WORD = re.compile(r"\w+")


def search_words(query):
    """The distinct words of a query in lower case, without punctuation: "WLAN-Router*" is "wlan", "router"."""
    words = dict.fromkeys(WORD.findall(query.lower()))
    return list(words)[:MAX_WORDS]


def build_search_text(title, teaser, body_texts, names):
    """A story's searchable text: title, teaser, the texts of its body, then its categories and tags, one per
    line (a word never runs from one into the next) and in lower case (SQLite's LIKE only folds ASCII)."""
    return "\n".join([title, teaser, *body_texts, *names]).lower()


def find_stories(stories, words):
    """The stories among `stories` that contain every word. Those where the words come first rank first:
    a word in the title before one in the teaser, the body, the categories or tags; then the newest."""
    for word in words:
        stories = stories.filter(search_text__contains=word)
    earliest = sum((StrIndex("search_text", Value(word)) for word in words), Value(0))
    return stories.annotate(search_rank=earliest).order_by(F("search_rank").asc(), "-date", "-pk")
