"""Application-wide set-up, done once at start: language, direction, font and theme.

No window installs its own translator or font; everything here applies to the whole app.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ui.resources import resource_path

FONT_FAMILY = "Vazirmatn"
_keep: list[QTranslator] = []  # translators must outlive the call that installs them


def _install_translators(app: QApplication) -> None:
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", "console_fa.qm"))):
        app.installTranslator(ours)
        _keep.append(ours)
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


def apply_theme(app: QApplication, dark: bool = False) -> None:
    """The qt-material theme, in our font, with the few fixes a right-to-left Persian UI needs."""
    from qt_material import apply_stylesheet  # imported late: it must follow PySide6

    theme = "dark_teal.xml" if dark else "light_teal.xml"
    apply_stylesheet(
        app,
        theme=theme,
        invert_secondary=not dark,
        extra={"font_family": FONT_FAMILY, "font_size": "13px", "density_scale": "-1"},
    )
    qss = resource_path("theme", "console.qss")
    if qss.exists():
        app.setStyleSheet(app.styleSheet() + "\n" + qss.read_text(encoding="utf-8"))
    app.setProperty("console_dark", dark)


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
