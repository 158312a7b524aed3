"""Painting for cells whose look carries meaning (the theme's stylesheet ignores item colours)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_SELECTED = QStyle.StateFlag.State_Selected
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class ColorRoleDelegate(QStyledItemDelegate):
    """Paints a cell's BackgroundRole and ForegroundRole, which the theme's stylesheet ignores.

    Cells without either are left to the style.
    """

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if background is None and foreground is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # frame, selection
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if isinstance(background, QBrush) and not selected:
            painter.fillRect(option.rect, background)
        if selected:
            painter.setPen(option.palette.highlightedText().color())
        elif isinstance(foreground, QBrush):
            painter.setPen(foreground.color())
        else:
            painter.setPen(option.palette.text().color())
        painter.setFont(opt.font)
        rect = option.rect.adjusted(6, 0, -6, 0)
        shown = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(QStyle.visualAlignment(opt.direction, opt.displayAlignment)), shown)
        painter.restore()


class PlainTextDelegate(QStyledItemDelegate):
    """Paints a cell's text straight onto the row: no style sheet pass.

    For the queue's columns that repaint every second beside the countdown (Qt repaints the
    neighbouring column with it): the style's item painting through the theme costs several times more.
    """

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
            painter.setPen(option.palette.highlightedText().color())
        else:
            if option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
                painter.fillRect(option.rect, option.palette.alternateBase())
            painter.setPen(option.palette.text().color())
        painter.setFont(option.font)
        align = index.data(Qt.ItemDataRole.TextAlignmentRole)
        flags = int(align) if align is not None else int(Qt.AlignmentFlag.AlignCenter)
        painter.drawText(option.rect.adjusted(6, 0, -6, 0), flags, str(index.data() or ""))
        painter.restore()
