"""Application-wide set-up, done once at start: language, direction, font and theme.

No window installs its own translator or font; everything here applies to the whole app.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QDir, QLibraryInfo, QLocale, QStandardPaths, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ui.resources import resource_path

FONT_FAMILY = "Vazirmatn"
_keep: list[QTranslator] = []  # translators must outlive the call that installs them
_keep_data: list[bytes] = []  # and so must the bytes a translator was loaded from


def _install_translators(app: QApplication) -> None:
    # Loaded from bytes read once, not from the file: Qt maps a .qm file into memory, and a
    # translation rebuilt meanwhile (lrelease writes it in place) crashed the running app in tr().
    # Qt does not copy the bytes: they are kept as long as the translator.
    path = resource_path("translations", "console_fa.qm")
    data = path.read_bytes() if path.exists() else b""
    ours = QTranslator(app)
    if data and ours.load(data):
        app.installTranslator(ours)
        _keep.append(ours)
        _keep_data.append(data)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load("qtbase_fa", qt_dir):
        app.installTranslator(qt_own)
        _keep.append(qt_own)


def _install_fonts() -> str:
    family = FONT_FAMILY
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                family = families[0]
    return family


THEME_EXTRA = {"font_family": FONT_FAMILY, "font_size": "13px", "density_scale": "-1"}


def _theme_cache(dark: bool) -> tuple[Path, str]:
    """Where the built stylesheet of a theme is kept, and the icon folder it refers to.

    qt-material renders its template and writes its icons again on every call (a third of a second
    of each start-up, measured); built once per theme, version and settings, a start reads the text.
    Each theme has its own icon folder, so a light and a dark window never overwrite each other's.
    """
    from importlib.metadata import version

    key = json.dumps([dark, version("qt-material"), THEME_EXTRA], sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    return folder / f"theme-{digest}.qss", f"theme-{'dark' if dark else 'light'}"


def apply_theme(app: QApplication, dark: bool = False) -> None:
    """The qt-material theme, in our font, with the few fixes a right-to-left Persian UI needs."""
    cached, parent = _theme_cache(dark)
    icons = Path.home() / ".qt_material" / parent
    if cached.exists() and icons.is_dir():
        primary, _, stylesheet = cached.read_text(encoding="utf-8").partition("\n")
        app.setStyle("Fusion")
        palette = QGuiApplication.palette()  # what apply_stylesheet sets besides the sheet
        color = QColor(primary[:7])
        color.setAlpha(92)
        palette.setColor(QPalette.ColorRole.Text, color)
        QGuiApplication.setPalette(palette)
        QDir.addSearchPath("icon", str(icons))
        QDir.addSearchPath("qt_material", _qt_material_resources())
    else:
        from qt_material import apply_stylesheet, get_theme  # imported late: it must follow PySide6

        theme = "dark_teal.xml" if dark else "light_teal.xml"
        apply_stylesheet(app, theme=theme, invert_secondary=not dark, extra=dict(THEME_EXTRA), parent=parent)
        stylesheet = app.styleSheet()
        colors = get_theme(theme, not dark) or {}
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(f"{colors.get('primaryColor', '#000000')}\n{stylesheet}", encoding="utf-8")
        partial.replace(cached)  # whole or not at all: another start may read it meanwhile
    qss = resource_path("theme", "console.qss")
    if qss.exists():
        stylesheet += "\n" + qss.read_text(encoding="utf-8")
    app.setStyleSheet(stylesheet)
    app.setProperty("console_dark", dark)


def _qt_material_resources() -> str:
    from importlib.util import find_spec

    spec = find_spec("qt_material")
    origin = spec.origin if spec is not None and spec.origin else ""
    return str(Path(origin).parent / "resources")


def setup_application(argv: list[str], dark: bool = False, theme: bool = True) -> QApplication:
    """Create the QApplication with Persian, right-to-left, Vazirmatn and the theme."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("SupportConsole")
    app.setOrganizationName("crmonline")
    app.setWindowIcon(QIcon(str(resource_path("icons", "support-console-256.png"))))
    QLocale.setDefault(QLocale("fa_IR"))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    _install_translators(app)
    family = _install_fonts()
    app.setFont(QFont(family, 10))
    if theme:
        apply_theme(app, dark)
    return app
