"""The team's word lists ("Wortliste Spam", "Wortliste zurückhalten") matched the way spammers write:
case-insensitive and through common disguises. Both the text and each entry are folded to a skeleton:
accents dropped (NFKD), look-alike Cyrillic and Greek letters and digits read as the Latin letters they
imitate (0→o, 1→i, 3→e, 4→a, 5→s, @→a), and l read as i (so "b1ll1g" is "billig"). Letters spaced out or
joined by dots, dashes or stars ("b i l l i g", "b.i.l.l.i.g") are read as one word.

The trade-off at word boundaries: an entry matches only where a word starts, and may go on inside it. So
"billig" catches "billiger" and "Billigpillen", but "arsch" does not catch "Barsch"; an entry that should
also match inside words ("…viagra" in "superviagra") needs that word added to the list as well. Spelling
a word with a space or a dot in its middle ("bil lig") is not caught, as reading every space as nothing
would make every list entry match across words ("ab rechnen" for "abrechnen" in "hab rechnen").
"""

import re
import unicodedata
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Look-alikes read as the Latin letter they imitate (after casefolding). "l" is read as "i" on both sides,
# since "1" can stand for either. "!" and "|" are left out: read as "i" they glue a sentence's end to its
# last word ("billig!" would become "billigi", and "b-i-l-l-i-g!" no longer spaced-out letters).
LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "з": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "s", "σ": "o", "μ": "u",
        # Digits and signs
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
        # l and i alike, so both readings of "1" match
        "l": "i",
    }
)  # fmt: skip

# Characters that may stand between the letters of a spaced-out word.
SPACERS = frozenset(" \t.-_*·•~+/\\")


class Match(NamedTuple):
    """One entry of a list found in a text: the entry as the team wrote it, and where it stands in the
    text (start and end, for highlighting)."""

    word: str
    start: int
    end: int


def fold_char(char):
    """The skeleton of one character: possibly empty (an accent), possibly longer ("ß" → "ss")."""
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part))
    return base.casefold().translate(LOOK_ALIKES)


def is_word_char(char):
    return char.isalnum()


def skeleton(text):
    """The folded text with, for each of its characters, the index of the character of `text` it came
    from. Words are separated by single spaces; spaced-out letters are joined into one word."""
    folded, origins = [], []
    for index, char in enumerate(text):
        for part in fold_char(char):
            folded.append(part if is_word_char(part) else " ")
            origins.append(index)
    tokens = _tokens(folded, origins)
    tokens = _join_spaced_letters(tokens, text)
    chars, positions = [], []
    for token_chars, token_origins in tokens:
        if chars:
            chars.append(" ")
            positions.append(None)
        chars.extend(token_chars)
        positions.extend(token_origins)
    return "".join(chars), positions


def _tokens(folded, origins):
    tokens, current, current_origins = [], [], []
    for char, origin in zip(folded, origins, strict=True):
        if char == " ":
            if current:
                tokens.append((current, current_origins))
                current, current_origins = [], []
        else:
            current.append(char)
            current_origins.append(origin)
    if current:
        tokens.append((current, current_origins))
    return tokens


def _join_spaced_letters(tokens, text):
    """Runs of single letters with only spacers between them ("b i l l i g") become one word."""
    joined = []
    for chars, origins in tokens:
        if joined and len(chars) == 1:
            previous_chars, previous_origins = joined[-1]
            gap = text[previous_origins[-1] + 1 : origins[0]]
            previous_single = isinstance(joined[-1], SpacedToken) or len(previous_chars) == 1
            if previous_single and 0 < len(gap) <= 2 and all(char in SPACERS for char in gap):
                joined[-1] = SpacedToken(previous_chars + chars, previous_origins + origins)
                continue
        joined.append((chars, origins))
    return joined


class SpacedToken(tuple):
    """A word put together from spaced-out letters: further single letters may join it."""

    def __new__(cls, chars, origins):
        return super().__new__(cls, (chars, origins))


def entries(lines):
    """The entries of a list as the team wrote them (one per line), with their skeletons."""
    result = []
    for line in lines.splitlines():
        word = line.strip()
        folded, _positions = skeleton(word)
        if folded:
            result.append((word, folded))
    return result


def find(lines, text):
    """Every entry of the list `lines` found in `text`, where a word starts (see the module's docstring)."""
    folded, positions = skeleton(text)
    matches = []
    for word, entry in entries(lines):
        for found in re.finditer(r"(?<![^ ])" + re.escape(entry), folded):
            start = positions[found.start()]
            end = positions[found.end() - 1] + 1
            matches.append(Match(word, start, end))
    return sorted(matches, key=lambda match: match.start)


def words_in(lines, *texts):
    """The entries of the list found in any of `texts`, each once, in the order of the list."""
    found = {match.word for text in texts for match in find(lines, text or "")}
    return [word for word, _entry in entries(lines) if word in found]


def marked(text, matches):
    """`text` escaped for HTML, with the matched spans in `<mark>`."""
    parts, position = [], 0
    for match in merged(matches):
        parts.append(escape(text[position : match[0]]))
        parts.append(f"<mark>{escape(text[match[0] : match[1]])}</mark>")
        position = match[1]
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def merged(matches):
    """Overlapping spans joined, so no `<mark>` is nested in another."""
    spans = []
    for match in sorted(matches, key=lambda match: match.start):
        if spans and match.start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], match.end))
        else:
            spans.append((match.start, match.end))
    return spans
