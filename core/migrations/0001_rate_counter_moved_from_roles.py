"""RateCounter moves from roles to core: Django's state only, no data moves.

The table stays ``roles_ratecounter`` (made by roles 0015); this migration tells
Django that core owns it, and roles 0016 tells it that roles no longer does. The
content type follows, so anything pointing at it (permissions) keeps working.
"""

from django.db import migrations, models


def content_type_to(app_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        other = "roles" if app_label == "core" else "core"
        if ContentType.objects.filter(app_label=app_label, model="ratecounter").exists():
            return
        ContentType.objects.filter(app_label=other, model="ratecounter").update(
            app_label=app_label
        )

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("roles", "0015_rate_counters"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RateCounter",
                    fields=[
                        ("key", models.CharField(max_length=200, primary_key=True, serialize=False, verbose_name="Schlüssel")),
                        ("count", models.PositiveIntegerField(default=0, verbose_name="Anzahl")),
                        ("expires", models.BigIntegerField(verbose_name="Ende des Zeitfensters (Unix-Zeit)")),
                    ],
                    options={
                        "verbose_name": "Zähler",
                        "verbose_name_plural": "Zähler",
                        "db_table": "roles_ratecounter",
                        "indexes": [models.Index(fields=["expires"], name="ratecounter_expires")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to("core"), content_type_to("roles")),
    ]
