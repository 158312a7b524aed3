"""What "fits" means on a screen (issue 13 item 8): no label, button, tab, list or column header of a
window is elided or cut, and none lies outside the window."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTabBar,
    QTableView,
    QWidget,
)

SLACK = 2  # pixels of rounding between a font's advance and a widget's size


def _inside_scroll_area(w: QWidget, root: QWidget) -> bool:
    parent = w.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(root: QWidget) -> list[str]:
    """Every piece of text under ``root`` that is shown cut, elided or outside ``root``."""
    problems: list[str] = []
    window_rect = root.rect()
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 0 or _inside_scroll_area(w, root):
            continue
        where = QRect(w.mapTo(root, w.rect().topLeft()), w.size())
        fm = w.fontMetrics()
        if (
            isinstance(w, QLabel)
            and w.text()
            and w.textFormat() != Qt.TextFormat.RichText
            and not w.wordWrap()
        ):
            needed = max(fm.horizontalAdvance(line) for line in w.text().split("\n"))
            if w.contentsRect().width() + SLACK < needed:
                problems.append(f"label «{w.text()}» {w.contentsRect().width()} < {needed}")
        elif isinstance(w, QAbstractButton) and w.text() and not isinstance(w.parentWidget(), QTabBar):
            if w.width() + SLACK < w.minimumSizeHint().width():
                problems.append(f"button «{w.text()}» {w.width()} < {w.minimumSizeHint().width()}")
        elif isinstance(w, QComboBox) and w.currentText():
            needed = fm.horizontalAdvance(w.currentText()) + w.style().pixelMetric(
                QStyle.PixelMetric.PM_ScrollBarExtent
            )
            if w.width() + SLACK < needed:
                problems.append(f"list «{w.currentText()}» {w.width()} < {needed}")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                rect, hint = w.tabRect(i), w.tabSizeHint(i)
                if rect.width() + SLACK < hint.width() or not w.rect().contains(rect):
                    problems.append(f"tab «{w.tabText(i)}» {rect.width()} < {hint.width()} or outside")
        elif isinstance(w, QTableView) and w.model() is not None:
            header: QHeaderView = w.horizontalHeader()
            margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
            hfm = header.fontMetrics()
            for c in range(w.model().columnCount()):
                if header.isSectionHidden(c):
                    continue
                text = str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")
                needed = hfm.horizontalAdvance(text) + margin
                if header.sectionSize(c) + SLACK < needed:
                    problems.append(f"column «{text}» {header.sectionSize(c)} < {needed}")
                if (
                    header.sectionViewportPosition(c) + header.sectionSize(c)
                    > header.viewport().width() + SLACK
                ) and not w.horizontalScrollBar().isVisible():
                    problems.append(f"column «{text}» beyond the table")
        if isinstance(
            w, QLabel | QAbstractButton | QComboBox | QTabBar | QTableView
        ) and not window_rect.contains(where):
            text = w.text() if isinstance(w, QLabel | QAbstractButton) else type(w).__name__
            problems.append(
                f"«{text}» outside the window ({where.x()},{where.y()} {where.width()}x{where.height()})"
            )
    return problems
