"""The portal's API over HTTP: a real office server process on loopback, a real client, each backend."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.models import Ticket
from console.models_office import ApiAttachment, ApiTokenUse
from console.office.tokens import create_api_token, revoke_api_token
from console.tickets import add_note, get_queue_row, list_open_tickets, reply
from tests.server.office_world import Office, ServerProcess, buy, make_office, url_of

Factory = sessionmaker[Session]
PROBLEM = "application/problem+json"


@pytest.fixture
def office(factory: Factory) -> Office:
    return make_office(factory)


@pytest.fixture
def server(factory: Factory, office: Office, tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(url_of(factory), tmp_path)
    try:
        proc.wait_healthy()
        yield proc
    finally:
        assert proc.terminate() == 0, proc.output()


@pytest.fixture
def client(server: ServerProcess, office: Office) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=server.base, headers={"Authorization": f"Bearer {office.token}"}, timeout=10
    ) as c:
        yield c


def _new(client: httpx.Client, **fields: object) -> httpx.Response:
    body = {"customer_code": "C-1", "subject": "گزارش کار نمی‌کند", "category": "technical", "body": "سلام"}
    body.update(fields)
    return client.post("/api/v1/tickets", json=body)


def _persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_create_ticket_by_customer_code_appears_in_the_queue_with_its_deadline(
    client: httpx.Client, factory: Factory
) -> None:
    r = _new(client)
    assert r.status_code == 201, r.text
    data = r.json()
    assert data["customer_code"] == "C-1" and data["status"] == "open"
    assert data["deadline_state"] in ("running", "paused") and data["response_due"]
    assert [m["kind"] for m in data["messages"]] == ["customer"]
    with unit_of_work(factory, write_lock=True) as s:
        assert data["id"] in {row.id for row in list_open_tickets(s)}


def test_create_ticket_by_a_contacts_email_in_any_letter_case(client: httpx.Client, factory: Factory) -> None:
    r = _new(client, customer_code=None, email="Sara@EXAMPLE.org")
    assert r.status_code == 201, r.text
    assert r.json()["customer_code"] == "C-2"


def test_the_same_external_id_twice_gives_back_the_first_ticket(
    client: httpx.Client, factory: Factory
) -> None:
    first = _new(client, external_id="portal-77")
    second = _new(client, external_id="portal-77", body="دوباره")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    with unit_of_work(factory, write_lock=True) as s:
        assert len(s.scalars(select(Ticket).where(Ticket.external_id == "portal-77")).all()) == 1
    other = _new(client, customer_code="C-2", external_id="portal-77")
    assert other.status_code == 409 and other.headers["content-type"].startswith(PROBLEM)


def test_unknown_customer_is_a_persian_problem_and_creates_nothing(
    client: httpx.Client, factory: Factory
) -> None:
    r = _new(client, customer_code="NOPE")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith(PROBLEM)
    assert _persian(r.json()["detail"])
    r = _new(client, customer_code=None, email="stranger@nowhere.test")
    assert r.status_code == 404 and _persian(r.json()["detail"])
    with unit_of_work(factory, write_lock=True) as s:
        assert s.scalars(select(Ticket)).all() == []


def test_validation_errors_are_problem_json_in_persian(client: httpx.Client) -> None:
    r = client.post("/api/v1/tickets", json={"customer_code": "C-1", "category": "nonsense", "body": ""})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith(PROBLEM)
    problem = r.json()
    assert problem["status"] == 422 and _persian(problem["title"]) and _persian(problem["detail"])
    assert {e["field"] for e in problem["errors"]} >= {"subject", "category", "body"}
    r = client.post("/api/v1/tickets", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM)
    r = _new(client, customer_code=None)  # neither a code nor an email
    assert r.status_code == 422 and _persian(r.json()["detail"])


def test_text_with_a_nul_character_is_a_persian_problem_in_every_field(
    client: httpx.Client, factory: Factory
) -> None:
    """Found by the fuzzer on PostgreSQL: a NUL in the customer code was a 500; now 422 anywhere."""
    for field, value in (
        ("customer_code", "C-1\x00"),
        ("email", "ali\x00@example.com"),  # with the code left out, below
        ("subject", "گزارش\x00"),
        ("body", "سلام\x00"),
        ("external_id", "p\x00"),
    ):
        fields: dict[str, object] = (
            {field: value} if field != "email" else {field: value, "customer_code": None}
        )
        r = _new(client, **fields)
        assert r.status_code in (404, 422), (field, r.status_code, r.text)
        assert r.headers["content-type"].startswith(PROBLEM) and _persian(r.json()["detail"]), field
    ticket = _new(client).json()["id"]
    r = client.post(f"/api/v1/tickets/{ticket}/messages", json={"body": "\x00"})
    assert r.status_code == 422 and _persian(r.json()["detail"])
    assert client.get("/api/v1/customers/C%00/balances").status_code in (404, 422)
    with unit_of_work(factory, write_lock=True) as s:
        assert [t.id for t in s.scalars(select(Ticket))] == [ticket]


def test_a_missing_wrong_or_revoked_token_is_refused(
    server: ServerProcess, factory: Factory, office: Office, client: httpx.Client
) -> None:
    assert httpx.get(server.base + "/api/v1/tickets/1").status_code == 401
    wrong = httpx.get(server.base + "/api/v1/tickets/1", headers={"Authorization": "Bearer sc_00000000_x"})
    assert wrong.status_code == 401 and wrong.headers["content-type"].startswith(PROBLEM)
    assert _persian(wrong.json()["detail"])
    with unit_of_work(factory, write_lock=True) as s:
        revoke_api_token(s, actor_id=office.supervisor, token_id=office.token_id)
    assert _new(client).status_code == 401


def test_a_reply_written_in_the_app_is_read_back_without_internal_notes(
    client: httpx.Client, factory: Factory, office: Office
) -> None:
    tid = _new(client).json()["id"]
    with unit_of_work(factory, write_lock=True) as s:
        add_note(s, actor_id=office.agent, ticket_id=tid, body="یادداشت داخلی")
        version = get_queue_row(s, tid).version
        reply(s, actor_id=office.agent, ticket_id=tid, body="مشکل حل شد", expected_version=version)
    data = client.get(f"/api/v1/tickets/{tid}").json()
    assert [(m["kind"], m["body"]) for m in data["messages"]] == [
        ("customer", "سلام"),
        ("agent", "مشکل حل شد"),
    ]
    assert data["status"] == "waiting" and data["deadline_state"] in ("met", "breached")
    r = client.post(f"/api/v1/tickets/{tid}/messages", json={"body": "باز هم مشکل دارم"})
    assert r.status_code == 201
    assert r.json()["status"] == "open" and r.json()["messages"][-1]["body"] == "باز هم مشکل دارم"
    assert client.get("/api/v1/tickets/999999").status_code == 404


def test_attachments_are_kept_with_the_customers_message(client: httpx.Client, factory: Factory) -> None:
    payload = base64.b64encode(b"%PDF-1.4 test").decode()
    r = _new(
        client,
        attachments=[{"filename": "log.pdf", "content_type": "application/pdf", "content_base64": payload}],
    )
    assert r.status_code == 201, r.text
    with unit_of_work(factory, write_lock=True) as s:
        att = s.scalars(select(ApiAttachment)).one()
    assert (att.ticket_id, att.filename, att.data) == (r.json()["id"], "log.pdf", b"%PDF-1.4 test")
    bad = _new(client, attachments=[{"filename": "x.bin", "content_base64": "@@not base64@@"}])
    assert bad.status_code == 422 and _persian(bad.json()["detail"])


def test_a_customers_balances_and_expiry(client: httpx.Client, factory: Factory, office: Office) -> None:
    today = date.today()
    buy(factory, office, office.customer, 600, today - timedelta(days=30), today=today)
    data = client.get("/api/v1/customers/C-1/balances").json()
    assert data["support_minutes"] == 600 and data["training_minutes"] == 0
    assert data["next_expiry"] and data["packages"][0]["valid"] is True
    assert client.get("/api/v1/customers/NOPE/balances").status_code == 404


def test_each_use_of_a_token_is_recorded(client: httpx.Client, factory: Factory, office: Office) -> None:
    tid = _new(client).json()["id"]
    client.get(f"/api/v1/tickets/{tid}")
    _new(client, customer_code="NOPE")
    with unit_of_work(factory, write_lock=True) as s:
        uses = s.scalars(select(ApiTokenUse).order_by(ApiTokenUse.id)).all()
    assert [(u.method, u.status, u.token_id) for u in uses] == [
        ("POST", 201, office.token_id),
        ("GET", 200, office.token_id),
        ("POST", 404, office.token_id),
    ]
    assert uses[0].ticket_id == tid


def test_rate_limit_per_token(
    server: ServerProcess, factory: Factory, office: Office, client: httpx.Client
) -> None:
    with unit_of_work(factory, write_lock=True) as s:
        slow = create_api_token(s, actor_id=office.supervisor, name="slow", rate_per_minute=3)
    headers = {"Authorization": f"Bearer {slow.secret}"}
    codes = [
        httpx.get(server.base + "/api/v1/customers/C-1/balances", headers=headers).status_code
        for _ in range(5)
    ]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    limited = httpx.get(server.base + "/api/v1/customers/C-1/balances", headers=headers)
    assert limited.headers["content-type"].startswith(PROBLEM) and int(limited.headers["retry-after"]) >= 1
    assert client.get("/api/v1/customers/C-1/balances").status_code == 200  # other tokens are not held back


def test_the_openapi_document_is_served(server: ServerProcess) -> None:
    doc = httpx.get(server.base + "/openapi.json").json()
    assert "/api/v1/tickets" in doc["paths"] and "HTTPBearer" in doc["components"]["securitySchemes"]
