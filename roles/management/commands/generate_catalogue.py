"""Fill a database with a synthetic catalogue for load tests (`make bench`).

The roles are clearly synthetic (slug ``synthetisch-…``, marked illustrative) and
are made as the wiki makes roles: through the services, each as a first revision,
every tenth edited once more, with tasks, competencies and relations drawn at
random (seeded, so two runs make the same catalogue). It refuses a database that
holds anyone's edits: this is a tool for benchmark databases, not for real ones.
"""

from __future__ import annotations

import random

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from reversion.models import Revision

from roles.choices import CompanySize, Family, Level, Position, RelationKind
from roles.models import Competency, Role, Task
from roles.revisions.snapshots import relation_key, snapshot_of
from roles.services import create_role, save_role

PREFIX = "synthetisch-"
COMMENT = "Synthetischer Katalog für Lasttests"
SHIPPED_COMMENT = "Mitgelieferter Katalog"
TASKS_PER_ROLE = 15
COMPETENCIES_PER_ROLE = 12
EDIT_EVERY = 10
RESPONSIBILITIES = ["owns", "carries-out", "carries-out", "contributes", "excluded"]


class Command(BaseCommand):
    help = (
        "Füllt die Datenbank (DATABASE_URL) mit synthetischen Rollen für Lasttests. "
        "Verweigert Datenbanken, in denen jemand etwas bearbeitet hat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--roles", type=int, required=True, help="Anzahl (gesamt)")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, roles: int, seed: int, **options):
        if roles < 0:
            raise CommandError("--roles muss 0 oder größer sein.")
        if has_edits():
            raise CommandError(
                "Diese Datenbank enthält Bearbeitungen. Synthetische Rollen nur in "
                "eine eigene Datenbank für Lasttests (DATABASE_URL) schreiben."
            )
        call_command("load_catalogue", verbosity=0)
        made = generate(roles, seed)
        self.stdout.write(f"{made} synthetische Rollen angelegt.")


def has_edits() -> bool:
    """True when a revision exists that neither the shipped catalogue nor this
    command made."""
    return (
        Revision.objects.exclude(comment__startswith=SHIPPED_COMMENT)
        .exclude(comment__startswith=COMMENT)
        .exists()
    )


def generate(total: int, seed: int) -> int:
    """Add synthetic roles until ``total`` exist; returns how many were made."""
    existing = Role.objects.filter(slug__startswith=PREFIX).count()
    rng = random.Random(seed)
    tasks = list(Task.objects.order_by("slug").values_list("pk", flat=True))
    competencies = list(
        Competency.objects.order_by("slug").values_list("pk", flat=True)
    )
    base = snapshot_of(Role.objects.order_by("pk").first())
    made_ids = list(
        Role.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)
    )
    for number in range(existing + 1, total + 1):
        rng.seed(seed * 1_000_003 + number)  # role n is the same in every run
        snapshot = _snapshot(number, rng, base, tasks, competencies, made_ids)
        role = create_role(snapshot=snapshot, user=None, comment=COMMENT)
        made_ids.append(role.pk)
        if number % EDIT_EVERY == 0:
            edited = snapshot_of(role)
            edited["fields"]["summary"] += " Überarbeitet."
            save_role(
                role=role,
                snapshot=edited,
                base_number=role.revision_number,
                user=None,
                comment=f"{COMMENT}: zweite Fassung",
            )
    return max(0, total - existing)


def _snapshot(number, rng, base, tasks, competencies, earlier_ids) -> dict:
    # The order of the draws stays as it was: the same seed, the same catalogue.
    snapshot = {
        "fields": _fields(number, rng, base),
        **_assignments(rng, tasks, competencies),
        "relations": {},
    }
    for to_id in rng.sample(earlier_ids, min(2, len(earlier_ids))):
        key = relation_key(to_id, RelationKind.COLLABORATES)
        snapshot["relations"][key] = {"description": ""}
    return snapshot


def _fields(number, rng, base) -> dict:
    return {
        **base["fields"],
        "slug": f"{PREFIX}{number:05d}",
        "title": f"Synthetische Rolle {number:05d}",
        "aliases": "",
        "parent": None,
        "family": rng.choice(Family.values),
        "summary": f"Synthetische Rolle {number} für Lasttests, keine echte Rolle.",
        "definition": "Synthetisch erzeugt.",
        "orientation": rng.randint(0, 10),
        "position": rng.choice(Position.values),
        "company_sizes": rng.sample(CompanySize.values, rng.randint(1, 3)),
        "is_illustrative": True,
        "is_protected": False,
        "status": "draft",
        "seniority": "none",
        "placement": "",
        "industries": "",
        "salary_min": None,
        "salary_max": None,
        "salary_source": "",
        "backgrounds": "",
        "certificates": "",
        "goals": "",
        "sources": "Synthetisch erzeugt (manage.py generate_catalogue).",
    }


def _assignments(rng, tasks, competencies) -> dict:
    return {
        "tasks": {
            str(pk): {
                "responsibility": rng.choice(RESPONSIBILITIES),
                "note": "",
                "is_illustrative": True,
            }
            for pk in rng.sample(tasks, min(TASKS_PER_ROLE, len(tasks)))
        },
        "competencies": {
            str(pk): {
                "level": rng.choice(Level.values),
                "is_essential": rng.random() < 0.7,
                "note": "",
                "is_illustrative": True,
            }
            for pk in rng.sample(
                competencies, min(COMPETENCIES_PER_ROLE, len(competencies))
            )
        },
    }
