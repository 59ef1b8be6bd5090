import os

from .base import *  # noqa: F403
from .base import BASE_DIR

SERVE_MEDIA_FILES = True
DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Mails land as files so a person can open the links in them.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
DEFAULT_FROM_EMAIL = "Kundengeschichten <geschichten@localhost>"

# Links in mails point at the dev server, whichever port `make run PORT=...` chose.
WAGTAILADMIN_BASE_URL = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
