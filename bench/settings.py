"""The production profile, plus the bench-only URLs (a bare view, a naive counter)."""

import os

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The bench talks plain HTTP to gunicorn on 127.0.0.1.
SECURE_SSL_REDIRECT = False
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
