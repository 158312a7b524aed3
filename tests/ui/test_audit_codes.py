"""Every code the core writes to the audit trail has a Persian name on the audit page.

The codes are read from the source: each ``record_change(...)`` call's ``entity=`` and ``action=``
(literals, and both branches of a conditional), and the keys of ``before=``/``after=`` written as
dict literals. A new service that audits under a new code fails here until the page can say it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ui.labels import _FIELDS
from ui.pages.audit import ACTIONS, ENTITIES

ROOT = Path(__file__).resolve().parents[2]
# Codes passed through a variable; the values it takes (checked by hand against the source).
THROUGH_VARIABLES = {
    ("console/mail/sender.py", "action"): {"mail_sent", "mail_failed"},
    ("console/sessions/stop.py", "action"): {"stop", "recover"},
    ("console/office/notices.py", "action"): {"breach_recipients"},
    ("console/uptime_credits/decisions.py", "action"): {"create", "recalculate", "withdraw"},
}


def _strings(node: ast.expr) -> set[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        a, b = _strings(node.body), _strings(node.orelse)
        return None if a is None or b is None else a | b
    return None


def _audited() -> tuple[set[str], set[str], set[str], list[str]]:
    entities: set[str] = set()
    actions: set[str] = set()
    keys: set[str] = set()
    unknown: list[str] = []
    for path in sorted([*ROOT.glob("console/**/*.py"), *ROOT.glob("server/**/*.py")]):
        rel = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            if (
                not isinstance(node, ast.Call)
                or getattr(name, "id", getattr(name, "attr", None)) != "record_change"
            ):
                continue
            for kw in node.keywords:
                if kw.arg in ("entity", "action"):
                    found = _strings(kw.value)
                    if found is None:
                        found = THROUGH_VARIABLES.get((rel, kw.arg))
                    if found is None:
                        unknown.append(f"{rel}:{node.lineno} {kw.arg}={ast.unparse(kw.value)}")
                        continue
                    (entities if kw.arg == "entity" else actions).update(found)
                if kw.arg in ("before", "after") and isinstance(kw.value, ast.Dict):
                    keys.update(k.value for k in kw.value.keys if isinstance(k, ast.Constant))
    return entities, actions, keys, unknown


def test_every_audited_entity_and_action_has_a_persian_name_on_the_audit_page() -> None:
    entities, actions, _keys, unknown = _audited()
    assert not unknown, f"codes through a variable not listed in THROUGH_VARIABLES: {unknown}"
    assert len(entities) > 10 and len(actions) > 30  # the scan found the calls
    assert sorted(entities - set(ENTITIES)) == []
    assert sorted(actions - set(ACTIONS)) == []


def test_every_field_an_audit_entry_spells_out_has_a_persian_name() -> None:
    _entities, _actions, keys, _unknown = _audited()
    assert keys
    assert sorted(keys - set(_FIELDS)) == []
