"""What earlier runs took over from this blog, read once: a map from WordPress ids to our objects, so a
second run finds them instead of making them again."""

import hashlib
import json
from dataclasses import asdict, dataclass, is_dataclass

from .models import ImportRecord

Kind = ImportRecord.Kind


@dataclass(frozen=True)
class Known:
    object_id: int
    fingerprint: str


def fingerprint(*parts):
    """The sha256 of the data as imported: `--update` changes a thing only when this changes."""
    data = [plain(asdict(part) if is_dataclass(part) else part) for part in parts]
    encoded = json.dumps(data, default=str, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def plain(value):
    """`value` with its mappings as sorted pairs: JSON takes their keys then, even tuples."""
    if isinstance(value, dict):
        return sorted([str(key), plain(item)] for key, item in value.items())
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


class Records:
    """The records of one source (blog) for the kinds this import makes; comments keep their own."""

    KINDS = (Kind.AUTHOR, Kind.CATEGORY, Kind.TAG, Kind.IMAGE, Kind.POST, Kind.PAGE)

    def __init__(self, source):
        self.source = source
        self.known = {
            (kind, wp_id): Known(object_id, fingerprint)
            for kind, wp_id, object_id, fingerprint in ImportRecord.objects.filter(
                source=source, kind__in=self.KINDS
            ).values_list("kind", "wp_id", "object_id", "fingerprint")
        }
        # Written in a transaction that may still roll back: remembered only once it holds (`keep`).
        self.pending = {}

    def get(self, kind, wp_id):
        key = (kind, str(wp_id))
        return self.pending.get(key) or self.known.get(key)

    def save(self, kind, wp_id, object_id, fingerprint=""):
        ImportRecord.objects.update_or_create(
            source=self.source,
            kind=kind,
            wp_id=str(wp_id),
            defaults={"object_id": object_id, "fingerprint": fingerprint},
        )
        self.pending[(kind, str(wp_id))] = Known(object_id, fingerprint)

    def keep(self):
        self.known.update(self.pending)
        self.pending = {}

    def forget(self):
        self.pending = {}
