"""The project's settings as a production deployment may use them: without demo."""

from newsroom.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "demo"]  # noqa: F405
