"""Tests of ranges.site: the static site export (shared deck.gl library, a small
page, data script, GeoJSON and embed snippet per map).

The browser tests open the pages in Debian's Chromium (as tests/test_e2e.py
does) from ``file://`` and from ``python -m http.server`` on loopback, record
every request, and fail on any host other than the local one.  Waits are for
events (a canvas, a title, a frame's size), each with a generous limit.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from tools import wait_until_drawn

from ranges import site
from ranges.errors import InputError
from ranges.evaluate import evaluate
from ranges.presets import PRESETS
from ranges.scenario import Note, Target

FLAGSHIP = "atacms-nov-2024"
WAIT_MS = 120_000  # one page load may take this long on a busy 2-CPU machine
HOSTILE = "</script><img src=x onerror=window.__pwned=1>"
EXPR = "@@=constructor.constructor('window.__pwned=2')()"


@pytest.fixture(scope="module")
def hostile(geo):
    scenario = PRESETS[FLAGSHIP].replace(
        title=f"Title {HOSTILE}",
        subtitle=f"Sub {HOSTILE}",
        user_targets=(Target(HOSTILE, 51.5, 36.0), Target(EXPR, 51.7, 36.1)),
        notes=(Note(f"Note {HOSTILE}", 51.6, 35.6),),
    )
    return evaluate(scenario, geo)


@pytest.fixture(scope="module")
def site_dir(flagship, hostile, geo, tmp_path_factory):
    """One folder with two maps: the flagship and a hostile one."""
    root = tmp_path_factory.mktemp("site")
    first = site.write_site(flagship, geo, root, name="flagship")
    second = site.write_site(hostile, geo, root, name="hostile")
    return root, first, second


def _lib(root: Path) -> list[Path]:
    return sorted((root / "lib").iterdir())


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------
def test_two_maps_in_one_folder_share_one_library_written_once(site_dir):
    root, first, second = site_dir
    libs = _lib(root)
    assert len(libs) == 1
    lib = libs[0]
    # the first map wrote the library, the second did not write it again
    assert lib in first and lib not in second
    names = {p.name for p in second}
    assert names == {"hostile.html", "hostile.data.js", "hostile.geojson", "hostile.embed.html"}
    for stem in ("flagship", "hostile"):
        page = (root / f"{stem}.html").read_text(encoding="utf-8")
        assert f'<script src="lib/{lib.name}"></script>' in page
        assert f'<script src="{stem}.data.js"></script>' in page
        assert "createDeck" not in page.split("<script>", 1)[0]  # no bundle inlined
    # the name carries the content's hash, so a CDN may cache it forever
    digest = hashlib.sha256(lib.read_bytes()).hexdigest()[:12]
    assert lib.name == f"deckgl-{digest}.js"
    assert b"createDeck" in lib.read_bytes()
    assert b"sourceMappingURL" not in lib.read_bytes()[-2000:]


def test_a_broken_library_copy_is_replaced_and_a_good_one_left_alone(flagship, geo, tmp_path):
    site.write_site(flagship, geo, tmp_path, name="a")
    (lib,) = _lib(tmp_path)
    good = lib.read_bytes()
    before = lib.stat().st_mtime_ns
    assert lib not in site.write_site(flagship, geo, tmp_path, name="a")
    assert lib.stat().st_mtime_ns == before
    lib.write_bytes(good[:1000])  # an interrupted upload, say
    assert lib in site.write_site(flagship, geo, tmp_path, name="a")
    assert lib.read_bytes() == good


def test_flagship_map_files_stay_under_300_kb_gzipped(site_dir):
    root, first, _ = site_dir
    per_map = [p for p in first if p.parent == root]
    assert {p.suffix for p in per_map} == {".html", ".js", ".geojson"}
    sizes = {p.name: len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in per_map}
    assert sum(sizes.values()) < 300_000, sizes
    # ... while the shared library is the 4 MB bundle the standalone page inlines
    (lib,) = _lib(root)
    assert lib.stat().st_size > 2_000_000


def test_map_name_defaults_to_the_title_and_bad_names_are_refused(flagship, geo, tmp_path):
    assert site.site_name(flagship) == "17-nov-2024-atacms-cleared-for-use-inside-russia"
    uk = flagship.scenario.replace(title="Ракети над Курщиною")
    made = site.site_name(SimpleNamespace(scenario=uk))
    assert re.fullmatch(r"map-[0-9a-f]{10}", made)
    for bad in ("../evil", "a/b", "", ".hidden", "x" * 81, "a b", "name.html", "ім'я"):
        with pytest.raises(InputError, match="--name"):
            site.write_site(flagship, geo, tmp_path, name=bad)
    assert list(tmp_path.iterdir()) == []  # nothing written before the name is checked


def test_an_out_path_that_is_a_file_is_refused(flagship, geo, tmp_path):
    target = tmp_path / "map.html"
    target.write_text("keep me")
    with pytest.raises(InputError, match="folder"):
        site.write_site(flagship, geo, target)
    assert target.read_text() == "keep me"


def test_base_url_makes_a_snippet_ready_to_paste_and_bad_ones_are_refused(
    flagship, geo, tmp_path
):
    site.write_site(flagship, geo, tmp_path, name="m", base_url="https://maps.example.org/sr")
    embed = (tmp_path / "m.embed.html").read_text(encoding="utf-8")
    shown = re.search(r"<pre><code>(.*?)</code></pre>", embed, re.S).group(1)
    assert "&lt;iframe src=&quot;https://maps.example.org/sr/m.html&quot;" in shown
    live = embed.split("</pre>", 1)[1]
    assert '<iframe src="m.html"' in live and "example.org" not in live  # preview stays local
    bad = ("ftp://maps.example.org/", "maps.example.org/sr", "https://", "javascript:alert(1)",
           'https://x.org/"><script>', "https://x.org/?a=1", "https://x.org/#f")  # fmt: skip
    for url in bad:
        with pytest.raises(InputError, match="--base-url"):
            site.write_site(flagship, geo, tmp_path / "bad", base_url=url)
    assert not (tmp_path / "bad").exists()


def test_labels_are_escaped_in_the_page_and_inert_in_the_data(site_dir):
    root, _, _ = site_dir
    page = (root / "hostile.html").read_text(encoding="utf-8")
    assert "<img" not in page
    assert page.count("<script") == 3 and page.count("</script>") == 3
    assert "Title &lt;/script&gt;&lt;img src=x onerror=window.__pwned=1&gt;" in page
    data = (root / "hostile.data.js").read_text(encoding="utf-8")
    assert "<" not in data and ">" not in data
    spec = json.loads(re.fullmatch(r"window\.strikeRangeMap = (.*);\n", data, re.S).group(1))
    texts = json.dumps(spec, ensure_ascii=False)
    assert json.dumps(HOSTILE)[1:-1] in texts  # decodes back to the exact label
    assert '"\u200b@@=constructor' in texts and '"@@=constructor' not in texts
    embed = (root / "hostile.embed.html").read_text(encoding="utf-8")
    assert "<img" not in embed and '<iframe src="hostile.html"' in embed


def test_the_geojson_beside_the_page_is_the_data_export(site_dir, flagship):
    from ranges.exports import to_geojson

    root, _, _ = site_dir
    assert (root / "flagship.geojson").read_bytes() == to_geojson(flagship)
    assert 'href="flagship.geojson"' in (root / "flagship.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# In a browser
# --------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _static_server(root: Path, timeout_s: float = 90.0):
    """``python -m http.server`` on loopback serving ``root``; yields its base URL."""
    port = _free_port()
    cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
           "--directory", str(root)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"http.server exited with status {proc.returncode}")
            try:
                with urllib.request.urlopen(url, timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no answer from {url} in {timeout_s}s") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(site_dir):
    with _static_server(site_dir[0]) as url:
        yield url


@contextlib.contextmanager
def _recording_page(browser, local: str, viewport=None):
    """A page whose every request is recorded; requests to another place are aborted.

    ``local`` is the only allowed origin: ``"file"`` or ``"http://127.0.0.1:PORT"``.
    """
    context = browser.new_context(viewport=viewport or {"width": 1000, "height": 800})
    requests: list[str] = []
    foreign: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []

    def is_local(url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        if local == "file":
            return parts.scheme == "file"
        return f"{parts.scheme}://{parts.netloc}" == local

    def route(r):
        url = r.request.url
        requests.append(url)
        if is_local(url):
            r.continue_()
        else:
            foreign.append(url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        yield page, requests, foreign, errors, dialogs
    finally:
        context.close()


def _map_drawn(page) -> int:
    """Distinct colours in the map's box, once deck.gl has drawn more than a blank canvas."""
    page.wait_for_selector("#deck-container canvas", state="visible", timeout=WAIT_MS)
    page.wait_for_function("window.strikeRangeDeck && window.strikeRangeDeck.isInitialized",
                           timeout=WAIT_MS)  # fmt: skip
    return wait_until_drawn(page.locator("#deck-container"), WAIT_MS / 1000)


@pytest.mark.parametrize("where", ["file", "http"])
def test_the_map_page_draws_with_its_title_and_contacts_no_other_host(
    browser, site_dir, server, flagship, where
):
    root = site_dir[0]
    if where == "file":
        url, local = (root / "flagship.html").as_uri(), "file"
    else:
        url, local = server + "flagship.html", server.rstrip("/")
    with _recording_page(browser, local) as (page, requests, foreign, errors, dialogs):
        page.goto(url, timeout=WAIT_MS)
        colours = _map_drawn(page)
        title = page.title()
        h1 = page.locator("h1").inner_text()
    assert title == h1 == flagship.scenario.title
    assert colours > 50  # sea, land, borders, reach area, labels: not a blank canvas
    assert foreign == [] and errors == [] and dialogs == []
    (lib,) = _lib(root)
    loaded = {urllib.parse.urlsplit(u).path.rsplit("/", 1)[-1] for u in requests}
    assert {"flagship.html", lib.name, "flagship.data.js"} <= loaded


def test_a_hostile_label_is_shown_as_text_and_runs_nothing(browser, site_dir, server):
    with _recording_page(browser, server.rstrip("/")) as (page, _, foreign, errors, dialogs):
        page.goto(server + "hostile.html", timeout=WAIT_MS)
        _map_drawn(page)
        h1 = page.locator("h1").inner_text()
        sub = page.locator(".sr-head p").first.inner_text()
        pwned = page.evaluate("window.__pwned === undefined ? null : window.__pwned")
        imgs = page.evaluate("document.querySelectorAll('img').length")
    assert h1 == f"Title {HOSTILE}" and sub == f"Sub {HOSTILE}"
    assert pwned is None and imgs == 0
    assert foreign == [] and errors == [] and dialogs == []


def test_the_embed_snippet_follows_its_container_and_its_content(browser, server):
    with _recording_page(browser, server.rstrip("/"), {"width": 1000, "height": 900}) as (
        page, _, foreign, errors, _dialogs
    ):  # fmt: skip
        page.goto(server + "flagship.embed.html", timeout=WAIT_MS)
        frame = page.frame_locator("iframe")
        frame.locator("#deck-container canvas").wait_for(state="visible", timeout=WAIT_MS)
        box = "document.querySelector('iframe').getBoundingClientRect()"
        # wide column: the box keeps its 4:3 shape, which has room for the text
        page.wait_for_function(
            f"(() => {{ const r = {box}; return r.width > 800 && "
            "Math.abs(r.height - r.width * 3 / 4) <= 1; })()",
            timeout=WAIT_MS,
        )
        wide = page.evaluate(f"(() => {{ const r = {box}; return [r.width, r.height]; }})()")
        # a phone's column: 4:3 would leave the map no room under the text, so the
        # page asks for the height its text needs plus the map's least height
        page.set_viewport_size({"width": 380, "height": 900})
        page.wait_for_function(
            f"(() => {{ const r = {box}; return r.width < 380 && r.height > r.width; }})()",
            timeout=WAIT_MS,
        )
        inner = next(f for f in page.frames if f.url.endswith("/flagship.html"))
        inner.wait_for_function(
            "document.documentElement.scrollHeight <= window.innerHeight + 1", timeout=WAIT_MS
        )
        narrow = page.evaluate(f"(() => {{ const r = {box}; return [r.width, r.height]; }})()")
        map_px = inner.evaluate("document.getElementById('deck-container').offsetHeight")
    assert wide[0] > 800 and abs(wide[1] - wide[0] * 3 / 4) <= 1
    assert narrow[0] < 380 and narrow[1] > narrow[0] * 3 / 4 + 100
    assert map_px >= site.MIN_MAP_PX
    assert foreign == [] and errors == []


def test_cli_export_format_site_writes_two_maps_sharing_one_library(tmp_path, capsys):
    from ranges.cli import main

    out = tmp_path / "site"
    assert main(["export", "--preset", "atacms-nov-2024", "--format", "site",
                 "--out", str(out)]) == 0  # fmt: skip
    first = capsys.readouterr().out
    assert "shared deck.gl" in first and ": written)" in first
    assert main(["export", "--preset", "atacms-nov-2024", "--format", "site",
                 "--out", str(out), "--name", "second"]) == 0  # fmt: skip
    assert "already there" in capsys.readouterr().out
    assert len(list((out / "lib").iterdir())) == 1
    assert (out / "second.html").is_file() and (out / "second.embed.html").is_file()
    assert (out / "17-nov-2024-atacms-cleared-for-use-inside-russia.html").is_file()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--format", "site", "--name", "../x"], "--name '../x'"),
        (["--name", "x"], "--name applies to --format site"),
        (["--format", "site", "--table", "regions"], "--table regions applies to a .csv"),
    ],
)
def test_cli_site_options_are_checked_with_one_line(tmp_path, capsys, argv, needle):
    from ranges.cli import main

    code = main(["export", "--preset", "atacms-nov-2024", "--out", str(tmp_path / "s"), *argv])
    err = capsys.readouterr().err
    assert code == 2 and needle in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()
