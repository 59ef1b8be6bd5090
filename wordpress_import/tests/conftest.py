"""Fixtures for the import tests: a site with its story index, media in a temporary folder, and the
command run as an editor would run it."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

EXPORTS = Path(__file__).resolve().parent / "exports"
KUNDENBLOG = EXPORTS / "kundenblog.xml"
UPLOADS = EXPORTS / "uploads"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Images the import makes land in a folder of the test's own, never in the repository."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def run_import(story_index):
    """Runs `import_wordpress` and returns what it printed."""

    def run(export=KUNDENBLOG, *args, media_dir=UPLOADS):
        out = io.StringIO()
        options = ["--media-dir", str(media_dir)] if media_dir else []
        call_command("import_wordpress", str(export), *options, *args, stdout=out, stderr=io.StringIO())
        return out.getvalue()

    return run
