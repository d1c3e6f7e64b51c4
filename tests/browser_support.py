"""Run JupyterLab or Voilà on 127.0.0.1 in a throwaway root, and drive it with Debian's Chromium via Playwright.

Used by ``tests/test_browser.py``. Nothing here reaches beyond the loopback interface, and nothing is installed:
``playwright install`` is never run (its browser download is not reachable); the browser is /usr/bin/chromium.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
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


def _stop(process: subprocess.Popen) -> None:
    """Stop the server we started, by its own process id (and its kernels, which are its children)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=8)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


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
    with log.open("w") as handle:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=handle, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/api/status?token={token}", process, log)
        yield Server(base, f"token={token}", process, log, time.monotonic() - started)
    finally:
        _stop(process)


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
    with log.open("w") as handle:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=handle, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        # Voila has no status endpoint; a 404 for a missing static file shows it is listening. Asking for "/"
        # would start a kernel just to wait.
        _wait_for(f"{base}/voila/static/no-such-file", process, log, any_answer=True)
        yield Server(base, "", process, log, time.monotonic() - started)
    finally:
        _stop(process)


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
