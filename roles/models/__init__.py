"""The roles app's models, one module per part of the wiki:

- ``role``: the role itself, and the slugs it had before a renaming;
- ``catalogue``: tasks and competencies, shared by many roles;
- ``assignments``: a role's tasks, competencies and relations to other roles;
- ``classifications``: a role's official codes;
- ``proposals``: change proposals and the steps of their review;
- ``search``: the words the search corrects typos with.

Import them from here (``from roles.models import Role``).
"""

from roles.models.assignments import (
    PairManager,
    RoleCompetency,
    RoleCompetencyManager,
    RoleRelation,
    RoleRelationManager,
    RoleTask,
    RoleTaskManager,
)
from roles.models.catalogue import (
    CatalogueEntry,
    Competency,
    SlugNaturalKeyManager,
    Task,
)
from roles.models.classifications import (
    CLASSIFICATION_CODE_PATTERNS,
    RoleClassification,
    classification_code_error,
)
from roles.models.proposals import ChangeProposal, ReviewEvent
from roles.models.role import (
    AD_PHRASES_MAX_LENGTH,
    DEFINITION_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    Role,
    RoleOldSlug,
    split_lines,
)
from roles.models.search import SearchTerm

__all__ = [
    "AD_PHRASES_MAX_LENGTH",
    "CLASSIFICATION_CODE_PATTERNS",
    "DEFINITION_MAX_LENGTH",
    "NOTE_MAX_LENGTH",
    "SUMMARY_MAX_LENGTH",
    "CatalogueEntry",
    "ChangeProposal",
    "Competency",
    "PairManager",
    "ReviewEvent",
    "Role",
    "RoleClassification",
    "RoleCompetency",
    "RoleCompetencyManager",
    "RoleOldSlug",
    "RoleRelation",
    "RoleRelationManager",
    "RoleTask",
    "RoleTaskManager",
    "SearchTerm",
    "SlugNaturalKeyManager",
    "Task",
    "classification_code_error",
    "split_lines",
]
