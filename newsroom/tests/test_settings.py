"""The two profiles and production's refusal to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COUNTERS_REDIS

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "DJANGO_SECRET_KEY": "x" * 30
    + "-production-grade-secret-key-with-enough-variety-0123456789",
    "DJANGO_ALLOWED_HOSTS": "news.example.com",
}


def manage(*args, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "NEWSROOM_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_required_value(missing):
    """With DEBUG off, a missing secret key or host list stops start-up, naming the variable."""
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} is required when DEBUG is off" in result.stderr


def test_check_deploy_is_clean_with_production_values(redis_server):
    """`manage.py check --deploy` gives no warnings with production values set."""
    counters = redis_server(*COUNTERS_REDIS).start()
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        NEWSROOM_COUNTERS_REDIS_URL=counters.url(),
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_warns_of_a_counter_redis_that_evicts_or_forgets(redis_server):
    """A counter Redis that may evict keys, or keeps no append-only file, is named."""
    volatile = redis_server("--maxmemory-policy", "allkeys-lru").start()
    result = manage("check", **{**PRODUCTION, "REDIS_URL": volatile.url()})
    assert "analytics.W002" in result.stderr
    assert "analytics.W003" in result.stderr
    down = redis_server()  # never started: nothing answers on its port
    result = manage("check", **PRODUCTION, NEWSROOM_COUNTERS_REDIS_URL=down.url())
    assert "analytics.W001" in result.stderr


def test_each_redis_role_has_its_own_address():
    """One REDIS_URL serves all three roles; each can be given a server of its own."""
    code = (
        "from django.conf import settings as s;"
        "print(s.CACHES['default']['LOCATION'], s.ANALYTICS_REDIS_URL,"
        " s.CELERY_BROKER_URL)"
    )
    shared = manage("shell", "-c", code, **PRODUCTION)
    assert shared.stdout.split()[-3:] == [PRODUCTION["REDIS_URL"]] * 3
    apart = manage(
        "shell",
        "-c",
        code,
        **PRODUCTION,
        NEWSROOM_CACHE_REDIS_URL="redis://cache.internal:6379/0",
        NEWSROOM_COUNTERS_REDIS_URL="redis://counters.internal:6379/0",
    )
    assert apart.stdout.split()[-3:] == [
        "redis://cache.internal:6379/0",
        "redis://counters.internal:6379/0",
        "redis://counters.internal:6379/0",  # the broker goes with the counters
    ]


def test_embedded_profile_needs_no_variables():
    """With nothing set, the embedded profile starts: DEBUG on, SQLite, eager Celery."""
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.TIME_ZONE)"
    )
    result = manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-4:] == [
        "True",
        "django.db.backends.sqlite3",
        "True",
        "Asia/Almaty",
    ]


def test_a_renamed_variable_stops_start_up_and_names_the_new_one():
    """A variable set under its old name is not ignored: start-up says what it is now."""
    result = manage("check", NEWSROOM_VIEWS_FLUSH_SECONDS="5")
    assert result.returncode != 0
    assert (
        "NEWSROOM_VIEWS_FLUSH_SECONDS is now ANALYTICS_FLUSH_SECONDS" in result.stderr
    )


def test_variables_are_named_after_the_settings_they_fill():
    """ANALYTICS_FLUSH_SECONDS fills ANALYTICS_FLUSH_SECONDS, and the beat schedule."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s;"
        " print(s.ANALYTICS_FLUSH_SECONDS,"
        " s.CELERY_BEAT_SCHEDULE['analytics-flush-views']['schedule'])",
        ANALYTICS_FLUSH_SECONDS="7",
    )
    assert result.stdout.split()[-2:] == ["7", "7"], result.stderr
