"""
The token a story page carries so that only its own beacon can count it.

It is signed for the story, its section and the day, so a page stays the same for
every reader (and cacheable) all day, a token cannot be reused for another story,
and yesterday's pages still count just after midnight. The section rides along in
the token so that the hit path never has to look the story up in the database.
"""

import base64
import datetime
import functools
import hashlib
import hmac
import re
import time

from django.conf import settings
from django.utils import timezone

SALT = "newsroom.analytics.hit"
TOKEN_RE = re.compile(r"^([0-9]{1,18})\.([A-Za-z0-9_-]{22})$")

# (minute, today, yesterday): days begin on a minute, so this changes at most
# once a minute and the hit path need not convert the time on every request.
_days_memo: tuple[int, datetime.date, datetime.date] | None = None


@functools.lru_cache(maxsize=8)
def _key(secret: str) -> bytes:
    """The signing key derived from a secret (once per process and secret)."""
    return hashlib.sha256(f"{SALT}{secret}".encode()).digest()


def _signature(
    article_id: int, section_id: int, day: datetime.date, secret: str
) -> str:
    message = f"{article_id}:{section_id}:{day.isoformat()}".encode()
    digest = hmac.digest(_key(secret), message, "sha256")[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _today_and_yesterday() -> tuple[datetime.date, datetime.date]:
    global _days_memo
    minute = int(time.time() // 60)
    if _days_memo is None or _days_memo[0] != minute:
        today = timezone.localdate()
        _days_memo = (minute, today, today - datetime.timedelta(days=1))
    return _days_memo[1], _days_memo[2]


def hit_token(
    *, article_id: int, section_id: int, day: datetime.date | None = None
) -> str:
    """The token for this story's pages served today (newsroom days)."""
    day = day or timezone.localdate()
    signature = _signature(article_id, section_id, day, settings.SECRET_KEY)
    return f"{section_id}.{signature}"


def hit_token_section(*, article_id: int, token: str) -> int | None:
    """The section a valid token for this story names; None if it is not valid."""
    match = TOKEN_RE.match(token)
    if match is None:
        return None
    section_id, signature = int(match[1]), match[2]
    # Pages signed with a retired secret still count until they are a day old.
    for secret in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS):
        for day in _today_and_yesterday():
            expected = _signature(article_id, section_id, day, secret)
            if hmac.compare_digest(signature, expected):
                return section_id
    return None
