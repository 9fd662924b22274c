"""SharedCheck moved from comparisons to hiring: the table stays, only Django's
idea of which app owns it changes (no SQL runs)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("comparisons", "0002_shared_checks"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SharedCheck",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("token", models.CharField(max_length=43, unique=True)),
                        ("text", models.TextField()),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("expires_at", models.DateTimeField(db_index=True)),
                    ],
                    options={
                        "verbose_name": "geteilte Anzeigenprüfung",
                        "verbose_name_plural": "geteilte Anzeigenprüfungen",
                        "db_table": "comparisons_sharedcheck",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
