"""Українська: усі рядки, які бачить читач, в одному місці.

The same sections and keys as :mod:`ranges.i18n.en` (checked by the tests).
"""

#: Exported maps (PNG, SVG, PDF), their alt text and the headline clauses.
MAP = {
    "caveat": (
        "Номінальна максимальна дальність; фактична досяжність залежить від "
        "розташування пускової установки."
    ),
    "sources": "Джерела",
    "ranges": "дальність",
    "notes": "примітки",
    "allowed": "Удари дозволені",
    "launch_site": "Місце пуску",
    "launch_area": "Район пуску",
    "airfields": "Аеродроми в зоні ураження (усі сторони)",
    "km": "км",
    "min": "мін.",
    "scale_note": "Масштаб точний у центрі карти",
    "coverage": (
        "Дані базової карти лише для {lon0:g}–{lon1:g}° сх. д., {lat0:g}–{lat1:g}° пн. ш."
    ),
    "credit": "Карта: Strike Range",
    "reach_of": "Досяжність: {weapons}",
    "from": "з {sites}",
    "no_weapon": "Зброю не вибрано",
    "months": (
        "січня лютого березня квітня травня червня липня серпня вересня жовтня "
        "листопада грудня"
    ),
    "as_of": "Станом на {date}",
    "occupied": "Окуповано Росією ({source}, станом на {date})",
    "occupied_source": (
        "окупована територія: {source}, станом на {date} (без сірих зон і утримуваних "
        "Україною територій у Росії)"
    ),
    "occupied_alt": "Затінено: територія, окупована Росією ({source}, станом на {date}).",
    "reported": "за повідомленнями до {km} км",
    "reported_alt": "Пунктиром: {weapon}, за повідомленнями до {km} км.",
    "min_estimate": "оцінка",
    "decision": "рішення {who} від {date}",
    "reported_status": "за повідомленнями",
    "disputed_status": "оспорюється",
    "confirmed": "підтверджено {date}",
    "decided_by": "рішення",
    "decider:US": "США",
    "decider:UK": "Великої Британії",  # genitive: "рішення Великої Британії"
    "decider:France": "Франції",
    "decider:Germany": "Німеччини",
    "area:held": "Підконтрольна Україні територія",
    "area:occupied": "Тимчасово окупована територія України",
    "area:front-strip": "Смуга {span} км від лінії фронту",
    "area:border-strip": "Смуга {span} км від кордону з Росією",
    "from_area:held": "з підконтрольної Україні території",
    "from_area:occupied": "з тимчасово окупованої території України",
    "from_area:front-strip": "зі смуги {span} км від лінії фронту",
    "from_area:border-strip": "зі смуги {span} км від кордону з Росією",
    "span_up_to": "до {width}",
    "clause:Russia": "у Росії",
    "clause:Ukraine (occupied)": "на тимчасово окупованій території України",
    "clause:Belarus": "у Білорусі",
    "clause:Ukraine (held)": "на підконтрольній Україні території",
    "clause:other": "деінде",
    "airfield_forms": "аеродром аеродроми аеродромів",
    "city_forms": "місто міста міст",
    "no_airfield": "жодного аеродрому",
    "no_city": "жодного міста",
    "with_people": "із населенням {people}",
    "region_share": "{region} ({pct} площі)",
    "decimal": ",",
    "million": "млн",
    "billion": "млрд",
    "alt_map": "Карта: {title}.",
    "alt_sites": "Місця пуску: {sites}.",
    "alt_share": "{weapon}: {share} зони ураження там, де удари дозволені.",
    "alt_allowed": "Заштриховано: удари дозволені ({names}).",
    "alt_note": "Примітка: {text}.",
    "numbered_targets": "Ваші цілі: {items}",
    "warn_outside": "ціль {name} ({lat}, {lon}) поза картою, її не показано",
    "warn_unlabelled": "ціль {name}: немає місця ні для назви, ні для номера; маркер без підпису",
}

#: The static site export's pages.
SITE = {
    "data": "Дані (GeoJSON)",
    "noscript": "Для інтерактивної карти потрібен JavaScript.",
    "nolib": "Карта не змогла завантажити свої скрипти ({files}).",
    "embed_title": "Вбудувати: {title}",
    "embed_help": "Вставте цей код туди, де має бути карта. Вона займає ширину колонки.",
    "embed_relative": (
        " Замініть {page} на адресу, за якою опубліковано цю папку (або експортуйте з "
        "--base-url)."
    ),
    "frame": "Інтерактивна карта: {title}",
}
