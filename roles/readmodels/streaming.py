"""Every role's data for tools that read the whole catalogue (the job-ad check's
index, the guide): plain values streamed in chunks, without what only a page
shows (facts, labels, the page's parts)."""

from __future__ import annotations

from roles.models import (
    Competency,
    Role,
    RoleCompetency,
    RoleRelation,
    RoleTask,
    Task,
    split_lines,
)
from roles.readmodels.shapes import (
    ROLE_URL,
    CompetencyEntry,
    EntryData,
    RoleData,
    TaskEntry,
    url_of,
)

ROLE_COLUMNS = (
    "pk",
    "slug",
    "title",
    "aliases",
    "family",
    "seniority",
    "parent__slug",
    "status",
    "position",
    "orientation",
    "company_sizes",
    "is_illustrative",
    "summary",
)


def iter_all_role_data(chunk: int = 2_000):
    """Every role's data without what only a page shows (facts and labels), for
    tools that read the whole catalogue: rows streamed as plain values in a
    fixed number of queries per chunk, no model instances (10,000 roles in
    about a second). Ordered by slug."""
    names = {
        **{
            ("task", s): (n, p, a)
            for s, n, p, a in Task.objects.values_list(
                "slug", "name", "plain_name", "area"
            )
        },
        **{
            ("competency", s): (n, p, k)
            for s, n, p, k in Competency.objects.values_list(
                "slug", "name", "plain_name", "kind"
            )
        },
    }
    rows = Role.objects.order_by("slug").values_list(*ROLE_COLUMNS)
    batch: list[tuple] = []
    for row in rows.iterator(chunk_size=chunk):
        batch.append(row)
        if len(batch) == chunk:
            yield from _lean_role_data(batch, names)
            batch = []
    if batch:
        yield from _lean_role_data(batch, names)


def _lean_role_data(rows: list[tuple], names: dict) -> list[RoleData]:
    ids = [row[0] for row in rows]
    tasks = _lean_tasks(ids, names)
    competencies = _lean_competencies(ids, names)
    kinds: dict[int, set[str]] = {pk: set() for pk in ids}
    for role_id, kind in RoleRelation.objects.filter(from_role_id__in=ids).values_list(
        "from_role_id", "kind"
    ):
        kinds[role_id].add(kind)
    return [
        _lean_role(row, tasks[row[0]], competencies[row[0]], kinds[row[0]])
        for row in rows
    ]


def _lean_tasks(ids: list[int], names: dict) -> dict[int, list[TaskEntry]]:
    tasks: dict[int, list[TaskEntry]] = {pk: [] for pk in ids}
    for role_id, slug, responsibility, note, illustrative in RoleTask.objects.filter(
        role_id__in=ids
    ).values_list("role_id", "task__slug", "responsibility", "note", "is_illustrative"):
        name, plain, area = names[("task", slug)]
        tasks[role_id].append(
            TaskEntry(
                slug, name, plain, area, "", responsibility, "", note, illustrative
            )
        )
    return tasks


def _lean_competencies(ids: list[int], names: dict) -> dict[int, list[CompetencyEntry]]:
    competencies: dict[int, list[CompetencyEntry]] = {pk: [] for pk in ids}
    for role_id, slug, level, essential in RoleCompetency.objects.filter(
        role_id__in=ids
    ).values_list("role_id", "competency__slug", "level", "is_essential"):
        name, plain, kind = names[("competency", slug)]
        competencies[role_id].append(
            CompetencyEntry(slug, name, plain, kind, "", level, "", essential)
        )
    return competencies


def _lean_role(row: tuple, tasks, competencies, kinds: set[str]) -> RoleData:
    (pk, slug, title, aliases, family, seniority, parent, status) = row[:8]
    (position, orientation, sizes, illustrative, summary) = row[8:]
    return RoleData(
        slug=slug,
        title=title,
        url=url_of(ROLE_URL, slug),
        summary=summary,
        orientation=orientation,
        orientation_label="",
        position=position,
        position_label="",
        company_sizes=tuple(sizes or ()),
        is_illustrative=illustrative,
        tasks=tuple(tasks),
        competencies=tuple(competencies),
        aliases=tuple(split_lines(aliases)),
        family=family,
        seniority=seniority,
        parent=parent or "",
        status=status,
        relation_kinds=frozenset(kinds),
    )


def load_entries() -> list[EntryData]:
    """All tasks and competencies with their phrases from job ads (two queries)."""
    fields = ("slug", "name", "plain_name", "ad_phrases")
    tasks = [
        EntryData(
            "task",
            t["slug"],
            t["name"],
            t["plain_name"],
            t["area"],
            tuple(split_lines(t["ad_phrases"])),
        )
        for t in Task.objects.order_by("slug").values(*fields, "area")
    ]
    competencies = [
        EntryData(
            "competency",
            c["slug"],
            c["name"],
            c["plain_name"],
            c["kind"],
            tuple(split_lines(c["ad_phrases"])),
        )
        for c in Competency.objects.order_by("slug").values(*fields, "kind")
    ]
    return [*tasks, *competencies]
