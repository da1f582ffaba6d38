vcl 4.1;
# Varnish in front of Newsroom (Debian's varnish and varnish-modules packages).
#
#   varnishd -F -f /path/to/deploy/varnish/default.vcl -a :80 -n /var/lib/varnish/newsroom
#
# The origin is gunicorn on 127.0.0.1:8000 (make serve-production); change the
# backend below, or start varnishd with -p vcc_allow_inline_c=off and an include.
# Reader pages say how long they may be kept (s-maxage), how long a stale copy
# may be served while a fresh one is fetched (stale-while-revalidate) or while
# the origin fails (stale-if-error), and which keys they carry (xkey). The site
# purges those keys when a story changes: set NEWSROOM_HTTP_CACHE_PURGE_URLS to
# this Varnish's address, from a host in the purgers ACL.

import std;
import xkey;

backend origin {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the web and worker hosts. Anyone else gets a 405.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header missing"));
        }
        # Soft: the purged pages stay as stale copies, served while the first
        # request after the purge fetches the new page (one fetch per page).
        set req.http.n-gone = xkey.softpurge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The desk, the view-counting beacon, error reports, previews and the
    # switcher that saves a reader's choice: never from the cache.
    if (req.url ~ "^/admin/"
        || req.url ~ "^/analytics/"
        || req.url ~ "^/error-reports/"
        || req.url ~ "^/csp-report/"
        || req.url ~ "^/edition/"
        || req.url ~ "^/[a-z-]+/preview/"
        || req.url ~ "^/[a-z-]+/search/"
        || req.url == "/") {
        return (pass);
    }
    # Reader pages are the same for everyone: a cookie must not make a miss.
    unset req.http.Cookie;
    unset req.http.Authorization;
    # Made-up parameters (utm_*, fbclid) do not make another page.
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]$", "");
    return (hash);
}

sub vcl_backend_response {
    # A page that sets a cookie, or says it is private, is never kept.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Varnish reads s-maxage into the TTL and stale-while-revalidate into grace;
    # stale-if-error sets how long the object is kept past both.
    if (beresp.http.Cache-Control ~ "stale-if-error") {
        set beresp.keep = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1s"), 0s);
    }
    # A background fetch (of a stale copy) that fails leaves the copy in place.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Errors are not kept long: a 404 for a story about to be published.
    if (beresp.status >= 400) {
        set beresp.ttl = 1s;
        set beresp.grace = 0s;
    }
    return (deliver);
}

sub vcl_backend_error {
    # The origin is down: a stale copy goes on being served (stale-if-error).
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    # The keys are for this cache; readers and other proxies need not see them.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
