"""Database rules the models promise: unique slugs and pairs, ranges, no self-links."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.builders import (
    assign_competency,
    assign_task,
    make_competency,
    make_role,
    make_task,
    relate,
)

pytestmark = pytest.mark.django_db


def test_role_slug_is_unique():
    make_role(slug="eindeutig")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_role(slug="eindeutig")


def test_role_task_pair_is_unique():
    role, task = make_role(), make_task()
    assign_task(role, task)
    with pytest.raises(IntegrityError), transaction.atomic():
        assign_task(role, task, responsibility="excluded")


def test_role_competency_pair_is_unique():
    role, competency = make_role(), make_competency()
    assign_competency(role, competency)
    with pytest.raises(IntegrityError), transaction.atomic():
        assign_competency(role, competency, level=1)


@pytest.mark.parametrize("level", [0, 5])
def test_competency_level_outside_one_to_four_is_refused(level):
    with pytest.raises(IntegrityError), transaction.atomic():
        assign_competency(make_role(), level=level)


def test_orientation_outside_scale_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_role(orientation=11)


def test_salary_minimum_above_maximum_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_role(salary_min=4000, salary_max=2800)


def test_relation_to_itself_is_refused():
    role = make_role()
    with pytest.raises(IntegrityError), transaction.atomic():
        relate(role, role)


def test_same_relation_twice_is_refused():
    a, b = make_role(), make_role()
    relate(a, b, kind="supports")
    with pytest.raises(IntegrityError), transaction.atomic():
        relate(a, b, kind="supports")


def test_role_cannot_be_its_own_parent():
    role = make_role()
    role.parent = role
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert error.value.error_dict["parent"][0].code == "parent_is_self"


def test_unknown_company_size_is_refused_by_validation():
    role = make_role(company_sizes=["small", "gigantic"])
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "gigantic" in str(error.value)


def test_saving_a_role_stores_sanitised_definition_html():
    role = make_role(definition="# Titel\n\n<script>alert(1)</script>**fett**")
    role.refresh_from_db()
    assert "<h1>Titel</h1>" in role.definition_html
    assert "<strong>fett</strong>" in role.definition_html
    assert "<script" not in role.definition_html


def test_orientation_is_described_in_words():
    assert make_role(orientation=1).orientation_label == "überwiegend strategisch"
    assert make_role(orientation=9).orientation_label == "überwiegend operativ"


def test_level_has_a_plain_meaning():
    assignment = assign_competency(make_role(), level=4)
    assert assignment.get_level_display() == "Expertenniveau"
    assert "leitet andere" in assignment.level_meaning
