import os

from .base import *  # noqa: F403
from .base import BASE_DIR, MIDDLEWARE

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

# Unknown addresses get the site's own German 404 page, as in production; `DEBUG_404=1 make run` shows
# Django's technical one (the URL patterns tried). Before django-axes, which must stay last.
if os.environ.get("DEBUG_404") != "1":
    MIDDLEWARE = [*MIDDLEWARE]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "core.middleware.NotFoundPageMiddleware"
    )
