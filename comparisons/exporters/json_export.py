"""JSON in a documented, stable shape (see README, "Exportformate").

``format``/``version`` name the shape; keys are only ever added, never renamed.
"""

from __future__ import annotations

import json

from comparisons.exporters.base import export_date, title_line
from comparisons.tables import ComparisonTable

FORMAT_NAME = "berufsbild.comparison"
FORMAT_VERSION = 1


def as_document(table: ComparisonTable) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "date": export_date(),
        "audience": table.audience.value,
        "only_differences": table.only_differences,
        "key_differences_only": table.key_only,
        "verdict": table.verdict_text,
        "title": title_line(table),
        "intro": table.intro_text,
        "roles": [
            {
                "slug": r.slug,
                "title": r.title,
                "url": r.url,
                "is_illustrative": r.is_illustrative,
            }
            for r in table.roles
        ],
        "key_differences": [row.key for row in table.key_differences],
        "summary": [{"kind": p.kind, "text": p.text} for p in table.summary],
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "rows": [
                    {
                        "key": row.key,
                        "label": row.label,
                        "difference": row.difference.value,
                        "difference_label": row.difference_label,
                        "weight": row.weight,
                        "cells": [
                            {
                                "role": role.slug,
                                "text": c.text,
                                "note": c.note,
                                "code": c.code,
                                "is_illustrative": c.is_illustrative,
                            }
                            for role, c in zip(table.roles, row.cells, strict=True)
                        ],
                    }
                    for row in section.rows
                ],
            }
            for section in table.sections
        ],
    }


def render_json(table: ComparisonTable) -> bytes:
    return json.dumps(as_document(table), ensure_ascii=False, indent=2).encode("utf-8")
