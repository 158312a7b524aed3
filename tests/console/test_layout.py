"""The core's layout: rules cited are the ones docs/rules.md numbers, and no module only re-exports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for d in ("console", "ui", "server", "tests", "benchmarks") for p in (ROOT / d).rglob("*.py")]

# "rule 8", "Rules 7-8", "rules 3-6, 8 and 9", "test_rule10_…"
_CITATION = re.compile(r"\b[Rr]ules? (\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|and)\s*\d+(?:\s*[-–]\s*\d+)?)*)")
_TEST_NAME = re.compile(r"\bdef test_rule(\d+)_")


def _numbers(cited: str) -> set[int]:
    found: set[int] = set()
    for part in re.split(r"\s*(?:,|and)\s*", cited):
        ends = [int(n) for n in re.split(r"\s*[-–]\s*", part.strip()) if n]
        found.update(range(ends[0], ends[-1] + 1))
    return found


def _rules_in_docs() -> set[int]:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    return {int(n) for n in re.findall(r"^## (\d+)\. ", text, flags=re.M)}


def test_citation_parser_reads_ranges_and_lists() -> None:
    assert _numbers("3-6, 8 and 9") == {3, 4, 5, 6, 8, 9}
    assert _numbers("11") == {11}
    match = _CITATION.search("Business rules 3-6, 8 and 9 of docs/rules.md")
    assert match is not None and _numbers(match.group(1)) == {3, 4, 5, 6, 8, 9}


def test_every_rule_the_code_cites_is_numbered_in_docs_rules() -> None:
    documented = _rules_in_docs()
    assert documented >= set(range(1, 14)), documented
    missing: list[str] = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        cited = set()
        for match in _CITATION.finditer(text):
            cited |= _numbers(match.group(1))
        cited |= {int(n) for n in _TEST_NAME.findall(text)}
        missing += [f"{path.relative_to(ROOT)}: rule {n}" for n in sorted(cited - documented)]
    assert not missing, missing


def test_no_source_cites_a_design_file_outside_the_repository() -> None:
    name = "DESIGN" + ".md"  # spelled apart so that this file does not cite it
    citing = [str(p.relative_to(ROOT)) for p in SOURCES if name in p.read_text(encoding="utf-8")]
    assert not citing, f"cite docs/rules.md or docs/architecture.md instead: {citing}"


def _only_reexports(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):  # the docstring
            continue
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["__all__"]:
            continue
        return False
    return True


def test_no_core_module_only_reexports_another() -> None:
    """Only a package's ``__init__`` may gather its modules' names; a module holds code of its own."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "console").rglob("*.py")
        if p.name != "__init__.py"
        and "migrations" not in p.parts
        and _only_reexports(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert not offenders, offenders


def test_only_package_inits_declare_the_public_names_of_the_domain_packages() -> None:
    for package in ("sessions", "timesheets", "uptime_credits"):
        for path in (ROOT / "console" / package).glob("*.py"):
            declares = "__all__" in path.read_text(encoding="utf-8")
            assert declares == (path.name == "__init__.py"), path.relative_to(ROOT)


def test_every_rule_in_docs_names_tests_that_exist() -> None:
    """Each rule's section in docs/rules.md names its tests (``test_rule8_*``); each such test exists."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    sections = re.split(r"^## (?=\d+\. )", text, flags=re.M)[1:]
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    assert len(sections) >= 14
    for section in sections:
        number = section.split(".", 1)[0]
        prefixes = re.findall(r"`(test_[a-z0-9_]+)\*`", section)
        assert prefixes, f"rule {number} names no tests"
        for prefix in prefixes:
            assert re.search(rf"^def {prefix}", tests, flags=re.M), f"rule {number}: no test {prefix}…"
