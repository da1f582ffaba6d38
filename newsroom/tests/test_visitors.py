import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from conftest import _missing
from newsroom import visitors
from newsroom.models import VisitorSalt

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.django_db
def test_visitor_hash_is_stable_within_a_day_and_hides_the_address():
    """One reader gets one id all day; the id does not contain the address."""
    first, again = visitors.visitor_hash(request()), visitors.visitor_hash(request())
    assert first == again
    assert len(first) == 32
    assert "203.0.113.7" not in first


@pytest.mark.django_db
def test_visitor_hash_differs_by_address_and_user_agent():
    """Different addresses or browsers are different visitors."""
    base = visitors.visitor_hash(request())
    assert visitors.visitor_hash(request(remote="203.0.113.8")) != base
    assert visitors.visitor_hash(request(agent="Other/1.0")) != base


@pytest.mark.django_db
def test_a_days_salt_is_random_and_one_for_every_caller():
    """The day's salt is drawn at random once; every later caller reads the same one."""
    today = datetime.date(2026, 1, 1)
    salt = visitors.daily_salt(today)
    assert len(salt) == 32
    visitors.forget_salt_memo()  # another process, or this one after a restart
    cache.clear()
    assert visitors.daily_salt(today) == salt
    VisitorSalt.objects.all().delete()
    visitors.forget_salt_memo()
    # Same settings, a new salt: nothing in the settings gives it away.
    assert visitors.daily_salt(today) != salt


@pytest.mark.django_db
def test_a_new_days_salt_destroys_the_salts_of_past_days():
    """Once a day's salt is made, no earlier day's salt is kept anywhere."""
    today = datetime.date(2026, 1, 1)
    tomorrow = today + datetime.timedelta(days=1)
    old = visitors.daily_salt(today)
    new = visitors.daily_salt(tomorrow)
    assert new != old
    assert list(VisitorSalt.objects.values_list("day", flat=True)) == [tomorrow]
    assert old.hex() not in {row.salt for row in VisitorSalt.objects.all()}


HASH_IN_A_NEW_PROCESS = """
import django
django.setup()
from django.test import RequestFactory
from newsroom.visitors import visitor_hash
request = RequestFactory().get(
    "/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux)"
)
print(visitor_hash(request))
"""


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_processes_started_apart_hash_a_reader_alike(settings):
    """
    Two web processes, the second started after the shared cache was emptied (as
    after a Redis restart), give a reader the same id: one count, not two.
    """
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        _missing("PostgreSQL (DATABASE_URL)", "NEWSROOM_REQUIRE_SERVICES")
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }

    def hash_in_a_new_process() -> str:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", HASH_IN_A_NEW_PROCESS],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()[-1]

    first = hash_in_a_new_process()
    cache.clear()
    second = hash_in_a_new_process()
    assert first == second
    visitors.forget_salt_memo()
    assert visitors.visitor_hash(request(agent="Mozilla/5.0 (X11; Linux)")) == first
