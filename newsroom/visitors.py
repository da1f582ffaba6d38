"""
Who a reader is, without storing who they are.

View counting and error-report rate limits both need to tell readers apart. A
visitor is a keyed hash (BLAKE2b) of the client address and user agent with a
salt that is random, shared by all web processes, and replaced every day; the
address itself is never stored, and yesterday's hashes cannot be linked to
today's. The salt is not derivable from settings: it is drawn from `secrets` the
first time a day needs it.

The salt lives in the database (newsroom.models.VisitorSalt), not in the cache:
a cache may evict it, lose it in a restart or be down, and a process that then
made a salt of its own would count every reader it serves a second time. Each
process reads it once a day and keeps it in memory, so the hit path runs no SQL
after a process's first request of the day. Making a day's salt deletes the
salts of past days.
"""

import datetime
import hashlib
import ipaddress
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import VisitorSalt

# The salt of the current day, kept per process so that only the first request
# of a day in each process asks the database for it.
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
    """Today's random salt (in UTC days), the same in every process."""
    global _salt_memo
    day = day or timezone.now().date()
    memo = _salt_memo
    if memo is not None and memo[0] == day:
        return memo[1]
    salt = bytes.fromhex(visitor_salt_of(day=day))
    _salt_memo = (day, salt)
    return salt


def visitor_salt_of(*, day: datetime.date) -> str:
    """The day's salt from the database; the first process to ask makes it."""
    salt = VisitorSalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if salt is not None:
        return salt
    with transaction.atomic():
        VisitorSalt.objects.filter(day__lt=day).delete()
        # Processes starting together may race here: one insert wins, and every
        # one of them reads the winner's salt back.
        VisitorSalt.objects.bulk_create(
            [VisitorSalt(day=day, salt=secrets.token_hex(32))], ignore_conflicts=True
        )
    return VisitorSalt.objects.values_list("salt", flat=True).get(day=day)


def forget_salt_memo() -> None:
    """Drop this process's copy of the salt (tests: another day, another process)."""
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
