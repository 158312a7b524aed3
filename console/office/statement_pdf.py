"""The monthly statement as a right-to-left Persian PDF, without Qt.

fpdf2 draws it; its text shaping goes through HarfBuzz (uharfbuzz), which joins the Persian letters
and orders the right-to-left runs, with the bundled Vazirmatn font embedded. Numbers are written
with Persian digits and dates as Jalali.
"""

from __future__ import annotations

import sys
from pathlib import Path

from console.jalali import format_date, format_datetime, format_minutes, format_number
from console.office.statements import CHANNEL_NAMES, KIND_NAMES, Statement

FONT = "Vazirmatn"


def fonts_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) if frozen else Path(__file__).resolve().parents[2]
    return root / "resources" / "fonts"


def render_statement(statement: Statement) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font(FONT, "", str(fonts_dir() / "Vazirmatn-Regular.ttf"))
    pdf.add_font(FONT, "B", str(fonts_dir() / "Vazirmatn-Bold.ttf"))
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="fas")
    pdf.set_title(f"Statement {statement.customer_code} {statement.year}-{statement.month:02d}")
    pdf.set_creator("Support Console")
    pdf.add_page()
    width = pdf.epw

    def line(text: str, size: float = 11, style: str = "", height: float = 8) -> None:
        pdf.set_font(FONT, style, size)
        pdf.cell(width, height, text, align="R", new_x="LMARGIN", new_y="NEXT")

    def row(cells: list[str], widths: list[float], bold: bool = False) -> None:
        # right to left: the first cell is the rightmost
        pdf.set_font(FONT, "B" if bold else "", 9.5)
        x_right = pdf.l_margin + width
        y = pdf.get_y()
        for text, w in zip(cells, widths, strict=True):
            x_right -= w
            pdf.set_xy(x_right, y)
            pdf.cell(w, 7, text, border=1, align="R", fill=bold)
        pdf.set_xy(pdf.l_margin, y + 7)

    pdf.set_fill_color(235, 240, 248)
    line(f"صورت‌حساب پشتیبانی {statement.month_name}", 16, "B", 11)
    line(f"مشتری: {statement.customer_name} (کد {statement.customer_code})")
    line(
        f"جمع زمان جلسه‌ها: {format_minutes(statement.total_minutes)} — "
        f"مازاد بدون بسته: {format_minutes(statement.overage_minutes)}"
    )
    pdf.ln(3)
    line("جلسه‌ها", 12, "B")
    widths = [45, 30, 30, 30, width - 135]
    row(["زمان", "روش", "نوع", "دقیقه", "یادداشت"], widths, bold=True)
    if not statement.sessions:
        line("در این ماه جلسه‌ای ثبت نشده است.", 10)
    for s in statement.sessions:
        row(
            [
                format_datetime(s.started_at),
                CHANNEL_NAMES.get(s.channel, s.channel),
                KIND_NAMES.get(s.kind, s.kind),
                format_number(s.billable_minutes),
                (s.note or "")[:40],
            ],
            widths,
        )
    pdf.ln(4)
    line("بسته‌ها", 12, "B")
    widths = [28, 28, 28, 36, 36, width - 156]
    row(["نوع", "خرید", "انقضا", "کسرشده این ماه", "مانده در پایان ماه", "مقدار بسته"], widths, bold=True)
    for p in statement.packages:
        row(
            [
                KIND_NAMES.get(p.kind, p.kind),
                format_date(p.purchased_on),
                format_date(p.expires_on),
                format_minutes(p.deducted),
                format_minutes(p.balance_at_end),
                format_minutes(p.minutes),
            ],
            widths,
        )
    if not statement.packages:
        line("بستهٔ معتبری در این ماه نبود.", 10)
    return bytes(pdf.output())
