# The error report model moved here from the articles app. Its table keeps its
# name and its rows (Meta.db_table), so only Django's idea of the models changes;
# the content type moves with it, so that the permissions it has, and the groups
# and users that hold them, stay as they were.
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, source="articles", target="reports"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model="errorreport").exists():
        ContentType.objects.filter(app_label=source, model="errorreport").update(
            app_label=target
        )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="reports", target="articles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0007_errorreport_moves_to_reports"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ErrorReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('part', models.CharField(help_text='Where in the story: headline, lead, body or caption-N.', max_length=20, verbose_name='part')),
                        ('exact', models.CharField(max_length=300, verbose_name='quote')),
                        ('prefix', models.CharField(blank=True, max_length=32, verbose_name='text before')),
                        ('suffix', models.CharField(blank=True, max_length=32, verbose_name='text after')),
                        ('suggestion', models.CharField(blank=True, max_length=1000, verbose_name='suggested correction')),
                        ('comment', models.CharField(blank=True, max_length=1000, verbose_name='comment')),
                        ('count', models.PositiveIntegerField(default=1, help_text='How many readers sent this same report.', verbose_name='readers')),
                        ('status', models.CharField(choices=[('new', 'New'), ('fixed', 'Fixed'), ('rejected', 'Rejected'), ('duplicate', 'Duplicate')], db_index=True, default='new', max_length=20, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='received')),
                        ('last_reported_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='last received')),
                        ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='desk notified')),
                        ('notified_count', models.PositiveIntegerField(default=0, editable=False, verbose_name='readers the desk was told about')),
                        ('resolved_at', models.DateTimeField(blank=True, null=True, verbose_name='resolved')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='error_reports', to='articles.article', verbose_name='story')),
                        ('group', models.ForeignKey(blank=True, help_text='The first report of this spot, when this one came later with another suggestion or comment.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='members', to='reports.errorreport', verbose_name='same spot as')),
                        ('image', models.ForeignKey(blank=True, help_text='The photo whose caption was quoted.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='error_reports', to='articles.articleimage', verbose_name='photo')),
                        ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='resolved by')),
                    ],
                    options={
                        'verbose_name': 'error report',
                        'verbose_name_plural': 'error reports',
                        'db_table': 'articles_errorreport',
                        'ordering': ['-last_reported_at', '-pk'],
                        'indexes': [models.Index(fields=['article', 'status'], name='articles_er_article_f56961_idx')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('group__isnull', True), ('status', 'new')), fields=('article', 'part', 'exact', 'prefix', 'suffix'), name='errorreport_one_open_per_spot')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
