"""Reading an office's files for the import: CSV (UTF-8 with or without BOM, windows-1256) and XLSX.

A file holds tables; a CSV file is one table, an XLSX workbook one table per sheet. Each table has
a header row naming its columns (English or Persian names, docs/customer-import.md); its kind,
customers or packages, follows from the columns. Cells come back as text (numbers and dates from a
workbook as the values Excel stored); line numbers are those a person sees in Excel (the header is
line 1).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from console.errors import ValidationError
from console.normalize import search_key

Cell = str | int | float | date | None

CUSTOMER_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "customer_code", "کد", "کد مشتری"),
    "name": ("name", "customer_name", "نام", "نام مشتری"),
    "contact_name": ("contact_name", "contact", "مخاطب", "نام مخاطب"),
    "contact_role": ("contact_role", "role", "سمت", "سمت مخاطب"),
    "emails": ("emails", "email", "ایمیل", "ایمیل‌ها", "ایمیلها"),
    "phones": ("phones", "phone", "تلفن", "تلفن‌ها", "تلفنها"),
    "instance_url": ("instance_url", "instance", "نشانی سامانه"),
    "subscription_start": ("subscription_start", "شروع اشتراک"),
    "subscription_end": ("subscription_end", "پایان اشتراک"),
    "notes": ("notes", "یادداشت"),
}
PACKAGE_COLUMNS: dict[str, tuple[str, ...]] = {
    "customer_code": ("customer_code", "code", "کد مشتری"),
    "kind": ("kind", "package_kind", "نوع", "نوع بسته"),
    "minutes": ("minutes", "purchased_minutes", "دقیقه خریده", "دقیقهٔ خریده", "دقیقه خریداری شده"),
    "purchased_on": ("purchased_on", "purchase_date", "تاریخ خرید"),
    "minutes_left": ("minutes_left", "مانده", "دقیقه مانده", "دقیقهٔ مانده"),
    "reference": ("reference", "مرجع", "شماره مرجع"),
}
REQUIRED = {"customers": ("code",), "packages": tuple(PACKAGE_COLUMNS)}
KIND_NAMES = {"customers": "مشتریان", "packages": "بسته‌ها"}
FIELD_NAMES = {
    "code": "کد مشتری",
    "name": "نام مشتری",
    "contact_name": "نام مخاطب",
    "contact_role": "سمت مخاطب",
    "emails": "ایمیل",
    "phones": "تلفن",
    "instance_url": "نشانی سامانه",
    "subscription_start": "شروع اشتراک",
    "subscription_end": "پایان اشتراک",
    "notes": "یادداشت",
    "customer_code": "کد مشتری",
    "kind": "نوع بسته",
    "minutes": "دقیقهٔ خریده",
    "purchased_on": "تاریخ خرید",
    "minutes_left": "دقیقهٔ مانده",
    "reference": "مرجع",
}
MAX_LINES = 200_000

_FOLD = re.compile(r"[\s_\u200c\u0654-]")


def _fold(name: str) -> str:
    return _FOLD.sub("", search_key(name))


_ALIASES = {
    kind: {_fold(alias): column for column, aliases in table.items() for alias in aliases}
    for kind, table in (("customers", CUSTOMER_COLUMNS), ("packages", PACKAGE_COLUMNS))
}


@dataclass
class Table:
    kind: str  # "customers" | "packages"
    source: str  # the file (and sheet) name, for the report
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)


def _classify(header: list[Cell], source: str) -> tuple[str, dict[int, str]]:
    folded = [_fold(str(h or "")) for h in header]
    for kind in ("packages", "customers"):
        # packages have columns customers never have (kind, minutes_left); check them first
        columns = {i: _ALIASES[kind][f] for i, f in enumerate(folded) if f in _ALIASES[kind]}
        if kind == "packages" and not {"kind", "minutes_left"} & set(columns.values()):
            continue
        if kind == "customers" and "name" not in columns.values():
            continue
        missing = [FIELD_NAMES[c] for c in REQUIRED[kind] if c not in columns.values()]
        if missing:
            raise ValidationError(f"{source}، سطر ۱: ستون‌های لازم نیست: {'، '.join(missing)}")
        return kind, columns
    shown = "، ".join(str(h) for h in header if h not in (None, ""))[:120]
    raise ValidationError(
        f"{source}، سطر ۱: ستون‌ها شناخته نشد ({shown}). سطر اول باید نام ستون‌ها باشد؛ "
        "ستون‌ها و نام‌هایشان در راهنمای ورود اطلاعات آمده است."
    )


def _table(rows: list[list[Cell]], source: str, first_line: int = 1) -> Table | None:
    lines = iter(enumerate(rows, start=first_line))
    for _, header in lines:
        if any(str(c).strip() for c in header if c is not None):
            break
    else:
        return None
    kind, columns = _classify(header, source)
    table = Table(kind, source)
    for n, row in lines:
        if not any(str(c).strip() for c in row if c is not None):
            continue
        table.rows.append((n, {columns[i]: v for i, v in enumerate(row) if i in columns}))
        if len(table.rows) > MAX_LINES:
            raise ValidationError(f"{source}: بیش از {MAX_LINES:,} سطر دارد؛ پرونده را چند تکه کنید.")
    return table


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u200c]")
_LATIN_ACCENTED = re.compile("[\u00c0-\u024f]")


def decode_csv(raw: bytes, source: str) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), else windows-1256 (Excel on a Persian
    Windows); anything else is refused, naming the encodings that are read."""
    refusal = ValidationError(
        f"{source}: رمزگذاری پرونده شناخته نشد. پرونده را با رمزگذاری UTF-8 (یا windows-1256) "
        "ذخیره کنید، یا پروندهٔ Excel (xlsx) بدهید."
    )
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise refusal from exc
    if b"\x00" in raw:  # UTF-16/32 ("Unicode text") or a binary file
        raise refusal
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1256")
    # Every byte decodes in windows-1256, so check that the text reads as Persian: bytes from another
    # code page come out as accented Latin letters (windows-1256 keeps a few French ones) or symbols.
    arabic = len(_ARABIC_SCRIPT.findall(text))
    odd = len(_LATIN_ACCENTED.findall(text)) + sum(
        1 for ch in text if "\u0080" <= ch <= "\u00bf" or ch == "\u0152"
    )
    if arabic == 0 or odd > arabic // 20:
        raise refusal
    return text


def read_csv(raw: bytes, source: str) -> list[Table]:
    text = decode_csv(raw, source)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Cell]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    table = _table(rows, source)
    return [table] if table else []


def _cell(value: object) -> Cell:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, str | int | float | date):
        return value
    return str(value)


def read_xlsx(raw: bytes, source: str) -> list[Table]:
    from openpyxl import load_workbook  # only an XLSX import needs it

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(f"{source}: پروندهٔ Excel خوانده نشد (خراب است یا xlsx نیست).") from exc
    tables: list[Table] = []
    try:
        for sheet in book.worksheets:
            rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            table = _table(rows, f"{source} / {sheet.title}")
            if table is not None:
                tables.append(table)
    finally:
        book.close()
    return tables


def read_file(path: Path) -> list[Table]:
    """The tables of a CSV or XLSX file (customers tables first, so packages find their customers)."""
    raw = path.read_bytes()
    return read_bytes(raw, path.name)


def read_bytes(raw: bytes, name: str) -> list[Table]:
    if raw.startswith(b"PK\x03\x04") or name.lower().endswith((".xlsx", ".xlsm")):
        tables = read_xlsx(raw, name)
    else:
        tables = read_csv(raw, name)
    if not tables:
        raise ValidationError(f"{name}: پرونده خالی است.")
    return sorted(tables, key=lambda t: t.kind != "customers")
