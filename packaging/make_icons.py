"""Render the app icon's PNG and ICO files from its SVG (run after changing the SVG; the outputs are committed).

    .venv/bin/python packaging/make_icons.py          # write the files
    .venv/bin/python packaging/make_icons.py --check  # exit 1 when a file is missing or stale

Reads ``resources/icons/support-console.svg`` and writes next to it:

- ``support-console-256.png`` and ``support-console-48.png``: the window icon (ui/app.py) and the
  Linux desktop icon (packaging/linux/build_deb.sh installs them into the hicolor theme);
- ``support-console.ico``: the Windows executable and installer icon (build.spec, support-console.iss),
  with 16, 24, 32, 48 and 64 pixel images as 32-bit bitmaps and the 256 pixel one as PNG, the layout
  Windows Explorer and Inno Setup both read.

Only Qt is used (QtSvg renders, the ICO container is written here), so the build needs no Pillow.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "support-console.svg"
PNG_SIZES = (256, 48)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels on a transparent background (straight alpha)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An ICO bitmap entry: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, an all-clear AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    # Format_ARGB32 keeps each pixel as a native 32-bit 0xAARRGGBB: little-endian bytes B, G, R, A.
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]
    if sys.byteorder == "big":  # pragma: no cover - no big-endian build machine
        rows = [b"".join(row[i : i + 4][::-1] for i in range(0, len(row), 4)) for row in rows]
    mask_row = b"\x00" * (((size + 31) // 32) * 4)
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_bytes(renderer: QSvgRenderer) -> bytes:
    entries = []
    for size in ICO_SIZES:
        image = render(renderer, size)
        entries.append((size, png_bytes(image) if size >= 256 else dib_bytes(image)))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in entries)


def outputs() -> dict[Path, bytes]:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    files = {ICONS / f"support-console-{size}.png": png_bytes(render(renderer, size)) for size in PNG_SIZES}
    files[ICONS / "support-console.ico"] = ico_bytes(renderer)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are up to date")
    args = parser.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.write_bytes(data)
        print(f"{path.relative_to(ICONS.parent.parent)}: {len(data)} bytes")
    for path in stale:
        print(f"make_icons: {path.name} is missing or stale; run packaging/make_icons.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
