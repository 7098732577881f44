"""Tables, CSV and JSON on standard output, shared by the commands."""

from __future__ import annotations

import csv
import io
import json


def _table(out, header, rows) -> None:
    rows = [tuple("" if v is None else str(v) for v in r) for r in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)
    ]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _emit_frame(df, fmt: str, out, digits: dict[str, int]) -> None:
    df = df.copy()
    for col, nd in digits.items():
        if col in df.columns:
            df[col] = df[col].round(nd)
            if nd == 0:
                df[col] = df[col].astype("int64")
    if fmt == "json":
        json.dump(
            json.loads(df.to_json(orient="records", force_ascii=False)),
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        _write_rows(out, fmt, list(df.columns), df.itertuples(index=False))


def _write_rows(out, fmt: str, header, rows) -> None:
    """A table (``fmt`` "table") or CSV of rows of Python values."""
    if fmt == "csv":
        from ..targets import csv_safe

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([csv_safe(v) for v in row])
        out.write(buf.getvalue())
    else:
        _table(out, header, rows)


def _emit_columns(columns: dict, fmt: str, out, digits: dict[str, int]) -> None:
    """:func:`_emit_frame` of a table given as numpy columns, without pandas:
    the same text for the same values (rounded as pandas rounds, with
    ``numpy.round``; NaN is ``nan`` in tables and CSV, ``null`` in JSON)."""
    import numpy as np

    header = list(columns)
    values = []
    for col in header:
        arr = np.asarray(columns[col])
        if col in digits:
            arr = np.round(arr.astype(float), digits[col])
            if digits[col] == 0:
                arr = arr.astype("int64")
        values.append(arr.tolist())  # Python scalars, as pandas' itertuples gives
    rows = list(zip(*values, strict=True))
    if fmt == "json":

        def cell(v):
            return None if isinstance(v, float) and v != v else v

        records = [{c: cell(v) for c, v in zip(header, row, strict=True)} for row in rows]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _write_rows(out, fmt, header, rows)
