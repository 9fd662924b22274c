"""What changed between two snapshots, in words a non-programmer can read."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from roles.choices import (
    ClassificationScheme,
    CompanySize,
    Level,
    MappingStatus,
    RelationKind,
    Responsibility,
)
from roles.models import Competency, Role, Task
from roles.revisions.snapshots import (
    Snapshot,
    parse_classification_key,
    parse_relation_key,
)
from roles.schema import FIELDS, FieldSpec

TOKEN = re.compile(r"(\s+)")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str
    words: SafeString
    """The text with removed words in <del> and added ones in <ins>, escaped."""


@dataclass(frozen=True)
class RowChange:
    section: str
    change: str
    """``added``, ``removed`` or ``changed``."""
    name: str
    before: str = ""
    after: str = ""


@dataclass
class RoleDiff:
    fields: list[FieldChange] = field(default_factory=list)
    rows: list[RowChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.fields and not self.rows


def word_diff(before: str, after: str) -> SafeString:
    """Word-level diff as safe HTML; every piece of text is escaped.

    Neighbouring changed words are shown as one deletion and one insertion, which
    reads better than alternating single words.
    """
    old, new = TOKEN.split(before or ""), TOKEN.split(after or "")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    chunks: list[list] = []  # [changed?, old text, new text]
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        old_text, new_text = "".join(old[a1:a2]), "".join(new[b1:b2])
        changed = op != "equal"
        joins_change = chunks and chunks[-1][0] and (changed or not old_text.strip())
        if joins_change:
            chunks[-1][1] += old_text
            chunks[-1][2] += new_text
        else:
            chunks.append([changed, old_text, new_text])
    return mark_safe("".join(_chunk_html(*chunk) for chunk in chunks))  # noqa: S308


def _chunk_html(changed: bool, old_text: str, new_text: str) -> str:
    if not changed:
        return escape(old_text)
    html = f"<del>{escape(old_text)}</del>" if old_text.strip() else ""
    return html + (f"<ins>{escape(new_text)}</ins>" if new_text.strip() else "")


def diff_snapshots(old: Snapshot, new: Snapshot) -> RoleDiff:
    names = _Names(old, new)
    diff = RoleDiff()
    for spec in FIELDS:
        before, after = old["fields"].get(spec.name), new["fields"].get(spec.name)
        if before != after:
            label = str(Role._meta.get_field(spec.name).verbose_name)
            old_text, new_text = names.field(spec, before), names.field(spec, after)
            diff.fields.append(
                FieldChange(label, old_text, new_text, word_diff(old_text, new_text))
            )
    sections = [
        ("tasks", _("Aufgaben"), names.task, _task_text),
        ("competencies", _("Kompetenzen"), names.competency, _competency_text),
        ("relations", _("Beziehungen"), names.relation, _relation_text),
        (
            "classifications",
            _("Klassifikationen"),
            _classification_name,
            _classification_text,
        ),
    ]
    for key, label, name_of, describe in sections:
        diff.rows += _row_changes(
            old.get(key, {}), new.get(key, {}), label, name_of, describe
        )
    return diff


def _row_changes(
    old: dict, new: dict, section: str, name_of, describe
) -> list[RowChange]:
    changes = []
    for key in sorted({*old, *new}, key=name_of):
        if key not in old:
            changes.append(
                RowChange(section, "added", name_of(key), after=describe(new[key]))
            )
        elif key not in new:
            changes.append(
                RowChange(section, "removed", name_of(key), before=describe(old[key]))
            )
        elif old[key] != new[key]:
            changes.append(
                RowChange(
                    section,
                    "changed",
                    name_of(key),
                    describe(old[key]),
                    describe(new[key]),
                )
            )
    return changes


def _with_flags(text: str, values: dict) -> str:
    extras = [values["note"]] if values.get("note") else []
    if values.get("is_illustrative"):
        extras.append(_("beispielhaft"))
    return " – ".join([text, *extras])


def _task_text(values: dict) -> str:
    return _with_flags(str(Responsibility(values["responsibility"]).label), values)


def _competency_text(values: dict) -> str:
    text = f"{values['level']} – {Level(values['level']).label}"
    if not values.get("is_essential", True):
        text += " " + _("(wünschenswert)")
    return _with_flags(text, values)


def _relation_text(values: dict) -> str:
    return values.get("description") or "—"


def _classification_name(key: str) -> str:
    scheme, code = parse_classification_key(key)
    return f"{ClassificationScheme(scheme).label} {code}"


def _classification_text(values: dict) -> str:
    text = str(MappingStatus(values["status"]).label)
    return f"{text} – {values['note']}" if values.get("note") else text


class _Names:
    """Names for the ids in two snapshots, looked up in three queries."""

    def __init__(self, old: Snapshot, new: Snapshot):
        task_ids = {int(k) for s in (old, new) for k in s["tasks"]}
        competency_ids = {int(k) for s in (old, new) for k in s["competencies"]}
        role_ids = {
            parse_relation_key(k)[0] for s in (old, new) for k in s["relations"]
        }
        role_ids |= {
            s["fields"].get(spec.name)
            for s in (old, new)
            for spec in FIELDS
            if spec.kind == "role"
        } - {None}
        self.tasks = dict(
            Task.objects.filter(pk__in=task_ids).values_list("pk", "name")
        )
        self.competencies = dict(
            Competency.objects.filter(pk__in=competency_ids).values_list("pk", "name")
        )
        self.roles = dict(
            Role.objects.filter(pk__in=role_ids).values_list("pk", "title")
        )

    def task(self, key: str) -> str:
        return self.tasks.get(int(key), _("(gelöschte Aufgabe)"))

    def competency(self, key: str) -> str:
        return self.competencies.get(int(key), _("(gelöschte Kompetenz)"))

    def relation(self, key: str) -> str:
        role_id, kind = parse_relation_key(key)
        title = self.roles.get(role_id, _("(gelöschte Rolle)"))
        return f"{RelationKind(kind).label} {title}"

    def field(self, spec: FieldSpec, value) -> str:
        if value is None or value == "":
            return ""
        if spec.kind == "role":
            return self.roles.get(value, _("(gelöschte Rolle)"))
        if spec.kind == "set":
            labels = dict(CompanySize.choices)
            return ", ".join(str(labels.get(code, code)) for code in value)
        if isinstance(value, bool):
            return _("ja") if value else _("nein")
        choices = Role._meta.get_field(spec.name).choices
        if choices:
            return str(dict(choices).get(value, value))
        return str(value)
