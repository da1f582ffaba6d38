"""
The token a story page carries so that only its own beacon can count it.

It is signed for the story, its section and the day, so a page stays the same for
every reader (and cacheable) all day, a token cannot be reused for another story,
and yesterday's pages still count just after midnight. The section rides along in
the token so that the hit path never has to look the story up in the database.
"""

import base64
import datetime
import re

from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "newsroom.analytics.hit"
TOKEN_RE = re.compile(r"^([0-9]{1,18})\.([A-Za-z0-9_-]{22})$")


def _signature(article_id: int, section_id: int, day: datetime.date) -> str:
    value = f"{article_id}:{section_id}:{day.isoformat()}"
    digest = salted_hmac(SALT, value, algorithm="sha256").digest()[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def hit_token(
    *, article_id: int, section_id: int, day: datetime.date | None = None
) -> str:
    """The token for this story's pages served today (newsroom days)."""
    day = day or timezone.localdate()
    return f"{section_id}.{_signature(article_id, section_id, day)}"


def hit_token_section(*, article_id: int, token: str) -> int | None:
    """The section a valid token for this story names; None if it is not valid."""
    match = TOKEN_RE.match(token)
    if match is None:
        return None
    section_id, signature = int(match[1]), match[2]
    today = timezone.localdate()
    for day in (today, today - datetime.timedelta(days=1)):
        if constant_time_compare(signature, _signature(article_id, section_id, day)):
            return section_id
    return None
