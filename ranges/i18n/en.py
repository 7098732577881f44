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
    "km": "km",
    "min": "min.",
    "scale_note": "Scale true at map centre",
    "coverage": "Base map data cover {lon0:g}–{lon1:g}°E, {lat0:g}–{lat1:g}°N only.",
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
