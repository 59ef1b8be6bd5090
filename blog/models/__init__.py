"""The blog's models: stories and their index (`pages`), authors and categories (`snippets`)."""

from .pages import StoryAuthor, StoryIndexPage, StoryPage, StoryRelatedLink, StoryTag
from .snippets import Author, StoryCategory

__all__ = [
    "Author",
    "StoryAuthor",
    "StoryCategory",
    "StoryIndexPage",
    "StoryPage",
    "StoryRelatedLink",
    "StoryTag",
]
