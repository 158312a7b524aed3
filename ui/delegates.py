"""Painting for cells whose look carries meaning (the theme's stylesheet ignores item colours)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.queue_model import COLORS, URGENCY_ROLE


class CountdownDelegate(QStyledItemDelegate):
    """Paints the time left as a coloured pill: calm, under an hour, under 15 minutes, breached, paused."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        level = index.data(URGENCY_ROLE)
        colors = COLORS.get(level or "calm")
        if colors is None:
            super().paint(painter, option, index)
            return
        bg, fg = colors
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect = QRectF(option.rect).adjusted(4, 4, -4, -4)
        if bg is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(rect, 6, 6)
        font = option.font
        font.setBold(level in ("quarter", "breached"))
        painter.setFont(font)
        painter.setPen(fg if fg is not None else QColor("#212121"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
        painter.restore()


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
