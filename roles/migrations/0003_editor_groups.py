"""Create the Redaktion (editors) and Pflege (maintainers) groups with permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("roles", "add_role"), ("roles", "change_role"), ("roles", "view_role"),
    ("roles", "add_task"), ("roles", "change_task"), ("roles", "view_task"),
    ("roles", "add_competency"), ("roles", "change_competency"),
    ("roles", "view_competency"),
    ("roles", "add_roletask"), ("roles", "change_roletask"), ("roles", "delete_roletask"),
    ("roles", "add_rolecompetency"), ("roles", "change_rolecompetency"),
    ("roles", "delete_rolecompetency"),
    ("roles", "add_rolerelation"), ("roles", "change_rolerelation"),
    ("roles", "delete_rolerelation"),
]
MAINTAINER_PERMISSIONS = EDITOR_PERMISSIONS + [
    ("roles", "delete_role"), ("roles", "protect_role"), ("roles", "revert_role"),
    ("roles", "delete_task"), ("roles", "delete_competency"),
    ("comparisons", "add_curatedcomparison"), ("comparisons", "change_curatedcomparison"),
    ("comparisons", "delete_curatedcomparison"), ("comparisons", "view_curatedcomparison"),
    ("comparisons", "add_curatedcomparisonrole"),
    ("comparisons", "change_curatedcomparisonrole"),
    ("comparisons", "delete_curatedcomparisonrole"),
    ("comparisons", "view_curatedcomparisonrole"),
    ("auth", "add_user"), ("auth", "change_user"), ("auth", "view_user"),
    ("auth", "view_group"),
]
GROUPS = {"Redaktion": EDITOR_PERMISSIONS, "Pflege": MAINTAINER_PERMISSIONS}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0002_add_role_revision_number"),
        ("comparisons", "0001_curated_comparisons"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
