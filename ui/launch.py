"""Start-up: choose and prepare the database, set up Qt, open the main window.

On the shared server where people sign in as themselves (issue 17: a PostgreSQL URL without a user,
``console.person_sign_in.is_person_server``) the order differs: nothing connects before the sign-in;
the engine is the person's own (:func:`console.person_sign_in.sign_in_as_person`), the schema is
never migrated (only the IT person's owner login does that: ``support-console admin apply-roles``),
and the start-up writes a person's role may not do are skipped without failing the start.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

from console.agents import AgentInfo, find_agent
from console.calendar_store import seed_calendar
from console.clock import TEHRAN, Clock, FixedClock, SystemClock
from console.connection import resolve_startup_database
from console.db import (
    Engine,
    default_sqlite_path,
    describe,
    is_connection_error,
    make_engine,
    session_factory,
    sqlite_url,
    unit_of_work,
)
from console.demo import FIXED_ANCHOR, build_demo
from console.ledger import record_forfeits
from console.migrate import upgrade_to_head
from console.person_sign_in import PersonSignIn, is_person_server

DEMO_AGENT = "maryam"
STARTUP_PROBE = "SUPPORT_CONSOLE_STARTUP_PROBE"
PASSWORD_ENV = "SUPPORT_CONSOLE_PASSWORD"
#: messages the offscreen platform prints about features it lacks; not faults of the app
BENIGN_QT_MESSAGES = {"This plugin does not support propagateSizeHints()"}


def _prepare_demo_file(path: Path, anchor: datetime, rebuild: bool) -> None:
    """Build the demo database unless one built today already exists."""
    marker = path.with_suffix(".anchor")
    today = anchor.astimezone(TEHRAN).date().isoformat()
    if not rebuild and path.exists() and marker.exists() and marker.read_text().strip() == today:
        return
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(sqlite_url(path))
    upgrade_to_head(engine)
    with unit_of_work(session_factory(engine)) as session:
        build_demo(session, anchor)
    engine.dispose()
    marker.write_text(today)


def prepare_database(args: argparse.Namespace, tmp: Path | None) -> tuple[str, Clock, bool]:
    """The database URL, the clock and whether this is the demo."""
    if tmp is not None:
        path = tmp / "demo.sqlite3"
        _prepare_demo_file(path, FIXED_ANCHOR, rebuild=True)
        return sqlite_url(path), FixedClock(FIXED_ANCHOR), True
    if args.demo:
        path = default_sqlite_path(demo=True)
        _prepare_demo_file(path, datetime.now(UTC).replace(second=0, microsecond=0), rebuild=False)
        return sqlite_url(path), SystemClock(), True
    if args.database:
        return args.database, SystemClock(), False
    url = resolve_startup_database()  # SUPPORT_CONSOLE_DATABASE_URL, else the saved first-run choice
    if url is None:  # nothing chosen yet, or the shared server's password is not kept on this PC
        url = _ask_database(args)
    return url, SystemClock(), False


def _qt_app(args: argparse.Namespace) -> None:
    """Set Qt up before the main window (for a dialog at start-up), once."""
    from PySide6.QtWidgets import QApplication

    from ui.app import setup_application

    if QApplication.instance() is None:
        setup_application(sys.argv[:1], dark=args.dark or _saved_dark())


def _ask_database(args: argparse.Namespace) -> str:
    """The first-run dialog, before the main window (so Qt is set up here); exits when the person quits."""
    from ui.first_run import ask_database

    _qt_app(args)
    url = ask_database()
    if url is None:
        raise SystemExit(0)
    return url


def sign_in(factory: object, username: str | None, demo: bool) -> AgentInfo:
    """Sign in without a dialog (scripts, tests, the smoke test).

    On the demo database: ``--agent`` or the demo's supervisor, without a password. Elsewhere:
    ``--agent`` with the password in ``SUPPORT_CONSOLE_PASSWORD`` (never on the command line, where
    other users of the PC could read it).
    """
    from console.accounts import authenticate
    from console.errors import ConsoleError

    with unit_of_work(factory) as session:  # type: ignore[arg-type]
        if demo:
            agent = find_agent(session, username or DEMO_AGENT)
            if agent is None:
                raise SystemExit(f"support-console: no agent named {username!r}")
            return agent
        try:
            return authenticate(session, username or "", os.environ.get(PASSWORD_ENV, ""))
        except ConsoleError as exc:
            raise SystemExit(f"support-console: {exc.message}") from exc


def sign_in_with_dialog(app: object, factory: object, demo: bool, username: str | None) -> AgentInfo | None:
    """The sign-in dialog (first, on a new database, the first supervisor's password); None: they quit."""
    from console.accounts import passwordless_accounts
    from ui.runner import DbRunner
    from ui.sign_in import sign_in_interactively

    demo_accounts: list[AgentInfo] = []
    if demo:  # the one-click list: only on the demo database start-up built itself
        with unit_of_work(factory) as session:  # type: ignore[arg-type]
            demo_accounts = passwordless_accounts(session)
    runner = DbRunner(factory)  # type: ignore[arg-type]
    try:
        return sign_in_interactively(app, runner, demo, demo_accounts, username=username or "")  # type: ignore[arg-type]
    finally:
        runner.shutdown()


def _open(url: str, today: date) -> Engine:
    """Migrate the database, seed its calendar and record the day's forfeits (raises when unreachable)."""
    engine = make_engine(url)
    try:
        upgrade_to_head(engine)
        factory = session_factory(engine)
        with unit_of_work(factory) as session:
            seed_calendar(session, today)
        with unit_of_work(factory) as session:
            record_forfeits(session, today)
    except BaseException:
        engine.dispose()
        raise
    return engine


class _StartOver(Exception):
    """Another database was chosen at start-up: start again on it (its kind decides how)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def _permission_refused(exc: BaseException) -> bool:
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501"


def start_as_person(engine: Engine, agent: AgentInfo, today: date) -> None:
    """The start-up writes, as the person who signed in: each one their role may not do is skipped.

    Seeding an empty calendar is a supervisor's (an agent's role may not write ``holidays``); the
    day's forfeits are anyone's (a policy lets them). A refusal is logged, never a failed start.
    """
    import logging

    factory = session_factory(engine)
    for name, step in (("seed_calendar", seed_calendar), ("record_forfeits", record_forfeits)):
        try:
            with unit_of_work(factory) as session:
                step(session, today)
        except Exception as exc:
            if not _permission_refused(exc):
                raise
            logging.getLogger(__name__).info(
                "start-up: %s is not %s's to do (%s)", name, agent.username, agent.role
            )


def sign_in_as_person_scripted(url: str, username: str | None) -> PersonSignIn:
    """``--agent`` with ``SUPPORT_CONSOLE_PASSWORD`` on a person's server: PostgreSQL checks it."""
    from console.errors import ConsoleError
    from console.person_sign_in import sign_in_as_person

    try:
        return sign_in_as_person(url, username or "", os.environ.get(PASSWORD_ENV, ""))
    except ConsoleError as exc:
        raise SystemExit(f"support-console: {exc.message}") from exc


def open_database(args: argparse.Namespace, url: str, today: date, interactive: bool) -> tuple[Engine, str]:
    """The prepared database; when it cannot be reached, say so instead of failing with a traceback.

    With a window: offer to try again, to choose another database (the first-run dialog, saved as this
    PC's choice) or to quit. Without one (scripts): one line on stderr and exit status 1.
    """
    while True:
        try:
            return _open(url, today), url
        except Exception as exc:
            if not is_connection_error(exc):
                raise
            location = describe(url).location
            if not interactive:
                raise SystemExit(f"support-console: پایگاه داده در دسترس نیست ({location}).") from None
        from ui.unreachable import Unreachable, ask_after_unreachable

        _qt_app(args)
        answer = ask_after_unreachable(location)
        if answer is Unreachable.QUIT:
            raise SystemExit(1)
        if answer is Unreachable.CHOOSE:
            url = _ask_database(args)
            if is_person_server(url):  # people sign in there as themselves: that start instead
                raise _StartOver(url)


def _launch_as_person(args: argparse.Namespace, url: str, clock: Clock, today: date) -> int:
    """Start on a server where people sign in as themselves (see the module)."""
    scripted = bool(args.agent and PASSWORD_ENV in os.environ)
    if scripted:
        signed = sign_in_as_person_scripted(url, args.agent)
    else:
        from PySide6.QtWidgets import QApplication

        from ui.sign_in import sign_in_as_person_interactively

        _qt_app(args)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        answer = sign_in_as_person_interactively(app, url, username=args.agent or "")
        if answer is None:  # they quit at the sign-in
            return 0
        if isinstance(answer, str):  # "another database…": the first-run dialog, then start again
            raise _StartOver(_ask_database(args))
        signed = answer
    try:
        start_as_person(signed.engine, signed.agent, today)
        return _run_shell(args, signed.engine, url, clock, signed.agent, False, listen_url=signed.url)
    finally:
        signed.engine.dispose()


def launch(args: argparse.Namespace, tmp: Path | None) -> int:
    """Start the app; when another database is chosen on the way, start again on that one."""
    while True:
        try:
            return _launch(args, tmp)
        except _StartOver as again:
            args.database = again.url  # first in prepare_database: before the saved choice


def _launch(args: argparse.Namespace, tmp: Path | None) -> int:
    url, clock, demo = prepare_database(args, tmp)
    today = clock.now().astimezone(TEHRAN).date()
    if not demo and is_person_server(url):
        return _launch_as_person(args, url, clock, today)
    interactive = tmp is None and not os.environ.get(STARTUP_PROBE)
    engine, url = open_database(args, url, today, interactive)
    factory = session_factory(engine)

    from PySide6.QtWidgets import QApplication

    from ui.app import setup_application

    warnings: list[str] = []
    if args.smoke_test or args.screenshot:
        _capture_qt_messages(warnings)
    throwaway = bool(args.smoke_test or args.screenshot)
    existing = QApplication.instance()  # set up already when the first-run dialog was shown
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = setup_application(sys.argv[:1], dark=args.dark or (not throwaway and _saved_dark()))
    scripted = (
        tmp is not None  # the smoke test and screenshots: the throw-away demo
        or bool(os.environ.get(STARTUP_PROBE))  # benchmarks/startup.py, on the demo
        or (demo and args.agent)
        or (args.agent and PASSWORD_ENV in os.environ)
    )
    if scripted:
        agent = sign_in(factory, args.agent, demo)
    else:
        signed_in = sign_in_with_dialog(app, factory, demo, args.agent)
        if signed_in is None:  # they quit at the sign-in
            engine.dispose()
            return 0
        agent = signed_in
    try:
        return _run_shell(args, engine, url, clock, agent, demo, listen_url=url, warnings=warnings)
    finally:
        engine.dispose()


def _run_shell(
    args: argparse.Namespace,
    engine: Engine,
    url: str,
    clock: Clock,
    agent: AgentInfo,
    demo: bool,
    *,
    listen_url: str,
    warnings: list[str] | None = None,
) -> int:
    """Build the main window on ``engine`` as ``agent`` and run it (the caller disposes of the engine)."""
    from PySide6.QtWidgets import QApplication

    from ui.app import setup_application
    from ui.shell import build_shell

    if warnings is None:
        warnings = []
        if args.smoke_test or args.screenshot:
            _capture_qt_messages(warnings)
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else setup_application(sys.argv[:1], dark=args.dark or _saved_dark())
    )
    factory = session_factory(engine)
    window, ctx = build_shell(factory, clock, agent, describe(url), demo, listen_url=listen_url)
    window.show()
    if os.environ.get(STARTUP_PROBE):
        _report_first_paint(app, window)

    if args.smoke_test or args.screenshot:
        code = _walk_pages(app, window, ctx, args.screenshot, warnings)
        ctx.feed.stop()
        ctx.runner.shutdown()
        return code
    code = app.exec()
    ctx.feed.stop()
    ctx.runner.shutdown()
    return code


def _report_first_paint(app: object, window: object) -> None:
    """For benchmarks/startup.py: print the wall-clock time of the first paint of the window, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.property("seen"):
                self.setProperty("seen", True)
                print(f"first-paint {time.time():.6f}", flush=True)
                QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]
            return False

    probe = FirstPaint(window)  # type: ignore[arg-type]
    window.installEventFilter(probe)  # type: ignore[attr-defined]


def _saved_dark() -> bool:
    from PySide6.QtCore import QSettings

    return bool(QSettings("crmonline", "SupportConsole").value("view/dark", False, type=bool))


def _capture_qt_messages(sink: list[str]) -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if message in BENIGN_QT_MESSAGES:
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            sink.append(message)
        print(f"qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def wait_until_idle(app: object, ctx: object, timeout: float = 15.0) -> bool:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if ctx.runner.is_idle():  # type: ignore[attr-defined]
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 0.3:
                return True
        else:
            quiet_since = None
        time.sleep(0.01)
    return False


def _walk_pages(app: object, window: object, ctx: object, shots: Path | None, warnings: list[str]) -> int:
    errors: list[str] = []
    ctx.runner.failed.connect(lambda e: errors.append(repr(e)))  # type: ignore[attr-defined]
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    for n, page in enumerate(window.page_classes):  # type: ignore[attr-defined]
        window.show_page(n)  # type: ignore[attr-defined]  # builds the page on its first show
        if not wait_until_idle(app, ctx):
            errors.append(f"page {type(page).__name__} did not finish loading")
        if shots is not None:
            path = shots / f"{n + 1:02d}-{page.slug}.png"
            window.grab().save(str(path))  # type: ignore[attr-defined]
            print(path)
    problems = errors + warnings
    for p in problems:
        print(f"support-console: {p}", file=sys.stderr)
    if not problems:
        print(f"smoke test: {len(window.page_classes)} pages opened, no errors")  # type: ignore[attr-defined]
    return 1 if problems else 0
