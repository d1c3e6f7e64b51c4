"""Run JupyterLab or Voilà on 127.0.0.1 in a throwaway root, and drive it with Debian's Chromium via Playwright.

Used by ``tests/test_browser.py``. Nothing here reaches beyond the loopback interface, and nothing is installed:
``playwright install`` is never run (its browser download is not reachable); the browser is /usr/bin/chromium.
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_TIMEOUT = 40.0


def missing_browser_tools() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return "Debian's Chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install playwright; never `playwright install`)"
    for module in ("jupyterlab", "voila", "ipywidgets"):
        try:
            __import__(module)
        except ImportError:
            return f"the {module} package is not installed"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def isolated_env(root: Path) -> dict[str, str]:
    """Environment for a Jupyter server whose settings, runtime files and caches all live under ``root``."""
    env = dict(os.environ)
    for var, sub in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
        ("IPYTHONDIR", "ipython"),
        ("MPLCONFIGDIR", "mpl"),
    ]:
        path = root / ".jupyter-home" / sub
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    # No news, no update checks: the toast would cover the lower right of every screenshot.
    notification = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    return env


@dataclass
class Server:
    """A running server: its base URL (with the token query, if any) and its process."""

    url: str
    query: str
    process: subprocess.Popen
    log: Path
    started_seconds: float

    def page_url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}{self.query}" if self.query else f"{self.url}{path}"

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = STARTUP_TIMEOUT, *,
              any_answer: bool = False) -> None:
    """Wait until ``url`` answers 200 (or, with ``any_answer``, answers at all: the server is listening)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited early:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # loopback only
                if response.status == 200:
                    return
        except urllib.error.HTTPError:
            if any_answer:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.15)
    raise RuntimeError(f"the server did not answer {url} within {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


_RUNNING: dict[int, subprocess.Popen] = {}
"""Servers started here and not yet stopped (by process id): :func:`_stop_all` ends them when Python exits."""


def _children(pid: int) -> list[int]:
    """Every live descendant of ``pid`` (read from /proc). Jupyter starts each kernel in a session of its own,
    so a kernel is not in the server's process group: it is found here, as a child of the server."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (dead, not yet reaped) counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return False


def _signal_group(pid: int, sig: int) -> None:
    """Send ``sig`` to the process group led by ``pid`` (every server is started in its own session), or to
    the process alone when it leads no group."""
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _stop(process: subprocess.Popen) -> None:
    """Stop a server we started, its whole process group, and the kernels it started (by their process ids)."""
    _RUNNING.pop(process.pid, None)
    descendants = _children(process.pid) if process.poll() is None else []
    if process.poll() is None:
        _signal_group(process.pid, signal.SIGTERM)  # the server shuts its kernels down itself, if it can
        try:
            process.wait(timeout=8)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    deadline = time.monotonic() + 3
    for pid in descendants:  # a kernel the server did not end in time
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _alive(pid):
            _signal_group(pid, signal.SIGKILL)
            until = time.monotonic() + 3
            while _alive(pid) and time.monotonic() < until:
                time.sleep(0.05)


def _stop_all() -> None:
    """At exit (also after Ctrl+C or SIGTERM during a test): stop every server still running."""
    for process in list(_RUNNING.values()):
        _stop(process)


atexit.register(_stop_all)


@contextmanager
def _server(command: list[str], *, cwd: Path, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """Start ``command`` in a session of its own; stop it, its group and its kernels however the block ends.

    While it runs, SIGTERM and SIGHUP (a CI timeout, a closed terminal) raise SystemExit in the test instead of
    killing Python on the spot, so the ``finally`` below and the exit handler still run.
    """
    previous: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            previous[sig] = signal.signal(sig, _exit_on_signal)
    try:
        with log.open("w") as handle:
            process = subprocess.Popen(command, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        _RUNNING[process.pid] = process
        try:
            yield process
        finally:
            _stop(process)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _root_flag() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


@contextmanager
def jupyter_lab(root: Path) -> Iterator[Server]:
    """JupyterLab serving ``root`` on 127.0.0.1 with a random token, isolated from the user's settings."""
    env = isolated_env(root)
    port, token = free_port(), secrets.token_hex(16)
    log = root / ".jupyter-home" / "lab.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip", "127.0.0.1", "--port", str(port),
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.expose_app_in_browser=True",
        *_root_flag(),
    ]
    started = time.monotonic()
    with _server(command, cwd=root, env=env, log=log) as process:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/api/status?token={token}", process, log)
        yield Server(base, f"token={token}", process, log, time.monotonic() - started)


@contextmanager
def voila(notebook: Path) -> Iterator[Server]:
    """Voilà serving one notebook as an app on 127.0.0.1 (the notebook's folder is the working directory)."""
    root = notebook.parent
    env = isolated_env(root)
    port = free_port()
    log = root / ".jupyter-home" / "voila.log"
    command = [sys.executable, "-m", "voila", str(notebook), "--no-browser", "--port", str(port),
               "--Voila.ip=127.0.0.1"]
    started = time.monotonic()
    with _server(command, cwd=root, env=env, log=log) as process:
        base = f"http://127.0.0.1:{port}"
        # Voila has no status endpoint; a 404 for a missing static file shows it is listening. Asking for "/"
        # would start a kernel just to wait.
        _wait_for(f"{base}/voila/static/no-such-file", process, log, any_answer=True)
        yield Server(base, "", process, log, time.monotonic() - started)


@contextmanager
def chromium_page(viewport: tuple[int, int] = (1280, 1200)):
    """A Playwright page in headless Debian Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
            page = context.new_page()
            yield page
        finally:
            browser.close()


KERNEL_READY = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = panel && panel.sessionContext && panel.sessionContext.session
                 && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""
"""True in JupyterLab's page once the open notebook's kernel is connected and idle (needs expose_app_in_browser)."""


def keep_artifact(path: Path) -> Path | None:
    """Copy a screenshot to $VW_ARTIFACTS when it is set (CI collects it from there)."""
    target_dir = os.environ.get("VW_ARTIFACTS")
    if not target_dir:
        return None
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(path, target / path.name))
