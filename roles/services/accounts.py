"""Accounts for the wiki: made with a group, and maintainers made staff.

Editors (Redaktion) edit roles and the catalogue; maintainers (Pflege) also
revert, protect, review proposals, curate comparisons and manage accounts in
/admin/, which Django opens only to staff. So whatever puts someone into Pflege —
``manage.py adduser``, ``manage.py grant``, the admin's "add user" — makes them
staff here.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

GROUPS = {"redaktion": "Redaktion", "pflege": "Pflege"}
"""Command-line names → the groups (made by roles migration 0003)."""
MAINTAINERS = GROUPS["pflege"]


def create_account(
    *, username: str, group: str, password: str, email: str = ""
) -> AbstractBaseUser:
    """A new account in ``group`` (``redaktion`` or ``pflege``). Raises
    ValidationError for a password the validators refuse (nothing is made)."""
    user_model = get_user_model()
    user = user_model(username=username, email=email)
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        add_to_group(user, group)
    return user


def add_to_group(user: AbstractBaseUser, group: str) -> None:
    """Put ``user`` into ``group`` (``redaktion`` or ``pflege``)."""
    user.groups.add(Group.objects.get(name=GROUPS[group]))
    make_maintainers_staff(user)


def make_maintainers_staff(user: AbstractBaseUser) -> bool:
    """Staff for a member of Pflege (the admin is where they manage accounts);
    True when that changed anything."""
    if user.is_staff or not user.groups.filter(name=MAINTAINERS).exists():
        return False
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return True
