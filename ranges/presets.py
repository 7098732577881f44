"""Ready-made scenarios for the stories the tool was built for.

Each preset is an ordinary :class:`ranges.scenario.Scenario` dated to its
story (``as_of``); its notes carry the source of every claim they make.  The
first preset is the dashboard's opening map.  Every text a reader sees is
written in English and Ukrainian (``title_uk``, ``subtitle_uk``, ``text_uk``,
``name_uk``); read them with ``Scenario.title_in(lang)`` and its siblings.
Sources are cited as published.
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
    name_uk="прикордонна смуга Сумщини",
)

# Each source was read in a stored copy of the page (quotes in data/README.md,
# "Notes of the flagship preset").
_NOV_2024_NOTES = (
    Note(
        "Sudzha: taken by Ukrainian forces after the 6 Aug 2024 incursion, Kyiv said on 15 Aug",
        51.191, 35.271,
        "RFE/RL, 15 Aug 2024: Ukraine Claims Full Control Of Sudzha, Sets Up Military "
        "Command — https://rferl.org/amp/russia-ukraine-kursk-evacuations-humanitarian/"
        "33079550.html",
        "Суджа: українські сили взяли місто після наступу, що почався 6 серпня 2024 року, "
        "заявив Київ 15 серпня",
    ),
    Note(
        "Kursk region: at least 10,000 North Korean troops (Pentagon, 4 Nov 2024); "
        "about 11,000 by 18 Nov",
        52.05, 35.9,
        "US Department of Defense, 18 Nov 2024: North Korean Troops Enter Kursk Where "
        "Ukrainians Are Fighting — https://www.defense.gov/News/News-Stories/Article/Article/"
        "3968230/north-korean-troops-enter-kursk-where-ukrainians-are-fighting/; ABC News, "
        "5 Nov 2024: 10,000 North Korean troops now in Russia's Kursk region, Pentagon says — "
        "https://abcnews.go.com/International/north-korean-troops-russia-kursk-region-pentagon/"
        "story?id=115502852",
        "Курська область: щонайменше 10\u00a0000 північнокорейських військових (Пентагон, "
        "4 листопада 2024 року); близько 11\u00a0000 до 18 листопада",
    ),
    Note(
        "Sumy, 17 Nov 2024: Russian missile strike on an apartment block, 11 killed, "
        "84 injured (regional administration)",
        50.9174, 34.7991,
        "A News (Türkiye), 18 Nov 2024: Ukraine says 11 killed in Russian missile attack in "
        "Sumy region — https://www.anews.com.tr/europe/2024/11/18/ukraine-says-11-killed-in-"
        "russian-missile-attack-in-sumy-region",
        "Суми, 17 листопада 2024 року: російський ракетний удар по багатоквартирному будинку, "
        "11 загиблих, 84 поранені (обласна військова адміністрація)",
    ),
)  # fmt: skip

PRESETS: dict[str, Scenario] = {
    "atacms-nov-2024": Scenario(
        title="17 Nov 2024: ATACMS cleared for use inside Russia",
        title_uk="17 листопада 2024: ATACMS дозволили застосовувати в Росії",
        subtitle=(
            "ATACMS (300 km) from launchers 15-60 km behind the border in Sumy oblast; "
            "strikes first allowed in the Kursk region"
        ),
        subtitle_uk=(
            "ATACMS (300 км) з пускових установок за 15–60 км від кордону в Сумській "
            "області; удари спершу дозволили по Курській області"
        ),
        weapons=("atacms-m57",),
        areas=(_SUMY_BORDER_AREA,),
        allowed_from_table=True,
        focus_regions=("RU-KRS",),
        notes=_NOV_2024_NOTES,
        preset="atacms-nov-2024",
        as_of="2024-11-17",
    ),
    "atacms-storm-shadow-nov-2024": Scenario(
        title="ATACMS and Storm Shadow/SCALP from the Sumy border area",
        title_uk="ATACMS і Storm Shadow/SCALP із прикордонної смуги Сумщини",
        subtitle="Both need US clearance for targets inside Russia (November 2024)",
        subtitle_uk="Для ударів по цілях у Росії обидві потребують дозволу США (листопад 2024)",
        weapons=("atacms-m57", "storm-shadow"),
        areas=(_SUMY_BORDER_AREA,),
        allowed_from_table=True,
        focus_regions=("RU-KRS",),
        notes=_NOV_2024_NOTES,
        preset="atacms-storm-shadow-nov-2024",
        # the day the UK's clearance of Storm Shadow was reported (authorizations.toml)
        as_of="2024-11-20",
    ),
    "russian-missiles-on-ukraine": Scenario(
        title="Russian and North Korean ballistic missiles: reach into Ukraine",
        title_uk="Російські та північнокорейські балістичні ракети: досяжність в Україні",
        subtitle="Iskander-M and KN-23 from launch points in the Belgorod and Kursk regions",
        subtitle_uk="«Іскандер-М» і KN-23 з місць пуску в Бєлгородській і Курській областях",
        weapons=("iskander-m", "kn-23"),
        sites=(
            Site("Belgorod", 50.60343, 36.58091, name_uk="Бєлгород"),
            Site("Kursk", 51.72689, 36.18457, name_uk="Курськ"),
        ),
        focus_regions=("UA-30", "UA-63"),
        preset="russian-missiles-on-ukraine",
        as_of="2024-11-17",
    ),
    "taurus-from-kyiv-region": Scenario(
        title="Taurus KEPD 350: the reach Germany has not supplied",
        title_uk="Taurus KEPD 350: досяжність, якої Німеччина не надала",
        subtitle="500 km from a launch point near Kyiv compared with Storm Shadow/SCALP (250 km)",
        subtitle_uk="500 км від місця пуску біля Києва порівняно зі Storm Shadow/SCALP (250 км)",
        weapons=("taurus", "storm-shadow"),
        sites=(Site("Kyiv", 50.45466, 30.5238, name_uk="Київ"),),
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


def preset_titles(lang: str = "en") -> dict[str, str]:
    """Preset id to title in ``lang`` (``en`` or ``uk``), in display order."""
    return {pid: s.title_in(lang) for pid, s in PRESETS.items()}
