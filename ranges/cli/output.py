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
    elif fmt == "csv":
        from ..targets import csv_safe

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(df.columns)
        for row in df.itertuples(index=False):
            w.writerow([csv_safe(v) for v in row])
        out.write(buf.getvalue())
    else:
        _table(out, list(df.columns), df.itertuples(index=False))
