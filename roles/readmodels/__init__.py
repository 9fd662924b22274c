"""The read model: a role as plain data, the one shape everything reads.

The role page, comparison, exports, verdict, API, job-ad check and guide read
``RoleData`` (``shapes``), loaded by ``load_role_data`` (``loading``) or, for
tools that read the whole catalogue, streamed by ``iter_all_role_data``
(``streaming``). Built in a fixed number of queries; the dataclasses need no
database, so engines and exporters test without one.
"""

from roles.readmodels.loading import (
    comparison_facts,
    competency_entry,
    fact_of,
    load_role_data,
    page_facts,
    relation_entry,
    role_data,
    role_data_of,
    task_entry,
)
from roles.readmodels.shapes import (
    COMPETENCY_URL,
    DOING,
    ROLE_URL,
    TASK_URL,
    ClassificationEntry,
    CompetencyEntry,
    EntryData,
    Fact,
    RelationEntry,
    RoleData,
    TaskEntry,
    is_doing,
)
from roles.readmodels.streaming import iter_all_role_data, load_entries

__all__ = [
    "COMPETENCY_URL",
    "DOING",
    "ROLE_URL",
    "TASK_URL",
    "ClassificationEntry",
    "CompetencyEntry",
    "EntryData",
    "Fact",
    "RelationEntry",
    "RoleData",
    "TaskEntry",
    "comparison_facts",
    "competency_entry",
    "fact_of",
    "is_doing",
    "iter_all_role_data",
    "load_entries",
    "load_role_data",
    "page_facts",
    "relation_entry",
    "role_data",
    "role_data_of",
    "task_entry",
]
