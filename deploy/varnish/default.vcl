vcl 4.1;
# Varnish 7.1 (Debian bookworm) in front of the app servers: keeps what anonymous readers see, passes
# everything personal, obeys the app's Cache-Control, bans pages when the app sends PURGE and refreshes
# them behind the readers when it sends a soft one.
#
# As shipped, this file describes the loopback stack of `scripts/prod-stack.sh` (which copies it and puts
# in its own ports). For real hosts, change the backends (one per gunicorn), the probe's Host header (one
# of ALLOWED_HOSTS), the `purgers` ACL (the app servers and the task worker hosts) and the media backend
# (the web server or bucket that serves MEDIA_ROOT); see docs/deploy.md.

import directors;
import purge;
import std;

# The probe asks the app for /readyz: 200 while it can give readers pages (PostgreSQL or Redis answers:
# without Redis it builds pages from the database, without PostgreSQL it serves the page cache's last good
# copies, also of pages purged just before), 503 when neither answers (/healthz reports any outage, for
# monitoring). A backend counts as healthy with 2 good answers out of the last 3.
probe readyz {
    .request =
        "GET /readyz HTTP/1.1"
        "Host: localhost"
        "User-Agent: varnish-probe"
        "Connection: close";
    .expected_response = 200;
    .interval = 1s;
    .timeout = 3s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# The app servers (gunicorn). `.proxy_header = 1` sends the reader's address with the PROXY protocol, so
# the app sees it as REMOTE_ADDR (comment rate limits are per reader, not per Varnish); gunicorn runs
# with `--proxy-protocol --proxy-allow-from <this Varnish>`, which also accepts plain HTTP.
backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
    .proxy_header = 1;
    .probe = readyz;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8002";
    .proxy_header = 1;
    .probe = readyz;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Uploads (MEDIA_ROOT) come from a plain web server, not from the app.
backend media {
    .host = "127.0.0.1";
    .port = "8003";
    .connect_timeout = 2s;
    .first_byte_timeout = 10s;
}

# Who may send PURGE: Wagtail's purges come from the app servers and the task worker.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}

sub vcl_recv {
    # One spelling per host: "Example.org.", "example.org:80" and "example.org" share their copies (no
    # cache entries from junk spellings), and the app's purges, which name the plain host, reach them all.
    if (req.http.host) {
        set req.http.host = std.tolower(regsub(regsub(req.http.host, "\.(:[0-9]+)?$", "\1"), ":(80|443)$", ""));
    }
    # Only the TLS proxy's "https" means anything (see vcl_hash); other values would split the cache.
    if (req.http.X-Forwarded-Proto && req.http.X-Forwarded-Proto != "https") {
        unset req.http.X-Forwarded-Proto;
    }
    # Only renditions leave the media directory: documents are served by the app's document view, which
    # checks private collections, and original uploads (with their camera data) are for the app alone.
    if (req.url ~ "^/media/" && req.url !~ "^/media/images/") {
        return (synth(404, "Not found"));
    }
    if (req.url ~ "^/media/") {
        set req.backend_hint = media;
    } else {
        set req.backend_hint = app.backend();
    }
    unset req.http.X-Language;

    # The app's purges (core.frontend_cache): PURGE <page path> with the site's Host. Copies of the page
    # with a query string (?page=2) are banned; the ban names only obj.* fields, so the ban lurker can
    # clean up in the background. The page itself (every language and scheme: one hash, see vcl_hash)
    # is banned too, unless the purge is soft (`X-Purge: soft`, sent when a change only adds, such as a
    # comment shown): then its copies expire now but stay in grace, so readers get them for a few more
    # seconds while the first of them triggers the fetch of the new page (vcl_hit and vcl_miss).
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.host) {
            return (synth(400, "PURGE needs a Host header"));
        }
        set req.url = regsub(req.url, "\?.*$", "");
        set req.http.X-Url-Pattern = "^" + regsuball(req.url, "[.*+?^$()\[\]{}|\\]", "\\\0");
        if (req.http.X-Purge == "soft") {
            ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url ~ " + req.http.X-Url-Pattern + "\?");
            set req.hash_ignore_busy = true;
            return (hash);
        }
        ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url ~ " + req.http.X-Url-Pattern + "(\?|$)");
        return (synth(200, "Banned"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Personal by nature: the admin, posting and confirming comments, choosing a language.
    if (req.url ~ "^/(admin|django-admin|kommentare|sprache)/") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }

    # Cookies: a session, a CSRF token or a pending message belong to one reader: never from the cache.
    # Otherwise only the language choice matters to the app; every other cookie (set by scripts on other
    # subdomains, say) is dropped so it cannot split or bypass the cache.
    if (req.http.Cookie) {
        if (req.http.Cookie ~ "(^|;)\s*(sessionid|csrftoken|messages)=") {
            return (pass);
        }
        if (req.http.Cookie ~ "(^|;)\s*django_language=[A-Za-z-]{2,10}\s*(;|$)") {
            set req.http.X-Language = regsub(
                req.http.Cookie, "^(.*;)?\s*django_language=([A-Za-z-]{2,10})\s*(;.*)?$", "\2");
            set req.http.Cookie = "django_language=" + req.http.X-Language;
        } else {
            unset req.http.Cookie;
        }
    }

    # Stale copies: for 10 seconds while the app servers are healthy (refreshed in the background),
    # for as long as we have them (beresp.grace) while none is.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

# One hash per address and host. Its copies differ by what the app and the VCL name in Vary: the language
# cookie (the app's `Vary: Cookie`, Cookie normalised in vcl_recv) and the scheme (X-Forwarded-Proto,
# added in vcl_backend_response), so a soft purge reaches all of them at once.
sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

# A soft purge (see vcl_recv): every copy of the page expires now and stays in grace.
sub vcl_hit {
    if (req.method == "PURGE") {
        purge.soft(0s);
        return (synth(200, "Refreshed"));
    }
}

sub vcl_miss {
    if (req.method == "PURGE") {
        purge.soft(0s);
        return (synth(200, "Refreshed"));
    }
}

sub vcl_backend_fetch {
    unset bereq.http.X-Language;
}

sub vcl_backend_response {
    # For bans (see PURGE above); removed again before delivery.
    set beresp.http.X-Url = bereq.url;
    set beresp.http.X-Host = bereq.http.host;

    # The app answers 503 (no-store) while PostgreSQL is away (and to posts that need Redis while it is).
    # A background refresh keeps the stale copy instead; otherwise the error goes to the reader and is
    # never stored (only remembered as uncacheable for a second).
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.ttl = 1s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # The app decides: `public, max-age=60, s-maxage=3600` for anonymous pages (Varnish uses s-maxage),
    # `private, no-cache` for anything personal. A response that sets a cookie is never shared.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)"
        || beresp.http.Vary == "*"
        || beresp.ttl <= 0s) {
        # Remembered as uncacheable for a minute, so requests for it are not queued behind each other.
        set beresp.ttl = 60s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Copies fetched over https (through the TLS proxy) are kept apart from plain http ones, so the app's
    # redirect from http:// to https:// is never served to an https:// request (a redirect loop).
    if (beresp.http.Vary) {
        set beresp.http.Vary = beresp.http.Vary + ", X-Forwarded-Proto";
    } else {
        set beresp.http.Vary = "X-Forwarded-Proto";
    }
    # Uploads have unique names; without a Cache-Control of their own they are kept for a day.
    if (bereq.url ~ "^/media/" && !beresp.http.Cache-Control) {
        set beresp.ttl = 1d;
    }
    # Served stale while every app server is down (see req.grace above).
    set beresp.grace = 6h;
    return (deliver);
}

# No app server answers: a calm page, like the app's own 503, that nobody keeps.
sub vcl_backend_error {
    # An app server that refuses the connection or resets it unanswered (it died or is being restarted,
    # and the probe has not noticed yet) costs the reader nothing: a GET or HEAD goes to the next one (the
    # round robin picks anew on each try). Not after a slow failure: a page that times out on one server
    # would only keep the reader waiting on the next.
    if (bereq.method ~ "^(GET|HEAD)$" && bereq.retries < 2 && beresp.time - bereq.time < 3s) {
        return (retry);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    synthetic({"<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gleich wieder da</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem;">
<h1>Gleich wieder da</h1>
<p>Unsere Seite ist für einen Moment nicht erreichbar. Bitte versuchen Sie es in einer Minute noch
einmal; falls Sie gerade etwas abgeschickt haben, senden Sie es dann bitte erneut.</p>
</body>
</html>
"});
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Url;
    unset resp.http.X-Host;
    # The scheme in Vary is Varnish's own business (vcl_backend_response).
    set resp.http.Vary = regsub(resp.http.Vary, "(^|,\s*)X-Forwarded-Proto$", "");
    if (resp.http.Vary == "") {
        unset resp.http.Vary;
    }
}
