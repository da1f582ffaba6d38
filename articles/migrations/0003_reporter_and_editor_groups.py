from django.db import migrations


def create_groups(apps, schema_editor):
    from articles.roles import roles_sync

    roles_sync(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_desk_states_corrections_renditions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
