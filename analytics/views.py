import math
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsroom.http import json_error
from newsroom.visitors import visitor_hash

from .readers import is_reader
from .stores import StoreUnavailable, get_store
from .tokens import hit_token_section

# What the beacon script sends, byte for byte: a=<story>&t=<token>[&w=1], about
# 60 bytes (URLSearchParams keeps this order and leaves these characters as they are).
MAX_BODY = 256
FORM = "application/x-www-form-urlencoded"
BODY_RE = re.compile(rb"a=([1-9][0-9]{0,17})&t=([0-9]{1,18}\.[A-Za-z0-9_-]{22})(&w=1)?")


def parse_hit(request) -> tuple[int, str, bool] | str:
    """(story id, token, webdriver) from a beacon body, or what is wrong with it."""
    if request.content_type != FORM:
        return _("The body must be form-encoded.")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = MAX_BODY + 1
    if length > MAX_BODY or len(request.body) > MAX_BODY:
        return _("The body is too long.")
    match = BODY_RE.fullmatch(request.body)
    if match is None:
        return _("The body is not what the page's script sends.")
    return int(match[1]), match[2].decode(), match[3] is not None


def cross_site(request) -> bool:
    """
    Whether the browser says that a page of another site sent this request.

    Sec-Fetch-Site is the browser's own word; a browser too old to send it still
    sends Origin with a POST, which must then be this site's. A request with
    neither comes from no browser page at all and is judged like any other.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "cross-site"
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return False
    try:
        return origin == "null" or urlsplit(origin).netloc != request.get_host()
    except ValueError:
        return True


@csrf_exempt  # no cookie is read or set here, so there is nothing to forge
@require_POST
def hit(request):
    """
    Count a reader's view of a story, sent by the story page's script.

    The answer is 200 with the story's fresh count (the script shows it), 204 when
    the request is not a reader's (a crawler, a prefetch), 403 when a browser marks
    it as sent from another site, 400 for a body or token that the page did not
    send, and 503 when the counter store is unreachable (the page's script tries
    again). No SQL runs here with the Redis store, but for a process's first
    request of the day, which reads the day's salt.
    """
    if cross_site(request):
        # Any page on the web could otherwise inflate "Most viewed".
        return json_error(_("Views sent from other sites are not counted."), status=403)
    parsed = parse_hit(request)
    if isinstance(parsed, str):
        return json_error(parsed)
    article_id, token, webdriver = parsed
    section_id = hit_token_section(article_id=article_id, token=token)
    if section_id is None:
        return json_error(_("The token is not valid for this story today."))
    if not is_reader(request, webdriver=webdriver):
        return HttpResponse(status=204)
    try:
        visitor = visitor_hash(request)
        result = get_store().record(
            article_id=article_id,
            section_id=section_id,
            visitor=visitor,
        )
    except (StoreUnavailable, DatabaseError):
        # Redis down (the store logs the outage once, not each view), or the
        # database down when a process first reads the day's salt: retry later.
        response = json_error(_("Views cannot be counted right now."), status=503)
        # The store tries Redis again after its outage pause; the script backs off.
        response["Retry-After"] = str(math.ceil(settings.NEWSROOM_REDIS_OUTAGE_PAUSE))
        return response
    response = JsonResponse({"counted": result.counted, "views": result.views})
    response["Cache-Control"] = "private, no-store"
    return response
