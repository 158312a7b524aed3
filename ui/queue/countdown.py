"""The queue's countdown cell: the time left to respond as a coloured pill, painted by hand."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.queue.model import COLORS, PAINT_ROLE, QueueModel

_SELECTED = QStyle.StateFlag.State_Selected
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class CountdownDelegate(QStyledItemDelegate):
    """Paints the time left as a coloured pill: calm, under an hour, under 15 minutes, breached, paused.

    Every countdown cell is painted here, calm ones too: the style's own item painting (through the
    theme's stylesheet) costs several times more, and 25 of these repaint every second. Per cell it
    only blits a pill and draws a line of text; everything else is prepared once (measured, 24 cells:
    the antialiased rounded rectangle cost 0.4 ms a tick, a font's ``key()`` 0.1 ms, the text read
    through ``QModelIndex.data`` 0.2 ms).

    ``model``: the ``QueueModel`` the view shows, read directly (``paint_data``) instead of through Qt.
    """

    def __init__(self, parent: QObject | None = None, model: QueueModel | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._font_of: QFont | None = None  # the option font the two below derive from
        self._fonts: dict[bool, QFont] = {}
        self._pills: dict[tuple[str, int, int, float], QPixmap] = {}

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = self._model
        if model is not None and index.model() is model:
            data = model.paint_data(index.row())
        else:
            data = index.data(PAINT_ROLE)
        text, level = data or ("", "calm")
        bg, fg = COLORS.get(level, (None, None))
        rect = option.rect
        selected = bool(option.state & _SELECTED)
        painter.save()
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        if bg is not None:
            painter.drawPixmap(rect.x() + 4, rect.y() + 4, self._pill(painter, level, bg, rect))
        painter.setFont(self._font(option.font, level in ("quarter", "breached")))
        if fg is not None:
            painter.setPen(fg)
        else:
            painter.setPen(
                option.palette.highlightedText().color() if selected else option.palette.text().color()
            )
        painter.drawText(rect.adjusted(4, 4, -4, -4), _CENTER, str(text))
        painter.restore()

    def _font(self, font: QFont, bold: bool) -> QFont:
        if font != self._font_of:
            self._font_of = QFont(font)  # a copy: ``option.font`` dies with the option
            self._fonts = {}
            for weight in (False, True):
                self._fonts[weight] = derived = QFont(font)
                derived.setBold(weight)
        return self._fonts[bold]

    def _pill(self, painter: QPainter, level: str, colour: QColor, cell: QRect) -> QPixmap:
        """The cell's rounded background, rendered once per colour and size (inset 4 px each side)."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (level, cell.width(), cell.height(), ratio)
        pill = self._pills.get(key)
        if pill is None:
            if len(self._pills) > 64:  # a resized column leaves old sizes behind
                self._pills.clear()
            width, height = max(0, cell.width() - 8), max(0, cell.height() - 8)
            pill = QPixmap(round(width * ratio), round(height * ratio))
            pill.setDevicePixelRatio(ratio)
            pill.fill(Qt.GlobalColor.transparent)
            if width and height:
                p = QPainter(pill)
                p.setRenderHint(QPainter.RenderHint.Antialiasing)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawRoundedRect(QRectF(0, 0, width, height), 6, 6)
                p.end()
            self._pills[key] = pill
        return pill
