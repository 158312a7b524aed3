"""Bad input typed into the real widgets (issue 12, defects 3, 11 and 14): the field says what is
wrong, OK is refused, nothing is changed into something else, and a refused form stays as typed.

The rows mirror ``tests/test_bad_input.py`` (which calls the services): every date, number and text
field of the dialogs that write, driven by qtbot's key presses and the clipboard's paste.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from console.clock import TEHRAN
from console.errors import ValidationError
from console.jalali import gregorian_to_jalali, jalali_to_gregorian, to_persian_digits
from tests.ui.helpers import english_left
from ui.dialogs.account_dialogs import NewAccountDialog
from ui.dialogs.closure_dialog import ClosureDialog
from ui.dialogs.customer_dialogs import ContactDialog, CustomerDialog
from ui.dialogs.form import FormDialog, open_form
from ui.dialogs.holiday_dialog import HolidayDialog
from ui.dialogs.new_ticket import NewTicketDialog
from ui.dialogs.outage_dialog import OutageDialog
from ui.dialogs.package_dialogs import AdjustDialog, PurchaseDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.dialogs.timesheet_dialogs import RejectDialog
from ui.jalali_widgets import JalaliDateEdit

TODAY = date(2026, 11, 24)  # 3 Azar 1405
T0 = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)
LONG = "ب" * 10_000


def _purchase() -> FormDialog:
    return PurchaseDialog("شرکت نمونه", TODAY)


def _holiday() -> FormDialog:
    dialog = HolidayDialog(TODAY)
    dialog.name_edit.setText("روز شرکت")
    return dialog


def _closure() -> FormDialog:
    return ClosureDialog(T0, T0 + timedelta(hours=2))


def _outage() -> FormDialog:
    return OutageDialog(T0, T0 + timedelta(hours=2), [(1, "شرکت نمونه")])


def _start_date(dialog: FormDialog) -> JalaliDateEdit:
    if isinstance(dialog, PurchaseDialog):
        return dialog.purchased_on
    if isinstance(dialog, HolidayDialog):
        return dialog.date_edit
    assert isinstance(dialog, ClosureDialog | OutageDialog)
    return dialog.start_edit.date_edit


DATE_DIALOGS: list[tuple[str, Callable[[], FormDialog]]] = [
    ("purchase", _purchase),
    ("holiday", _holiday),
    ("closure", _closure),
    ("outage", _outage),
]
BAD_DATES = [
    ("30 Esfand of a common year", "1404/12/30", "۲۹ روز"),
    ("31 Esfand of a common year, Persian digits", "۱۴۰۴/۱۲/۳۱", "۲۹ روز"),
    ("31 Mehr", "1405/07/31", "۳۰ روز"),
    ("a thirteenth month", "1405/13/01", "ماه"),
    ("a Gregorian date", "2026/11/24", "میلادی"),
    ("letters", "abc", "قالب"),
    ("nothing", "", ""),
]


def _show(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def _keys(field: QWidget, text: str) -> None:
    """Key presses as a keyboard sends them; a Persian letter or digit comes as its text (the
    Persian keyboard layout), which QTest.keyClicks cannot send."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(field, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _type(field: QWidget, text: str) -> None:
    field.setFocus()
    if isinstance(field, QLineEdit):
        field.selectAll()
        QTest.keyClick(field, Qt.Key.Key_Delete)
    _keys(field, text)


def _paste(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _accepted(qtbot: QtBot, dialog: FormDialog) -> bool:
    accepted: list[int] = []
    dialog.accepted.connect(lambda: accepted.append(1))
    if dialog.ok_button.isEnabled():
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    return bool(accepted)


@pytest.mark.parametrize(("name", "make"), DATE_DIALOGS, ids=[d[0] for d in DATE_DIALOGS])
@pytest.mark.parametrize(("what", "typed", "says"), BAD_DATES, ids=[b[0] for b in BAD_DATES])
def test_an_impossible_jalali_date_is_refused_where_it_is_typed(  # type: ignore[no-untyped-def]
    qtbot: QtBot, name, make, what, typed, says
) -> None:
    dialog = make()
    _show(qtbot, dialog)
    field = _start_date(dialog)
    _type(field, typed)
    assert field.text() == to_persian_digits(typed)  # the text stays as typed, never another day
    assert field.error(), f"{what}: no message"
    assert says in field.error() and field.message.isVisibleTo(dialog)
    assert not _accepted(qtbot, dialog)  # nothing is saved
    assert dialog.isVisible()
    _type(field, "1403/12/30")  # a leap Esfand does exist
    assert not field.error() and not field.message.isVisibleTo(dialog)
    assert gregorian_to_jalali(field.value()) == (1403, 12, 30)
    assert field.text() == "۱۴۰۳/۱۲/۳۰"


def test_purchase_dialog_records_the_day_typed_not_a_nearby_one(qtbot: QtBot) -> None:
    dialog = PurchaseDialog("شرکت نمونه", TODAY)
    _show(qtbot, dialog)
    _type(dialog.purchased_on, "14041230")
    assert dialog.purchased_on.text() == "۱۴۰۴/۱۲/۳۰" and dialog.purchased_on.error()
    assert dialog.validity.text() == ""  # no validity for a day that does not exist
    _type(dialog.purchased_on, "14041229")
    assert dialog.purchased_on.value() == jalali_to_gregorian(1404, 12, 29)
    assert _accepted(qtbot, dialog)


LONG_FIELDS: list[
    tuple[str, Callable[[], FormDialog], Callable[[FormDialog], QLineEdit | QPlainTextEdit], int]
] = [
    ("ticket subject", lambda: NewTicketDialog([]), lambda d: d.subject, 300),  # type: ignore[attr-defined]
    ("ticket message", lambda: NewTicketDialog([]), lambda d: d.body, 20_000),  # type: ignore[attr-defined]
    ("holiday name", _holiday, lambda d: d.name_edit, 200),  # type: ignore[attr-defined]
    ("closure reason", _closure, lambda d: d.reason_edit, 300),  # type: ignore[attr-defined]
    ("outage cause", _outage, lambda d: d.cause_edit, 300),  # type: ignore[attr-defined]
    ("purchase reference", _purchase, lambda d: d.reference, 64),  # type: ignore[attr-defined]
    ("adjustment reason", lambda: AdjustDialog("بستهٔ پشتیبانی"), lambda d: d.reason, 500),  # type: ignore[attr-defined]
    ("credit rejection reason", lambda: ReasonDialog("رد", "رد شود؟", "رد"), lambda d: d.reason_edit, 1000),  # type: ignore[attr-defined]
    ("timesheet rejection reason", lambda: RejectDialog("علی", "این هفته"), lambda d: d.reason_edit, 500),  # type: ignore[attr-defined]
    ("customer code", lambda: CustomerDialog(TODAY), lambda d: d.code, 32),  # type: ignore[attr-defined]
    ("customer name", lambda: CustomerDialog(TODAY), lambda d: d.name, 200),  # type: ignore[attr-defined]
    ("customer address", lambda: CustomerDialog(TODAY), lambda d: d.instance_url, 300),  # type: ignore[attr-defined]
    ("customer notes", lambda: CustomerDialog(TODAY), lambda d: d.notes, 4000),  # type: ignore[attr-defined]
    ("contact name", lambda: ContactDialog("شرکت نمونه"), lambda d: d.name, 200),  # type: ignore[attr-defined]
    ("contact job title", lambda: ContactDialog("شرکت نمونه"), lambda d: d.role, 100),  # type: ignore[attr-defined]
]


@pytest.mark.parametrize(("what", "make", "field_of", "limit"), LONG_FIELDS, ids=[f[0] for f in LONG_FIELDS])
def test_a_long_paste_is_kept_and_the_limit_is_said_where_it_is_typed(  # type: ignore[no-untyped-def]
    qtbot: QtBot, what, make, field_of, limit
) -> None:
    dialog = make()
    _show(qtbot, dialog)
    field = field_of(dialog)
    text = "ب" * (limit + 1) if limit > 10_000 else LONG
    _paste(field, text)
    typed = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
    assert len(typed) == len(text)  # nothing silently cut
    message = dialog.problem.text() or ""
    limits = [child for child in dialog.findChildren(QWidget) if child.objectName() == "fieldError"]
    shown = [w.text() for w in limits if w.isVisibleTo(dialog)]  # type: ignore[attr-defined]
    assert any("حداکثر" in t for t in shown), f"{what}: the field does not say its limit"
    assert not _accepted(qtbot, dialog) and dialog.isVisible()
    del message
    field.selectAll()
    _keys(field, "کوتاه")
    assert not [w for w in limits if w.isVisibleTo(dialog)]


def test_number_fields_take_only_numbers_in_their_range(qtbot: QtBot) -> None:
    dialog = PurchaseDialog("شرکت نمونه", TODAY)
    _show(qtbot, dialog)
    hours: QSpinBox = dialog.hours
    for typed in ("abc", "-5", "99999999", "'; DROP"):
        hours.selectAll()
        QTest.keyClicks(hours, typed)
        assert 0 <= hours.value() <= 10_000
    hours.setValue(0)
    dialog.extra_minutes.setValue(0)
    assert not _accepted(qtbot, dialog)  # nothing bought
    assert "زمان" in dialog.problem.text()


def test_rule8_adjustment_past_zero_is_refused_in_the_dialog(qtbot: QtBot) -> None:
    dialog = AdjustDialog("بستهٔ پشتیبانی", balance=180)
    _show(qtbot, dialog)
    dialog.minutes.selectAll()
    QTest.keyClicks(dialog.minutes, "-99999")
    _keys(dialog.reason, "ثبت اشتباه")
    assert not _accepted(qtbot, dialog)
    assert "صفر" in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
    assert dialog.reason.text() == "ثبت اشتباه"


class _FakePage(QWidget):
    """Only what open_form needs of a page: open the dialog (the write is the test's)."""

    def open_prompt(self, dialog, on_ok, on_finished=False) -> None:  # type: ignore[no-untyped-def]
        self.prompt = dialog
        dialog.open()


def test_a_refused_dialog_stays_open_with_what_was_typed(qtbot: QtBot) -> None:
    page = _FakePage()
    qtbot.addWidget(page)
    dialog = AdjustDialog("بستهٔ پشتیبانی")
    outcome: list[object] = [ValidationError("اصلاح مانده نمی‌تواند مانده را زیر صفر ببرد.")]
    calls: list[int] = []

    def write(done, failed) -> None:  # type: ignore[no-untyped-def]
        calls.append(1)
        result = outcome.pop(0)
        if isinstance(result, Exception):
            failed(result)
        else:
            done(result)

    open_form(page, dialog, write)
    qtbot.waitExposed(dialog)
    dialog.minutes.setValue(-30)
    _keys(dialog.reason, "جلسهٔ تکراری")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert calls == [1]
    assert dialog.isVisible() and dialog.reason.text() == "جلسهٔ تکراری" and dialog.minutes.value() == -30
    assert "زیر صفر" in dialog.problem.text() and dialog.ok_button.isEnabled()
    outcome.append("done")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert calls == [1, 1] and not dialog.isVisible() and dialog.result() == FormDialog.DialogCode.Accepted


@pytest.mark.parametrize(
    "make",
    [_purchase, lambda: AdjustDialog("بسته"), _holiday, _closure, _outage, lambda: NewTicketDialog([])],
    ids=["purchase", "adjust", "holiday", "closure", "outage", "new ticket"],
)
def test_form_dialogs_speak_persian_cancel_included(qtbot: QtBot, make) -> None:  # type: ignore[no-untyped-def]
    dialog = make()
    _show(qtbot, dialog)
    assert english_left(dialog) == []
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "انصراف"


@pytest.mark.parametrize(("field", "limit"), [("username_edit", 32), ("full_name_edit", 200)])
def test_a_new_accounts_long_name_is_refused_in_the_form_never_cut(
    qtbot: QtBot, field: str, limit: int
) -> None:
    dialog = NewAccountDialog()
    _show(qtbot, dialog)
    _keys(dialog.username_edit, "sara")
    _keys(dialog.full_name_edit, "سارا محمدی")
    dialog.passwords.new_edit.setText("sara-password-1")
    dialog.passwords.repeat_edit.setText("sara-password-1")
    edit: QLineEdit = getattr(dialog, field)
    long = ("s" if field == "username_edit" else "س") * (limit + 8)
    _paste(edit, long)
    assert edit.text() == long  # nothing silently cut
    assert not dialog.ok_button.isEnabled()
    assert "حداکثر" in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
    assert to_persian_digits(str(limit)) in dialog.problem.text()
    edit.setText(long[:limit])
    assert dialog.ok_button.isEnabled() and not dialog.problem.isVisibleTo(dialog)


def test_a_new_ticket_without_a_customer_subject_or_message_is_refused_in_the_form(qtbot: QtBot) -> None:
    from console.customers import CustomerRow

    dialog = NewTicketDialog([CustomerRow(1, "C1", "شرکت آلفا", None, 0, 0, None, 0)])
    _show(qtbot, dialog)
    dialog.customer.setEditText("مشتری ناشناس")
    _keys(dialog.body, "سلام")
    assert not _accepted(qtbot, dialog)
    assert dialog.problem.text() == "یکی از مشتریان فهرست را انتخاب کنید."
    dialog.customer.setEditText("شرکت آلفا")
    assert dialog.problem.text() == "موضوع تیکت را بنویسید."
    _keys(dialog.subject, "   ")
    assert not _accepted(qtbot, dialog) and dialog.body.toPlainText() == "سلام"  # what was typed stays
    _keys(dialog.subject, "چاپ فاکتور")
    assert _accepted(qtbot, dialog)


def test_rule7_a_purchase_whose_validity_already_ended_is_refused_in_the_form(qtbot: QtBot) -> None:
    """Recorded, it would be forfeited at once, and a ledger entry is never undone."""
    dialog = PurchaseDialog("شرکت نمونه", TODAY)
    _show(qtbot, dialog)
    _type(dialog.purchased_on, "14000101")
    assert not _accepted(qtbot, dialog)
    assert "۱۴۰۰/۰۱/۰۱" in dialog.problem.text() and "ورود مشتریان" in dialog.problem.text()
    _type(dialog.purchased_on, "14040903")  # usable until the day before 1405/09/03: today
    assert not _accepted(qtbot, dialog)
    _type(dialog.purchased_on, "14040904")
    assert _accepted(qtbot, dialog)


def test_rule10_an_outage_that_has_not_begun_is_refused_unless_planned(qtbot: QtBot) -> None:
    dialog = OutageDialog(
        T0 + timedelta(days=2), T0 + timedelta(days=2, hours=3), [(1, "شرکت نمونه")], now=T0
    )
    _show(qtbot, dialog)
    assert not _accepted(qtbot, dialog)
    assert "برنامه‌ریزی‌شده" in dialog.problem.text(), dialog.problem.text()
    dialog.planned_check.setChecked(True)  # announced maintenance may be entered ahead
    assert _accepted(qtbot, dialog)
