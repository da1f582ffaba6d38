"""The production profile as the tests' own gunicorn and Varnish serve it (plain HTTP,
static files from their folders, as the in-process tests have them)."""

from newsroom.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
