"""Run N Strike Range dashboard replicas behind nginx on loopback.

Run from anywhere::

    .venv/bin/python deploy/run.py [--replicas N] [--port P] [--base-port B]

Starts ``--replicas`` (1 to 16, default 2) ``streamlit run app.py`` servers on
127.0.0.1 ports ``B``, ``B+1``, ... (default 8501 up), each with the
project's ``.streamlit/config.toml`` (XSRF protection on), then nginx on
127.0.0.1:``P`` (default 8080) with a configuration generated from
``deploy/nginx.conf.template`` in a run directory (``--run-dir``, default a
new temporary directory): pid, logs and temporary files stay there, and no
system nginx configuration is read or changed.  nginx balances readers over
the replicas with a sticky cookie and passes Streamlit's WebSocket through.

It waits until every replica answers ``/_stcore/health`` and nginx answers
too, prints the URL, and then runs until Ctrl-C or SIGTERM, or until a
process it started exits; then it stops everything it started (and only
that).  Bad input (replicas out of range, a port in use, nginx or Streamlit
missing) is reported in one line with exit status 2 before anything starts;
a failure while starting stops what had started and exits with status 1.

Everything here is the standard library, so :func:`deployment` is also used
by ``benchmarks/bench_sessions.py --replicas N`` and ``tests/test_deploy.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "MAX_REPLICAS",
    "MIN_REPLICAS",
    "DeployError",
    "Deployment",
    "check_ports",
    "check_replicas",
    "deployment",
    "find_nginx",
    "main",
    "render_config",
]

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
MIN_REPLICAS, MAX_REPLICAS = 1, 16
SBIN = ("/usr/sbin", "/usr/local/sbin")  # Debian installs nginx here, off a user's PATH
INSTALL_HINT = "install it with `sudo apt-get install nginx` or `sh scripts/ensure_nginx.sh`"


class DeployError(Exception):
    """A problem to report in one line; ``status`` is the exit status (2: bad input)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Deployment:
    """A running set: nginx's URL, the replicas' own URLs, the run directory."""

    url: str
    replica_urls: list[str]
    run_dir: Path
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)  # name -> process

    def pids(self) -> dict[str, int]:
        return {name: p.pid for name, p in self.procs.items()}

    def exited(self) -> str | None:
        """The first started process that has exited, as a sentence, else None."""
        for name, p in self.procs.items():
            if p.poll() is not None:
                return f"{name} exited with status {p.returncode}{_log_tail(self.run_dir, name)}"
        return None


def check_replicas(n: int) -> None:
    """Raise :class:`DeployError` unless ``MIN_REPLICAS <= n <= MAX_REPLICAS``."""
    if not MIN_REPLICAS <= n <= MAX_REPLICAS:
        raise DeployError(
            f"--replicas {n}: the number of replicas must be from {MIN_REPLICAS} to "
            f"{MAX_REPLICAS}", status=2)  # fmt: skip


def find_nginx(name: str = "nginx") -> str:
    """Path of the nginx executable ``name`` (a path, or looked up on PATH then in sbin)."""
    if os.sep in name:
        if os.path.isfile(name) and os.access(name, os.X_OK):
            return name
        raise DeployError(f"nginx not found at {name}; {INSTALL_HINT}", status=2)
    search = os.pathsep.join([os.environ.get("PATH", ""), *SBIN])
    found = shutil.which(name, path=search)
    if found is None:
        raise DeployError(
            f"nginx not found ('{name}' is not on PATH nor in {', '.join(SBIN)}); "
            f"{INSTALL_HINT}", status=2)  # fmt: skip
    return found


def _port_in_use(port: int) -> bool:
    with socket.socket() as s:
        # SO_REUSEADDR as the servers set it: a port in TIME_WAIT is free,
        # one with a listener is not.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def check_ports(ports: dict[int, str]) -> None:
    """Raise :class:`DeployError` naming the first port out of range or in use.

    ``ports`` maps each port to what would listen there ("nginx", "replica 1").
    """
    for port, who in ports.items():
        if not 1 <= port <= 65535:
            raise DeployError(f"port {port} ({who}) is not a TCP port (1-65535)", status=2)
        if _port_in_use(port):
            raise DeployError(
                f"port {port} ({who}) is already in use on 127.0.0.1; stop what listens "
                "there or choose other ports with --port / --base-port", status=2)  # fmt: skip


def _max_upload_mb() -> int:
    """Streamlit's ``server.maxUploadSize`` from the project's config (200 if unset)."""
    try:
        with open(ROOT / ".streamlit" / "config.toml", "rb") as f:
            return int(tomllib.load(f).get("server", {}).get("maxUploadSize", 200))
    except (OSError, tomllib.TOMLDecodeError, TypeError, ValueError):
        return 200


def render_config(listen_port: int, replica_ports: list[int], run_dir: Path) -> str:
    """nginx.conf for nginx on 127.0.0.1:``listen_port`` over the replicas' ports."""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;"
                        for p in replica_ports)  # fmt: skip
    fields = {
        "RUN_DIR": str(run_dir),
        "LISTEN": f"127.0.0.1:{listen_port}",
        "SERVERS": servers,
        "MAX_BODY_MB": str(_max_upload_mb() + 1),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in fields.items():
        text = text.replace(f"@@{key}@@", value)
    left = re.findall(r"@@[A-Z_]+@@", re.sub(r"(?m)#.*$", "", text))
    if left:  # a field the template gained and this function does not fill
        raise DeployError(f"{TEMPLATE}: no value for {', '.join(sorted(set(left)))}")
    return text


def _streamlit_cmd() -> list[str]:
    venv = ROOT / ".venv" / "bin" / "streamlit"
    if venv.is_file():
        return [str(venv)]
    try:
        import streamlit  # noqa: F401
    except ImportError:
        raise DeployError(
            f"streamlit not found ({venv} missing and not importable by {sys.executable}); "
            "run `sh scripts/setup.sh` first", status=2) from None  # fmt: skip
    return [sys.executable, "-m", "streamlit"]


def _die_with_parent() -> None:
    """In the child: get SIGTERM if the parent dies, even by SIGKILL (Linux only)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _log_tail(run_dir: Path, name: str) -> str:
    log = run_dir / ("error.log" if name == "nginx" else f"{name.replace(' ', '-')}.log")
    try:
        lines = [ln for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return ""
    return f" (last line of {log}: {lines[-1].strip()[:200]})" if lines else f" (see {log})"


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _stop(procs: dict[str, subprocess.Popen], grace_s: float = 15.0) -> None:
    """SIGTERM every process (nginx first), wait up to ``grace_s``, then SIGKILL."""
    for p in procs.values():
        if p.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                p.terminate()
    deadline = time.monotonic() + grace_s
    for p in procs.values():
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@contextlib.contextmanager
def deployment(replicas: int = 2, port: int = 8080, base_port: int = 8501, *,
               nginx: str = "nginx", run_dir: Path | None = None,
               timeout_s: float = 180.0) -> Iterator[Deployment]:  # fmt: skip
    """Start ``replicas`` dashboards and nginx; yield the :class:`Deployment`; stop all.

    Every input is checked before any process starts.  Whatever happens
    (an error while starting, an exception in the ``with`` body, SIGTERM
    turned into an exception by :func:`main`), every process started here is
    stopped on the way out.  A temporary run directory is removed after a
    clean stop and kept (its logs named in the error) after a failure.
    """
    check_replicas(replicas)
    replica_ports = [base_port + i for i in range(replicas)]
    ports = {port: "nginx"} | {p: f"replica {i + 1}" for i, p in enumerate(replica_ports)}
    if len(ports) != replicas + 1:
        raise DeployError(f"--port {port} falls among the replicas' ports "
                          f"{replica_ports[0]}-{replica_ports[-1]}", status=2)  # fmt: skip
    nginx_path = find_nginx(nginx)
    streamlit = _streamlit_cmd()
    check_ports(ports)

    temporary = run_dir is None
    run_dir = Path(tempfile.mkdtemp(prefix="strike-range-deploy-")) if temporary else run_dir
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "tmp").mkdir(exist_ok=True)
    # nginx started as root runs its workers as `nobody`, who must reach tmp/.
    run_dir.chmod(0o755)
    conf = run_dir / "nginx.conf"
    conf.write_text(render_config(port, replica_ports, run_dir), encoding="utf-8")

    dep = Deployment(f"http://127.0.0.1:{port}",
                     [f"http://127.0.0.1:{p}" for p in replica_ports], run_dir)  # fmt: skip
    failed = False
    try:
        for i, p in enumerate(replica_ports):
            name = f"replica {i + 1}"
            with open(run_dir / f"replica-{i + 1}.log", "wb") as log:
                dep.procs[name] = subprocess.Popen(
                    [*streamlit, "run", "app.py", "--server.port", str(p),
                     "--server.address", "127.0.0.1", "--server.headless", "true",
                     "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
                    cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True, preexec_fn=_die_with_parent)  # fmt: skip
        deadline = time.monotonic() + timeout_s
        pending = list(zip(dep.replica_urls, dep.procs, strict=True))
        while pending:
            if problem := dep.exited():
                raise DeployError(f"{problem} while starting")
            pending = [(u, n) for u, n in pending if not _answers(f"{u}/_stcore/health")]
            if pending and time.monotonic() > deadline:
                raise DeployError(f"{pending[0][1]} did not answer {pending[0][0]}/_stcore/health "
                                  f"in {timeout_s:.0f} s{_log_tail(run_dir, pending[0][1])}")
            time.sleep(0.25)
        dep.procs["nginx"] = subprocess.Popen(
            [nginx_path, "-c", str(conf), "-p", f"{run_dir}/"], cwd=run_dir,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=_die_with_parent)  # fmt: skip
        while not _answers(f"{dep.url}/_stcore/health"):
            if problem := dep.exited():
                raise DeployError(f"{problem} while starting")
            if time.monotonic() > deadline:
                raise DeployError(f"nginx did not answer {dep.url}/_stcore/health in "
                                  f"{timeout_s:.0f} s{_log_tail(run_dir, 'nginx')}")  # fmt: skip
            time.sleep(0.1)
        yield dep
    except DeployError:
        failed = True
        raise
    finally:
        _stop(dict(reversed(dep.procs.items())))
        if temporary and not failed:
            shutil.rmtree(run_dir, ignore_errors=True)


class _Terminated(Exception):
    pass


def _on_signal(signum, frame):  # noqa: ARG001 - signal handler signature
    # Once: a second Ctrl-C must not interrupt the stopping of the processes.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    raise _Terminated(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replicas", type=int, default=2,
                    help=f"dashboard servers ({MIN_REPLICAS}-{MAX_REPLICAS}, default 2)")
    ap.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (8080)")
    ap.add_argument("--base-port", type=int, default=8501,
                    help="first replica's port; the others follow (8501)")
    ap.add_argument("--nginx", default="nginx", help="nginx executable (name or path)")
    ap.add_argument("--run-dir", type=Path, default=None,
                    help="directory for nginx.conf, pid and logs (default: a new temp dir)")
    ap.add_argument("--timeout", type=float, default=180.0,
                    help="seconds to wait for the servers to answer (180)")
    args = ap.parse_args(argv)  # fmt: skip
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)
    try:
        with deployment(args.replicas, args.port, args.base_port, nginx=args.nginx,
                        run_dir=args.run_dir, timeout_s=args.timeout) as dep:  # fmt: skip
            print(f"Strike Range: {dep.url}/ ({args.replicas} replica"
                  f"{'s' if args.replicas > 1 else ''} on {', '.join(dep.replica_urls)}; "
                  f"logs in {dep.run_dir}). Ctrl-C stops all.", flush=True)  # fmt: skip
            while True:
                if problem := dep.exited():
                    raise DeployError(problem)
                time.sleep(0.5)
    except DeployError as exc:
        print(f"deploy/run.py: {exc}", file=sys.stderr)
        return exc.status
    except _Terminated:
        print("deploy/run.py: stopped", file=sys.stderr)
        return 0


if __name__ == "__main__":
    sys.exit(main())
