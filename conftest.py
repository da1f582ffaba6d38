"""Shared fixtures: a throwaway media folder, a clean cache, plain HTTP in tests."""

import os

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The production profile redirects to HTTPS; the test client speaks HTTP.
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_report_header(config):
    profile = "production (PostgreSQL, Redis)" if os.environ.get("DATABASE_URL") else "embedded (SQLite, no Redis)"
    return f"newsroom profile: {profile}"
