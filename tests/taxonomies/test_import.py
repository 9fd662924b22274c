"""Importing ESCO and O*NET from files as published: the traps, the second run,
newer versions, and malformed files that leave the database as it was."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from django.core.management.base import CommandError
from openpyxl import Workbook

from roles.models import Role
from taxonomies.models import (
    Concept,
    ConceptChange,
    ConceptSkill,
    ConceptTask,
    TaxonomyImport,
)
from tests.taxonomies.helpers import (
    ESCO,
    OCM_URI,
    ONET,
    SMM_URI,
    copy_of,
    database_state,
    import_esco,
    import_onet,
)

pytestmark = pytest.mark.django_db


def test_esco_import_reads_every_trap_of_the_published_csv():
    output = import_esco()
    smm = Concept.objects.get(scheme="esco", code=SMM_URI)
    # The file starts with a BOM: the first column is still found by its name.
    assert smm.labels == {"de": "Social-Media-Manager/Social-Media-Managerin"}
    # Several alternative labels in one quoted field, one per line.
    assert smm.alt_labels["de"] == [
        "Social Media Manager",
        "Social-Media-Verantwortliche/Social-Media-Verantwortlicher",
        "Social Media Managerin",
    ]
    assert smm.hidden_labels == {"de": ["Socialmedia Manager"]}
    assert smm.notation == "2431.7" and smm.group_code == "2431"
    # ISCO codes are strings: the armed forces' group keeps its leading zero.
    officer = Concept.objects.get(scheme="esco", notation="0110.1")
    assert officer.group_code == "0110"
    assert Concept.objects.get(scheme="isco", code="0110").label() == (
        "Offiziere in regulären Streitkräften"
    )
    assert "Konzepte: 8 neu, 0 geändert, 0 unverändert." in output
    # Relations: essential and optional, labels from the skills file.
    relations = dict(
        ConceptSkill.objects.filter(concept=smm).values_list("labels__de", "relation")
    )
    assert relations == {
        "Marketingstrategien für soziale Medien entwickeln": "essential",
        "Techniken der Web-Analyse": "essential",
        "Werbebudgets verwalten": "optional",
    }
    # A relation to an occupation the file does not have is skipped, with the reason.
    assert (
        "Übersprungen: 1 – Beziehung zu einem Beruf, der nicht in der Datei steht"
        in output
    )


def test_one_synonym_on_two_occupations_is_proposed_for_both_and_decided_for_none():
    role = Role.objects.get(slug="social-media-manager")
    before = role.revision_number
    output = import_esco()
    assert f"Social Media Manager → ESCO-Beruf {SMM_URI}" in output
    assert f"Social Media Manager → ESCO-Beruf {OCM_URI}" in output
    role.refresh_from_db()
    assert role.revision_number == before
    assert not role.classifications.exists()


def test_onet_import_reads_tasks_titles_and_rating_pairs():
    output = import_onet()
    specialists = Concept.objects.get(scheme="onet", code="27-3031.00")
    assert specialists.alt_labels == {
        "en": ["Social Media Manager", "Community Manager"]
    }
    kinds = dict(specialists.tasks.values_list("task_id", "kind"))
    assert kinds == {"10101": "core", "10102": ""}  # an empty task type stays empty
    writing = specialists.skills.get(skill_code="2.A.1.c")
    assert (writing.importance, writing.level) == (Decimal("4.25"), Decimal("4.62"))
    # "Not Relevant" and "Recommend Suppress" rows are kept, and flagged.
    programming = ConceptSkill.objects.get(skill_code="2.B.3.e")
    assert programming.not_relevant and not programming.suppress
    assert programming.level == Decimal("0.12")
    perceptiveness = ConceptSkill.objects.get(skill_code="2.B.1.a")
    assert perceptiveness.suppress and not perceptiveness.not_relevant
    # An occupation without any ratings is imported with its tasks and no skills.
    poets = Concept.objects.get(scheme="onet", code="27-3043.05")
    assert poets.tasks.count() == 1 and not poets.skills.exists()
    # "Social Media Manager" is an alternate title of three occupations: all shown.
    for code in ("11-2032.00", "27-3031.00", "13-1161.01"):
        assert f"Social Media Manager → O*NET-Beruf {code}" in output
    record = TaxonomyImport.objects.get(source="onet")
    assert record.version == "29.3" and "CC BY 4.0" in record.attribution
    assert "O*NET 29.3 Database" in record.attribution
    assert {f["name"] for f in record.files} == {
        "Occupation Data.txt",
        "Alternate Titles.txt",
        "Task Statements.txt",
        "Scales Reference.txt",
        "Skills.txt",
    }
    assert all(len(f["sha256"]) == 64 for f in record.files)


def test_a_second_run_of_the_same_files_changes_nothing():
    import_esco()
    import_onet()
    before = database_state()
    esco_again, onet_again = import_esco(), import_onet()
    assert database_state() == before
    assert "Nichts geändert: 8 Konzepte" in esco_again
    assert "Nichts geändert: 4 Konzepte" in onet_again
    assert TaxonomyImport.objects.count() == 2


def test_the_other_language_adds_its_labels_to_the_same_concepts(tmp_path):
    import_esco()
    english = copy_of(ESCO, tmp_path)
    for name in ("occupations", "ISCOGroups", "skills", "occupationSkillRelations"):
        source = english / f"{name}_de.csv"
        source.rename(english / f"{name}_en.csv")
    path = english / "occupations_en.csv"
    path.write_text(
        path.read_text(encoding="utf-8-sig").replace(
            "Social-Media-Manager/Social-Media-Managerin", "social media manager"
        ),
        encoding="utf-8",
    )
    import_esco(english, language="en")
    smm = Concept.objects.get(scheme="esco", code=SMM_URI)
    assert smm.labels == {
        "de": "Social-Media-Manager/Social-Media-Managerin",
        "en": "social media manager",
    }
    assert Concept.objects.filter(scheme="esco").count() == 4


def test_a_newer_version_updates_in_place_and_records_what_changed(tmp_path):
    import_onet()
    ids = dict(Concept.objects.values_list("code", "pk"))
    newer = copy_of(ONET, tmp_path)
    data = newer / "Occupation Data.txt"
    data.write_text(
        data.read_text().replace(
            "Search Marketing Strategists", "Search Marketing Leads"
        ),
    )
    tasks = newer / "Task Statements.txt"
    lines = tasks.read_text().splitlines(keepends=True)
    tasks.write_text("".join(line for line in lines if "\t10003\t" not in line))
    output = import_onet(newer, version="30.0")
    assert dict(Concept.objects.values_list("code", "pk")) == ids  # in place
    lead = Concept.objects.get(code="13-1161.01")
    assert lead.labels == {"en": "Search Marketing Leads"}
    assert lead.source_version == "30.0"
    change = ConceptChange.objects.get(concept=lead)
    assert change.fields["labels"] == [
        {"en": "Search Marketing Strategists"},
        {"en": "Search Marketing Leads"},
    ]
    assert change.taxonomy_import.version == "30.0"
    assert not ConceptTask.objects.filter(task_id="10003").exists()
    assert "Konzepte: 0 neu, 1 geändert, 3 unverändert." in output
    assert "Aufgaben: 0 neu, 0 geändert, 1 entfernt" in output


def test_an_older_version_is_refused():
    import_onet(version="29.3")
    before = database_state()
    with pytest.raises(
        CommandError, match="29.1 ist älter als die schon importierte 29.3"
    ):
        import_onet(version="29.1")
    assert database_state() == before


def test_skills_may_come_as_xlsx(tmp_path):
    folder = copy_of(ONET, tmp_path)
    text = folder / "Skills.txt"
    book = Workbook()
    sheet = book.active
    with text.open(newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            sheet.append(row)
    book.save(folder / "Skills.xlsx")
    text.unlink()
    import_onet(folder)
    writing = ConceptSkill.objects.get(skill_code="2.A.1.c")
    assert (writing.importance, writing.level) == (Decimal("4.25"), Decimal("4.62"))
    assert ConceptSkill.objects.count() == 6


def test_imports_never_touch_the_curated_roles():
    roles = list(Role.objects.order_by("pk").values())
    import_esco()
    import_onet()
    assert list(Role.objects.order_by("pk").values()) == roles


# --- malformed files: a message naming file, line and column; nothing imported ---


def _break(tmp_path, source, name: str, change) -> object:
    folder = copy_of(source, tmp_path)
    path = folder / name
    path.write_bytes(change(path.read_bytes()))
    return folder


MALFORMED = [
    pytest.param(
        ESCO,
        "occupations_de.csv",
        lambda b: b.replace(b"Offizier/Offizierin", b"Offizier\xff"),
        r"occupations_de.csv, Zeile 8, Spalte „preferredLabel“: Kein gültiges UTF-8",
        id="invalid-utf8",
    ),
    pytest.param(
        ESCO,
        "occupations_de.csv",
        lambda b: b[: b.rindex(b"Online-Redakteurin")],
        r"occupations_de.csv, Zeile 9: .*abgeschnitten",
        id="truncated-inside-a-quoted-field",
    ),
    pytest.param(
        ESCO,
        "occupations_de.csv",
        lambda b: b.replace(b",", b";"),
        r"occupations_de.csv, Zeile 1: Falsches Trennzeichen: erwartet Komma, die Datei nutzt Semikolon",
        id="wrong-delimiter",
    ),
    pytest.param(
        ESCO,
        "occupations_de.csv",
        lambda b: b.replace(b"preferredLabel", b"label"),
        r"occupations_de.csv, Zeile 1, Spalte „preferredLabel“: Die Spalten passen nicht zu ESCO-Berufen",
        id="unknown-column-set",
    ),
    pytest.param(
        ESCO,
        "occupations_de.csv",
        lambda b: b.replace(
            b"0a1b2c3d-4444-4aaa-8bbb-000000000004",
            b"0a1b2c3d-1111-4aaa-8bbb-000000000001",
        ),
        r"occupations_de.csv, Zeile 9, Spalte „conceptUri“: Dieser Beruf steht zweimal",
        id="duplicate-code",
    ),
    pytest.param(
        ONET,
        "Task Statements.txt",
        lambda b: b.replace(b"\tSupplemental\t", b"\tOptional\t"),
        r"Task Statements.txt, Zeile 4, Spalte „Task Type“: „Optional“: erwartet Core",
        id="unknown-task-type",
    ),
    pytest.param(
        ONET,
        "Skills.txt",
        lambda b: b.replace(b"\tLV\t4.62\t", b"\tLV\t9.5\t"),
        r"Skills.txt, Zeile 9, Spalte „Data Value“: 9.5 liegt außerhalb der Skala",
        id="rating-outside-its-scale",
    ),
    pytest.param(
        ONET,
        "Skills.txt",
        lambda b: b[: b.rindex(b"\tLV\t")],
        r"Skills.txt, Zeile 13, Spalte „Scale ID“: Die Zeile hat 4 statt 14 Felder",
        id="truncated-row",
    ),
    pytest.param(
        ONET,
        "Occupation Data.txt",
        lambda b: b.replace(b"27-3043.05", b"27-3031.00"),
        r"Occupation Data.txt, Zeile 5, Spalte „O\*NET-SOC Code“: Dieser Beruf steht zweimal",
        id="duplicate-occupation",
    ),
    pytest.param(
        ONET,
        "Occupation Data.txt",
        lambda b: b.replace(b"\t", b","),
        r"Occupation Data.txt, Zeile 1: Falsches Trennzeichen: erwartet Tabulator, die Datei nutzt Komma",
        id="onet-with-commas",
    ),
]


@pytest.mark.parametrize(("source", "name", "change", "message"), MALFORMED)
def test_a_malformed_file_names_file_line_and_column_and_imports_nothing(
    tmp_path, source, name, change, message
):
    import_esco()
    import_onet()
    before = database_state()
    folder = _break(tmp_path, source, name, change)
    with pytest.raises(CommandError, match=message) as raised:
        if source == ESCO:
            import_esco(folder, version="1.2.1")
        else:
            import_onet(folder, version="29.4")
    assert "Nichts importiert." in str(raised.value)
    assert database_state() == before


def test_a_failure_in_a_later_file_leaves_nothing_of_the_earlier_ones(tmp_path):
    # Occupation Data is fine and read first; the broken Skills file comes last.
    folder = _break(
        tmp_path, ONET, "Skills.txt", lambda b: b.replace(b"\t4.12\t", b"\tviel\t")
    )
    with pytest.raises(CommandError, match=r"Skills.txt, Zeile 2, Spalte „Data Value“"):
        import_onet(folder)
    assert not Concept.objects.exists() and not TaxonomyImport.objects.exists()


def test_the_wrong_source_is_named(tmp_path):
    with pytest.raises(CommandError, match="„Occupation Data.txt“ fehlt im Ordner"):
        import_onet(ESCO)
    with pytest.raises(CommandError, match="Keine ESCO-Berufsdatei"):
        import_esco(ONET)
    with pytest.raises(CommandError, match="ist keine Versionsnummer von O\\*NET"):
        import_onet(version="neu")
    assert not Concept.objects.exists()


def test_progress_is_reported_per_thousand_rows(tmp_path):
    folder = copy_of(ONET, tmp_path)
    data = folder / "Occupation Data.txt"
    lines = data.read_text().splitlines(keepends=True)
    extra = [
        f"99-{n:04d}.00\tGenerated {n}\tA generated occupation.\r\n"
        for n in range(2100)
    ]
    data.write_text("".join([*lines, *extra]))
    output = import_onet(folder)
    assert "Occupation Data.txt: 1.000 Zeilen" in output
    assert "Occupation Data.txt: 2.000 Zeilen" in output
    assert Concept.objects.get(code="99-0042.00").labels == {"en": "Generated 42"}


def test_two_imports_of_one_source_at_once_import_once(transactional_db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("true concurrency needs PostgreSQL")
    import threading

    from django.db import connections

    from taxonomies.importers.run import import_taxonomy

    results, errors = [], []

    def run() -> None:
        try:
            results.append(
                import_taxonomy("onet", ONET, version="29.3", progress=lambda *a: None)
            )
        except Exception as error:  # noqa: BLE001 (the test reports any failure)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(r.changed_anything for r in results) == [False, False, False, True]
    assert TaxonomyImport.objects.count() == 1 and Concept.objects.count() == 4


def test_the_occupations_file_alone_with_its_relations_named(tmp_path):
    from tests.taxonomies.helpers import run_import

    output = run_import(
        "esco",
        str(ESCO / "occupations_de.csv"),
        "--version",
        "1.2.0",
        "--relations",
        str(ESCO / "occupationSkillRelations_de.csv"),
        "--skills",
        str(ESCO / "skills_de.csv"),
    )
    assert "Konzepte: 4 neu" in output  # no ISCO file given: occupations only
    assert ConceptSkill.objects.filter(concept__code=SMM_URI).count() == 3


def test_a_file_of_another_language_is_refused(tmp_path):
    folder = copy_of(ESCO, tmp_path)
    (folder / "occupations_de.csv").rename(folder / "occupations_en.csv")
    with pytest.raises(
        CommandError, match="occupations_en.csv: Die Datei ist in der Sprache „en“"
    ):
        import_esco(folder / "occupations_en.csv", language="de")
    assert not Concept.objects.exists()
