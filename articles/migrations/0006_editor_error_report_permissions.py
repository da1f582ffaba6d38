from django.db import migrations


def sync_roles(apps, schema_editor):
    from articles.roles import roles_sync

    # Editors get every permission of the app, now including error reports.
    roles_sync(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_errorreport")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
