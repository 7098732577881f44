"""The shipped targets and regions as plain arrays, precomputed at build time.

``strike-range targets`` and ``headline`` need the shipped cities, airfields
and places with their country and territory on the scenario's date, and (for
``headline``) the regions' polygons.  Computed from the layers, that is pandas,
GeoPandas, pyogrio, the countries layer and the day's front line: about 0.5 s
before the first answer.  ``data/targets.npz`` (built by
``scripts/build_indexes.py targets``) holds the answer instead: every shipped
target's columns, its ``(country, territory)`` for every occupied-territory
snapshot (what :func:`ranges.evaluate.located_targets` computes), and the
regions' attributes and WKB polygons.  It loads with numpy alone.

It records the SHA-256 of the files it is built from (the five layers,
``occupied.bin`` and the modules whose rules it stores).  When one of them
changes, :func:`load` returns None and the callers compute from the layers
(same answers, slower); ``tests/test_target_index.py`` fails until the index is
rebuilt.  The file is a zip of ``.npy`` arrays with fixed timestamps, so a
rebuild of unchanged data gives the same bytes.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import zipfile
from pathlib import Path

import numpy as np

from .geodata import DEFAULT_DATA_DIR, LAYER_FILES

__all__ = ["INDEX_FILE", "TargetIndex", "load", "write_index", "build_arrays", "fingerprint"]

INDEX_FILE = DEFAULT_DATA_DIR / "targets.npz"
FORMAT = "strike-range target index 2"
KINDS = ("cities", "airfields", "places")
_HERE = Path(__file__).resolve().parent
#: Modules whose rules the index stores: the layers' reading, the territory
#: classification, the shipped target table, the regions' geodesic areas and
#: this file's layout.
_CODE = ("geodata.py", "territory.py", "evaluate.py", "targets.py", "analysis.py",
         "target_index.py")  # fmt: skip
_TARGET_TEXT = ("name", "name_uk", "layer", "kind")
_REGION_TEXT = ("region_id", "name_en", "name_uk", "country", "status", "type")


@functools.lru_cache(maxsize=32)
def _sha256(path: str, _mtime: int, _size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fingerprint(data_dir: str | Path | None = None) -> list[str]:
    """``"file:sha256"`` of every file the index is built from ("missing" for an absent one)."""
    data_dir = DEFAULT_DATA_DIR if data_dir is None else Path(data_dir)
    files = [data_dir / name for name in (*LAYER_FILES.values(), "occupied.bin")]
    files += [_HERE / name for name in _CODE]
    out = []
    for path in files:
        try:
            st = path.stat()
            digest = _sha256(str(path), st.st_mtime_ns, st.st_size)
        except OSError:
            digest = "missing"
        out.append(f"{path.name}:{digest}")
    return out


def _text(values, what: str) -> np.ndarray:
    """A text column as a numpy str array; a missing value would not survive
    the trip (pandas shows it as NaN), so it stops the build."""
    values = list(values)
    for i, v in enumerate(values):
        if not isinstance(v, str):
            raise ValueError(f"{what}[{i}] is {v!r}, not text: the index stores text only")
    return np.array(values, dtype=str)


def _optional_text(values) -> np.ndarray:
    """Text where a missing value (None, NaN) means "" to every reader."""
    return np.array([v if isinstance(v, str) else "" for v in values], dtype=str)


def build_arrays(data_dir: str | Path | None = None) -> dict[str, np.ndarray]:
    """The index's arrays, computed from the layers (pandas, GeoPandas)."""
    import shapely

    from . import analysis, evaluate, territory
    from .geodata import load_geodata

    geo = load_geodata(data_dir)
    object.__setattr__(geo, "_shipped", False)  # computed from the layers, not from the index
    table = evaluate._shipped_table(geo, KINDS)
    lon = table["lon"].to_numpy(dtype=float)
    lat = table["lat"].to_numpy(dtype=float)
    known = table["country"].fillna("").astype(str).to_numpy(object)
    dates = territory.snapshot_dates(data_dir)
    pairs: dict[tuple[str, str], int] = {}
    codes = np.zeros((len(dates), len(table)), dtype=np.uint8)
    for k, day in enumerate(dates):
        country, where = evaluate._locate(lon, lat, known, day, geo)
        for j, pair in enumerate(zip(country.tolist(), where.tolist(), strict=True)):
            codes[k, j] = pairs.setdefault(pair, len(pairs))
    if len(pairs) > 255:
        raise ValueError(f"{len(pairs)} (country, territory) pairs do not fit in uint8")
    # Stored as the first snapshot's pairs and the changes after it: the
    # front moves a few targets a day, so the changes are few.
    snap, target = np.nonzero(codes[1:] != codes[:-1])
    out = {f"target_{c}": _text(table[c], c) for c in _TARGET_TEXT}
    out["target_layer_country"] = _optional_text(table["country"])
    out["target_population"] = table["population"].to_numpy(dtype=np.int64)
    out["target_lon"], out["target_lat"] = lon, lat
    out["pair_country"] = _text([c for c, _ in pairs], "country")
    out["pair_territory"] = _text([t for _, t in pairs], "territory")
    out["snapshot_dates"] = np.array([d.isoformat() for d in dates], dtype=str)
    out["pair_first"] = codes[0]
    out["change_snapshot"] = (snap + 1).astype(np.int32)  # snapshot order, then target order
    out["change_target"] = target.astype(np.int32)
    out["change_pair"] = codes[snap + 1, target]
    regions = geo.regions
    for c in _REGION_TEXT:
        if c in ("region_id", "name_en"):
            out[f"region_{c}"] = _text(regions[c], c)
        else:
            col = regions[c] if c in regions.columns else [""] * len(regions)
            out[f"region_{c}"] = _optional_text(col)
    out["region_km2"] = np.array([analysis._area_km2(g) for g in regions.geometry])
    wkb = shapely.to_wkb(np.asarray(regions.geometry.array, dtype=object))
    out["region_bounds"] = shapely.bounds(np.asarray(regions.geometry.array, dtype=object))
    out["region_wkb"] = np.frombuffer(b"".join(wkb), dtype=np.uint8)
    out["region_wkb_end"] = np.cumsum([len(b) for b in wkb]).astype(np.int64)
    out["format"] = np.array(FORMAT)
    out["sources"] = np.array(fingerprint(data_dir), dtype=str)
    return out


def write_index(path: str | Path | None = None, data_dir: str | Path | None = None) -> Path:
    """Build the index from the layers in ``data_dir`` and write it to ``path``
    (default :data:`INDEX_FILE`); same data, same bytes."""
    path = INDEX_FILE if path is None else Path(path)
    arrays = build_arrays(data_dir)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            member = io.BytesIO()
            np.lib.format.write_array(member, np.asanyarray(arrays[name]), allow_pickle=False)
            zf.writestr(info, member.getvalue(), compresslevel=9)
    path.write_bytes(buf.getvalue())
    return path


class TargetIndex:
    """The arrays of ``data/targets.npz`` (see the module's docstring), read
    from the file when first used."""

    def __init__(self, npz):
        self._npz = npz
        self._arrays: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._arrays:
            self._arrays[name] = self._npz[name]
        return self._arrays[name]

    def pairs(self, snapshot: datetime.date) -> np.ndarray:
        """Every target's (country, territory) pair number on ``snapshot``."""
        dates = self["snapshot_dates"]
        k = int(np.searchsorted(dates, snapshot.isoformat()))
        if k >= len(dates) or dates[k] != snapshot.isoformat():
            raise KeyError(f"{snapshot} is not a snapshot date of the index")
        codes = self["pair_first"].copy()
        upto = int(np.searchsorted(self["change_snapshot"], k, side="right"))
        for j, c in zip(self["change_target"][:upto].tolist(),
                        self["change_pair"][:upto].tolist(), strict=True):  # fmt: skip
            codes[j] = c  # in snapshot order: the latest change wins
        return codes

    def targets(self, kind: str, snapshot: datetime.date) -> dict[str, np.ndarray]:
        """The shipped targets of layer ``kind`` with ``country`` and
        ``territory`` on the snapshot date ``snapshot``, as columns: the rows
        and values of :func:`ranges.evaluate.located_targets` (a test checks)."""
        rows = np.flatnonzero(self["target_layer"] == kind)
        pair = self.pairs(snapshot)[rows]
        cols = {c: self[f"target_{c}"][rows].astype(object) for c in _TARGET_TEXT}
        cols["country"] = self["pair_country"][pair].astype(object)
        cols["territory"] = self["pair_territory"][pair].astype(object)
        cols["population"] = self["target_population"][rows]
        cols["lon"], cols["lat"] = self["target_lon"][rows], self["target_lat"][rows]
        return cols

    def table(self, kinds: tuple[str, ...]) -> dict[str, np.ndarray]:
        """The columns of :func:`ranges.evaluate._shipped_table` for ``kinds``:
        the layers' own ``country`` ("" where none) and no territory yet."""
        layer = self["target_layer"]
        rows = np.concatenate([np.flatnonzero(layer == kind) for kind in kinds])
        cols = {c: self[f"target_{c}"][rows].astype(object) for c in _TARGET_TEXT}
        cols["country"] = self["target_layer_country"][rows].astype(object)
        cols["territory"] = np.full(len(rows), "", dtype=object)
        cols["population"] = self["target_population"][rows]
        cols["lon"], cols["lat"] = self["target_lon"][rows], self["target_lat"][rows]
        return cols

    def located(self, kinds: tuple[str, ...], snapshot: datetime.date
                ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
        """``country`` and ``territory`` of :meth:`table`'s rows on ``snapshot``."""
        layer = self["target_layer"]
        rows = np.concatenate([np.flatnonzero(layer == kind) for kind in kinds])
        pair = self.pairs(snapshot)[rows]
        return (self["pair_country"][pair].astype(object),
                self["pair_territory"][pair].astype(object))  # fmt: skip

    @functools.cached_property
    def regions(self) -> dict[str, np.ndarray]:
        """The regions layer's columns (object arrays of text) and ``geometry``
        (shapely polygons), in the layer's order."""

        out = dict(self.region_columns)
        out["geometry"] = self.region_geometries(np.arange(len(out["region_id"])))
        return out

    @functools.cached_property
    def region_columns(self) -> dict[str, np.ndarray]:
        """:attr:`regions` without the polygons (nothing to decode): the text
        columns and ``km2``, every region's geodesic area."""
        out = {c: self[f"region_{c}"].astype(object) for c in _REGION_TEXT}
        out["km2"] = self["region_km2"]
        return out

    def region_geometries(self, rows: np.ndarray) -> np.ndarray:
        """The polygons of regions ``rows`` (positions in the layer), decoded."""
        import shapely

        end = self["region_wkb_end"]
        start = np.concatenate([[0], end[:-1]])
        raw = self["region_wkb"]
        blobs = np.array([raw[start[i] : end[i]].tobytes() for i in rows.tolist()], dtype=object)
        return shapely.from_wkb(blobs) if len(blobs) else np.empty(0, dtype=object)

    @functools.cached_property
    def region_tree(self):
        """A ``shapely.STRtree`` over :attr:`regions`' polygons."""
        import shapely

        return shapely.STRtree(self.regions["geometry"])

    def lazy_region_tree(self) -> _LazyRegionTree:
        """An index over the regions that decodes only the polygons whose box
        meets a query (a 300 km reach area meets a few dozen of 1,342)."""
        return _LazyRegionTree(self)


class _LazyRegionTree:
    """``STRtree.query(geometry, predicate="intersects")`` over the index's
    regions: boxes first, then the exact test on the polygons decoded for it.
    :attr:`geoms` holds every polygon decoded so far (None for the others)."""

    def __init__(self, index: TargetIndex):
        import shapely

        self._index = index
        bounds = index["region_bounds"]
        self._boxes = shapely.STRtree(shapely.box(*bounds.T))
        self.geoms = np.full(len(bounds), None, dtype=object)

    def query(self, geometry, predicate: str | None = None) -> np.ndarray:
        import shapely

        cand = np.asarray(self._boxes.query(geometry), dtype=int)
        todo = cand[np.equal(self.geoms[cand], None)]
        if todo.size:
            self.geoms[todo] = self._index.region_geometries(todo)
        if predicate is None:
            return cand
        if predicate != "intersects":
            raise ValueError(f"predicate {predicate!r}: only 'intersects' is supported")
        return cand[shapely.intersects(self.geoms[cand], geometry)]


def load(path: str | Path | None = None) -> TargetIndex | None:
    """The index of the shipped layers, or None when it is missing, damaged,
    of another format or stale (built from other files than today's)."""
    path = INDEX_FILE if path is None else Path(path)
    try:
        index = TargetIndex(np.load(path, allow_pickle=False))
        fmt, sources = str(index["format"]), index["sources"].tolist()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):
        return None
    if fmt != FORMAT or sources != fingerprint():
        return None
    return index


@functools.lru_cache(maxsize=1)
def shipped() -> TargetIndex | None:
    """:func:`load` of ``data/targets.npz``, once a process: ``evaluate`` and the
    CLI's commands share it."""
    return load()
