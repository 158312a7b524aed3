"""Painting for cells whose look carries meaning (the theme's stylesheet ignores item colours)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

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
