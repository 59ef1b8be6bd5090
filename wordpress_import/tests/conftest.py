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

    def run(*args, media_dir=UPLOADS):
        """`run()`, `run(EXPORT)`, `run("--update")`, `run(EXPORT, "--dry-run")`."""
        exports = [arg for arg in args if not str(arg).startswith("--")] or [KUNDENBLOG]
        options = [arg for arg in args if str(arg).startswith("--")]
        if media_dir:
            options += ["--media-dir", str(media_dir)]
        out = io.StringIO()
        call_command("import_wordpress", str(exports[0]), *options, stdout=out, stderr=io.StringIO())
        return out.getvalue()

    return run
