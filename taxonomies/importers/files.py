"""Reading published data files, with errors that name file, line and column.

Every reader takes the file whole (the largest, O*NET's skills, is a few MB),
checks its encoding and header first, and yields rows as dicts keyed by column
name together with the line they start on. Columns are found by name: releases
add, drop and reorder columns, so only the ones an importer needs must exist.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

csv.field_size_limit(16 * 1024 * 1024)
PROGRESS_EVERY = 1_000
DELIMITER_NAMES = {
    ",": gettext_lazy("Komma"),
    "\t": gettext_lazy("Tabulator"),
    ";": gettext_lazy("Semikolon"),
}


class ImportFileError(Exception):
    """A file that cannot be imported as it is; nothing of the import is kept."""

    def __init__(self, file: str, line: int | None, column: str | None, message: str):
        self.file, self.line, self.column, self.message = file, line, column, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(_("Zeile %(line)s") % {"line": self.line})
        if self.column:
            where.append(_("Spalte „%(column)s“") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}"


@dataclass
class FileRead:
    """What an import records about a file it read."""

    name: str
    sha256: str
    rows: int = 0

    def as_dict(self) -> dict:
        return {"name": self.name, "sha256": self.sha256, "rows": self.rows}


@dataclass
class Row:
    line: int
    values: dict[str, str]
    file: str = field(repr=False, default="")

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")

    def fail(self, column: str | None, message: str) -> ImportFileError:
        return ImportFileError(self.file, self.line, column, message)


Progress = Callable[[str, int], None]


def _no_progress(name: str, rows: int) -> None:
    pass


def read_table(
    path: Path,
    *,
    required: set[str],
    kind: str,
    progress: Progress = _no_progress,
    delimiter: str | None = None,
) -> tuple[FileRead, Iterator[Row]]:
    """A delimited text file (``.csv`` with commas unless told, ``.txt`` with tabs)
    or an ``.xlsx`` sheet. ``kind`` names what the file should be, for errors."""
    data = path.read_bytes()
    info = FileRead(path.name, hashlib.sha256(data).hexdigest())
    if path.suffix.lower() == ".xlsx":
        return info, _xlsx_rows(path, info, required, kind, progress)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".txt" else ","
    text = _decode(path.name, data, delimiter)
    return info, _text_rows(text, info, required, kind, delimiter, progress)


def _decode(name: str, data: bytes, delimiter: str) -> str:
    if not data.strip():
        raise ImportFileError(name, 1, None, _("Die Datei ist leer."))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        header = data[: data.find(b"\n")].decode("utf-8", "replace").split(delimiter)
        index = data[line_start : error.start].count(delimiter.encode())
        column = header[index].strip('"\r ') if index < len(header) else None
        raise ImportFileError(
            name,
            line,
            column,
            _(
                "Kein gültiges UTF-8 (Byte %(byte)s). Bitte die Datei als UTF-8 "
                "speichern."
            )
            % {"byte": f"0x{data[error.start]:02x}"},
        ) from error


def _check_header(
    name: str, header: list[str], required: set[str], kind: str, delimiter: str | None
) -> None:
    seen = set()
    for column in header:
        if column in seen and column:
            raise ImportFileError(
                name, 1, column, _("Diese Spalte steht zweimal in der Kopfzeile.")
            )
        seen.add(column)
    missing = sorted(required - seen)
    if not missing:
        return
    if delimiter and len(header) == 1:
        for other, other_name in DELIMITER_NAMES.items():
            if other != delimiter and other in header[0]:
                raise ImportFileError(
                    name,
                    1,
                    None,
                    _(
                        "Falsches Trennzeichen: erwartet %(expected)s, die Datei "
                        "nutzt %(found)s."
                    )
                    % {
                        "expected": DELIMITER_NAMES.get(delimiter, delimiter),
                        "found": other_name,
                    },
                )
    raise ImportFileError(
        name,
        1,
        missing[0],
        _(
            "Die Spalten passen nicht zu %(kind)s. Es fehlt: %(missing)s. "
            "Gefunden: %(found)s."
        )
        % {
            "kind": kind,
            "missing": ", ".join(missing),
            "found": ", ".join(header[:12]) or "—",
        },
    )


def _text_rows(
    text: str,
    info: FileRead,
    required: set[str],
    kind: str,
    delimiter: str,
    progress: Progress,
) -> Iterator[Row]:
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter,
        strict=True,
        quoting=quoting,
    )
    # O*NET's tab files do not quote; a stray quote mark there is text.
    try:
        header = [column.strip() for column in next(reader)]
    except csv.Error as error:
        raise ImportFileError(info.name, 1, None, str(error)) from error
    _check_header(info.name, header, required, kind, delimiter)
    return _rows_of(reader, header, info, progress)


def _rows_of(reader, header: list[str], info: FileRead, progress: Progress):
    ended = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ImportFileError(
                info.name,
                ended + 1,
                None,
                _("Die Datei ist hier nicht lesbar (%(error)s); ist sie abgeschnitten?")
                % {"error": error},
            ) from error
        line, ended = ended + 1, reader.line_num
        if not values or values == [""]:
            continue
        if len(values) != len(header):
            column = header[len(values)] if len(values) < len(header) else None
            message = (
                _(
                    "Die Zeile hat %(found)s statt %(expected)s Felder; ist die Datei "
                    "abgeschnitten?"
                )
                if len(values) < len(header)
                else _("Die Zeile hat %(found)s statt %(expected)s Felder.")
            ) % {"found": len(values), "expected": len(header)}
            raise ImportFileError(info.name, line, column, message)
        info.rows += 1
        if info.rows % PROGRESS_EVERY == 0:
            progress(info.name, info.rows)
        yield Row(line, dict(zip(header, values, strict=True)), info.name)


def _xlsx_rows(
    path: Path, info: FileRead, required: set[str], kind: str, progress: Progress
) -> Iterator[Row]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(
            info.name,
            None,
            None,
            _("Keine lesbare Excel-Datei (%(error)s).") % {"error": error},
        ) from error
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [_cell(value).strip() for value in next(rows, ())]
    _check_header(info.name, header, required, kind, None)

    def generate() -> Iterator[Row]:
        for number, values in enumerate(rows, start=2):
            if not any(value not in (None, "") for value in values):
                continue
            info.rows += 1
            if info.rows % PROGRESS_EVERY == 0:
                progress(info.name, info.rows)
            cells = [_cell(value) for value in values]
            yield Row(number, dict(zip(header, cells, strict=False)), info.name)
        book.close()

    return generate()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def find_file(directory: Path, *names: str) -> Path | None:
    """The first of ``names`` (case-insensitive) that exists in ``directory``."""
    present = {entry.name.lower(): entry for entry in directory.iterdir()}
    for name in names:
        if name.lower() in present:
            return present[name.lower()]
    return None


def parse_number(row: Row, column: str, low: float, high: float) -> float:
    raw = row[column].strip()
    try:
        value = float(raw)
    except ValueError:
        raise row.fail(
            column, _("„%(value)s“ ist keine Zahl.") % {"value": raw}
        ) from None
    if not low <= value <= high:
        raise row.fail(
            column,
            _("%(value)s liegt außerhalb der Skala %(low)s–%(high)s.")
            % {"value": raw, "low": low, "high": high},
        )
    return value
