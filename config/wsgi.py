import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

application = get_wsgi_application()

# Django, Wagtail and our code are loaded now and stay for the life of the process: out of the garbage
# collector's way, so its full collections stay short and no request waits for one (the slowest
# requests otherwise pay for scanning every module of the framework).
gc.freeze()
