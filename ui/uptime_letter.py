"""A Persian PDF letter to a customer about one Jalali month: availability, downtime, credit, decision.

Built as right-to-left HTML in a ``QTextDocument`` in the app's Vazirmatn font (embedded in the PDF)
and painted page by page on a ``QPdfWriter`` at A4. Dates are Jalali, digits Persian. When a decision
has been taken the letter gives the figures it was taken on; otherwise the figures the outage log gives
now. Painting ourselves (rather than ``QTextDocument.print_``) keeps Qt from adding Latin page numbers.

The helpers that turn figures into text (:func:`percent_text`, :func:`duration_text`) are shared with
the uptime page so that both say the same.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from console.jalali import (
    PERSIAN_MONTHS,
    format_date,
    format_date_long,
    format_datetime,
    format_minutes,
    format_number,
    local_date,
    to_persian_digits,
)
from console.uptime_credits import CreditLetter, OutageView, extension_days
from ui.i18n import QT_TRANSLATE_NOOP
from ui.resources import resource_path

__all__ = [
    "default_letter_name",
    "duration_text",
    "letter_html",
    "month_text",
    "percent_text",
    "write_credit_letter",
]

CONTEXT = "UptimeLetter"
FONT_FAMILY = "Vazirmatn"
RESOLUTION = 300  # dpi of the PDF's coordinate system; text stays vector

_STATE_TEXT = {
    "met": QT_TRANSLATE_NOOP(
        "UptimeLetter", "The service met the target in this month; no credit is owed for it."
    ),
    "pending": QT_TRANSLATE_NOOP(
        "UptimeLetter", "A credit is owed for this month; it awaits a supervisor's review."
    ),
    "approved": QT_TRANSLATE_NOOP(
        "UptimeLetter",
        "Approved on %1: your subscription is extended by %2 days, from %3 to %4.",
    ),
    "rejected": QT_TRANSLATE_NOOP("UptimeLetter", "Not approved (decided on %1). Reason: %2"),
}


_TEXT = {
    "your_service": QT_TRANSLATE_NOOP("UptimeLetter", "Your service"),
    "all_customers": QT_TRANSLATE_NOOP("UptimeLetter", "All customers"),
    "intro": QT_TRANSLATE_NOOP(
        "UptimeLetter",
        "Under the terms of support, the service must be available at least %1 of each Jalali month. "
        "When it is less, you are owed extra service equal to %2 times the downtime, added to your "
        "subscription.",
    ),
    "customer": QT_TRANSLATE_NOOP("UptimeLetter", "Customer"),
    "period": QT_TRANSLATE_NOOP("UptimeLetter", "Period"),
    "availability": QT_TRANSLATE_NOOP("UptimeLetter", "Availability"),
    "downtime": QT_TRANSLATE_NOOP("UptimeLetter", "Downtime"),
    "credit_owed": QT_TRANSLATE_NOOP("UptimeLetter", "Credit owed"),
    "no_credit": QT_TRANSLATE_NOOP("UptimeLetter", "No credit"),
    "extension": QT_TRANSLATE_NOOP("UptimeLetter", "Subscription extension"),
    "days_rounded": QT_TRANSLATE_NOOP("UptimeLetter", "%1 days (rounded up)"),
    "start": QT_TRANSLATE_NOOP("UptimeLetter", "Start"),
    "end": QT_TRANSLATE_NOOP("UptimeLetter", "End"),
    "duration": QT_TRANSLATE_NOOP("UptimeLetter", "Duration"),
    "scope": QT_TRANSLATE_NOOP("UptimeLetter", "Scope"),
    "cause": QT_TRANSLATE_NOOP("UptimeLetter", "Cause"),
    "outages_counted": QT_TRANSLATE_NOOP("UptimeLetter", "Outages counted"),
    "times_note": QT_TRANSLATE_NOOP(
        "UptimeLetter", "Times are on the Tehran clock. Overlapping outages are counted once."
    ),
    "no_outage": QT_TRANSLATE_NOOP("UptimeLetter", "No outage was recorded for your service in this month."),
    "planned_note": QT_TRANSLATE_NOOP("UptimeLetter", "Planned maintenance is not counted."),
    "stale": QT_TRANSLATE_NOOP(
        "UptimeLetter",
        "The outage log has changed since this decision; the figures above are those it was taken on.",
    ),
    "title": QT_TRANSLATE_NOOP("UptimeLetter", "Service availability report: %1"),
    "date": QT_TRANSLATE_NOOP("UptimeLetter", "Date: %1"),
    "to": QT_TRANSLATE_NOOP("UptimeLetter", "To: %1 (customer code %2)"),
    "decision": QT_TRANSLATE_NOOP("UptimeLetter", "Decision"),
    "signature": QT_TRANSLATE_NOOP("UptimeLetter", "crmonline support team"),
}


def _state(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, _STATE_TEXT[key])


def _t(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, _TEXT[key])


def percent_text(fraction: float) -> str:
    """An availability (0..1) as a percentage with two decimals, Persian digits: «۹۷٫۲۲٪»."""
    return format_number(round(fraction * 100, 2), decimals=2) + "٪"


def duration_text(value: timedelta) -> str:
    """A downtime or a credit in hours and minutes, in words («۲۰ ساعت و ۱۵ دقیقه»); seconds dropped."""
    return format_minutes(int(value.total_seconds()) // 60)


def month_text(year: int, month: int) -> str:
    """«مهر ۱۴۰۵»."""
    return f"{PERSIAN_MONTHS[month - 1]} {to_persian_digits(str(year))}"


def default_letter_name(customer_name: str, year: int, month: int) -> str:
    """A file name with the customer and the month, safe on Windows: «شرکت آلفا - مهر ۱۴۰۵.pdf»."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", customer_name).strip(" .") or "customer"
    return f"{safe} - {month_text(year, month)}.pdf"


def _ensure_font() -> str:
    """The app registers Vazirmatn at start-up; a letter made without the app (a script) does it here."""
    if FONT_FAMILY not in QFontDatabase.families():
        for path in sorted(resource_path("fonts").glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))
    return FONT_FAMILY


def _scope(o: OutageView) -> str:
    return _t("your_service") if o.customer_id is not None else _t("all_customers")


def _decision_text(letter: CreditLetter) -> str:
    row = letter.row
    d = row.decision
    if d is None:
        return _state("pending" if row.below_target else "met")
    if d.status == "approved" and d.decided_at is not None:
        text = _state("approved").replace("%1", format_date(local_date(d.decided_at)))
        text = text.replace("%2", format_number(d.extension_days))
        before = format_date(d.subscription_before) if d.subscription_before else "—"
        after = format_date(d.subscription_after) if d.subscription_after else "—"
        return text.replace("%3", before).replace("%4", after)
    if d.status == "rejected" and d.decided_at is not None:
        decided = format_date(local_date(d.decided_at))
        return _state("rejected").replace("%1", decided).replace("%2", to_persian_digits(d.reason))
    return _state("pending")


def _tr_row(cells: list[str], classes: list[str] | None = None, cell: str = "td") -> str:
    """One table row, its cells given first to last in reading order (right to left).

    Qt's rich-text tables lay their columns out left to right whatever the direction, so the cells are
    written last first: the first cell lands on the right, as a Persian reader expects.
    """
    names = classes or [""] * len(cells)
    parts = [
        f'<{cell} class="{name}">{text}</{cell}>' if name else f"<{cell}>{text}</{cell}>"
        for text, name in zip(cells, names, strict=True)
    ]
    return "<tr>" + "".join(reversed(parts)) + "</tr>"


def letter_html(letter: CreditLetter, issued_on: date) -> str:
    """The letter as right-to-left HTML (Qt's rich-text subset)."""
    row = letter.row
    d = row.decision
    decided = d is not None and d.status in ("approved", "rejected")
    # A decision's own figures; otherwise what the outage log gives now.
    avail = d.availability if decided and d is not None else row.availability
    down = d.downtime if decided and d is not None else row.downtime
    credit = d.credit if decided and d is not None else row.credit
    esc = html.escape
    month = month_text(row.year, row.month)
    target = format_number(letter.target_percent) + "٪"
    last_day = row.period_end.date() - timedelta(days=1)

    intro = _t("intro").replace("%1", target).replace("%2", format_number(letter.multiplier))
    figures = [
        (_t("customer"), row.customer_name),
        (_t("period"), f"{format_date_long(row.period_start.date())} – {format_date_long(last_day)}"),
        (_t("availability"), percent_text(avail)),
        (_t("downtime"), duration_text(down)),
        (_t("credit_owed"), duration_text(credit) if credit else _t("no_credit")),
    ]
    if credit:
        days = format_number(extension_days(credit))
        figures.append((_t("extension"), _t("days_rounded").replace("%1", days)))
    figure_rows = "".join(_tr_row([esc(k), esc(v)], ["key", "value"]) for k, v in figures)

    if letter.outages:
        heads = (_t("start"), _t("end"), _t("duration"), _t("scope"), _t("cause"))
        head_row = _tr_row([esc(h) for h in heads], ["head"] * len(heads), cell="th")
        body = "".join(
            _tr_row(
                [
                    esc(format_datetime(o.starts_at)),
                    esc(format_datetime(o.ends_at)),
                    esc(duration_text(o.duration)),
                    esc(_scope(o)),
                    esc(to_persian_digits(o.cause) or "—"),
                ]
            )
            for o in letter.outages
        )
        outages = (
            f"<h3>{esc(_t('outages_counted'))}</h3>"
            f'<table class="grid" width="100%" cellspacing="0" cellpadding="5">{head_row}{body}</table>'
            f"<p class='note'>{esc(_t('times_note'))}</p>"
        )
    else:
        outages = f"<p>{esc(_t('no_outage'))}</p>"
    planned = "" if letter.planned_counts else f"<p class='note'>{esc(_t('planned_note'))}</p>"
    stale = f"<p class='warn'>{esc(_t('stale'))}</p>" if decided and row.stale else ""
    code = to_persian_digits(row.customer_code)
    return f"""<html dir="rtl"><head><style>
body {{ font-family: '{FONT_FAMILY}'; font-size: 11pt; color: #000000; }}
h1 {{ font-size: 17pt; text-align: center; margin-bottom: 4px; }}
h3 {{ font-size: 12pt; margin-top: 16px; }}
.meta {{ color: #444444; }}
.key {{ font-weight: bold; padding-left: 18px; }}
table.grid {{ border-collapse: collapse; }}
table.grid td, table.grid th {{ border: 1px solid #999999; }}
th.head {{ background-color: #e0f2f1; }}
.decision {{ font-size: 12pt; font-weight: bold; }}
.note {{ color: #555555; font-size: 9pt; }}
.warn {{ color: #b71c1c; }}
</style></head><body dir="rtl">
<h1>{esc(_t("title").replace("%1", month))}</h1>
<p class="meta" align="left">{esc(_t("date").replace("%1", format_date(issued_on)))}</p>
<p>{esc(_t("to").replace("%1", row.customer_name).replace("%2", code))}</p>
<p>{esc(intro)}</p>
<table align="right" cellspacing="0" cellpadding="4">{figure_rows}</table>
<h3>{esc(_t("decision"))}</h3>
<p class="decision">{esc(_decision_text(letter))}</p>
{stale}
{outages}
{planned}
<p><br/>{esc(_t("signature"))}</p>
</body></html>"""


def write_credit_letter(letter: CreditLetter, path: str | Path, issued_on: date) -> Path:
    """Write the letter as an A4 PDF.

    Args:
        letter: From :func:`console.uptime_credits.credit_letter`.
        path: The PDF file to write (replaced if it exists).
        issued_on: The letter's date (the app clock's today in Tehran).

    Returns:
        The path written.

    Raises:
        OSError: the file could not be written.
    """
    target = Path(path)
    family = _ensure_font()
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    row = letter.row
    writer.setTitle(f"{row.customer_name} - {month_text(row.year, row.month)}")
    writer.setCreator("Support Console")

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the PDF's points, not the screen's
    doc.setDefaultFont(QFont(family, 11))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setHtml(letter_html(letter, issued_on))
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = float(page.width()), float(page.height())
    doc.setPageSize(QSizeF(width, height))

    # Paper is white whatever the app's theme: the text is black, not the theme's palette colour.
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette = QPalette()
    context.palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        for n in range(doc.pageCount()):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * height)
            context.clip = QRectF(0, n * height, width, height)
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    if not target.exists():
        raise OSError(f"cannot write {target}")
    return target
