"""Keep the Persian translation in step with the source.

    python scripts/translations.py update    # lupdate: add new source strings to console_fa.ts
    python scripts/translations.py fill F    # set translations from a JSON {source: persian} file
                                             # (of strings not translated yet; --replace: all)
    python scripts/translations.py missing   # list source strings with no Persian yet (exit 1 if any)
    python scripts/translations.py release   # lrelease: build console_fa.qm

English is the source language (every visible string goes through tr()); Persian lives only in
resources/translations/console_fa.ts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "console_fa.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    candidate = BIN / f"pyside6-{name}"
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update() -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            *sources(),
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "fa_IR",
            "-ts",
            str(TS),
        ],
        cwd=ROOT,
        check=True,
    )


def _messages(tree: ET.ElementTree) -> list[tuple[ET.Element, ET.Element]]:
    out = []
    for message in tree.getroot().iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is not None and translation is not None:
            out.append((source, translation))
    return out


def fill(path: Path, *, replace: bool = False) -> list[str]:
    """Set the Persian of the strings not translated yet; returns the sources left as they were.

    One English source can stand in several contexts (a page's "Mail" and the audit trail's);
    a translation already there is kept unless ``replace`` (``fill F --replace``), so that a new
    string's Persian never rewrites another screen's.
    """
    mapping: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    kept: list[str] = []
    for source, translation in _messages(tree):
        if source.text in mapping:
            done = (translation.text or "").strip() and translation.get("type") != "unfinished"
            if done and translation.text != mapping[source.text] and not replace:
                kept.append(source.text or "")
                continue
            translation.text = mapping[source.text]
            translation.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return kept


def missing() -> list[str]:
    tree = ET.parse(TS)
    return [
        s.text or ""
        for s, t in _messages(tree)
        if not (t.text or "").strip() or t.get("type") == "unfinished"
    ]


def release() -> None:
    subprocess.run(
        [_tool("lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "missing"
    if command == "update":
        update()
    elif command == "fill":
        for text in fill(Path(argv[1]), replace="--replace" in argv[2:]):
            print(f"kept the translation already there (another screen's; --replace to change it): {text!r}")
    elif command == "release":
        release()
    elif command == "missing":
        todo = missing()
        for text in todo:
            print(text)
        return 1 if todo else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
