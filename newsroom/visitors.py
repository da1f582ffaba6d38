"""
Who a reader is, without storing who they are.

View counting and error-report rate limits both need to tell readers apart. A
visitor is a keyed hash (BLAKE2b) of the client address and user agent with a
salt that is random, shared by all web processes through the cache, and replaced
every day; the address itself is never stored, and yesterday's hashes cannot be
linked to today's. The salt is not derivable from settings: it is drawn from
`secrets` the first time a day needs it.
"""

import datetime
import hashlib
import ipaddress
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

SALT_KEY = "visitors:salt:{day}"
SALT_TTL = 2 * 24 * 60 * 60

# The salt of the current day, kept per process so that only the first request
# of a day in each process asks the cache for it.
_salt_memo: tuple[datetime.date, bytes] | None = None


def client_ip(request) -> str:
    """
    The client's address: REMOTE_ADDR, or the address that the nearest of the
    configured number of trusted proxies appended to X-Forwarded-For.

    Each proxy appends the address it received the request from, so with N trusted
    proxies the client is the N-th entry from the right; anything further left was
    written by the client and could be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.NEWSROOM_TRUSTED_PROXIES
    if trusted <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < trusted:
        return remote
    candidate = forwarded[-trusted]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def daily_salt(day: datetime.date | None = None) -> bytes:
    """Today's random salt (in UTC days), shared by every process through the cache."""
    global _salt_memo
    day = day or timezone.now().date()
    if _salt_memo is not None and _salt_memo[0] == day:
        return _salt_memo[1]
    key = SALT_KEY.format(day=day.isoformat())
    try:
        cache.add(key, secrets.token_hex(32), timeout=SALT_TTL)
        salt = cache.get(key)
    except Exception:  # the cache is down: a process-local salt keeps readers apart
        salt = None
    if salt is None:
        salt = secrets.token_hex(32)
    _salt_memo = (day, bytes.fromhex(salt))
    return _salt_memo[1]


def forget_salt_memo() -> None:
    """Drop this process's copy of the salt (tests, and a cleared cache)."""
    global _salt_memo
    _salt_memo = None


def client_network(request) -> str:
    """
    The network a client's address stands for: an IPv4 address as it is, an IPv6
    address as its /64 (one subscriber's line usually gets a whole /64, so any
    address in it is the same reader's to pick).
    """
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def network_hash(request) -> str:
    """A 32-character hex id for this client's network today (see client_network)."""
    material = f"network\n{client_network(request)}".encode()
    return hashlib.blake2b(material, key=daily_salt(), digest_size=16).hexdigest()


def visitor_hash(request) -> str:
    """A 32-character hex id for this reader today: the same on every request today."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:512]
    material = f"{client_ip(request)}\n{user_agent}".encode()
    return hashlib.blake2b(material, key=daily_salt(), digest_size=16).hexdigest()
