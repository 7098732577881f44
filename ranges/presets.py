"""Ready-made scenarios for the stories the tool was built for.

Each preset is an ordinary :class:`ranges.scenario.Scenario` dated to its
story (``as_of``); its notes carry the source of every claim they make.  The
first preset is the dashboard's opening map.
"""

from __future__ import annotations

from .scenario import Area, Note, Scenario, Site

__all__ = ["PRESETS", "DEFAULT_PRESET", "preset", "preset_titles"]

_SUMY_BORDER_AREA = Area(
    kind="border-strip",
    name="the Sumy border area",
    width_km=60.0,
    standoff_km=15.0,
    within="UA-59",
)

_NOV_2024_NOTES = (
    Note(
        "Sudzha: held by Ukrainian forces since the August 2024 incursion into the Kursk region",
        51.191, 35.271,
        "Reuters, 15 Aug 2024: Ukraine says it has taken Sudzha; incursion began 6 Aug 2024",
    ),
    Note(
        "Kursk region: more than 10,000 North Korean troops, per US intelligence",
        52.05, 35.9,
        "US Department of Defense and State Department statements, 4-18 Nov 2024",
    ),
    Note(
        "Sumy, 17 Nov 2024: Russian missile strike, 11 killed, 84 injured",
        50.9174, 34.7991,
        "Ukrainian Interior Ministry via Reuters and AP, 17-18 Nov 2024",
    ),
)  # fmt: skip

PRESETS: dict[str, Scenario] = {
    "atacms-nov-2024": Scenario(
        title="17 Nov 2024: ATACMS cleared for use inside Russia",
        subtitle=(
            "ATACMS (300 km) from launchers 15-60 km behind the border in Sumy oblast; "
            "strikes first allowed in the Kursk region"
        ),
        weapons=("atacms-m57",),
        areas=(_SUMY_BORDER_AREA,),
        allowed_regions=("RU-KRS",),
        focus_regions=("RU-KRS",),
        notes=_NOV_2024_NOTES,
        preset="atacms-nov-2024",
        as_of="2024-11-17",
    ),
    "atacms-storm-shadow-nov-2024": Scenario(
        title="ATACMS and Storm Shadow/SCALP from the Sumy border area",
        subtitle="Both need US clearance for targets inside Russia (November 2024)",
        weapons=("atacms-m57", "storm-shadow"),
        areas=(_SUMY_BORDER_AREA,),
        allowed_regions=("RU-KRS",),
        focus_regions=("RU-KRS",),
        notes=_NOV_2024_NOTES,
        preset="atacms-storm-shadow-nov-2024",
        as_of="2024-11-17",
    ),
    "russian-missiles-on-ukraine": Scenario(
        title="Russian and North Korean ballistic missiles: reach into Ukraine",
        subtitle="Iskander-M and KN-23 from launch points in the Belgorod and Kursk regions",
        weapons=("iskander-m", "kn-23"),
        sites=(Site("Belgorod", 50.60343, 36.58091), Site("Kursk", 51.72689, 36.18457)),
        focus_regions=("UA-30", "UA-63"),
        preset="russian-missiles-on-ukraine",
        as_of="2024-11-17",
    ),
    "taurus-from-kyiv-region": Scenario(
        title="Taurus KEPD 350: the reach Germany has not supplied",
        subtitle="500 km from a launch point near Kyiv compared with Storm Shadow/SCALP (250 km)",
        weapons=("taurus", "storm-shadow"),
        sites=(Site("Kyiv", 50.45466, 30.5238),),
        focus_regions=("RU-MOS", "RU-MOW"),
        preset="taurus-from-kyiv-region",
        as_of="2024-11-17",
    ),
}

#: The dashboard opens on this preset (the story the tool starts from).
DEFAULT_PRESET = "atacms-nov-2024"


def preset(preset_id: str) -> Scenario:
    """The preset scenario ``preset_id`` (KeyError names the known ones)."""
    try:
        return PRESETS[preset_id]
    except KeyError:
        raise KeyError(f"{preset_id!r} is not a preset; known: {', '.join(PRESETS)}") from None


def preset_titles() -> dict[str, str]:
    """Preset id to title, in display order."""
    return {pid: s.title for pid, s in PRESETS.items()}
