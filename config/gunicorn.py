"""gunicorn settings for every app server: `gunicorn --config python:config.gunicorn config.wsgi`.

Python's garbage collector now and then looks at every object the process holds; in a worker that is
mostly Django, Wagtail and our code, loaded once and kept for good, and such a pass lands on some
unlucky reader's request. So after the first, the tenth and the hundredth request (by then templates,
URL resolvers and block definitions are loaded too) the worker collects once, after the response has
gone out, and freezes what is left out of the collector's sight. Later passes only look at what
requests leave behind.
"""

import gc

FREEZE_AFTER = {1, 10, 100}


def post_request(worker, req, environ, resp):
    worker.requests_served = getattr(worker, "requests_served", 0) + 1
    if worker.requests_served in FREEZE_AFTER:
        gc.collect()
        gc.freeze()
