"""Ids that readers can type into URLs and forms: anything that is not a plain, storable number is simply
not found, never a database error (SQLite and PostgreSQL refuse numbers beyond 64 bits)."""

import re

MAX_ID = 2**63 - 1
PLAIN_NUMBER = re.compile(r"[0-9]{1,19}")


def parse_id(value):
    """The id `value` spells with ASCII digits, or None."""
    if not isinstance(value, str) or not PLAIN_NUMBER.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """`<id:name>` in URL patterns (registered in `CoreConfig.ready`): like `<int:name>`, but a number too
    large to store matches nothing."""

    regex = PLAIN_NUMBER.pattern

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)
