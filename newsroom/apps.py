from django.contrib.admin.apps import AdminConfig


class DeskAdminConfig(AdminConfig):
    """Django's admin, served by the desk's site: sign-in with a second factor."""

    default_site = "newsroom.admin.DeskAdminSite"
