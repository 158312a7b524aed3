"""Package expiry: packages about to expire with a forecast forfeit, and expired ones (rule 7).

For supervisors and the sales team: who to call before time is forfeited, and what was forfeited.
Both lists export to CSV or Excel. The file dialog opens window-modal with ``open()`` (no nested event
loop) and is kept as ``self.prompt``; it calls :meth:`ExpiryPage.export_to`, which tests call directly.
Writing the file happens on the GUI thread: it needs no database, only the rows on screen (a few
hundred at most, a few tens of milliseconds).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.db import Session
from console.expiry import (
    ExpiredPackage,
    ExpiringPackage,
    expired_packages,
    expiring_packages,
    export_table,
)
from console.exports import export_file
from console.jalali import format_date, format_minutes, gregorian_to_jalali, local_date, to_persian_digits
from ui.context import AppContext
from ui.delegates import ColorRoleDelegate
from ui.file_dialogs import save_file_dialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.jalali_widgets import JalaliDateEdit
from ui.labels import label
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table, section_title

WARN = QColor("#c62828")
SOON = QColor("#ef6c00")
MUTED = QColor("#757575")
DEFAULT_DAYS = 30
EXPIRED_LOOKBACK = timedelta(days=90)  # the expired list starts this far back by default
_NOT_RECORDED = QT_TRANSLATE_NOOP("ExpiryPage", "%1 (not recorded yet)")
_BURN_TIP = QT_TRANSLATE_NOOP("ExpiryPage", "Average over the last eight weeks")

Report = tuple[list[ExpiringPackage], list[ExpiredPackage]]


def _number(n: int) -> str:
    return to_persian_digits(str(n))


def _forfeited(p: ExpiredPackage) -> str:
    if p.unrecorded_minutes:
        return QCoreApplication.translate("ExpiryPage", _NOT_RECORDED).replace(
            "%1", format_minutes(p.unrecorded_minutes)
        )
    return format_minutes(p.forfeit_minutes)


class ExpiringTableModel(RowTableModel[ExpiringPackage]):
    (
        COL_CODE,
        COL_CUSTOMER,
        COL_KIND,
        COL_PACKAGE,
        COL_EXPIRES,
        COL_DAYS,
        COL_BALANCE,
        COL_BURN,
        COL_FORFEIT,
    ) = range(9)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Code"), lambda p: to_persian_digits(p.customer_code), align=CENTER
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Customer"), lambda p: p.customer_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Package"), lambda p: label(p.kind)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Package no."),
            lambda p: _number(p.package_id),
            lambda p: p.package_id,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Expires"),
            lambda p: format_date(p.expires_on),
            lambda p: p.expires_on,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Days left"),
            lambda p: _number(p.days_left),
            lambda p: p.days_left,
            CENTER,
            color=lambda p: WARN if p.days_left <= 7 else SOON,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Balance"),
            lambda p: format_minutes(p.balance),
            lambda p: p.balance,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Used per week"),
            lambda p: format_minutes(round(p.burn_rate)),
            lambda p: p.burn_rate,
            CENTER,
            tooltip=lambda _p: QCoreApplication.translate("ExpiryPage", _BURN_TIP),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Projected forfeit"),
            lambda p: format_minutes(p.projected_forfeit),
            lambda p: p.projected_forfeit,
            CENTER,
            color=lambda p: WARN if p.projected_forfeit > 0 else MUTED,
        ),
    )


class ExpiredTableModel(RowTableModel[ExpiredPackage]):
    COL_CODE, COL_CUSTOMER, COL_KIND, COL_PACKAGE, COL_EXPIRED, COL_FORFEIT, COL_RECORDED = range(7)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Code"), lambda p: to_persian_digits(p.customer_code), align=CENTER
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Customer"), lambda p: p.customer_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Package"), lambda p: label(p.kind)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Package no."),
            lambda p: _number(p.package_id),
            lambda p: p.package_id,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Expired on"),
            lambda p: format_date(p.expires_on),
            lambda p: p.expires_on,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Forfeited"),
            _forfeited,
            lambda p: p.forfeit_minutes + p.unrecorded_minutes,
            CENTER,
            color=lambda p: SOON if p.unrecorded_minutes else WARN if p.forfeit_minutes else MUTED,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Recorded on"),
            lambda p: format_date(local_date(p.forfeited_at)) if p.forfeited_at else "—",
            lambda p: p.forfeited_at.isoformat() if p.forfeited_at else "",
            CENTER,
        ),
    )


class ExpiryPage(Page):
    entities = frozenset({"package", "ledger"})
    slug = "expiry"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.prompt: QDialog | None = None  # the file dialog or message on screen, if any
        self.loaded = False
        self._build_ui()
        self._connect_signals()
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(DEFAULT_DAYS)
        self.since = JalaliDateEdit(self.ctx.today() - EXPIRED_LOOKBACK)
        self.export_csv_button = QPushButton(self.tr("Export as text (CSV)…"))
        self.export_xlsx_button = QPushButton(self.tr("Export to Excel…"))
        self.status = QLabel()
        self.status.setStyleSheet("color: #616161;")
        self.expiring_summary = QLabel()
        self.expired_summary = QLabel()

        self.expiring_model = ExpiringTableModel(self)
        self.expiring = make_table(self.expiring_model)
        self.expiring.setItemDelegate(ColorRoleDelegate(self.expiring))
        self.expiring.sortByColumn(ExpiringTableModel.COL_EXPIRES, Qt.SortOrder.AscendingOrder)
        self.expired_model = ExpiredTableModel(self)
        self.expired = make_table(self.expired_model)
        self.expired.setItemDelegate(ColorRoleDelegate(self.expired))
        self.expired.sortByColumn(ExpiredTableModel.COL_EXPIRED, Qt.SortOrder.DescendingOrder)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Expiring within")))
        top.addWidget(self.days)
        top.addWidget(QLabel(self.tr("days")))
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.export_csv_button)
        top.addWidget(self.export_xlsx_button)
        expiring_head = QHBoxLayout()
        expiring_head.addWidget(section_title(self.tr("About to expire, with time left")))
        expiring_head.addWidget(self.expiring_summary)
        expiring_head.addStretch(1)
        expired_head = QHBoxLayout()
        expired_head.addWidget(section_title(self.tr("Expired")))
        expired_head.addWidget(QLabel(self.tr("since")))
        expired_head.addWidget(self.since)
        expired_head.addWidget(self.expired_summary)
        expired_head.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Package expiry")))
        layout.addLayout(top)
        layout.addLayout(expiring_head)
        layout.addWidget(self.expiring, 3)
        layout.addLayout(expired_head)
        layout.addWidget(self.expired, 2)

    def _connect_signals(self) -> None:
        self.days.valueChanged.connect(lambda _v: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.export_csv_button.clicked.connect(lambda: self.choose_export_path("csv"))
        self.export_xlsx_button.clicked.connect(lambda: self.choose_export_path("xlsx"))

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        today, within, since = self.ctx.today(), self.days.value(), self.since.value()

        def op(s: Session) -> Report:
            return (
                expiring_packages(s, today=today, within_days=within),
                expired_packages(s, today=today, since=since),
            )

        self.load(op, self._show)

    def _show(self, report: Report) -> None:
        expiring, expired = report
        self.expiring_model.set_rows(expiring)
        self.expired_model.set_rows(expired)
        projected = sum(p.projected_forfeit for p in expiring)
        self.expiring_summary.setText(
            self.tr("%1 packages; projected forfeit %2")
            .replace("%1", _number(len(expiring)))
            .replace("%2", format_minutes(projected))
        )
        forfeited = sum(p.forfeit_minutes for p in expired)
        self.expired_summary.setText(
            self.tr("%1 packages; forfeited %2")
            .replace("%1", _number(len(expired)))
            .replace("%2", format_minutes(forfeited))
        )
        self.loaded = True
        self._update_buttons()

    def rows(self) -> list[ExpiringPackage | ExpiredPackage]:
        """What the exports write: the rows of both lists, as shown (in the tables' order)."""
        return [*self.expiring_model.rows(), *self.expired_model.rows()]

    # --- export --------------------------------------------------------------------------------
    def choose_export_path(self, suffix: str) -> None:
        """Ask where to save (a window-modal file dialog, kept as ``self.prompt``), then export."""
        y, m, d = gregorian_to_jalali(self.ctx.today())
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"package-expiry-{y:04d}-{m:02d}-{d:02d}.{suffix}"
        caption = self.tr("Export to Excel") if suffix == "xlsx" else self.tr("Export as text (CSV)")
        kind = self.tr("Excel workbook (*.xlsx)") if suffix == "xlsx" else self.tr("CSV file (*.csv)")
        dialog = save_file_dialog(self, caption, str(Path(folder) / name), kind, suffix)
        dialog.fileSelected.connect(lambda path: self.export_to(path))
        self.open_prompt(dialog, None)

    def export_to(self, path: str | Path) -> int | None:
        """Write both lists to ``path``: an Excel workbook for ``.xlsx``, else CSV.

        Returns:
            The number of rows written, or None when writing failed (a message says why).
        """
        target = Path(path)
        rows = self.rows()
        try:
            count = export_file(export_table(rows), target)
        except OSError as error:
            self.show_error_box(error)
            return None
        self.status.setText(self.tr("%1 rows saved.").replace("%1", _number(count)))
        self.status.setToolTip(str(target))
        return count

    # --- helpers -------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.export_csv_button.setEnabled(self.loaded)
        self.export_xlsx_button.setEnabled(self.loaded)
