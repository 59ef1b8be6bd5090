"""What the app sends the front cache: a PURGE that takes a page away, or a soft one that refreshes it
behind the readers (the VCL's side is proven against a real Varnish in tests/scaleout)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from core.frontend_cache import VarnishBackend, refresh_urls_task


class Recorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):
        self.received.append((self.command, self.path, self.headers["Host"], self.headers["X-Purge"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    """A stand-in for Varnish that records the purges it gets; its address."""
    Recorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", Recorder.received
    server.shutdown()
    server.server_close()


def test_a_purge_names_the_page_and_its_host(varnish):
    location, received = varnish
    VarnishBackend({"LOCATION": location}).purge("https://geschichten.example:8443/blog/esel/?seite=2")
    assert received == [("PURGE", "/blog/esel/?seite=2", "geschichten.example:8443", None)]


def test_a_refresh_is_a_soft_purge(varnish):
    location, received = varnish
    VarnishBackend({"LOCATION": location}).refresh_batch(["https://geschichten.example/blog/esel/"])
    assert received == [("PURGE", "/blog/esel/", "geschichten.example", "soft")]


def test_refreshes_go_to_the_front_caches_of_their_host_only(varnish):
    location, received = varnish
    front_cache = {
        "varnish": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": location,
            "HOSTNAMES": ["geschichten.example"],
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=front_cache):
        refresh_urls_task.enqueue(["https://geschichten.example/", "https://anderswo.example/"])
    assert received == [("PURGE", "/", "geschichten.example", "soft")]


def test_an_unreachable_front_cache_is_logged_not_raised(caplog):
    VarnishBackend({"LOCATION": "http://127.0.0.1:9"}).purge("https://geschichten.example/")
    assert "Couldn't purge 'https://geschichten.example/'" in caplog.text
