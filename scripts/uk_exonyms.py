"""Ukrainian names of cities that no rule or catalogue of the build gives right,
each as a stored Ukrainian source writes it (found through the project's
search of stored public pages; data/README.md lists them with the quotes).

Imported by ``scripts/city_names.py``: :data:`UK_EXONYMS` maps a
GeoNames id to (name, "where: «the sentence that writes it»").  A source is a
Ukrainian-language sentence, or a sentence in another language that labels
the name Ukrainian ("ukr. Перемишль"); Russian text does not count.
"""

from __future__ import annotations

__all__ = ["UK_EXONYMS"]

UK_EXONYMS = {
    # Large theatre cities that neither CLDR nor GeoNames' alternates name
    675810: ("Ясси", "litopys.com.ua, Яссько-Кишинівська операція: «оволоділи м. Ясси»"),
    665850: ("Сучава", "piglix.com/piglix/Suczawa: «in Ukrainian as Сучава»"),
    776069: ("Білосток", "graphsearch.epfl.ch/fr/concept/47782: «Białystok est appelée "
             "Беласток (Bielastok) en biélorusse, Білосток (Bilostok) en ukrainien»"),
    3100946: ("Ченстохова", "ppr.kharkov.ua/chenstohova-respublika-polysha: «Ченстохова - "
              "місто на півдні Польщі в Сілезькому воєводстві, на річці Варта.»"),
    3083271: ("Торунь", "prostovisa.com/ua/blog/cities/polsha-torun/: «У середньовіччі "
              "Торунь був найважливішим торговим центром.»"),
    3086800: ("Руда Шльонська", "skybooking.ua/city/ruda-slaska/: «Руда Шльонська "
              "розташована в Сілезькому воєводстві на півдні Польщі, за 19 км від Катовіце.»"),
    3099759: ("Ельблонг", "uk.teknopedia.teknokrat.ac.id/wiki/Ельбінг: «Е́льблонг "
              "(пол.Elbląg) — місто на правах повіту на півночі Польщі.»"),
    3082707: ("Валбжих", "skybooking.ua/city/walbrzych: «Валбжих – місто, розташоване в "
              "Польщі, яке є районним центром Валбжихського повіту.»"),
    3093692: ("Легниця", "pslava.info/Dolnoslaskie_LegnycjaM,99733.html: «Легниця м»"),
    757026: ("Тарнів", "polskieradio.pl/398/8106/Artykul/2953001: «Дехто каже, що у той "
             "час Тарнів був столицею України.»"),
    99072: ("Мосул", "eurointegration.com.ua/news/2017/07/9/7068279/: «Іракські військові "
            "звільнили місто Мосул»"),
    172955: ("Ракка", "zn.ua/ukr/WORLD/boyovikiv-idil-vibili-z-yih-siriyskoyi-stolici-zmi-"
             "257003_.html: «Місто Ракка, яке вважалося столицею ІДІЛ в Сирії, повністю "
             "звільнене від бойовиків»"),
    170017: ("Хама", "andy-travel.com.ua/hama: «Хама - одне з найцікавіших міст в Сирії, "
             "знамените своїми норіями»"),
    584923: ("Сумгаїт", "uk.wikipedia.org, Сумгаїтський погром: «заворушення в "
             "азербайджанському місті Сумгаїт»"),
    143083: ("Ардебіль", "uk.wikipedia.org/wiki/Ардебіль: «Ардебі́ль (азерб. Ərdəbil, "
             "перс. اردبیل) — місто в історичному регіоні Іранський Азербайджан»"),
    111453: ("Зенджан", "uk.wikipedia-on-ipfs.org/wiki/Зенджан: «Зенджан (перс. زنجان, "
             "азерб. Zəncan) — місто у північно-західному Ірані»"),
    728193: ("Пловдів", "slovnyk.me/amp/dict/use/Пловдів: «Пловдів / М. в Болгарії, на "
             "Верхньо-Фракійській низ., на р. Мариця»"),
    732770: ("Бургас", "uk.wikivoyage.org/wiki/Бургас: «Бургас — великий торговий порт на "
             "чорноморському узбережжі Болгарії.»"),
    # Towns by Ukraine's border with their historical Ukrainian names, which
    # Polish transcription would miss (Перемишль, not Пшемисль)
    761168: ("Перемишль", "miasta.fandom.com/wiki/Przemyśl: «Przemyśl (łac. Praemislia, "
             "ukr. Перемишль, jid. פשעמישל) – Miasto na prawach powiatu»"),
    774558: ("Холм", "wiki.av1.space, wikipedia_en_all_mini_2025-06/Chelm: «Chełm (Polish: "
             "[xɛwm]; Ukrainian: Холм, romanized: Kholm; Yiddish: כעלם, romanized: Khelm) is "
             "a city in eastern Poland»"),
    753866: ("Замостя", "encyclopediaofukraine.com, Zamość: «Zamość (Ukrainian: Замостя "
             "[Zamostia]). Map: III-4. A city (2006 pop 66,613)»"),
    759591: ("Сянік", "askwikinow.com (sk), Sanok: «Sanok (ukr. Сянік, jidiš Sonik) je "
             "mesto na juhovýchode Poľska»"),
    770380: ("Ярослав", "piglix.com/piglix/Jarosław: «Jarosław [jaˈrɔswaf] (Ukrainian: "
             "Ярослав pronounced [jarosˈlaw], Yiddish: יאַרעסלאָוו Yareslov, German: "
             "Jaroslau) is a town in south-eastern Poland»"),
    767470: ("Коросно", "zbruc.eu/node/51809: «Коросно — це старе українське місто.»"),
    776175: ("Біла Підляська", "pslava.info/Lubelskie_BilaPidljaskaM,100258.html: «В "
             "історичних документах вперше Біла Підляська з’явилася в 1345 р.»"),
    756868: ("Томашів", "encyclopediaofukraine.com, Tomaszów Lubelski: «Tomaszów Lubelski "
             "(Ukrainian: Томашів [Tomashiv]).»"),
    # Moldova, by Ukraine's border: towns whose Ukrainian names no rule gives
    617239: ("Тирасполь", "horikh.figa.cx.ua/ukraincyam/chomu-tiraspol-tak-nazivaietsya.html: "
             "«27 січня 1795 року поселення при фортеці набуло статусу міста і отримало "
             "найменування Тирасполь, від давньогрецької назви річки Дністер – Тирас.»"),
    618605: ("Бєльці", "skybooking.ua/city/balti/: «Бєльці – місто і муніципалітет у "
             "Республіці Молдова.»"),
    618577: ("Бендери", "sco.wikipedia.org/wiki/Bender,_Moldovae: «Tighina (Romanian; Roushie: "
             "Бендеры, Bendery; Ukrainian: Бендери, Bendery) is a ceety athin the "
             "internaitionally recognized borders o Moldovae»"),
    617486: ("Рибниця", "en.m.wikipedia.org/wiki/Rîbnița: «Russian: Ры́бница, Rybnitsa; "
             "Ukrainian: Ри́бниця, Rybnytsia; Yiddish: ריבניצע, Ribnitse; Polish: Rybnica; "
             "Lithuanian: Rybnica) is a town in Transnistria (de facto) in Moldova (de jure).»"),
    618456: ("Кагул", "mci.book79.com (cs.wikipedia mirror), Cahul: «Cahul (rumunsky Cahul, "
             "přepis moldavskou cyrilicí Кахул; rusky Кагул / Kagul, ukrajinsky Кагул / Kahul) "
             "je lázeňské město v Moldavsku, středisko Cahulského okresu, nejjižnějšího v zemi.»"),
    617180: ("Унгени", "hqproductreviews.com, proxy of uk.wikipedia.org/wiki/Унгени: «Унге́ни "
             "(рум. Ungheni, Унгень) — місто в Молдові, центр Унгенського району.»"),
    617367: ("Сороки", "uk.wikipedia.org, Сороки (місто), oldid 34380159: «Соро́ки (Сорока; "
             "рум. Soroca) — місто в Молдові, на правому березі Дністра, центр Сороцького "
             "району.»"),
    617076: ("Єдинці", "wikipedia.ddns.net:12345, wikipedia_fi_all_maxi_2023-05/A/Edineț: "
             "«Edineț (ven. Е́динец, Jedinets, ukr. Є́динці, Jedyntsi) on kaupunki ja Edinețin "
             "piirin hallintokeskus Pohjois-Moldovassa.»"),
    618450: ("Чадир-Лунга", "profilpelajar.com/es/Ceadîr-Lunga: «El nombre del asentamiento "
             "en otros idiomas de importancia en el asentamiento también es Chadir-Lunga (en "
             "ruso: Чадыр-Лунга; en ucraniano: Чадир-Лунга).»"),
    617381: ("Слободзея", "wikizero.net/wiki/uk/Слободзея: «Слободзея (рум. Slobozia, "
             "Слобозия) — місто в Молдові на лівому березі річки Дністер за 12 км на південний "
             "схід від Тирасполя.»"),
    618365: ("Дубоссари", "dept.other.wiki/wiki/Dubăsari (pt): «Dubăsari (ou Russian Дубоссары "
             "Dubossary ; ucraniana Дубоссари Dubossary ) é uma cidade do distrito no Dniester na "
             "Transnístria .»"),
    617302: ("Страшени", "wikiwand.com/uk/Страшени: «Страшени (рум. Străşeni, Стрешень) — місто "
             "в Молдові, адміністративний центр Страшенського району.»"),
    618329: ("Флорешти", "uk.wikipedia-on-ipfs.org/wiki/Флорешти: «Флорешти (молд./рум. "
             "Floreşti, Флорешть) — місто в Молдові, центр Флорештського району.»"),
    618370: ("Дрокія", "wikidata.uk-ua.nina.az/Дрокія.html: «Дро́кія або Дро́х'я (рум. "
             "Drochia) — місто в Молдові, центр Дрокійського району.»"),
    # Other cities of the theatre that no rule or catalogue names
    726050: ("Варна", "otdix.pp.ua/varna: «Варна є одним з найвідоміших чорноморських "
             "курортів Болгарії.»"),
    2895992: ("Інгольштадт", "travelua.com.ua/world/nimechchyna/ingolshtadt-za-48-godyn-"
              "frankenshtejn-audi-i-bavarske-pyvo.html: «Інгольштадт — одне з найстаріших "
              "міст Баварії.»"),
    2812482: ("Веймар", "shepvisnyk.com.ua/vejmar-vechirnij-cze-inshyj-vymir-teplyj-i-"
              "lyudyanyj: «Хоча місто Веймар — порівняно невелике (живе тут десь стільки ж, як "
              "у сусідньому з Шепетівкою Звягелі), подивитися є на що.»"),
    255683: ("Патри", "uk.wikitrps.com/wiki/Patra: «Патри (Новогрецька: Πάτρα, грецька вимова: "
             "[ˈpatra], класична грецька та Катаревуса: Πάτραι (мн.)) - третє за величиною "
             "місто Греція, після Афіни і Салоніки.»"),
    # Found for the towns still unnamed on 2026-12-07 (Moldova, Hungary, the
    # Balkans, the Caucasus, Central Asia, the Middle East): the rest of those
    # countries' towns have no stored Ukrainian source and stay unlabelled
    618120: ("Каушани", "ostro.org/news/moldova-cherez-negodu-zakryla-dva-punkty-propusku-z-"
             "ukrayinoyu-i447829: «У зв’язку з погодними умовами в населеному пункті Каушани "
             "(Республіка Молдова) завантажена траса»"),
    618405: ("Комрат", "lb.ua/blog/pavel_lisianskiy/525064_besarabskiy_revansh_kremlya.html: "
             "«23.07.2022 у м. Комрат пройшов установчий з'їзд громадсько-політичного руху "
             "«Gagauz Halk Birlii / Народний Союз Гагаузії».»"),
    3046768: ("Пакш", "football.ua/conferenceleague/560697-atomni-nacionalisti-z-beregiv-"
              "dunaju-predstavljajemo-supernika-polissja-u-lizi-konferencijj.html: «угорський "
              "клуб Пакш з однойменно міста в медьє (області) Толнана на березі річки Дунай»"),
    3056357: ("Айка", "uk.wikipedia-on-ipfs.org/wiki/Аварія_на_алюмінієвому_заводі_в_місті_"
              "Айка: «екологічна катастрофа, що сталася 4 жовтня 2010 на великому заводі Ajkai "
              "Timfoldgyar Zrt з виробництва алюмінію в районі міста Айка, за 160 кілометрів "
              "від Будапешта»"),
    720276: ("Гайдусобосло", "wz.lviv.ua/life/445336-chy-ztsiliat-uhorski-termaly-nervy-"
             "vtracheni-na-kordoni: «Це не відпочинок у теплих краях на морях-океанах, а вояж "
             "на термальні води, що в угорському Гайдусобосло.»"),
    720284: ("Гайдунанаш", "uzhgorod.net.ua/news/169283: «\"Домашні\" матчі українок "
             "проходитимуть у місті Гайдунанаш, а сам чемпіонат розпочнеться у вересні цього "
             "року.»"),
    715839: ("Шаторальяуйгей", "zakarpattya.net.ua/Zmi/112307-Odne-misto-dvokh-krain."
             "-Zakarpatski-zhurnalisty-pobuvaly-na-batkivshchyni-tvortsia-uhorskoi-literaturnoi-"
             "movy: «Відвідати містечко Шаторальяуйгей (Sátoraljaújhelyi) в Угорщині "
             "закарпатських журналістів та науковців запросив віце-консул»"),
    3049519: ("Комаром", "politika.ko.net.ua/?p=5217: «29 листопада Хуст із ознайомчим "
              "візитом відвідала угорська делегація з м.Комаром у складі мера міста Аттіли "
              "Молнара»"),
    718739: ("Кішварда", "sport.ko.net.ua/?p=25549 (accusative): «У п’ятницю, 17 січня, ФК "
             "«Минай» проведе другий товариський матч в Угорщині – цього разу вони "
             "відправляться у Кішварду.»"),
    3043095: ("Варпалота", "hromada.hu/2011/nom_116/litopys/vp_kolomyja.html (instrumental): "
              "«Угоду про співпрацю між угорською Варпалотою та західноукраїнським містом "
              "Коломия на початку вересня урочисто підписали»"),
    3190103: ("Сремська Митровиця", "wikidata.uk-ua.nina.az/Українці_в_Сербії.html: «Регіоном "
              "компактного проживання меншини є Автономний край Воєводина, зокрема, "
              "адміністративний центр автономії Новий Сад та міста Врбас, Кула, Сремська "
              "Митровиця, Інджія»"),
    3337476: ("Коніц", "uk.wikipedia.org/wiki/Коніц: «Ко́ніц (босн. і хорв. Konjic, серб. "
              "Коњиц) — місто в Боснії і Герцеговині, у межах Федерації Боснії і "
              "Герцеговини.»"),
    726546: ("Свиленград", "pinokkio.od.ua/index/2020/01/uk/bolgaria-svilengrad: «Місто "
             "Свиленград - один з головних прикордонних міст Болгарії.»"),
    253394: ("Спарті", "uk.wikipedia-on-ipfs.org/wiki/Спарті: «Спарті (грец. Σπάρτη) — місто "
             "в Греції на півдні півострова Пелопоннес у периферії Пелопоннес, столиця ному "
             "Лаконія.»"),
    2563191: ("Біркіркара", "rp.liu233w.com, proxy of uk.wikipedia.org/w/index.php?oldid="
              "43165798&title=Мальта: «Найбільше місто | Біркіркара»"),
    784759: ("Урошеваць", "websiteproxy.net, proxy of uk.wikipedia.org, Урошеваць: «Урошеваць "
             "(серб. Урошевац, Uroševac), або Феризай (алб. Ferizaj, тур. Ferizoviç) — місто "
             "в Республіці Косово»"),
    2624652: ("Орхус", "online-tourist-world.com/uk/denmark/description: «Великі міста - "
              "Орхус, Оденсе, Ольборг.»"),
    584649: ("Євлах", "uk.wikipedia-on-ipfs.org/wiki/Євлах: «Євлах (азерб. Yevlax) — місто в "
             "Азербайджані.»"),
    585915: ("Хирдалан", "vseslova.com.ua/word/Хирдалан-118279u: «Хирдалан, селище міського "
             "типа, центр Апшеронського району Азербайджанської РСР.»"),
    147622: ("Ленкорань", "ijak.waykun.com/articles/lenkoran-azerbajdzhan-lenkoran-putivnik-"
             "vse-pro.html: «Ленкорань - стародавнє місто-порт на південному сході "
             "Азербайджану»"),
    161616: ("Балканабат", "uk-wikipedia--on--ipfs-org.ipns.dweb.link/wiki/Балканський_велаят: "
             "«Адміністративний центр велаяту — Балканабат.»"),
    161943: ("Гумдаг", "uk-wikipedia--on--ipfs-org.ipns.dweb.link/wiki/Балканський_велаят "
             "(its towns): «м. Гумдаг»"),
    124877: ("Мераге", "hqproductreviews.com, proxy of uk.wikipedia.org/wiki/Мераге: «Мераге — "
             "місто на Північному Заході Ірану. Остан Східний Азербайджан. Центр шахрестану.»"),
    142363: ("Бабол", "knowway.org/uk, Бабол: «Бабол (перс. بابل) — місто в провінції "
             "Мазандаран в Ірані.»"),
    117392: ("Сакез", "glavcom.ua/world/observe/v-irani-spalakhnuli-protesti-cherez-smet-"
             "divchini-u-viddilku-politsiji-video-876025.html: «Під час похорону Аміні в місті "
             "Сакез у провінції Курдистан сотні людей скандували «Смерть диктатору».»"),
    126972: ("Хой", "amp.lenta.ua/vid-zemletrusu-v-irani-postrazhdali-mayzhe-tisyacha-lyudey-"
             "133076: «Епіцентр підземних поштовхів знаходився за 23 кілометри на південний "
             "схід від міста Хой.»"),
    168325: ("Хан-Шейхун", "uk.wikipedia.org/wiki/Хімічна_атака_на_Хан-Шейхун: «військовий "
             "авіаудар сирійської урядової авіації по місту Хан-Шейхун в провінції Ідліб»"),
    173377: ("Ель-Камишли", "militarnyi.com/uk/news/rosiyany-pokynuly-aerodrom-el-kamyshly-na-"
             "pivnichnomu-shodi-syriyi (the town's airfield): «Росіяни покинули аеродром "
             "Ель-Камишли на північному сході Сирії»"),
    174018: ("Ель-Баб", "eurointegration.com.ua/news/2017/02/12/7061540/: «Сирійські "
             "повстанці за підтримки турецьких військ увійшли в центр міста Ель-Баб»"),
    172082: ("Аазаз", "glavcom.ua/world/observe/u-siriji-vibuhnuv-avtomobil-pyatero-lyudey-"
             "zaginuli-85-poraneni-693889.html: «Вибух стався поблизу сирійського міста Аазаз, "
             "в селищі Сікку, який знаходиться біля турецького кордону.»"),
    172374: ("Табка", "tyzhden.ua/?p=238579: «Сирійські повстанці вибили бойовиків ІДІЛ з "
             "центру міста Табка»"),
    # Russian cities whose Ukrainian usage the rules of ru_uk.py miss (a
    # compound's first part adapted, Нижньо-; Росія's single с)
    518255: ("Новоросійськ", "news.telegraf.com.ua, 10 вересня 2025: «Російський "
             "Новоросійськ атакували безекіпажні катери»"),
    521118: ("Нижньокамськ", "ua.news: «у російському місті Нижньокамськ (Татарстан) "
             "спалахнула пожежа»"),
}  # fmt: skip
