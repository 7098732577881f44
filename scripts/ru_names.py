"""Russian names of Russian and Belarusian towns that GeoNames' alternates do
not settle, each as a stored source writes it (found through the project's
search of stored public pages; data/README.md lists them with the quotes).

GeoNames gives no Cyrillic alternate for Narian-Mar and Kurortnyy; for
Peterhof it gives both Петергоф and Петерхоф; and it names Belarusian towns in
Belarusian romanization (Vaukavysk, Stowbtsy, Zaslawye), whose consonants do not
match the Russian name (Волковыск: ў for л; Заславль: no final ль).  The Russian
name is what ``scripts/city_names.py`` transcribes into Ukrainian and
romanizes for English, as for every other town of Russia and Belarus.

Imported by ``scripts/city_names.py``: :data:`RU_NAMES` maps a GeoNames id to
(name, "where: «the sentence that writes it»").
"""

from __future__ import annotations

__all__ = ["RU_NAMES"]

RU_NAMES = {
    510291: ("Петергоф", "s.fotostrana.ru/public/post/332722/835944781: «Петергоф - "
             "муниципальное образование в составе Петродворцового района города "
             "федерального значения Санкт-Петербурга.»"),
    8436165: ("Курортный", "hmong.ru/ru/Курортный_район_(Санкт-Петербург): «Куро́ртный "
              "райо́н — административно-территориальная единица Санкт-Петербурга.»"),
    13645359: ("Нарьян-Мар", "de.wikial.top/wiki/Naryan-Mar: «Naryan-Mar (Russisch: "
               "Нарья́н-Мар; Nenzen: Няръянa марˮ, Nyar'yana marq, wörtlich \"rote Stadt\")»"),
    620391: ("Волковыск", "russianwiki.com/wiki/Волковыск: «Волковы́ск (бел. Ваўкавыск) — "
             "город, расположенный в юго-западной части Гродненской области Белоруссии»"),
    621266: ("Столбцы", "probelarus.by/belarus/goroda/stolbtsy.html: «Столбцы́ (бел. "
             "Стоўбцы) - город в Минской области Беларуси»"),
    619066: ("Заславль", "wiki-org.ru/wiki/Заславль: «Засла́вль (белор. Засла́ўе) — город в "
             "Минской области Белоруссии.»"),
}
