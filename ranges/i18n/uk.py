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
    "airfields_not_drawn": "(забагато, щоб показати в цьому масштабі)",
    "km": "км",
    "min": "мін.",
    "scale_note": "Масштаб точний у центрі карти",
    "coverage": (
        "Міста, аеродроми й області показано лише для {lon0:g}–{lon1:g}° сх. д., "
        "{lat0:g}–{lat1:g}° пн. ш."
    ),
    "credit": "Карта: Strike Range",
    "reach_of": "Досяжність: {weapons}",
    "from": "— пуск: {sites}",  # "з Суми" would need the genitive (з Сум)
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
    "warn_site": "місце пуску {name}: немає місця для назви на карті; маркер показано",
    "warn_note": "примітці «{text}» забракло місця на карті, її не показано",
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


#: The dashboard (app.py): every control, help text, message, table and legend.
DASHBOARD = {
    "language": "Мова",
    "preset": "Готова карта",
    "own_map": "— ваша власна карта —",
    "own_map_note": "Ваша власна карта: змінено з готової «{preset}».",
    "as_of": "Ситуація станом на",
    "as_of_help": (
        "Хто контролював територію і що було дозволено цього дня. Окупована територія: "
        "DeepStateMap, щодня з {first} по {last}."
    ),
    "date_outside": (
        "Дата {day} поза даними про окуповану територію ({first} – {last}); показано "
        "{near}, найближчу дату з даними."
    ),
    "weapons": "Зброя",
    "side:Ukraine and partners": "Україна та партнери",
    "side:Russia and North Korea": "Росія та Північна Корея",
    "choose_weapons": "Виберіть зброю",
    "chosen_colours": "Колір кожної вибраної зброї на карті, в легенді та заголовку:",
    "colours": "Змінити кольори",
    "colours_help": (
        "Типово — палітра Окабе–Іто, зручна для людей з порушенням кольорового зору; "
        "тут можна вибрати власні кольори."
    ),
    "colours_reset": "Повернути палітру",
    "launch_sites": "Місця пуску",
    "add_place": "Додати місце",
    "add_place_placeholder": "Пошук міста, аеродрому чи місця…",
    "add_place_help": (
        "Виберіть зі списку або введіть будь-яку назву з довідника (Kyiv, Київ, UUOK…)."
    ),
    "coords": "Вставити координати (шир., довг.)",
    "coords_help": (
        "Десяткові градуси в тому порядку, в якому їх копіюють вебкарти, з літерами півкуль "
        "або в градусах, хвилинах і секундах."
    ),
    "sites_caption": (
        "Або клацніть місто на карті. Тут можна змінити, вимкнути або видалити місця пуску:"
    ),
    "col_site_name": "назва",
    "col_site_on": "увімк.",
    "launch_areas": "Райони пуску",
    "regions": "Регіони",
    "strip_on": "Прикордонна смуга (територія України біля кордону з Росією)",
    "width_km": "Ширина, км",
    "standoff_km": "Відступ, км",
    "only_within": "Лише в межах",
    "all_ukraine": "уся Україна",
    "front_on": "Смуга біля фронту (підконтрольна Україні територія біля лінії фронту на дату)",
    "front_width": "Ширина від фронту, км",
    "front_standoff": "Відступ від фронту, км",
    "held_on": "Уся підконтрольна Україні територія (на дату)",
    "occupied_on": "Окупована територія України (район пуску для зброї Росії)",
    "held_caption": (
        "Підконтрольна й окупована територія: DeepStateMap на дату; сірі зони вважаються "
        "підконтрольними, а підконтрольна Україні територія в Росії не врахована."
    ),
    "area_upload": "Завантажити район пуску (GeoJSON або KML, напр. лінію фронту)",
    "other_areas": "Інші райони (завантажені або з посилання чи файлу): {names}",
    "off": "вимк.",
    "remove_areas": "Прибрати ці райони",
    "targets_overlay": "Цілі та дозволи",
    "target_layers": "Шари цілей",
    "layer:cities": "Міста",
    "layer:airfields": "Аеродроми",
    "layer:places": "Місця в новинах",
    "targets_upload": "Ваші цілі (CSV назва, шир., довг.; точки GeoJSON або KML)",
    "n_uploaded": "Завантажено цілей: {n}",
    "remove_targets": "Прибрати завантажені цілі",
    "allowed_table": "Дозволені регіони з публічних рішень (на дату)",
    "allowed_table_help": (
        "Рішення США, Великої Британії, Франції та Німеччини про те, де надана зброя може "
        "бити по Росії, з джерелами: `strike-range authorizations`."
    ),
    "allowed": "Удари дозволені в (шар дозволів)",
    "focus": "Регіони в заголовках",
    "min_population": "Підписувати міста від населення",
    "notes_expander": "Примітки на карті",
    "display": "Показ",
    "tiles": "Підкладка Carto (звертається до серверів Carto)",
    "tiles_help": (
        "Типово вимкнено: карта будується з даних, що постачаються зі Strike Range, і сторінка "
        "не звертається до інших серверів. Якщо увімкнути, браузер завантажить підкладку з "
        "Carto (basemaps.cartocdn.com), і Carto побачить вашу адресу та район, який ви "
        "переглядаєте."
    ),
    "last_valid": "{error}. На карті — останні правильні налаштування.",
    "choose_weapon": "Виберіть одну чи кілька систем зброї на бічній панелі.",
    "add_site_hint": (
        "Додайте місце пуску: знайдіть місце, вставте координати або клацніть місто на карті."
    ),
    "situation": (
        "Ситуація станом на {date}: цілі враховано на території іншої сторони; окупована "
        "територія — знімок DeepStateMap від {snapshot}."
    ),
    "reach_title": "Досяжність: {weapons}",
    "reach_from": "Досяжність: {weapons} з {sites}",
    "n_sites": "{n} місць пуску",
    "headline_where": "{weapon} ({km} км) {where}: {words}",
    "headline_sites": "{weapon} ({km} км), пуск: {sites}; {words}",
    "headline_bare": "{weapon} ({km} км): {words}",
    "and": "і",
    "auth": (
        "{weapon}: дозволено і в зоні ураження: {airfields}, {cities}; {share} площі "
        "досяжності ({allowed} з {total} км²) там, де удари дозволені"
    ),
    # a decision's label and the "no decision" sentence (ranges.authorizations.summary_in)
    "auth_status:reported": "за повідомленнями",
    "auth_status:disputed": "спірно",
    "auth_decider:US": "США",
    "auth_decider:UK": "Велика Британія",
    "auth_decider:France": "Франція",
    "auth_decider:Germany": "Німеччина",
    "auth_none": (
        "Станом на {date} жодне рішення з таблиці не дозволяє ударів {family} по території Росії"
    ),
    "legend_reach": "{weapon} ({km} км)",
    "legend_launch_site": "місце пуску",
    "legend_launch_area": "район пуску",
    "legend_allowed": "удари дозволені",
    "legend_front": "лінія фронту",
    "legend_target_in": "ціль у зоні ураження на боці іншої сторони",
    "legend_target_other": "інше місце (своя сторона або поза зоною)",
    "legend_airfield": "аеродром (кільце)",
    "legend_note": "примітка з номером (список під картою)",
    "notes_heading": "Примітки",
    "tab_targets": "Цілі в зоні ураження",
    "tab_regions": "Охоплені регіони",
    "tab_sources": "Джерела",
    "territory_filter": "Територія (на дату)",
    "territory_help": "Залишити один бік фронту: напр. лише Росію.",
    "territory:Ukraine (held)": "Україна (підконтрольна)",
    "territory:Ukraine (occupied)": "Україна (окупована)",
    "territory:Russia": "Росія",
    "territory:Belarus": "Білорусь",
    "territory:other": "інше",
    "show_inside": "Показати місця всередині районів пуску",
    "inside_note": (
        "Місць усередині районів пуску (відстань 0 км): {n}; їх не показано як цілі — "
        "увімкніть вище, щоб показати."
    ),
    "inside_label": "у районі пуску",
    "dl_targets": "Завантажити цілі (CSV)",
    "dl_regions": "Завантажити регіони (CSV)",
    "col:name": "назва",
    "col:type": "тип",
    "col:country": "країна",
    "col:territory": "територія",
    "col:population": "населення",
    "col:lat": "шир.",
    "col:lon": "довг.",
    "col:distance_km": "відстань, км",
    "col:bearing": "азимут",
    "col:launch": "звідки (найближче місце пуску)",
    "col:in_range_of": "у зоні ураження",
    "col:authorization": "дозвіл",
    "col:region": "регіон",
    "col:region_id": "код регіону",
    "col:status": "статус",
    "col:weapon": "зброя",
    "col:covered_km2": "охоплено, км²",
    "col:covered_pct": "охоплено, %",
    "auth:allowed and in range": "дозволено і в зоні ураження",
    "auth:in range, not allowed": "у зоні ураження, не дозволено",
    "kind:city": "місто",
    "kind:town": "містечко",
    "kind:airfield": "аеродром",
    "kind:airbase": "авіабаза",
    "kind:nuclear-plant": "атомна електростанція",
    "kind:bridge": "міст",
    "kind:user": "ваша ціль",
    "ranges_label": "Дальність",
    "decisions_label": "Рішення, на яких ґрунтуються дозволені регіони",
    "map_data": "Дані карти",
    "note_source": "Примітка «{text}»: {source}",
    "export_toggle": "Експорт для публікації (зображення та дані)",
    "size": "Розмір",
    "theme": "Тема",
    "theme:light": "світла",
    "theme:dark": "темна",
    "size:web": "для сайту",
    "size:square": "квадрат",
    "size:portrait": "вертикальна",
    "size:print-a4": "друк A4",
    "size:print-a4-portrait": "друк A4 вертикально",
    "size:print-a3": "друк A3",
    "size:print-a3-portrait": "друк A3 вертикально",
    "export_lang": "Мова",
    "credit": "Підпис",
    "credit_default": "Карта: Strike Range",
    "title_hint": "Заголовок і підзаголовок редагуються в розділі «Поділитися і зберегти».",
    "map_image": "Зображення ({fmt})",
    "format:geojson": "GeoJSON",
    "format:kml": "KML",
    "format:gpkg": "GeoPackage",
    "format:csv": "CSV: цілі",
    "format:regions-csv": "CSV: регіони",
    "format:html": "Карта HTML",
    "share": "Поділитися і зберегти",
    "share_caption": (
        "Адреса сторінки містить усю карту: скопіюйте її, щоб поділитися. Або збережіть файл:"
    ),
    "dl_scenario": "Завантажити сценарій (JSON)",
    "open_scenario": "Відкрити файл сценарію",
    "title": "Заголовок",
    "title_help": "Залиште порожнім, щоб заголовок склався зі зброї та місць пуску.",
    "subtitle": "Підзаголовок",
    "link_too_long": (
        "Ця карта більше не вміщується в адресу сторінки ({size} символів; межа — {limit}, "
        "яку цілою зберігають усі поширені браузери, проксі й месенджери). В адресі "
        "залишилася остання карта, що вмістилася, а не ця: скопійоване посилання втратить "
        "ваші зміни. Поділіться натомість файлом сценарію:"
    ),
    "footer": (
        "Номінальна максимальна дальність за опублікованими джерелами; фактична досяжність "
        "залежить від розташування пускової установки. Дані карти: {attribution}. Окупована "
        "територія: DeepStateMap (GPL v3); сірих зон і підконтрольної Україні території в Росії "
        "там немає."
    ),
    "area_not_point": "«{text}» — це район; додайте його в розділі «Райони пуску»",
    "area_not_listed": "«{text}» — район поза списком регіонів; завантажте його як GeoJSON",
    "already_area": "{name} уже є районом пуску.",
    "added_region": "Додано регіон {name} як район пуску.",
    "already_site": "{name} уже є місцем пуску.",
    "added_site": "Додано {name} як місце пуску.",
    "added_site_click": "Додано {name} як місце пуску (клацання на карті).",
    "added_area": "Додано район пуску «{name}» з {file}.",
    "added_area_region": "Додано {name} як район пуску.",
    "no_geometry": "{file}: немає геометрії",
    "loaded_targets": "Завантажено цілей: {n} з {file}.",
    "opened_scenario": "Відкрито сценарій {file}.",
    "row_left_out": "{problem} (рядок пропущено)",
    "loading": "Завантаження карт і довідника…",
    "drawing": "Малювання карти…",
    "preparing": "Підготовка файлу…",
}

#: Слова самих експортів даних (теки й мітки KML).
EXPORT = {
    "reach_of": "Досяжність {weapon} ({ranges} км)",
    "targets_in_range": "Цілі в зоні ураження {weapon} ({count})",
    "sites_folder": "Місця й райони пуску",
    "launch_site": "місце пуску",
    "launch_area": "район пуску",
    "notes_folder": "Примітки",
    "source": "Джерело: {source}",
    "sources": "Джерела: {sources}",
    "occupied_folder": "Окупована територія ({source}, станом на {date})",
    "occupied_placemark": "Окуповано Росією ({source}, станом на {date})",
    "population": "населення {people}",
    "distance": "{km} км від {launch}",
    "in_range_of": "у зоні ураження: {weapons}",
}

#: Weapon names on Ukrainian maps, by catalogue id.  Western designations stay in
#: Latin as Ukrainian media print them (ATACMS, GMLRS, GLSDB, Storm Shadow / SCALP-EG,
#: Taurus KEPD, KN-23); Soviet/Russian and Ukrainian designations are Cyrillic in
#: the original (9М723, 3М-14, Х-101, Р-360) and are written so; descriptors are
#: translated.  tests/test_render_uk.py keeps the Latin it allows in one list.
WEAPON_NAMES = {
    "atacms-m39": "ATACMS M39 (касетна)",
    "atacms-m39a1": "ATACMS M39A1 (касетна)",
    "atacms-m57": "ATACMS M57 (моноблочна)",
    "gmlrs": "GMLRS M30/M31",
    "glsdb": "GLSDB",
    "storm-shadow": "Storm Shadow / SCALP-EG",
    "taurus": "Taurus KEPD 350",
    "neptune": "Р-360 «Нептун»",
    "iskander-m": "Іскандер-М (9М723)",
    "iskander-k": "Іскандер-К (9М728 / 9М729)",
    "kn-23": "KN-23 / Хвасон-11",
    "kh-101": "Х-101",
    "kalibr": "3М-14 «Калібр»",
    "shahed-136": "Шахед-136 / Герань-2",
}
