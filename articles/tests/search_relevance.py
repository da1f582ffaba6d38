"""
The relevance test set: a small newsroom in three languages (drawn from the demo
newsroom's stories, shortened), and queries written in another form than the
text (case endings, plurals, tenses, capitals), each with the story it must find
in the top three; and queries that must find nothing.

Shared by the relevance tests (test_search.py) and bench/kazakh.py, which
measures the Kazakh approaches on it.
"""

from __future__ import annotations

import datetime

# key: (language, headline, lead, body)
STORIES = {
    "kk_border": (
        "kk",
        "Қазақстан мен Қырғызстан шекарадағы өткізу бекеттерін қайта салады",
        "Ортақ шекарадағы төрт бекет келесі жылдың соңына дейін жаңартылып, "
        "жүк көліктеріне бөлек жолақ ашылады.",
        "<p>Бұл туралы Бішкекте өткен үкіметаралық комиссия отырысынан кейін "
        "белгілі болды.</p>",
    ),
    "kk_elections": (
        "kk",
        "Мәжіліс ауыл әкімдерін сайлау тәртібін нақтылады",
        "Түзетулер кандидаттарды тіркеу мерзімін ұзартып, сайлау алдындағы "
        "дебатты міндетті етеді.",
        "<p>Депутаттар заң жобасын бірінші оқылымда мақұлдады.</p>",
    ),
    "kk_drought": (
        "kk",
        "Өңір әкімдері құрғақшылыққа дайындықты Астанада талқылады",
        "Оңтүстік және батыс облыстар су мен мал азығы жоспарын дайындайды.",
        "<p>Жиында жауын-шашын аз болған жылдың сабақтары айтылды.</p>",
    ),
    "kk_grain": (
        "kk",
        "Каспий порттары арқылы астық тасымалы маусымдық рекордқа жетті",
        "Өткен айда Ақтау мен Құрық терминалдары 410 мың тонна бидай тиеді.",
        "<p>Бұл соңғы бес жылдағы ең жоғары көрсеткіш.</p>",
    ),
    "kk_solar": (
        "kk",
        "Шымкент маңындағы күн электр станциясы желіге қуат бере бастады",
        "Қуаты 100 мегаватт станция бұрын бос жатқан жерге салынды.",
        "<p>Станция 60 мыңға жуық үйді электрмен қамтамасыз етеді.</p>",
    ),
    "kk_schools": (
        "kk",
        "Астанада оқу жылына дейін 12 жаңа мектеп ашылады",
        "Жаңа мектептер 21 мың оқушыны қабылдайды.",
        "<p>Олардың көбі Есілдің сол жағалауында салынды.</p>",
    ),
    "kk_factory": (
        "kk",
        "Маңғыстауда шұбат өңдейтін зауыт ашылды",
        "Кәсіпорын тәулігіне 20 тонна түйе сүтін қабылдайды.",
        "<p>Өнім Астана мен Алматыға жіберіледі.</p>",
    ),
    "ru_budget": (
        "ru",
        "Маслихат Алматы утвердил городской бюджет на следующий год",
        "Почти треть расходов пойдёт на общественный транспорт, дороги и ремонт "
        "теплосетей.",
        "<p>Депутаты приняли документ единогласно.</p>",
    ),
    "ru_trade": (
        "ru",
        "Казахстан и Узбекистан намерены довести товарооборот до 10 млрд долларов",
        "Межправсовет в Астане одобрил план из 40 совместных проектов.",
        "<p>Среди них текстильная фабрика и логистический центр на границе.</p>",
    ),
    "ru_deputies": (
        "ru",
        "Депутаты обсудили поправки о цифровых госуслугах",
        "Поправки позволят получать справки для детских садов и школ без похода "
        "в центр обслуживания.",
        "<p>Законопроект рассмотрят во втором чтении осенью.</p>",
    ),
    "ru_elections": (
        "ru",
        "Выборы акимов сёл пройдут осенью",
        "Избирательная комиссия утвердила календарь, кандидаты должны "
        "зарегистрироваться за шесть недель.",
        "<p>Голосование пройдёт в один день во всех областях.</p>",
    ),
    "ru_harvest": (
        "ru",
        "В Костанайской области завершили уборку зерновых",
        "Средняя урожайность составила почти 15 центнеров с гектара.",
        "<p>Аграрии засыпали семена на следующий год.</p>",
    ),
    "ru_mine": (
        "ru",
        "Медный рудник в ВКО расширил обогатительную фабрику",
        "Новая линия увеличила мощность фабрики на четверть.",
        "<p>На работу приняли 350 человек.</p>",
    ),
    "ru_shymkent": (
        "ru",
        "В Шымкенте открыли солнечную электростанцию",
        "Станция мощностью 100 мегаватт обеспечит электричеством 60 тысяч домов.",
        "<p>Её построили на пустовавшей земле.</p>",
    ),
    "en_border": (
        "en",
        "Kazakhstan and Kyrgyzstan agree timetable to rebuild border crossings",
        "Four checkpoints are to be rebuilt by the end of next year.",
        "<p>Lorries, buses and cars will get separate lanes.</p>",
    ),
    "en_elections": (
        "en",
        "Bishkek city council elections set for autumn",
        "The commission has approved the calendar; party lists are due within "
        "six weeks.",
        "<p>Voters will choose 45 councillors.</p>",
    ),
    "en_mines": (
        "en",
        "Copper mine in East Kazakhstan expands its processing plant",
        "A new line raised the plant's capacity by a quarter.",
        "<p>The company hired 350 workers.</p>",
    ),
    "en_wheat": (
        "en",
        "Wheat shipments through Caspian ports reach seasonal high",
        "Grain terminals at Aktau and Kuryk loaded more wheat than in any month "
        "of the past five years.",
        "<p>Trucks still wait for days at the border before they reach the ports.</p>",
    ),
    "en_solar": (
        "en",
        "Solar plant near Shymkent begins supplying the grid",
        "The 100-megawatt plant will cover the electricity needs of about "
        "60,000 households.",
        "<p>It was built on unused land.</p>",
    ),
    "en_schools": (
        "en",
        "Deputies question ministers over slow construction of rural schools",
        "Eleven of the schools due to open this year are still unfinished.",
        "<p>The ministry blamed its contractors.</p>",
    ),
    "en_gallery": (
        "en",
        "Almaty painters open a street gallery",
        "A pedestrian street became an open-air exhibition for a month.",
        "<p>Visitors can meet the painters on Saturdays.</p>",
    ),
}

# (language, query, the story it must find in the top three)
FINDS = [
    ("kk", "Қазақстанның", "kk_border"),
    ("kk", "шекара", "kk_border"),
    ("kk", "бекеттер", "kk_border"),
    ("kk", "сайлауда", "kk_elections"),
    ("kk", "мәжіліс", "kk_elections"),
    ("kk", "әкімі", "kk_drought"),
    ("kk", "портында", "kk_grain"),
    ("kk", "бидайды", "kk_grain"),
    ("kk", "шымкенттегі станциялар", "kk_solar"),
    ("kk", "МЕКТЕПТЕРДЕ", "kk_schools"),
    ("kk", "оқушылар", "kk_schools"),
    ("kk", "түйенің сүті", "kk_factory"),
    ("kk", "зауыттар", "kk_factory"),
    ("ru", "казахстана", "ru_trade"),
    ("ru", "Казахстане", "ru_trade"),
    ("ru", "Узбекистаном", "ru_trade"),
    ("ru", "депутатов", "ru_deputies"),
    ("ru", "поправка", "ru_deputies"),
    ("ru", "выборов", "ru_elections"),
    ("ru", "акима", "ru_elections"),
    ("ru", "шымкент", "ru_shymkent"),
    ("ru", "электростанции", "ru_shymkent"),
    ("ru", "рудники", "ru_mine"),
    ("ru", "бюджета алматы", "ru_budget"),
    ("ru", "уборки", "ru_harvest"),
    ("en", "mines", "en_mines"),
    ("en", "expanded", "en_mines"),
    ("en", "elected", "en_elections"),
    ("en", "ELECTION", "en_elections"),
    ("en", "crossing", "en_border"),
    ("en", "shipment", "en_wheat"),
    ("en", "port", "en_wheat"),
    ("en", "supplied", "en_solar"),
    ("en", "household", "en_solar"),
    ("en", "constructing schools", "en_schools"),
    ("en", "galleries", "en_gallery"),
]

# (language, query) that must find nothing: words in no story, in any form, and
# "art", which a substring search found in "start", "party", "department"...
FINDS_NOTHING = [
    ("kk", "футболшылар"),
    ("kk", "жұлдыз"),
    ("ru", "футбол"),
    ("ru", "квазары"),
    ("en", "art"),
    ("en", "zebras"),
]


def story_ages() -> dict[str, datetime.timedelta]:
    """Publish times a few hours to a few days back, alike for every approach."""
    return {
        key: datetime.timedelta(hours=3 + 7 * number)
        for number, key in enumerate(STORIES)
    }
