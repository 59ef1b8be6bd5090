"""The two languages of a page: the content's (German, `settings.CONTENT_LANGUAGE`: stories, pages, comments;
nothing is translated) and the interface's (the reader's choice, see `middleware.ChosenLanguageMiddleware`).
Where they differ, content carries `lang` so screen readers pronounce it as German (WCAG 3.1.2); in German
nothing needs marking. The active language is part of every page-cache and fragment key already."""

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html


def primary(language):
    """`"de"` for `"de"`, `"de-at"` or `"de_AT"`."""
    return (language or "").replace("_", "-").split("-")[0].lower()


def content_differs():
    """True while the interface speaks another language than the content."""
    return primary(translation.get_language() or settings.LANGUAGE_CODE) != primary(settings.CONTENT_LANGUAGE)


def content_lang_attribute():
    """` lang="de"` for an element holding content, or nothing while the interface speaks German too."""
    return format_html(' lang="{}"', settings.CONTENT_LANGUAGE) if content_differs() else ""


def interface_lang_attribute():
    """` lang="en"` for interface text inside content marked German (a label in a story's info box)."""
    return format_html(' lang="{}"', translation.get_language()) if content_differs() else ""
