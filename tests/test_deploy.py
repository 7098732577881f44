"""``deploy/run.py``: dashboard replicas behind nginx, and its bad-input messages.

The bad-input tests run the script and need neither nginx nor a browser:
each must exit non-zero with one line naming the problem, before starting
anything.  The real start runs 2 replicas behind nginx (Debian's package;
``sh scripts/ensure_nginx.sh`` installs it) and drives Chromium through the
proxy: health, a page load, an upload (Streamlit's XSRF check passes through
the proxy), the sticky cookie, a link copied from the proxied page that
reopens the same map on each replica, and a clean stop.  Without nginx or a
browser it is skipped, except under CI (``CI`` set), where it fails, as in
``tests/test_e2e.py``.

:func:`link_problems` and :func:`deploy_ports` are also used by ``benchmarks/bench_sessions.py
--replicas N``.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_e2e import (
    CHROMIUM,
    HEADLINE,
    VIEWPORT,
    _no_browser,
    launch_chromium,
    require_browser_tools,
)

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "deploy" / "run.py"
WAIT_MS = 120_000  # generous: the machine may be busy
LINK_COORDS = ("50.45, 30.52", "50.4500, 30.5200")  # typed, and as the headline shows it


def _free_ports(n: int) -> list[int]:
    """``n`` consecutive free loopback ports (replicas take base, base+1, ...)."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base + n > 65535:
            continue
        socks = []
        try:
            for p in range(base, base + n):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", p))
            return list(range(base, base + n))
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError(f"no {n} consecutive free ports")


def deploy_ports(replicas: int) -> tuple[int, int]:
    """Free ports for ``deploy/run.py``: the first replica's, and nginx's just above the last."""
    ports = _free_ports(replicas + 1)
    return ports[0], ports[-1]


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(RUN), *args], capture_output=True, text=True,
                          timeout=120, env=env)  # fmt: skip


def _processes_using(ports: list[int], run_dir: Path) -> list[str]:
    """Command lines of processes serving one of ``ports`` or running from ``run_dir``."""
    needles = [f"--server.port\0{p}\0".encode() for p in ports] + [str(run_dir).encode()]
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                cmd = (entry / "cmdline").read_bytes() + b"\0"
            except OSError:
                continue
            if any(n in cmd for n in needles):
                found.append(cmd.replace(b"\0", b" ").decode(errors="replace").strip())
    return found


def _one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    assert proc.returncode != 0
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


@pytest.mark.parametrize("n", [0, 17, -1])
def test_replicas_out_of_range_exit_with_one_line_and_start_nothing(n, tmp_path):
    base, port = deploy_ports(2)
    run_dir = tmp_path / "run"
    proc = _run("--replicas", str(n), "--port", str(port), "--base-port", str(base),
                "--run-dir", str(run_dir))  # fmt: skip
    _one_line_error(proc, f"--replicas {n}", "from 1 to 16")
    assert not run_dir.exists()
    assert _processes_using([base, base + 1], run_dir) == []


@pytest.mark.parametrize("taken", ["nginx", "replica 2"])
def test_a_port_in_use_is_named_and_nothing_is_started(taken, tmp_path):
    base, port = deploy_ports(2)
    busy = port if taken == "nginx" else base + 1
    run_dir = tmp_path / "run"
    with socket.socket() as s:
        s.bind(("127.0.0.1", busy))
        s.listen()
        proc = _run("--replicas", "2", "--port", str(port), "--base-port", str(base),
                    "--run-dir", str(run_dir))  # fmt: skip
    _one_line_error(proc, f"port {busy} ({taken}) is already in use")
    assert not run_dir.exists()
    assert _processes_using([base, base + 1], run_dir) == []


def test_nginx_port_among_the_replicas_ports_is_refused(tmp_path):
    base = _free_ports(3)[0]
    proc = _run("--replicas", "3", "--port", str(base + 1), "--base-port", str(base),
                "--run-dir", str(tmp_path / "run"))  # fmt: skip
    _one_line_error(proc, f"--port {base + 1}", "replicas' ports")


def test_missing_nginx_says_how_to_install_it(tmp_path):
    base, port = deploy_ports(2)
    run_dir = tmp_path / "run"
    common = ["--port", str(port), "--base-port", str(base), "--run-dir", str(run_dir)]
    # Looked up by name on PATH (and in /usr/sbin, where Debian puts it, so
    # the name must be one no package installs), and given as a path.
    empty = tmp_path / "bin"
    empty.mkdir()
    by_name = _run("--nginx", "strike-range-test-no-nginx", *common,
                   env={**os.environ, "PATH": str(empty)})  # fmt: skip
    _one_line_error(by_name, "nginx not found", "not on PATH", "apt-get install nginx")
    by_path = _run("--nginx", str(tmp_path / "nginx"), *common)
    _one_line_error(by_path, f"nginx not found at {tmp_path / 'nginx'}", "apt-get install nginx")
    assert not run_dir.exists()
    assert _processes_using([base, base + 1], run_dir) == []


def _headlines(page) -> list[str]:
    from playwright.sync_api import expect

    expect(page.locator(HEADLINE).first).to_be_visible(timeout=WAIT_MS)
    return page.locator(HEADLINE).all_inner_texts()


def link_problems(url: str, replica_urls: list[str]) -> tuple[str, list[str]]:
    """Open ``url`` (through nginx), paste a site, copy the page's link, reopen it on each replica.

    Returns the link's query string and the problems found: a replica whose
    page shows other headlines than the page the link was copied from.
    """
    from playwright.sync_api import expect, sync_playwright

    typed, shown = LINK_COORDS
    problems = []
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.set_default_timeout(WAIT_MS)
            page = context.new_page()
            page.goto(url, timeout=WAIT_MS)
            _headlines(page)
            box = page.get_by_label("Paste coordinates (lat, lon)", exact=True)
            box.fill(typed)
            box.press("Enter")
            expect(page.locator(HEADLINE).first).to_contain_text(f"from {shown} ", timeout=WAIT_MS)
            expect(page).to_have_url(re.compile(r"[?&]s="), timeout=WAIT_MS)
            query = urlsplit(page.url).query
            original = _headlines(page)
            context.close()
            for replica in replica_urls:
                context = browser.new_context(viewport=VIEWPORT)
                context.set_default_timeout(WAIT_MS)
                page = context.new_page()
                page.goto(f"{replica}/?{query}", timeout=WAIT_MS)
                expect(page.locator(HEADLINE).first).to_contain_text(f"from {shown} ",
                                                                     timeout=WAIT_MS)  # fmt: skip
                reopened = _headlines(page)
                if reopened != original:
                    problems.append(f"{replica}/?{query} shows {reopened!r}, not {original!r}")
                context.close()
        finally:
            browser.close()
    return query, problems


def _require_nginx() -> None:
    from deploy.run import DeployError, find_nginx

    try:
        find_nginx()
    except DeployError as exc:
        message = f"no nginx for the deployment test: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _cookie_upstreams(url: str, run_dir: Path, cookies: list[str]) -> dict[str, set[str]]:
    """Which replica(s) nginx sent each ``strike_range_replica`` cookie to (from its log)."""
    for c in cookies:
        for _ in range(2):
            req = urllib.request.Request(f"{url}/_stcore/health?c={c}",
                                         headers={"Cookie": f"strike_range_replica={c}"})
            with urllib.request.urlopen(req, timeout=30) as r:
                assert r.status == 200
    seen: dict[str, set[str]] = {}
    deadline = time.monotonic() + 60  # the access log is written as each request ends
    while time.monotonic() < deadline:
        seen = {}
        for line in (run_dir / "access.log").read_text().splitlines():
            m = re.search(r"/_stcore/health\?c=(\S+) .* upstream=(\S+)", line)
            if m:
                seen.setdefault(m.group(1), set()).add(m.group(2))
        if sum(1 for _ in seen) == len(cookies):
            break
        time.sleep(0.1)
    return seen


def test_two_replicas_behind_nginx_serve_the_page_keep_readers_and_share_links(tmp_path):
    _require_nginx()
    require_browser_tools("playwright.sync_api")
    from playwright.sync_api import expect, sync_playwright

    base, port = deploy_ports(2)
    run_dir = tmp_path / "run"
    proc = subprocess.Popen(
        [sys.executable, str(RUN), "--replicas", "2", "--port", str(port), "--base-port",
         str(base), "--run-dir", str(run_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while not lines and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert lines, f"deploy/run.py did not start: {proc.poll()} {proc.stderr.read()}"
        url = f"http://127.0.0.1:{port}"
        assert lines[0].startswith(f"Strike Range: {url}/ (2 replicas")
        started = _descendants(proc.pid)
        assert len(started) >= 3  # 2 replicas + the nginx master (+ its worker)

        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=30) as r:
            assert r.read() == b"ok"
        with urllib.request.urlopen(f"{url}/", timeout=30) as r:
            assert "strike_range_replica=" in r.headers.get("Set-Cookie", "")

        # Sticky: a cookie always reaches one replica; twenty readers reach both.
        seen = _cookie_upstreams(url, run_dir, [f"reader-{i}" for i in range(20)])
        assert len(seen) == 20
        assert all(len(upstreams) == 1 for upstreams in seen.values()), seen
        assert set().union(*seen.values()) == {f"127.0.0.1:{base}", f"127.0.0.1:{base + 1}"}

        # A page through the proxy, and an upload: Streamlit's XSRF token
        # (cookie + header) reaches the replica that holds the session.
        with sync_playwright() as p:
            try:
                browser = launch_chromium(p)
            except Exception as exc:  # noqa: BLE001 - any launch failure means "no browser"
                _no_browser(f"{CHROMIUM} did not start ({str(exc).splitlines()[0]})")
            page = browser.new_page(viewport=VIEWPORT)
            page.set_default_timeout(WAIT_MS)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(url, timeout=WAIT_MS)
            expect(page.locator(HEADLINE).first).to_contain_text("from the Sumy border area:",
                                                                 timeout=WAIT_MS)  # fmt: skip
            page.get_by_text("Targets and overlay").click()
            uploader = page.locator('[data-testid="stFileUploader"]').filter(
                has_text="Your targets")
            uploader.locator('input[type="file"]').set_input_files(
                {"name": "mine.csv", "mimeType": "text/csv",
                 "buffer": b"name,lat,lon\nDepot,51.7,36.2\n"})  # fmt: skip
            expect(page.get_by_text("Loaded 1 targets from mine.csv.")).to_be_visible(
                timeout=WAIT_MS)
            assert page.locator('[data-testid="stException"]').count() == 0
            assert errors == []
            browser.close()

        query, problems = link_problems(url, [f"http://127.0.0.1:{base}",
                                              f"http://127.0.0.1:{base + 1}"])  # fmt: skip
        assert "s=" in query
        assert problems == []
    finally:
        started |= _descendants(proc.pid)
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, proc.stderr.read()
    assert [p for p in started if _alive(p)] == []
    assert _processes_using([base, base + 1], run_dir) == []
