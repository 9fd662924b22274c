"""One import from start to end: parse the files, then store the difference."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from roles.models import Role
from taxonomies.importers.esco import parse_esco
from taxonomies.importers.files import ImportFileError, Progress
from taxonomies.importers.onet import parse_onet
from taxonomies.importers.store import SCHEMES, ImportRefused, ImportResult, store
from taxonomies.matching import Proposal, proposals
from taxonomies.models import Concept, Source
from taxonomies.sources import valid_version

LANGUAGES = ("de", "en")


def import_taxonomy(
    source: str,
    path: Path,
    *,
    version: str,
    language: str = "de",
    progress: Progress,
    relations: Path | None = None,
    skills: Path | None = None,
) -> ImportResult:
    """Raises ImportFileError (file, line, column) or ImportRefused; either way
    nothing is written."""
    if not valid_version(source, version):
        raise ImportRefused(
            _(
                "„%(version)s“ ist keine Versionsnummer von %(source)s "
                "(etwa %(example)s)."
            )
            % {
                "version": version,
                "source": Source(source).label,
                "example": "1.2.0" if source == Source.ESCO else "29.3",
            }
        )
    if not path.exists():
        raise ImportFileError(str(path), None, None, _("Datei oder Ordner fehlt."))
    if source == Source.ESCO:
        if language not in LANGUAGES:
            raise ImportRefused(
                _("Sprache „%(language)s“: erwartet de oder en.")
                % {"language": language}
            )
        parsed = parse_esco(
            path,
            version=version,
            language=language,
            progress=progress,
            relations=relations,
            skills=skills,
        )
    else:
        parsed = parse_onet(path, version=version, progress=progress)
    return store(parsed)


def proposals_for(source: str) -> list[Proposal]:
    """Roles whose title or alias is a label of one of the source's concepts."""
    roles = Role.objects.values_list("slug", "title", "aliases").iterator(2_000)
    concepts = (
        Concept.objects.filter(scheme__in=SCHEMES[source])
        .exclude(label_keys="")
        .values_list("scheme", "code", "labels", "alt_labels")
        .iterator(2_000)
    )
    return proposals(roles, concepts)
