"""SharedCheck now belongs to the hiring app (its table stays as it is)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0002_shared_checks"),
        ("hiring", "0001_shared_checks_moved_here"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SharedCheck")],
            database_operations=[],
        ),
    ]
