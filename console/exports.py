"""Tables written to CSV or Excel for the sales team and supervisors (no Qt).

One layout for every export: Persian headers, numbers kept as numbers so spreadsheets can sum them,
Jalali dates as text, a right-to-left sheet; a file is written whole or not at all.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Cell = str | int | float | None


@dataclass(frozen=True)
class ExportTable:
    """A table ready to write."""

    title: str  # the sheet's name (at most 31 characters)
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    text_columns: tuple[int, ...] = ()  # 1-based columns of Jalali text, kept as text in Excel


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside ``path`` and move it in place: never half a file."""
    partial = path.with_name(path.name + ".part")
    try:
        write(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def export_csv(table: ExportTable, path: str | Path) -> int:
    """Write ``table`` as CSV (UTF-8 with a byte-order mark, so Excel reads the Persian).

    Returns:
        The number of data rows written.
    """

    def write(file: Path) -> None:
        with file.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.headers)
            for row in table.rows:
                writer.writerow(["" if cell is None else cell for cell in row])

    write_atomically(Path(path), write)
    return len(table.rows)


def export_xlsx(table: ExportTable, path: str | Path) -> int:
    """Write ``table`` as an Excel workbook: one right-to-left sheet, bold frozen headers, a filter.

    Returns:
        The number of data rows written.
    """
    from openpyxl import Workbook  # imported here: only the export needs it
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = table.title[:31]
    sheet.sheet_view.rightToLeft = True
    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(list(row))
    for column in table.text_columns:  # Jalali dates: never reinterpreted as numbers or dates
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = "@"
    for n, header in enumerate(table.headers, start=1):
        width = max([len(header)] + [len(str(r[n - 1] or "")) for r in table.rows])
        sheet.column_dimensions[get_column_letter(n)].width = min(width + 2, 40)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    write_atomically(Path(path), lambda file: workbook.save(str(file)))
    return len(table.rows)


def export_file(table: ExportTable, path: str | Path) -> int:
    """Write ``table`` to ``path``: an Excel workbook for ``.xlsx``, CSV for anything else."""
    if Path(path).suffix.lower() == ".xlsx":
        return export_xlsx(table, path)
    return export_csv(table, path)
