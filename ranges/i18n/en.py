"""English: every string a reader sees, in one place.

Each section is a flat dict of
keys to :meth:`str.format` templates; :mod:`ranges.i18n` checks that the
Ukrainian file has the same keys and placeholders.
"""

#: Exported maps (PNG, SVG, PDF), their alt text and the headline clauses.
MAP = {
    "caveat": "Nominal maximum ranges; real reach depends on launcher position.",
    "sources": "Sources",
    "ranges": "ranges",
    "notes": "notes",
    "allowed": "Strikes allowed",
    "launch_site": "Launch site",
    "launch_area": "Launch area",
    "airfields": "Airfields in range (all sides)",
    "airfields_not_drawn": "(too many to draw at this scale)",
    "km": "km",
    "min": "min.",
    "scale_note": "Scale true at map centre",
    "coverage": (
        "Cities, airfields and regions are mapped for {lon0:g}–{lon1:g}°E, "
        "{lat0:g}–{lat1:g}°N only."
    ),
    "credit": "Map: Strike Range",
    "reach_of": "Reach of {weapons}",
    "from": "from {sites}",
    "no_weapon": "No weapon selected",
    "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "as_of": "Situation as of {date}",
    "occupied": "Occupied by Russia ({source}, as of {date})",
    "occupied_source": (
        "occupied territory: {source}, as of {date} (grey zones and Ukrainian-held "
        "ground in Russia not shown)"
    ),
    "occupied_alt": "Shaded: territory occupied by Russia ({source}, as of {date}).",
    "reported": "reported up to {km} km",
    "reported_alt": "Dashed: {weapon}, reported up to {km} km.",
    "min_estimate": "est.",
    "decision": "{who} decision of {date}",
    "reported_status": "reported",
    "disputed_status": "disputed",
    "confirmed": "confirmed {date}",
    "decided_by": "decisions",
    "decider:US": "US",
    "decider:UK": "UK",
    "decider:France": "French",
    "decider:Germany": "German",
    # Launch areas under their default names (see _site_label): as named in
    # the key and the alt text, and after "from" in a generated title.
    "area:held": "Ukrainian-held territory",
    "area:occupied": "Occupied territory of Ukraine",
    "area:front-strip": "Front strip {span} km",
    "area:border-strip": "Border strip {span} km",
    "from_area:held": "from Ukrainian-held territory",
    "from_area:occupied": "from occupied territory of Ukraine",
    "from_area:front-strip": "from {span} km behind the front line",
    "from_area:border-strip": "from {span} km behind the Russian border",
    "span_up_to": "up to {width}",
    # The headline's clauses (the English one comes from ranges.analysis, in
    # the same words; these build the Ukrainian one the same way).
    "clause:Russia": "in Russia",
    "clause:Ukraine (occupied)": "in occupied Ukraine",
    "clause:Belarus": "in Belarus",
    "clause:Ukraine (held)": "in Ukrainian-held territory",
    "clause:other": "elsewhere",
    "airfield_forms": "airfield airfields airfields",  # one, few (2-4), many
    "city_forms": "city cities cities",
    "no_airfield": "no airfields",
    "no_city": "no cities",
    "with_people": "with {people} people",
    "region_share": "{pct} of {region}",
    "decimal": ".",
    "million": "million",
    "billion": "billion",
    # alt text
    "alt_map": "Map: {title}.",
    "alt_sites": "Launch from: {sites}.",
    "alt_share": "{weapon}: {share} of the reach area lies where strikes are allowed.",
    "alt_allowed": "Hatched: strikes allowed ({names}).",
    "alt_note": "Note: {text}.",
    # targets the map could not name in place (ranges.render.targets)
    "numbered_targets": "Your targets: {items}",
    "warn_outside": "target {name} ({lat}, {lon}) lies outside the map and is not drawn",
    "warn_unlabelled": "target {name}: no room for its name or number; its marker is drawn unnamed",
    "warn_site": "launch site {name}: no room for its name on the map; its marker is drawn",
    "warn_note": "note \"{text}\" found no room on the map and is not shown",
}

#: The static site export's pages.
SITE = {
    "data": "Data (GeoJSON)",
    "noscript": "This interactive map needs JavaScript.",
    "nolib": "The map could not load its script files ({files}).",
    "embed_title": "Embed: {title}",
    "embed_help": "Paste this where the map should appear. It follows the width of its column.",
    "embed_relative": (
        " Replace {page} with the address where this folder is published "
        "(or export with --base-url)."
    ),
    "frame": "Interactive map: {title}",
}


#: The dashboard (app.py): every control, help text, message, table and legend.
DASHBOARD = {
    "language": "Language",
    "preset": "Preset",
    "own_map": "— your own map —",
    "own_map_note": "Your own map: changed from the preset “{preset}”.",
    "as_of": "Situation as of",
    "as_of_help": (
        "Who held the ground and what was allowed on this day. Occupied territory: "
        "DeepStateMap, daily from {first} to {last}."
    ),
    "date_outside": (
        "Date {day} is outside the occupied-territory data ({first} to {last}); showing "
        "{near}, the nearest date covered."
    ),
    "weapons": "Weapons",
    "side:Ukraine and partners": "Ukraine and partners",
    "side:Russia and North Korea": "Russia and North Korea",
    "choose_weapons": "Choose weapons",
    "chosen_colours": "Colour of each chosen weapon on the map, legend and headline:",
    "colours": "Change colours",
    "colours_help": "Okabe–Ito colour-blind-safe palette by default; pick your own here.",
    "colours_reset": "Back to the palette",
    "launch_sites": "Launch sites",
    "add_place": "Add a place",
    "add_place_placeholder": "Search a city, airfield or place…",
    "add_place_help": (
        "Pick from the list or type any name the gazetteer knows (Kyiv, Київ, UUOK…)."
    ),
    "coords": "Paste coordinates (lat, lon)",
    "coords_help": "Decimal degrees in the order web maps copy them, hemisphere letters or DMS.",
    "sites_caption": "Or click a town on the map. Edit, switch off or delete sites here:",
    "col_site_name": "name",
    "col_site_on": "on",
    "launch_areas": "Launch areas",
    "regions": "Regions",
    "strip_on": "Border strip (Ukrainian territory near the Russian border)",
    "width_km": "Width, km",
    "standoff_km": "Standoff, km",
    "only_within": "Only within",
    "all_ukraine": "all Ukraine",
    "front_on": "Front strip (Ukrainian-held territory near the front line, as of the date)",
    "front_width": "Width from the front, km",
    "front_standoff": "Standoff from the front, km",
    "held_on": "All Ukrainian-held territory (as of the date)",
    "occupied_on": "Occupied territory of Ukraine (a launch area for Russia's weapons)",
    "held_caption": (
        "Held and occupied ground: DeepStateMap as of the date; grey zones count as held, "
        "and Ukrainian-held ground inside Russia is not included."
    ),
    "area_upload": "Upload a launch area (GeoJSON or KML, e.g. a front line)",
    "other_areas": "Other areas (uploaded, or from a link or file): {names}",
    "off": "off",
    "remove_areas": "Remove these areas",
    "targets_overlay": "Targets and overlay",
    "target_layers": "Target layers",
    "layer:cities": "Cities",
    "layer:airfields": "Airfields",
    "layer:places": "Places in the news",
    "targets_upload": "Your targets (CSV name, lat, lon; GeoJSON or KML points)",
    "n_uploaded": "{n} uploaded targets",
    "remove_targets": "Remove uploaded targets",
    "allowed_table": "Allowed regions from public decisions (as of the date)",
    "allowed_table_help": (
        "US, UK, French and German decisions on where supplied weapons may strike Russia, "
        "with sources: `strike-range authorizations`."
    ),
    "allowed": "Strikes allowed in (authorization overlay)",
    "focus": "Regions quoted in headlines",
    "min_population": "Label cities from population",
    "notes_expander": "Notes on the map",
    "display": "Display",
    "tiles": "Carto basemap (contacts Carto's servers)",
    "tiles_help": (
        "Off by default: the map is drawn from the data shipped with Strike Range and the page "
        "asks no other server. On: your browser loads a basemap from Carto "
        "(basemaps.cartocdn.com), which then sees your address and the area you look at."
    ),
    "last_valid": "{error}. The map shows the last valid settings.",
    "choose_weapon": "Choose one or more weapons in the sidebar.",
    "add_site_hint": (
        "Add a launch site: search a place, paste coordinates or click a town on the map."
    ),
    "situation": (
        "Situation as of {date}: targets counted on the other side's ground; occupied "
        "territory from DeepStateMap's snapshot of {snapshot}."
    ),
    "reach_title": "Reach of {weapons}",
    "reach_from": "Reach of {weapons} from {sites}",
    "n_sites": "{n} launch sites",
    "headline_where": "{weapon} ({km} km) {where}: {words}",
    "headline_sites": "{weapon} ({km} km) from {sites}: {words}",
    "headline_bare": "{weapon} ({km} km): {words}",
    "and": "and",
    "auth": (
        "{weapon}: allowed and in range: {airfields}, {cities}; {share} of the reach area "
        "({allowed} of {total} km²) lies where strikes are allowed"
    ),
    # a decision's label and the "no decision" sentence (ranges.authorizations.summary_in)
    "auth_status:reported": "reported",
    "auth_status:disputed": "disputed",
    "auth_decider:US": "US",
    "auth_decider:UK": "UK",
    "auth_decider:France": "France",
    "auth_decider:Germany": "Germany",
    "auth_none": "No decision in the table allows {family} strikes inside Russia as of {date}",
    "legend_reach": "{weapon} ({km} km)",
    "legend_launch_site": "launch site",
    "legend_launch_area": "launch area",
    "legend_allowed": "strikes allowed",
    "legend_front": "front line",
    "legend_target_in": "target in range on the other side",
    "legend_target_other": "other place (own side or out of range)",
    "legend_airfield": "airfield (ring)",
    "legend_note": "numbered note (listed below the map)",
    "notes_heading": "Notes",
    "tab_targets": "Targets in range",
    "tab_regions": "Regions covered",
    "tab_sources": "Sources",
    "territory_filter": "Territory (as of the date)",
    "territory_help": "Keep one side of the front: e.g. only Russia.",
    "territory:Ukraine (held)": "Ukraine (held)",
    "territory:Ukraine (occupied)": "Ukraine (occupied)",
    "territory:Russia": "Russia",
    "territory:Belarus": "Belarus",
    "territory:other": "other",
    "show_inside": "List places inside the launch areas",
    "inside_note": (
        "{n} places lie inside the launch areas (distance 0 km) and are not listed as "
        "targets; switch them on above to list them."
    ),
    "inside_label": "inside the launch area",
    "dl_targets": "Download targets (CSV)",
    "dl_regions": "Download regions (CSV)",
    "col:name": "name",
    "col:type": "type",
    "col:country": "country",
    "col:territory": "territory",
    "col:population": "population",
    "col:lat": "lat",
    "col:lon": "lon",
    "col:distance_km": "distance_km",
    "col:bearing": "bearing_deg",
    "col:launch": "launch",
    "col:in_range_of": "in_range_of",
    "col:authorization": "authorization",
    "col:region": "region",
    "col:region_id": "region_id",
    "col:status": "status",
    "col:weapon": "weapon",
    "col:covered_km2": "covered_km2",
    "col:covered_pct": "covered_pct",
    "auth:allowed and in range": "allowed and in range",
    "auth:in range, not allowed": "in range, not allowed",
    "kind:city": "city",
    "kind:town": "town",
    "kind:airfield": "airfield",
    "kind:airbase": "air base",
    "kind:nuclear-plant": "nuclear plant",
    "kind:bridge": "bridge",
    "kind:user": "your target",
    "ranges_label": "Ranges",
    "decisions_label": "Decisions behind the allowed regions",
    "map_data": "Map data",
    "note_source": "Note “{text}”: {source}",
    "export_toggle": "Export for publication (images and data)",
    "size": "Size",
    "theme": "Theme",
    "theme:light": "light",
    "theme:dark": "dark",
    "size:web": "web",
    "size:square": "square",
    "size:portrait": "portrait",
    "size:print-a4": "print A4",
    "size:print-a4-portrait": "print A4 portrait",
    "size:print-a3": "print A3",
    "size:print-a3-portrait": "print A3 portrait",
    "export_lang": "Language",
    "credit": "Credit",
    "credit_default": "Map: Strike Range",
    "title_hint": "Title and subtitle: edit them under “Share and save”.",
    "map_image": "Image ({fmt})",
    "format:geojson": "GeoJSON",
    "format:kml": "KML",
    "format:gpkg": "GeoPackage",
    "format:csv": "CSV: targets",
    "format:regions-csv": "CSV: regions",
    "format:html": "HTML map",
    "share": "Share and save",
    "share_caption": "The page address holds the whole map: copy it to share. Or save a file:",
    "dl_scenario": "Download scenario (JSON)",
    "open_scenario": "Open a scenario file",
    "title": "Title",
    "title_help": "Leave empty for a title made from the weapons and launch sites.",
    "subtitle": "Subtitle",
    "link_too_long": (
        "This map no longer fits in the page address ({size} characters; the limit is {limit}, "
        "which every common browser, proxy and chat app keeps whole). The address still holds "
        "the last map that fitted, not this one: a copied link would lose your changes. "
        "Share the scenario file instead:"
    ),
    "footer": (
        "Nominal maximum ranges from published sources; real reach depends on launcher "
        "position. Map data: {attribution}. Occupied territory: DeepStateMap (GPL v3); grey "
        "zones and Ukrainian-held ground inside Russia are not in it."
    ),
    "area_not_point": "“{text}” is an area; add it under launch areas",
    "area_not_listed": "“{text}” is an area outside the region list; upload it as GeoJSON",
    "already_area": "{name} is already a launch area.",
    "added_region": "Added the region {name} as a launch area.",
    "already_site": "{name} is already a launch site.",
    "added_site": "Added {name} as a launch site.",
    "added_site_click": "Added {name} as a launch site (click on the map).",
    "added_area": "Added launch area '{name}' from {file}.",
    "added_area_region": "Added {name} as a launch area.",
    "no_geometry": "{file}: no geometry",
    "loaded_targets": "Loaded {n} targets from {file}.",
    "opened_scenario": "Opened scenario {file}.",
    "row_left_out": "{problem} (row left out)",
    "loading": "Loading maps and gazetteer…",
    "drawing": "Drawing the map…",
    "preparing": "Preparing the file…",
}

#: The data exports' own words (KML folders and placemarks).
EXPORT = {
    "reach_of": "Reach of {weapon} ({ranges} km)",
    "targets_in_range": "Targets in range of {weapon} ({count})",
    "sites_folder": "Launch sites and areas",
    "launch_site": "launch site",
    "launch_area": "launch area",
    "notes_folder": "Notes",
    "source": "Source: {source}",
    "sources": "Sources: {sources}",
    "occupied_folder": "Occupied territory ({source}, as of {date})",
    "occupied_placemark": "Occupied by Russia ({source}, as of {date})",
    "population": "population {people}",
    "distance": "{km} km from {launch}",
    "in_range_of": "in range of {weapons}",
}

#: Weapon names as maps, keys and alt texts print them, by catalogue id
#: (data/weapons.toml; tests/test_render_uk.py checks that English is the catalogue's name).
WEAPON_NAMES = {
    "atacms-m39": "ATACMS M39 (Block I, cluster)",
    "atacms-m39a1": "ATACMS M39A1 (Block IA, cluster)",
    "atacms-m57": "ATACMS M57 (unitary)",
    "gmlrs": "GMLRS M30/M31",
    "glsdb": "GLSDB",
    "storm-shadow": "Storm Shadow / SCALP-EG",
    "taurus": "Taurus KEPD 350",
    "neptune": "R-360 Neptune",
    "iskander-m": "Iskander-M (9M723)",
    "iskander-k": "Iskander-K (9M728 / 9M729)",
    "kn-23": "KN-23 / Hwasong-11",
    "kh-101": "Kh-101",
    "kalibr": "3M-14 Kalibr",
    "shahed-136": "Shahed-136 / Geran-2",
}
