"""The desk's roles: which group may do what.

Reporters write stories, edit their own drafts and send them for review; editors
do everything, including publishing. The groups are created by a data migration
that calls `roles_sync`; call it again (it is idempotent) after adding models
whose permissions editors should get, and `user_add_to_role` to place a user.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import AbstractUser

REPORTER = "Reporter"
EDITOR = "Editor"

# "app_label.codename" of what a reporter may do. The admin narrows "change" to
# the reporter's own drafts (articles/admin.py).
REPORTER_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_articleimage",
    "articles.change_articleimage",
    "articles.delete_articleimage",
    "articles.view_articleimage",
    "articles.view_correction",
    "articles.view_section",
    "articles.view_source",
    "taggit.view_tag",
]


def editor_apps() -> list[str]:
    """The apps whose every permission editors get ("publish_article" included).

    A setting, so that the desk's other apps (readers' reports) are named by the
    project that installs them, not by this app.
    """
    return list(settings.NEWSROOM_EDITOR_APPS)


def roles_sync(*, apps=global_apps) -> None:
    """Create or update the Reporter and Editor groups with their permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # In a fresh database the permissions are made after all migrations have run;
    # make them now so the groups can hold them.
    for label in [*editor_apps(), "auth", "contenttypes"]:
        try:
            app_config = apps.get_app_config(label)
        except LookupError:  # an app with no models yet at this migration
            continue
        # Migration state's app configs have no models module, which
        # create_permissions reads only to skip apps without models.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = models_module

    def permissions(names):
        wanted = [tuple(name.split(".", 1)) for name in names]
        found = list(
            Permission.objects.filter(
                content_type__app_label__in={app for app, _ in wanted},
                codename__in={codename for _, codename in wanted},
            ).select_related("content_type")
        )
        return [p for p in found if (p.content_type.app_label, p.codename) in wanted]

    reporter, _ = Group.objects.get_or_create(name=REPORTER)
    reporter.permissions.set(permissions(REPORTER_PERMISSIONS))
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(
        Permission.objects.filter(content_type__app_label__in=editor_apps())
    )


def user_add_to_role(*, user: AbstractUser, role: str) -> None:
    """Put `user` in the Reporter or Editor group (creating the groups if needed)."""
    from django.contrib.auth.models import Group

    if role not in (REPORTER, EDITOR):
        raise ValueError(f"Unknown role {role!r}: use {REPORTER!r} or {EDITOR!r}.")
    group = Group.objects.filter(name=role).first()
    if group is None:
        roles_sync()
        group = Group.objects.get(name=role)
    user.groups.add(group)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
