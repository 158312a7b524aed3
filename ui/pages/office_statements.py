"""The office status page's monthly statements: whom the office server mails them to (opt-in, per
customer), and a customer's statement of a Jalali month saved as a PDF on demand."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.db import is_connection_error
from console.jalali import PERSIAN_MONTHS, jalali_year_month
from console.office.statement_choices import StatementChoice, list_statement_choices
from console.office.statements import set_statement_subscription, statement_pdf
from ui.file_dialogs import save_file_dialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import make_table


def _tr(source: str) -> str:
    return QCoreApplication.translate("StatementsTab", source)


class ChoicesModel(RowTableModel[StatementChoice]):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Code"), lambda c: c.code, align=CENTER),
        Column(QT_TRANSLATE_NOOP("Columns", "Customer"), lambda c: c.name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Monthly statement"),
            lambda c: (
                _tr(QT_TRANSLATE_NOOP("StatementsTab", "Mailed"))
                if c.subscribed
                else _tr(QT_TRANSLATE_NOOP("StatementsTab", "Not mailed"))
            ),
            align=CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Customer state"),
            lambda c: (
                _tr(QT_TRANSLATE_NOOP("StatementsTab", "Active"))
                if c.active
                else _tr(QT_TRANSLATE_NOOP("StatementsTab", "Inactive"))
            ),
            align=CENTER,
        ),
    )


class StatementsTab(QWidget):
    """Customers with their opt-in, a check box to change it, and Save statement PDF for a month."""

    def __init__(self, page: Page, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.actor_id = actor_id
        self.model = ChoicesModel(self)
        self.table = make_table(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_controls())
        self.mailed_box = QCheckBox(self.tr("Mail this customer the monthly statement"))
        self.mailed_box.clicked.connect(self.set_mailed)
        year, month = jalali_year_month(page.ctx.today())
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)  # the month just ended
        self.year_spin = QSpinBox()
        self.year_spin.setLocale(QLocale("fa_IR"))
        self.year_spin.setGroupSeparatorShown(False)
        self.year_spin.setRange(1390, 1500)
        self.year_spin.setValue(year)
        self.month_combo = QComboBox()
        self.month_combo.addItems(list(PERSIAN_MONTHS))
        self.month_combo.setCurrentIndex(month - 1)
        self.pdf_button = QPushButton(self.tr("Save statement PDF…"))
        self.pdf_button.clicked.connect(self.ask_pdf_path)
        self.status = QLabel()
        self.status.setObjectName("statementStatus")
        self.status.setWordWrap(True)
        note = QLabel(
            self.tr(
                "The office server mails each chosen customer last month's statement, as a PDF, "
                "on the first business day of the month."
            )
        )
        note.setWordWrap(True)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(QLabel(self.tr("Month")))
        pdf_row.addWidget(self.month_combo)
        pdf_row.addWidget(QLabel(self.tr("Year")))
        pdf_row.addWidget(self.year_spin)
        pdf_row.addWidget(self.pdf_button)
        pdf_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.mailed_box)
        layout.addLayout(pdf_row)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self._update_controls()

    def refresh(self) -> None:
        self.page.load(list_statement_choices, self._show, key="statements")

    def _show(self, rows: list[StatementChoice]) -> None:
        before = self.selected()
        self.model.set_rows(rows)
        if before is not None:  # keep the same customer selected after a reload
            for r in range(self.model.rowCount()):
                row = self.model.row_at(r)
                if row is not None and row.customer_id == before.customer_id:
                    flags = QItemSelectionModel.SelectionFlag
                    self.table.selectionModel().select(
                        self.model.index(r, 0), flags.ClearAndSelect | flags.Rows
                    )
        self._update_controls()

    def selected(self) -> StatementChoice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_controls(self) -> None:
        chosen = self.selected()
        self.mailed_box.setEnabled(chosen is not None)
        self.mailed_box.setChecked(chosen is not None and chosen.subscribed)
        self.pdf_button.setEnabled(chosen is not None)

    def set_mailed(self, on: bool) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        actor, customer = self.actor_id, chosen.customer_id

        def failed(error: Exception) -> None:
            self._update_controls()
            self.page.show_error_box(error)

        self.page.mutate(
            lambda s: set_statement_subscription(s, actor_id=actor, customer_id=customer, subscribed=on),
            None,
            failed,
        )

    def month(self) -> tuple[int, int]:
        return self.year_spin.value(), self.month_combo.currentIndex() + 1

    def ask_pdf_path(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        year, month = self.month()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"statement-{chosen.code}-{year:04d}-{month:02d}.pdf"
        dialog = save_file_dialog(
            self, self.tr("Save statement"), str(Path(folder) / name), self.tr("PDF file (*.pdf)"), "pdf"
        )
        dialog.fileSelected.connect(lambda path: self.save_pdf(chosen.customer_id, year, month, path))
        self.page.open_prompt(dialog, None)

    def save_pdf(self, customer_id: int, year: int, month: int, path: str | Path) -> None:
        """Build the statement on the runner's thread, then write it to ``path``."""
        target = Path(path)

        def write(pdf: bytes) -> None:
            try:
                target.write_bytes(pdf)
            except OSError as error:
                self.page.show_error_box(error)
                return
            self.status.setText(self.tr("The statement was saved."))
            self.status.setToolTip(str(target))

        self.status.setText(self.tr("Building the statement…"))

        def failed(error: Exception) -> None:
            if is_connection_error(error):
                self.status.setText(self.tr("The statement was not made: the database cannot be reached."))
                return
            self.status.setText("")
            self.page.show_error_box(error)

        # the runner itself, not load(): every failure, a lost database too, comes back here
        self.page.ctx.runner.run(lambda s: statement_pdf(s, customer_id, year, month), write, failed)
