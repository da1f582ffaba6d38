import datetime

import pytest
from django.test import RequestFactory

from newsroom import visitors


def request(remote="203.0.113.7", forwarded=None, agent="Mozilla/5.0"):
    extra = {"REMOTE_ADDR": remote, "HTTP_USER_AGENT": agent}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    """With no trusted proxy, X-Forwarded-For is ignored: anyone can send it."""
    settings.NEWSROOM_TRUSTED_PROXIES = 0
    assert visitors.client_ip(request(forwarded="198.51.100.1")) == "203.0.113.7"


def test_one_trusted_proxy_takes_the_address_it_appended(settings):
    """Behind one proxy, the client is the last address, not a forged one before it."""
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    forged = request(remote="10.0.0.2", forwarded="1.1.1.1, 198.51.100.1")
    assert visitors.client_ip(forged) == "198.51.100.1"


def test_two_trusted_proxies(settings):
    """Behind two proxies, the client is the second address from the right."""
    settings.NEWSROOM_TRUSTED_PROXIES = 2
    req = request(remote="10.0.0.3", forwarded="6.6.6.6, 198.51.100.1, 10.0.0.2")
    assert visitors.client_ip(req) == "198.51.100.1"


@pytest.mark.parametrize("header", ["", "not-an-ip", "198.51.100.1"])
def test_short_or_garbled_forwarded_header_falls_back_to_remote_addr(settings, header):
    """A header shorter than the proxy chain, or not an address, is not trusted."""
    settings.NEWSROOM_TRUSTED_PROXIES = 2 if header == "198.51.100.1" else 1
    assert visitors.client_ip(request(forwarded=header)) == "203.0.113.7"


def test_visitor_hash_is_stable_within_a_day_and_hides_the_address():
    """One reader gets one id all day; the id does not contain the address."""
    first, again = visitors.visitor_hash(request()), visitors.visitor_hash(request())
    assert first == again
    assert len(first) == 32
    assert "203.0.113.7" not in first


def test_visitor_hash_differs_by_address_and_user_agent():
    """Different addresses or browsers are different visitors."""
    base = visitors.visitor_hash(request())
    assert visitors.visitor_hash(request(remote="203.0.113.8")) != base
    assert visitors.visitor_hash(request(agent="Other/1.0")) != base


def test_salt_rotates_daily_and_is_random():
    """Each day has its own random salt, so ids cannot be linked across days."""
    today = datetime.date(2026, 1, 1)
    tomorrow = today + datetime.timedelta(days=1)
    assert visitors.daily_salt(today) != visitors.daily_salt(tomorrow)
    visitors.forget_salt_memo()
    assert visitors.daily_salt(today) == visitors.daily_salt(today)
    assert len(visitors.daily_salt(today)) == 32
