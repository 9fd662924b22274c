"""What each source is, under which licence, and the credit line it requires."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _

from taxonomies.models import Scheme, Source


@dataclass(frozen=True)
class SourceInfo:
    source: str
    name: str
    licence: str
    licence_url: str
    version_pattern: str
    """What a version number of this source looks like (``--version``)."""
    home_url: str

    def attribution(self, version: str) -> str:
        """The credit line the publisher asks for, in its own (English) wording."""
        if self.source == Source.ONET:
            return (
                f"This page includes information from the O*NET {version} Database "
                "by the U.S. Department of Labor, Employment and Training "
                "Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
                "O*NET® is a trademark of USDOL/ETA."
            )
        return (
            f"This service uses the ESCO classification (version {version}) of the "
            "European Commission."
        )


SOURCES = {
    Source.ESCO: SourceInfo(
        Source.ESCO,
        "ESCO",
        "European Commission reuse policy (Decision 2011/833/EU), CC BY 4.0",
        "https://esco.ec.europa.eu/en/about-esco/data-science-and-esco/esco-licence",
        r"\d+\.\d+(\.\d+)?",
        "https://esco.ec.europa.eu/",
    ),
    Source.ONET: SourceInfo(
        Source.ONET,
        "O*NET",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        r"\d+\.\d+",
        "https://www.onetcenter.org/database.html",
    ),
}

ATTRIBUTION_NOTE = _(
    "Auszüge unverändert; Auswahl und Anordnung durch Berufsbild. Die Herausgeber "
    "haben diese Zusammenstellung nicht geprüft."
)
"""O*NET asks for a note when its data is shown modified; a selection is one."""

SOURCE_OF_SCHEME = {
    Scheme.ESCO: Source.ESCO,
    Scheme.ISCO: Source.ESCO,
    Scheme.ONET: Source.ONET,
}


def valid_version(source: str, version: str) -> bool:
    return re.fullmatch(SOURCES[source].version_pattern, version or "") is not None


def version_key(version: str) -> tuple[int, ...]:
    """``1.10.0`` after ``1.2.0``: versions compare number by number."""
    return tuple(int(part) for part in version.split("."))


def concept_url(scheme: str, code: str) -> str:
    """Where a person reads the concept at its publisher; '' where none exists."""
    if scheme == Scheme.ESCO:
        return "https://esco.ec.europa.eu/en/classification/occupation?uri=" + quote(
            code, safe=""
        )
    if scheme == Scheme.ONET:
        return f"https://www.onetonline.org/link/summary/{quote(code)}"
    if scheme == Scheme.ISCO:
        return "https://esco.ec.europa.eu/en/classification/occupation?uri=" + quote(
            f"http://data.europa.eu/esco/isco/C{code}", safe=""
        )
    return ""
