from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class NewsroomConfig(AppConfig):
    """The project package as an app: the daily visitor salt lives in its table."""

    name = "newsroom"


class DeskAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the desk's site: sign-in with a second factor."""

    # Named in INSTALLED_APPS in place of django.contrib.admin; never the default
    # configuration of the "newsroom" entry.
    default = False
    default_site = "newsroom.admin.DeskAdminSite"
