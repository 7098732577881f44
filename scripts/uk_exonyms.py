"""Ukrainian names of cities that no rule or catalogue of the build gives right,
each as a stored Ukrainian source writes it (found through the project's
search of stored public pages; data/README.md lists them with the quotes).

The names are in ``scripts/uk_exonyms.tsv``, one row a town: its GeoNames id,
country and name (to read the table by), the Ukrainian name, where the source
is (its address, and the grammatical case when the quote inflects the name:
"(genitive)" for Кестхея) and the quoted sentence, table row or list item.  A
source is a Ukrainian-language sentence, or a sentence in another language that
labels the name Ukrainian ("ukr. Перемишль"); Russian text does not count.
They are of four kinds:

- large theatre cities that neither CLDR nor GeoNames' alternates name (Ясси,
  Білосток, Мосул) and other towns no rule or catalogue names (Варна, Веймар);
- towns by Ukraine's border with their historical Ukrainian names, which a
  transcription would miss (Перемишль, not Пшемисль; Холм; Тирасполь, Бендери);
- Russian cities whose Ukrainian usage the rules of ``ru_uk.py`` miss
  (Новоросійськ, Нижньокамськ);
- towns of countries with no documented transcription, or whose name the rule
  cannot read, that a search for each of them found in a Ukrainian text on
  2026-12-06 and 2026-12-07 (Пакш, Комрат, Урошеваць, Мінгячевір, Мераге,
  Ель-Баб).  An Iranian town named like its county (шахрестан), whose seat it
  is, takes the county's name as the Ukrainian Wikipedia's list of Iran's
  counties writes it (Есламшахр), as an oblast centre in Russia takes the
  spelling its region's name implies (``city_names.region_stems``).

Imported by ``scripts/city_names.py``: :data:`UK_EXONYMS` maps a GeoNames id to
(name, "where: «the quote»").
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["TABLE", "UK_EXONYMS", "read_table"]

#: The table of names and sources.
TABLE = Path(__file__).with_name("uk_exonyms.tsv")
_COLUMNS = ["geonameid", "country", "name_en", "name_uk", "where", "quote"]


def read_table(path: Path = TABLE) -> list[dict[str, str]]:
    """The table's rows, each a dict of :data:`_COLUMNS`; a row that breaks the
    table's form raises ValueError naming the row."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for n, row in enumerate(rows, 2):
        if list(row) != _COLUMNS or any(not row[c] for c in _COLUMNS):
            raise ValueError(f"{path.name}, line {n}: a row needs all of {_COLUMNS}: {row}")
    return rows


UK_EXONYMS = {
    int(row["geonameid"]): (row["name_uk"], f"{row['where']}: «{row['quote']}»")
    for row in read_table()
}
