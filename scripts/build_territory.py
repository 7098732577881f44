"""Build ``data/occupied.bin``: every daily DeepStateMap snapshot of occupied Ukraine.

Run from the project root with the upstream files, either the archive or a
checkout of github.com/cyterat/deepstate-map-data at the pinned commit::

    .venv/bin/python scripts/build_territory.py deepstate-map-data-e904719.tar.xz
    .venv/bin/python scripts/build_territory.py path/to/deepstate-map-data

The input holds one GeoJSON file a day, ``data/deepstatemap_data_YYYYMMDD.geojson``,
each a single dissolved MultiPolygon of Russian-occupied Ukraine (CRS84).  Every
snapshot is kept.  Nothing is simplified: coordinates are stored as integers
of 1e-7 degree (the source writes at most 7 decimals, except about 0.3 % of
vertices that GDAL wrote with 14-15 digits, which move by less than 6 mm),
delta-coded along each ring, and LZMA-compressed in blocks of
``BLOCK_SIZE`` consecutive snapshots, so reading one date decompresses one
block.  LZMA finds the long runs of vertices that repeat from day to day
(the front moves, Crimea's coast does not), which is what makes 769 copies of
a ~3,000-vertex polygon fit in about 0.3 MB.

The build decodes what it wrote with :mod:`ranges.territory` (the reader the
app uses) and fails unless every date's stored polygon is valid and its
geodesic area (pyproj ``Geod.geometry_area_perimeter``) lies within
``MAX_AREA_ERROR_PCT`` of the source polygon's.  It also writes
``data/occupied.LICENSE.txt``: the data keep the upstream GNU GPL v3 (the
code of this project stays MIT).  Output is deterministic: no timestamps,
fixed compression settings, JSON with sorted keys.

File layout of ``occupied.bin`` (all integers little-endian):

* ``MAGIC`` (25 bytes), then a uint32 ``n`` and ``n`` bytes of UTF-8 JSON (the
  header: dates, block table, per-date source and stored areas, source,
  statistics; readable with ``head -c 40000``);
* the blocks, each an ``.xz`` stream; block ``b`` starts ``blocks[b][0]``
  bytes after the header and holds snapshots ``b*block_size`` onwards.
  Decompressed, a block is int32 records, one per snapshot:
  ``n_polygons, n_rings, n_coords``, then rings per polygon, vertices per
  ring, then ``2*n_coords`` coordinate deltas (x then y, the first vertex
  from 0) in units of ``1/scale`` degree.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import lzma
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``ranges`` importable
    sys.path.insert(0, str(ROOT))

from ranges import territory  # noqa: E402  (after the path fix above)

__all__ = ["build", "main", "read_source"]

DATA_DIR = ROOT / "data"

# The upstream data this project ships.  Changing these is a data change:
# rebuild, run tests/test_territory.py and update data/README.md.
UPSTREAM_REPO = "https://github.com/cyterat/deepstate-map-data"
UPSTREAM_COMMIT = "e904719a6726c7e6b5d6e87a7701e1b77b18e554"
UPSTREAM_COMMIT_DATE = "2026-08-22"
# sha256 over the sorted input files (see _input_digest); a different input
# builds too, with a warning and the commit recorded as unknown.
INPUT_SHA256 = "2f698272d134338b36cfa20a3e9330411f54f2e56f3f1151c32ac6a980d7e958"

SCALE = 10_000_000  # integer units per degree: 1e-7 degree, about 1 cm
BLOCK_SIZE = 64  # snapshots per compressed block (about two months)
MAX_AREA_ERROR_PCT = 1.0
# lc=0 lp=2 pb=2: the data are 4-byte integers, so literal and match
# positions are aligned to 4 bytes; this saves ~2 % over the xz preset.
LZMA_FILTERS = [
    {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "lc": 0, "lp": 2, "pb": 2}
]
_NAME = re.compile(r"(?:^|/)data/deepstatemap_data_(\d{8})\.geojson$")


def _fail(message: str) -> SystemExit:
    return SystemExit(f"build_territory: {message}")


def _warn(message: str) -> None:
    print(f"build_territory: warning: {message}", file=sys.stderr)


# --------------------------------------------------------------------------
# Reading the upstream files
# --------------------------------------------------------------------------
def _members(path: Path) -> Iterator[tuple[str, bytes]]:
    """(path inside the input, bytes) of every file in a directory or a tar archive."""
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and ".git" not in p.relative_to(path).parts:
                yield p.relative_to(path).as_posix(), p.read_bytes()
        return
    try:
        # Stream mode, in archive order: seeking back in an .xz stream
        # decompresses it again from the start.
        with tarfile.open(path, "r|*") as tar:
            for m in tar:
                if m.isfile():
                    yield m.name, tar.extractfile(m).read()
    except (OSError, tarfile.TarError) as exc:
        raise _fail(f"{path}: cannot read as a directory or tar archive: {exc}") from None


def _polygon_rings(geom: dict, where: str) -> list[list[np.ndarray]]:
    """Rings (N x 2 float arrays) per polygon of a GeoJSON (Multi)Polygon."""
    kind = geom.get("type")
    if kind == "Polygon":
        polys = [geom["coordinates"]]
    elif kind == "MultiPolygon":
        polys = geom["coordinates"]
    else:
        raise _fail(f"{where}: geometry type {kind!r}, expected MultiPolygon or Polygon")
    out = []
    for poly in polys:
        rings = [np.asarray(r, dtype=np.float64)[:, :2] for r in poly]
        if not rings or any(len(r) < 4 for r in rings):
            raise _fail(f"{where}: a ring has fewer than 4 vertices")
        out.append(rings)
    return out


def read_source(path: str | Path) -> dict:
    """Read the daily snapshots, the licence text and what identifies the input.

    Returns
    -------
    dict
        ``snapshots``: list of (date, rings per polygon) sorted by date;
        ``license``: the upstream LICENSE text; ``digest``: sha256 over the
        input files; ``commit``: the upstream commit named by a
        ``PROVENANCE.txt`` or a git checkout, else ``None``.
    """
    path = Path(path)
    if not path.exists():
        raise _fail(f"{path}: no such file or directory")
    snapshots, hashes, license_text, commit = [], [], None, None
    for name, data in _members(path):
        if name.endswith("PROVENANCE.txt"):
            m = re.search(r"^Commit: ([0-9a-f]{40})", data.decode("utf-8"), re.M)
            commit = m.group(1) if m else None
        elif name.split("/")[-1] == "LICENSE":
            license_text = data.decode("utf-8")
        m = _NAME.search(name)
        if not m:
            continue
        day = date(int(m[1][:4]), int(m[1][4:6]), int(m[1][6:]))
        hashes.append(f"{name.split('/')[-1]}\0{hashlib.sha256(data).hexdigest()}\n")
        where = name
        try:
            doc = json.loads(data)
        except ValueError as exc:
            raise _fail(f"{where}: not JSON: {exc}") from None
        features = doc.get("features") or []
        if len(features) != 1:
            raise _fail(f"{where}: {len(features)} features, expected 1 dissolved MultiPolygon")
        snapshots.append((day, _polygon_rings(features[0]["geometry"], where)))
    if not snapshots:
        raise _fail(f"{path}: no data/deepstatemap_data_YYYYMMDD.geojson files")
    if license_text is None or "GNU GENERAL PUBLIC LICENSE" not in license_text:
        raise _fail(f"{path}: no GPL LICENSE file; the data may not be shipped without it")
    if commit is None and path.is_dir() and (path / ".git").exists():
        commit = subprocess.run(
            ["git", "-C", str(path), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip() or None
    snapshots.sort(key=lambda s: s[0])
    return {
        "snapshots": snapshots,
        "license": license_text,
        # sha256 of the lines "file name NUL sha256 of the file", sorted
        "digest": hashlib.sha256("".join(sorted(hashes)).encode()).hexdigest(),
        "commit": commit,
    }


# --------------------------------------------------------------------------
# Encoding
# --------------------------------------------------------------------------
def _record(polygons: list[list[np.ndarray]]) -> tuple[bytes, float]:
    """One snapshot as int32 record bytes, and its largest rounding error (degrees)."""
    rings = [r for poly in polygons for r in poly]
    xy = np.concatenate(rings)
    q = np.round(xy * SCALE).astype(np.int64)
    err = float(np.abs(q / SCALE - xy).max())
    d = np.diff(q, axis=0, prepend=np.zeros((1, 2), np.int64))
    if np.abs(d).max() >= 2**31:
        raise _fail("a coordinate step does not fit in int32")
    head = [len(polygons), len(rings), len(xy)]
    head += [len(poly) for poly in polygons] + [len(r) for r in rings]
    rec = np.concatenate([np.asarray(head, np.int64), d.ravel()]).astype("<i4")
    return rec.tobytes(), err


def _geometry(polygons: list[list[np.ndarray]]) -> shapely.MultiPolygon:
    return shapely.MultiPolygon([shapely.Polygon(p[0], p[1:]) for p in polygons])


def build(source: str | Path, data_dir: str | Path = DATA_DIR) -> dict:
    """Write ``occupied.bin`` and ``occupied.LICENSE.txt`` into ``data_dir``.

    Returns the header's ``stats``.  Raises SystemExit with a message when the
    input is unreadable or a stored date fails the area check.
    """
    data_dir = Path(data_dir)
    src = read_source(source)
    snaps = src["snapshots"]
    dates = [d.isoformat() for d, _ in snaps]
    if len(set(dates)) != len(dates):
        raise _fail("two input files have the same date")

    records, max_err = [], 0.0
    source_km2 = []
    for day, polys in snaps:
        rec, err = _record(polys)
        records.append(rec)
        max_err = max(max_err, err)
        geom = _geometry(polys)
        if not geom.is_valid:
            _warn(f"source polygon of {day} is invalid: {shapely.is_valid_reason(geom)}")
        source_km2.append(territory.geodesic_area_km2(geom))

    blocks, table, offset = [], [], 0
    for i in range(0, len(records), BLOCK_SIZE):
        blob = lzma.compress(
            b"".join(records[i : i + BLOCK_SIZE]), format=lzma.FORMAT_XZ, filters=LZMA_FILTERS
        )
        blocks.append(blob)
        table.append([offset, len(blob)])
        offset += len(blob)

    known = src["digest"] == INPUT_SHA256
    if not known:
        _warn(
            f"input digest {src['digest']} differs from the pinned {INPUT_SHA256}: "
            "the upstream commit is recorded as found in the input (or unknown)"
        )
    commit = UPSTREAM_COMMIT if known else (src["commit"] or "unknown")
    header = {
        "format": territory.FORMAT,
        "scale": SCALE,
        "block_size": BLOCK_SIZE,
        "blocks": table,
        "dates": dates,
        "source_area_km2": [round(a, 6) for a in source_km2],
        "source": {
            "name": "DeepStateMap.Live",
            "repository": UPSTREAM_REPO,
            "commit": commit,
            "licence": "GPL-3.0 (see occupied.LICENSE.txt)",
            "input_sha256": src["digest"],
        },
    }
    path = data_dir / territory.DATA_FILE
    stored_km2 = _check(path, header, blocks, snaps, source_km2)
    err_pct = 100 * np.abs(np.subtract(stored_km2, source_km2)) / np.asarray(source_km2)
    worst = int(np.argmax(err_pct))
    header["stored_area_km2"] = [round(a, 6) for a in stored_km2]
    header["stats"] = {
        "snapshots": len(dates),
        "first": dates[0],
        "last": dates[-1],
        "vertices": int(sum(sum(len(r) for p in polys for r in p) for _, polys in snaps)),
        "max_coordinate_rounding_deg": max_err,
        "worst_area_error_pct": float(err_pct[worst]),
        "worst_area_error_date": dates[worst],
        "max_area_error_pct_allowed": MAX_AREA_ERROR_PCT,
        "bytes_blocks": offset,
    }
    # Check the file as it ships (the header now carries the stored areas).
    _check(path, header, blocks, snaps, source_km2)
    _write_license(data_dir, src, commit, dates)
    header["stats"]["bytes_file"] = path.stat().st_size
    return header["stats"]


def _write(path: Path, header: dict, blocks: list[bytes]) -> None:
    text = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(territory.MAGIC + len(text).to_bytes(4, "little") + text + b"".join(blocks))


def _check(path, header, blocks, snaps, source_km2) -> list[float]:
    """Write the file, decode every date through ranges.territory (the app's
    reader) and compare it with the source; return the stored areas."""
    _write(path, header, blocks)
    territory.clear_cache()
    stored = territory.snapshot_dates(path.parent)
    if [d.isoformat() for d in stored] != header["dates"]:
        raise _fail(f"{path}: dates read back differ from the dates written")
    out = []
    for (day, polys), src_km2 in zip(snaps, source_km2, strict=True):
        geom = territory.occupied(day, data_dir=path.parent).geometry
        if not geom.is_valid:
            raise _fail(f"{day}: stored polygon is invalid: {shapely.is_valid_reason(geom)}")
        if shapely.get_num_geometries(geom) != len(polys):
            raise _fail(f"{day}: stored polygon has a different number of parts")
        km2 = territory.geodesic_area_km2(geom)
        # Written so that a NaN or zero area fails too.
        if not (src_km2 > 0 and abs(km2 - src_km2) <= MAX_AREA_ERROR_PCT / 100 * src_km2):
            raise _fail(
                f"{day}: stored area {km2:.1f} km² differs from the source's {src_km2:.1f} km² "
                f"by more than {MAX_AREA_ERROR_PCT}%"
            )
        out.append(km2)
    territory.clear_cache()
    return out


def _write_license(data_dir: Path, src: dict, commit: str, dates: list[str]) -> None:
    notice = f"""\
occupied.bin: Russian-occupied territory of Ukraine, one MultiPolygon per day,
{dates[0]} to {dates[-1]} ({len(dates)} daily snapshots, with the upstream's gaps).

Source data: DeepStateMap.Live (https://deepstatemap.live), collected by the
GitHub repository cyterat/deepstate-map-data ({UPSTREAM_REPO}),
commit {commit} (dated {UPSTREAM_COMMIT_DATE}),
files data/deepstatemap_data_YYYYMMDD.geojson.
Input digest (sha256 over the files, see scripts/build_territory.py):
{src["digest"]}

Licence: that repository is distributed under the GNU General Public License,
version 3; its full text follows this notice.  occupied.bin is a modified
(re-encoded) copy of its data files and is conveyed under the same licence.
This notice covers occupied.bin only: the code of Strike Range stays under
the MIT licence.

Modification notice (GPL v3, section 5a): the daily GeoJSON files of the
commit above were re-encoded by scripts/build_territory.py of Strike Range
into one binary file: coordinates rounded to 1e-7 degree (at most 6 mm),
delta-coded and LZMA-compressed in blocks.  No polygon was simplified, added,
removed or clipped.  The corresponding source is the upstream repository at
that commit together with scripts/build_territory.py.

--------------------------------------------------------------------------

"""
    (data_dir / territory.LICENSE_FILE).write_text(notice + src["license"], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        type=Path,
        help="cyterat/deepstate-map-data: a checkout (directory) or a .tar.xz of it",
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="output folder (data/)")
    args = parser.parse_args(argv)
    stats = build(args.source, args.data_dir)
    json.dump(stats, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
