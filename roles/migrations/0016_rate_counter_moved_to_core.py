"""RateCounter now belongs to core (core 0001): forget it here, keep its table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0015_rate_counters"),
        ("core", "0001_rate_counter_moved_from_roles"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RateCounter")],
            database_operations=[],
        ),
    ]
