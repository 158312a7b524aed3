"""Agents and supervisors: who is signed in, and who may do what."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import NotFoundError, PermissionDeniedError
from console.models import Agent


@dataclass(frozen=True)
class AgentInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


def _info(a: Agent) -> AgentInfo:
    return AgentInfo(a.id, a.username, a.full_name, a.role, a.active)


def list_agents(session: Session, include_inactive: bool = False) -> list[AgentInfo]:
    query = select(Agent).order_by(Agent.full_name)
    if not include_inactive:
        query = query.where(Agent.active.is_(True))
    return [_info(a) for a in session.scalars(query)]


def get_agent(session: Session, agent_id: int) -> AgentInfo:
    agent = session.get(Agent, agent_id)
    if agent is None:
        raise NotFoundError("کارشناس پیدا نشد.")
    return _info(agent)


def find_agent(session: Session, username: str) -> AgentInfo | None:
    agent = session.scalar(select(Agent).where(Agent.username == username))
    return None if agent is None else _info(agent)


def require_active(session: Session, agent_id: int) -> AgentInfo:
    """The check every service a signed-in person calls makes: the account exists and is active."""
    agent = get_agent(session, agent_id)
    if not agent.active:
        raise PermissionDeniedError("این حساب غیرفعال است؛ با سرپرست تماس بگیرید.")
    return agent


def require_supervisor(session: Session, agent_id: int) -> AgentInfo:
    """The role check every supervisor-only service makes, whatever the UI shows."""
    agent = get_agent(session, agent_id)
    if not agent.active or not agent.is_supervisor:
        raise PermissionDeniedError("این کار فقط از سرپرست برمی‌آید.")
    return agent


def ensure_first_supervisor(session: Session) -> AgentInfo:
    """On a brand-new database, create the first supervisor account; else return a supervisor."""
    existing = session.scalar(
        select(Agent).where(Agent.role == "supervisor", Agent.active.is_(True)).order_by(Agent.id)
    )
    if existing is not None:
        return _info(existing)
    agent = Agent(username="admin", full_name="مدیر سامانه", role="supervisor", active=True)
    session.add(agent)
    session.flush()
    return _info(agent)
