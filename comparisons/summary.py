"""The plain-language summary above a comparison, generated from the role data.

Sentences say what the roles share, what only one does (and the others explicitly
do not), where they split a task differently, and how they work together.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comparisons.tables import Audience, SummaryPoint
from roles.choices import Responsibility
from roles.readmodels import RoleData, TaskEntry, is_doing

LIST_LIMIT = 1_000
"""Lists are spelled out in full: "und 5 weitere" hid what a reader needs."""
EXAMPLE_LIMIT = 3


def summarise(roles: Sequence[RoleData], audience: Audience) -> list[SummaryPoint]:
    """Full German sentences for the comparison's summary box, most telling first."""
    tasks = [{entry.slug: entry for entry in role.tasks} for role in roles]
    points = [_profiles(roles)]
    points += _shared(roles, tasks, audience)
    for index in range(len(roles)):
        points += _only_this_role(index, roles, tasks, audience)
    points += _done_differently(roles, tasks, audience)
    points += _together(roles)
    return points


def quoted(text: str) -> str:
    """Quotation marks of the UI language around a name."""
    return _("„%(text)s“") % {"text": text}


def join_words(items: Sequence[str], limit: int = LIST_LIMIT) -> str:
    """'a, b und c'; beyond ``limit`` items: 'a, b und 4 weitere'."""
    items = list(items)
    if len(items) > limit:
        rest = len(items) - limit + 1
        items = [*items[: limit - 1], _("%(count)s weitere") % {"count": rest}]
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s und %(last)s") % {
        "first": ", ".join(items[:-1]),
        "last": items[-1],
    }


def _name(entry: TaskEntry, audience: Audience) -> str:
    """The task's name as the table words it, marked where it is only an example."""
    name = quoted(entry.plain_name if audience == Audience.PLAIN else entry.name)
    if entry.is_illustrative:
        return _("%(name)s (beispielhaft)") % {"name": name}
    return name


def _profiles(roles: Sequence[RoleData]) -> SummaryPoint:
    parts = [
        _("%(role)s %(orientation)s, %(position)s")
        % {
            "role": quoted(r.title),
            "orientation": r.orientation_label,
            "position": r.position_label,
        }
        for r in roles
    ]
    return SummaryPoint(
        "profile", _("So arbeiten die Rollen: %(parts)s.") % {"parts": "; ".join(parts)}
    )


def _shared(roles, tasks, audience) -> list[SummaryPoint]:
    common = [
        entry
        for slug, entry in tasks[0].items()
        if all(is_doing(by_role.get(slug)) for by_role in tasks)
    ]
    points = []
    if common:
        names = join_words([_name(e, audience) for e in common])
        points.append(
            SummaryPoint(
                "shared", _("Daran sind alle beteiligt: %(tasks)s.") % {"tasks": names}
            )
        )
    else:
        points.append(
            SummaryPoint("shared", _("Keine Aufgabe übernehmen alle Rollen gemeinsam."))
        )
    # The wording of the table below: plain names for companies, expert names else.
    competencies = [
        entry.plain_name if audience == Audience.PLAIN else entry.name
        for entry in roles[0].competencies
        if all(any(c.slug == entry.slug for c in r.competencies) for r in roles[1:])
    ]
    if competencies:
        text = _("Alle brauchen – wenn auch teils auf anderer Stufe: %(list)s.") % {
            "list": join_words([quoted(c) for c in competencies])
        }
        points.append(SummaryPoint("shared", text))
    return points


def _only_this_role(index, roles, tasks, audience) -> list[SummaryPoint]:
    role, others = roles[index], [t for i, t in enumerate(tasks) if i != index]
    mine = [e for e in tasks[index].values() if is_doing(e)]
    only = [e for e in mine if not any(is_doing(o.get(e.slug)) for o in others)]
    excluded = [e for e in only if all(_excludes(o.get(e.slug)) for o in others)]
    rest = [e for e in only if e not in excluded]
    points = []
    if excluded:
        other_titles = join_words(
            [quoted(r.title) for i, r in enumerate(roles) if i != index]
        )
        text = ngettext(
            "Nur %(role)s übernimmt %(tasks)s – %(others)s ausdrücklich nicht.",
            "Nur %(role)s übernimmt %(tasks)s – %(others)s ausdrücklich nicht.",
            len(roles) - 1,
        ) % {
            "role": quoted(role.title),
            "tasks": join_words([_name(e, audience) for e in excluded]),
            "others": other_titles,
        }
        points.append(SummaryPoint("excluded", text))
    if rest:
        lead = _("Außerdem nur bei %(role)s") if excluded else _("Nur bei %(role)s")
        text = _("%(lead)s: %(tasks)s.") % {
            "lead": lead % {"role": quoted(role.title)},
            "tasks": join_words([_name(e, audience) for e in rest]),
        }
        points.append(SummaryPoint("only", text))
    return points


def _excludes(entry: TaskEntry | None) -> bool:
    return entry is not None and entry.responsibility == Responsibility.EXCLUDED


def _done_differently(roles, tasks, audience) -> list[SummaryPoint]:
    """Tasks all roles take part in, split differently or done in their own way."""
    split, own_way = [], []
    for slug in tasks[0]:
        entries = [by_role.get(slug) for by_role in tasks]
        if not all(is_doing(e) for e in entries):
            continue
        if len({e.responsibility for e in entries}) > 1:
            split.append(entries)
        elif all(e.note for e in entries) and len({e.note for e in entries}) > 1:
            own_way.append(entries)
    points = [
        _split_sentence(roles, entries, audience) for entries in split[:EXAMPLE_LIMIT]
    ]
    points += [
        _own_way_sentence(roles, entries, audience)
        for entries in own_way[:EXAMPLE_LIMIT]
    ]
    return points


def _split_sentence(roles, entries, audience) -> SummaryPoint:
    who = ", ".join(
        f"{quoted(role.title)} {entry.responsibility_label}"
        for role, entry in zip(roles, entries, strict=True)
    )
    text = _("Unterschiedlich verteilt ist %(task)s: %(who)s.") % {
        "task": _name(entries[0], audience),
        "who": who,
    }
    return SummaryPoint("differently", text)


def _own_way_sentence(roles, entries, audience) -> SummaryPoint:
    how = "; ".join(
        f"{quoted(role.title)}: {entry.note.rstrip('.')}"
        for role, entry in zip(roles, entries, strict=True)
    )
    text = _("Dieselbe Aufgabe, anders erledigt – %(task)s. %(how)s.") % {
        "task": _name(entries[0], audience),
        "how": how,
    }
    return SummaryPoint("differently", text)


def _together(roles: Sequence[RoleData]) -> list[SummaryPoint]:
    titles = {role.slug: role.title for role in roles}
    points = []
    for role in roles:
        for relation in role.relations:
            if relation.to_slug not in titles:
                continue
            other = quoted(titles[relation.to_slug])
            text = f"{quoted(role.title)} {relation.kind_label} {other}"
            text += f": {relation.description}" if relation.description else "."
            points.append(SummaryPoint("together", text))
    if not points:
        points.append(
            SummaryPoint(
                "together",
                _("Zwischen diesen Rollen sind keine Schnittstellen erfasst."),
            )
        )
    return points
