"""A static site of interactive maps, for a CDN or any static web server.

The standalone HTML export (:func:`ranges.exports.to_html`) inlines the
deck.gl bundle (about 4 MB) in every map.  A site written here keeps it once,
in a file whose name carries its content hash, so a CDN can cache it forever
and every map exported into the same folder shares it::

    DIR/lib/deckgl-<sha256[:12]>.js    deck.gl (pydeck's bundle), written once
    DIR/<name>.html                    the map page
    DIR/<name>.data.js                 the map's deck.gl JSON (a script, not fetched)
    DIR/<name>.geojson                 the map's data for readers (RFC 7946)
    DIR/<name>.embed.html              the iframe snippet to paste, shown live

With ``base_url`` (``--base-url``, where the folder will be published) the
snippet's iframe points there and can be pasted as is; without it, its
address is relative to the folder.

The data is a script that sets a global (``window.strikeRangeMap``) rather
than JSON read with ``fetch()``: Chromium refuses ``fetch()`` of ``file://``
URLs, and the page must open from a folder as well as from a server.  Nothing
on the page comes from another host: no tiles, fonts or stylesheets (the base
map is the project's own geodata, as in the standalone export).

The embed snippet is an aspect-ratio box (CSS only, so it survives a CMS
that strips scripts) holding the page in an iframe: it follows its
container's width.  Where scripts are allowed, the page also tells the
embedding page how much height its title and key need (``postMessage``), and
the snippet's few lines of script raise the box's minimum height to that, so
that on a phone the map keeps its room below the text.

Escaping is the standalone export's: page text goes through
:func:`html.escape`, and the data script through
:func:`ranges.exports.script_safe_json` with deck.gl's ``@@`` expressions
made inert, so no label runs as code.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import unicodedata
import urllib.parse
from pathlib import Path

from .errors import InputError
from .i18n import strings

__all__ = [
    "write_site", "site_name", "check_base_url", "library_file", "map_files", "gzipped_size",
]  # fmt: skip

#: Ratio of the embed box (width / height) and the map's least height in it (CSS px).
EMBED_RATIO = (4, 3)
MIN_MAP_PX = 280

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
_DATA_GLOBAL = "strikeRangeMap"

_TEXT = strings("SITE")

_CSS = """
html, body {margin: 0; height: 100%;}
body {display: flex; flex-direction: column; background: #fff; color: #141414;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;}
.sr-head, .sr-foot {padding: 8px 12px; flex: 0 0 auto;}
.sr-head h1 {font-size: 18px; line-height: 1.25; margin: 0 0 2px;}
.sr-head p, .sr-foot p {margin: 2px 0;}
.sr-date {font-weight: 600;}
.sr-map {position: relative; flex: 1 1 auto; min-height: MIN_MAPpx;}
.sr-key {list-style: none; margin: 0 0 4px; padding: 0; display: flex; flex-wrap: wrap;
  gap: 2px 14px;}
.sr-key li::before {content: ""; display: inline-block; width: 12px; height: 12px;
  margin-right: 5px; vertical-align: -1px; border-radius: 2px; background: var(--c);}
.sr-credits {color: #555; font-size: 11px;}
.sr-error {padding: 12px; color: #8e2b22;}
#deck-container canvas {z-index: 1;}
""".replace("MIN_MAP", str(MIN_MAP_PX))

# Constant boot script (no data in it): draws the deck, and reports to an
# embedding page the height the text around the map needs.
_BOOT = """
(function () {
  var container = document.getElementById("deck-container");
  var map = window.DATA_GLOBAL;
  if (typeof createDeck !== "function" || !map) {
    var p = document.createElement("p");
    p.className = "sr-error";
    p.textContent = container.getAttribute("data-error");
    container.appendChild(p);
    return;
  }
  window.strikeRangeDeck = createDeck({container: container, jsonInput: map.deck,
    tooltip: map.tooltip, customLibraries: null, configuration: null});
  if (window.parent === window) return;
  var head = document.querySelector(".sr-head"), foot = document.querySelector(".sr-foot");
  function report() {
    var h = Math.ceil(head.offsetHeight + foot.offsetHeight + MIN_MAP);
    window.parent.postMessage({strikeRange: "height", height: h}, "*");
  }
  report();
  if (window.ResizeObserver) {
    var ro = new ResizeObserver(report);
    ro.observe(head);
    ro.observe(foot);
  } else {
    window.addEventListener("resize", report);
  }
})();
""".replace("DATA_GLOBAL", _DATA_GLOBAL).replace("MIN_MAP", str(MIN_MAP_PX))


def site_name(result, name: str | None = None) -> str:
    """The file stem of a map in the site: ``name`` checked, or one made from the title.

    Parameters
    ----------
    result : ranges.evaluate.Result
    name : str, optional
        ``--name``: 1 to 80 ASCII letters, digits, ``-`` or ``_``, starting
        with a letter or digit (it becomes part of URLs and file names).

    Raises
    ------
    ranges.errors.InputError
        If ``name`` breaks that rule (the message names ``--name`` and the value).

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> site_name(NS(scenario=NS(title="17 Nov 2024: ATACMS cleared")))
    '17-nov-2024-atacms-cleared'
    """
    if name is not None:
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            shown = name if len(str(name)) <= 80 else str(name)[:77] + "..."
            raise InputError(
                f"--name {shown!r}: a map name is 1 to 80 ASCII letters, digits, '-' or '_', "
                "starting with a letter or digit"
            )
        return name
    scenario = result.scenario
    ascii_title = unicodedata.normalize("NFKD", scenario.title or "").encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.decode().lower()).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0] or slug[:60]
    if slug:
        return slug
    # A title with no Latin letters (Ukrainian, say): a stable name from the scenario.
    digest = hashlib.sha256(json.dumps(scenario.to_dict(), sort_keys=True).encode()).hexdigest()
    return f"map-{digest[:10]}"


def _bundle() -> tuple[bytes, str]:
    """pydeck's deck.gl bundle as the site serves it, and its version."""
    import pydeck

    path = Path(pydeck.__file__).parent / "nbextension" / "static" / "index.js"
    js = path.read_bytes()
    # The bundle names a source map (19 MB) that is not shipped with the site:
    # browsers with developer tools open would ask the server for it.
    js = re.sub(rb"\n//# sourceMappingURL=[^\n]*\s*$", b"\n", js)
    header = (
        f"/* deck.gl for Strike Range maps: the @deck.gl/jupyter-widget bundle shipped in "
        f"pydeck {pydeck.__version__}'s wheel (MIT licence; the bundled libraries' licences "
        f"are in the comments below). */\n"
    ).encode()
    return header + js, pydeck.__version__


def library_file() -> tuple[str, bytes]:
    """The shared script's path inside the site (``lib/deckgl-<hash>.js``) and its bytes.

    The name carries the first 12 hex digits of the content's SHA-256, so a
    file of that name never changes: a CDN may cache it for good, and a new
    pydeck writes a new file beside the old one (pages exported before keep
    theirs).
    """
    data, _ = _bundle()
    return f"lib/deckgl-{hashlib.sha256(data).hexdigest()[:12]}.js", data


def _page(result, name: str, lib: str, lang: str) -> str:
    from .deck import legend_items, occupied_item
    from .exports import _as_of_text, _credits, _title

    t = _TEXT.get(lang, _TEXT["en"])
    s = result.scenario
    esc = html.escape
    title = esc(_title(result))
    head = [f"<h1>{title}</h1>"]
    if s.subtitle:
        head.append(f"<p>{esc(s.subtitle)}</p>")
    head.append(f'<p class="sr-date">{esc(_as_of_text(result, lang))}</p>')
    items = list(legend_items(result, lang))
    occupied = occupied_item(result)
    if occupied is not None:
        items.append(occupied)
    key = "".join(f'<li style="--c:{esc(color)}">{esc(label)}</li>' for label, color in items)
    foot = [f'<ul class="sr-key">{key}</ul>'] if key else []
    foot += [f"<p>{esc(w.headline)}</p>" for w in result.weapons]
    foot.append(
        f'<p class="sr-credits">{esc(_credits(result, dated=False))} '
        f'<a href="{name}.geojson" download>{esc(t["data"])}</a></p>'
    )
    error = esc(t["nolib"].format(files=f"{lib}, {name}.data.js"))
    description = esc(" ".join(w.headline for w in result.weapons) or _title(result))
    return f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<meta name="generator" content="strike-range">
<style>{_CSS}</style>
</head>
<body>
<header class="sr-head">{"".join(head)}</header>
<main class="sr-map" id="deck-container" data-error="{error}"></main>
<footer class="sr-foot">{"".join(foot)}</footer>
<noscript><p class="sr-error">{esc(t["noscript"])}</p></noscript>
<script src="{lib}"></script>
<script src="{name}.data.js"></script>
<script>{_BOOT}</script>
</body>
</html>
"""


def _data_script(result, geodata, lang: str) -> str:
    from .exports import deck_spec, script_safe_json

    spec, tooltip = deck_spec(result, geodata, lang=lang)
    tip = json.dumps(tooltip, ensure_ascii=False)
    payload = script_safe_json(f'{{"deck":{spec},"tooltip":{tip}}}')
    return f"window.{_DATA_GLOBAL} = {payload};\n"


def check_base_url(base_url: str | None) -> str | None:
    """``--base-url``: the http(s) address a site folder is published at, ending in ``/``.

    Raises
    ------
    ranges.errors.InputError
        Not an ``http://`` or ``https://`` address with a host, or with a query,
        fragment, quotes, spaces or angle brackets (the message names the value).

    Examples
    --------
    >>> check_base_url("https://maps.example.org/strike-range")
    'https://maps.example.org/strike-range/'
    """
    if base_url is None:
        return None
    parts = urllib.parse.urlsplit(base_url) if isinstance(base_url, str) else None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or re.search(r"[\s\"'<>\\]", base_url)
    ):
        shown = str(base_url) if len(str(base_url)) <= 80 else str(base_url)[:77] + "..."
        raise InputError(
            f"--base-url {shown!r}: give the http:// or https:// address the site folder is "
            "published at, without query or fragment (e.g. https://maps.example.org/ranges/)"
        )
    return base_url if base_url.endswith("/") else base_url + "/"


def _snippet(result, name: str, lang: str, src: str) -> str:
    """The HTML to paste into an article: an aspect-ratio box with the map's iframe."""
    from .exports import _title

    t = _TEXT.get(lang, _TEXT["en"])
    w, h = EMBED_RATIO
    label = html.escape(t["frame"].format(title=_title(result)))
    box = f"sr-embed-{name}"
    return f"""<div id="{box}" style="position:relative;width:100%;aspect-ratio:{w}/{h};\
min-height:{MIN_MAP_PX + 160}px;">
<iframe src="{html.escape(src)}" title="{label}" loading="lazy" \
style="position:absolute;inset:0;width:100%;height:100%;border:0;"></iframe>
</div>
<script>
(function () {{
  var box = document.getElementById("{box}"), frame = box.querySelector("iframe");
  window.addEventListener("message", function (e) {{
    var d = e.data;
    if (e.source !== frame.contentWindow || !d || d.strikeRange !== "height") return;
    var px = Number(d.height);
    if (px > 0 && px < 4000) box.style.minHeight = Math.round(px) + "px";
  }});
}})();
</script>
"""


def _embed_page(result, name: str, lang: str, base_url: str | None) -> str:
    from .exports import _title

    t = _TEXT.get(lang, _TEXT["en"])
    # The page shows the snippet to publish, and previews it from this folder
    # (a preview of the published address would contact another host).
    published = _snippet(result, name, lang, f"{base_url or ''}{name}.html")
    snippet = _snippet(result, name, lang, f"{name}.html")
    heading = html.escape(t["embed_title"].format(title=_title(result)))
    helptext = t["embed_help"]
    if base_url is None:
        helptext += t["embed_relative"].format(page=f"{name}.html")
    helptext = html.escape(helptext)
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title>
<style>body {{margin: 0 auto; max-width: 60rem; padding: 12px;
  font: 14px/1.4 system-ui, sans-serif;}}
pre {{white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4;
  padding: 8px; font-size: 12px;}}</style>
</head>
<body>
<h1>{heading}</h1>
<p>{helptext}</p>
<pre><code>{html.escape(published)}</code></pre>
{snippet}</body>
</html>
"""


def map_files(
    result, geodata, name: str, lib: str, *, base_url: str | None = None
) -> dict[str, bytes]:
    """The files of one map (file name inside the site to bytes), without the library.

    Parameters
    ----------
    result : ranges.evaluate.Result
    geodata : ranges.geodata.GeoData
    name : str
        A name checked by :func:`site_name`.
    lib : str
        The shared script's path inside the site (:func:`library_file`).
    base_url : str, optional
        Where the folder is published (:func:`check_base_url`), for the snippet.
    """
    from .exports import check_no_keys, to_geojson

    lang = result.scenario.lang
    files = {
        f"{name}.html": _page(result, name, lib, lang),
        f"{name}.data.js": _data_script(result, geodata, lang),
        f"{name}.embed.html": _embed_page(result, name, lang, check_base_url(base_url)),
    }
    for fname, text in files.items():
        check_no_keys(text, fname)
    out = {fname: text.encode("utf-8") for fname, text in files.items()}
    out[f"{name}.geojson"] = to_geojson(result)
    return out


def gzipped_size(data: bytes) -> int:
    """Bytes after gzip at level 9 (what a CDN sends with ``Content-Encoding: gzip``)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def write_site(
    result, geodata, out_dir, *, name: str | None = None, base_url: str | None = None
) -> list[Path]:
    """Write one map into a static site folder (created if missing).

    Parameters
    ----------
    result : ranges.evaluate.Result
    geodata : ranges.geodata.GeoData
    out_dir : str or path-like
        The site folder.  Other maps already in it stay; a map of the same
        name is replaced whole.
    name : str, optional
        File stem of the map (``--name``); by default made from the title
        (:func:`site_name`).
    base_url : str, optional
        ``--base-url``: the address the folder will be published at
        (``https://maps.example.org/ranges/``); the embed snippet then points
        its iframe there, ready to paste.  Without it the snippet's address
        is relative to the folder.

    Returns
    -------
    list of pathlib.Path
        The files written, the map's page first; the shared library only when
        this call wrote it (it is written once per folder and version).

    Raises
    ------
    ranges.errors.InputError
        A bad ``name`` or ``base_url``, or ``out_dir`` is a file.
    OSError
        The folder cannot be written (the message names it).
    """
    from .exports import _write_replacing

    stem = site_name(result, name)
    root = Path(out_dir)
    if root.exists() and not root.is_dir():
        raise InputError(f"--out {str(root)!r}: a site is written into a folder; this is a file")
    lib, lib_bytes = library_file()
    files = map_files(result, geodata, stem, lib, base_url=base_url)
    try:
        (root / "lib").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"cannot create {str(root / 'lib')!r}: {exc.strerror or exc}") from None
    written = []
    for fname, data in files.items():
        _write_replacing(root / fname, data)
        written.append(root / fname)
    lib_path = root / lib
    # The name is the content's hash: a file of that name with the right size
    # is this file (one with another size is a broken copy and is replaced).
    if not (lib_path.is_file() and lib_path.stat().st_size == len(lib_bytes)):
        _write_replacing(lib_path, lib_bytes)
        written.append(lib_path)
    return written
