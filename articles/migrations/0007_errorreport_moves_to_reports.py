# Readers' error reports became the reports app. Only Django's idea of the models
# changes here; the table and its rows stay as they are (reports/migrations/0001).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_editor_error_report_permissions")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ErrorReport")],
            database_operations=[],
        )
    ]
