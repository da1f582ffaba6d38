"""The demo newsroom's content, read by `manage.py seed_demo`.

Every story, name and figure here is invented for the demo; the agencies are
fictional and their websites use the reserved .example domain. Each photo is
described by its caption, credit and alt text plus a scene hint ("mountains dawn":
a motif and a light) from which seed_demo draws an illustration.
"""

from typing import NamedTuple


class Photo(NamedTuple):
    caption: str
    credit: str
    alt_text: str
    scene: str


SECTIONS = [
    {"name": "Politics", "slug": "politics", "order": 1},
    {"name": "Economy", "slug": "economy", "order": 2},
    {"name": "Society", "slug": "society", "order": 3},
    {"name": "Regions", "slug": "regions", "order": 4},
    {"name": "World", "slug": "world", "order": 5},
    {"name": "Sport", "slug": "sport", "order": 6},
    {"name": "Culture", "slug": "culture", "order": 7},
]

SOURCES = [
    {
        "name": "Ala-Too Press",
        "website": "https://alatoo-press.example",
        "reuse_notice": (
            "Materials of Ala-Too Press may be reproduced only with an active "
            "hyperlink to alatoo-press.example. Photos may not be reused without "
            "written permission of the agency."
        ),
    },
    {
        "name": "Caspian Wire",
        "website": "https://caspian-wire.example",
        "reuse_notice": "",
    },
    {
        "name": "Syr Darya News",
        "website": "https://syrdarya-news.example",
        "reuse_notice": "",
    },
    {
        "name": "Pamir Bulletin",
        "website": "https://pamir-bulletin.example",
        "reuse_notice": "",
    },
]

# The shared vocabulary: every story's tags come from this list, so stories about
# the same place or subject share tags and "relevant news" has something to find.
TAGS = [
    "Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Turkmenistan",
    "Almaty", "Astana", "Shymkent", "Bishkek", "Tashkent",
    "trade", "investment", "energy", "mining", "agriculture", "water", "weather",
    "transport", "railways", "border", "elections", "parliament", "digital",
    "education", "health", "environment", "tourism", "culture", "football", "boxing",
]  # fmt: skip

NEWSROOM = "Steppe Wire"

# hours_ago places a story in the last 30 days (0 to 720 hours). A negative value
# schedules it in the future; "status": "draft" keeps it from readers.
STORIES = [
    # --- Politics -------------------------------------------------------------------
    {
        "headline": (
            "Kazakhstan and Kyrgyzstan agree timetable to rebuild border crossings"
        ),
        "lead": (
            "Four checkpoints on the shared border are to be rebuilt by the end of "
            "next year, with separate lanes for lorries, buses and cars."
        ),
        "body": (
            "<p>Kazakhstan and Kyrgyzstan have agreed a timetable for rebuilding four "
            "checkpoints on their shared border, officials said after a meeting of the "
            "intergovernmental commission in Bishkek, Ala-Too Press reports.</p>"
            "<p>The two busiest crossings will be rebuilt first, with separate lanes "
            "for lorries, buses and passenger cars and a single inspection carried out "
            "jointly by both countries' services. Work at the two smaller checkpoints "
            "is to begin once the first pair is finished.</p>"
            "<p>“In the busiest weeks drivers wait up to six hours. Our goal is to "
            "bring that under one hour,” said Nurbek Sydykov, deputy head of the "
            "Kyrgyz border service.</p>"
            "<p>The commission also discussed veterinary checks for livestock exports "
            "and an electronic queue for lorries, which is to be tested at one "
            "checkpoint before the end of the year.</p>"
        ),
        "section": "politics",
        "source": "Ala-Too Press",
        "byline": "Azamat Tokonov",
        "tags": ["Kazakhstan", "Kyrgyzstan", "border", "transport", "Bishkek"],
        "hours_ago": 3,
        "photos": [
            Photo(
                "Lorries wait at a checkpoint on the Kazakh-Kyrgyz border.",
                "Ala-Too Press",
                "A line of lorries on a road that runs towards snow-capped mountains.",
                "road day",
            ),
            Photo(
                "The intergovernmental commission at its meeting in Bishkek.",
                "Ala-Too Press",
                "Delegates seated along a long table with small flags in front.",
                "hall day",
            ),
        ],
    },
    {
        "headline": (
            "Parliament passes first reading of bill giving towns their own budgets"
        ),
        "lead": (
            "The bill would let district towns keep part of the taxes collected on "
            "their territory and decide how to spend it."
        ),
        "body": (
            "<p>Members of Kazakhstan's lower house of parliament approved in the "
            "first reading a bill that would give district towns and large villages "
            "budgets of their own.</p>"
            "<p>Under the bill, local councils would keep part of the personal income "
            "tax and property tax collected on their territory. Spending plans would "
            "be published online and discussed at open meetings with residents before "
            "they are adopted.</p>"
            "<p>“Today a village that needs a new street light has to wait for a "
            "decision in the regional centre. This bill changes that,” said Aliya "
            "Mukhamedova, one of the deputies who drafted it.</p>"
            "<p>The bill now goes to a working group, which is to prepare amendments "
            "for the second reading within two months.</p>"
        ),
        "section": "politics",
        "source": None,
        "byline": "Aigerim Sadykova",
        "tags": ["Kazakhstan", "parliament", "Astana"],
        "hours_ago": 21,
        "photos": [
            Photo(
                "The parliament building in Astana.",
                NEWSROOM,
                "A white building with columns and a dome, with flags in front of it.",
                "government day",
            ),
        ],
    },
    {
        "headline": (
            "Uzbek and Tajik ministers discuss sharing of river water in Tashkent"
        ),
        "lead": (
            "The two governments agreed to exchange data on reservoir levels every day "
            "during the irrigation season."
        ),
        "body": (
            "<p>The foreign ministers of Uzbekistan and Tajikistan met in Tashkent to "
            "discuss how the two countries share the water of the rivers that cross "
            "their border, Syr Darya News reports.</p>"
            "<p>The ministers agreed that their water agencies will exchange data on "
            "reservoir levels and releases every day during the irrigation season, "
            "instead of once a week as before. A joint working group will meet every "
            "quarter.</p>"
            "<p>The talks also covered a planned hydropower project on a tributary "
            "river, whose feasibility study is expected early next year.</p>"
        ),
        "section": "politics",
        "source": "Syr Darya News",
        "byline": "Dilnoza Karimova",
        "tags": ["Uzbekistan", "Tajikistan", "Tashkent", "water"],
        "hours_ago": 54,
        "photos": [
            Photo(
                "A reservoir in the foothills upstream of the border.",
                "Syr Darya News",
                "A calm lake reflecting bare mountains under a blue sky.",
                "lake day",
            ),
            Photo(
                "The delegations at the start of the talks in Tashkent.",
                "Syr Darya News",
                "A meeting room with a long table, chairs and small flags.",
                "hall overcast",
            ),
        ],
    },
    {
        "headline": "Bishkek city council elections set for autumn",
        "lead": (
            "The election commission has approved the calendar; party lists must be "
            "submitted within six weeks."
        ),
        "body": (
            "<p>Kyrgyzstan's central election commission has set the date of the "
            "Bishkek city council elections and approved the calendar of the campaign, "
            "Ala-Too Press reports.</p>"
            "<p>Parties have six weeks to submit their lists of candidates. For the "
            "first time, voters will be able to check their polling station and their "
            "place on the register through a mobile application.</p>"
            "<p>The council has 45 seats. Parties need at least five percent of the "
            "vote to win seats, and each list must include at least 30 percent "
            "women.</p>"
        ),
        "section": "politics",
        "source": "Ala-Too Press",
        "byline": "Bermet Asanova",
        "tags": ["Kyrgyzstan", "Bishkek", "elections"],
        "hours_ago": 98,
        "photos": [
            Photo(
                "The city hall in central Bishkek.",
                "Ala-Too Press",
                "A pale stone government building with columns and a row of flags.",
                "government overcast",
            ),
        ],
    },
    {
        "headline": "Kazakhstan and Uzbekistan set goal of $10 billion in mutual trade",
        "lead": (
            "An intergovernmental council in Astana approved a plan covering border "
            "trade zones, joint factories and faster rail freight."
        ),
        "body": (
            "<p>Kazakhstan and Uzbekistan have set themselves the goal of raising "
            "mutual trade to $10 billion a year, under a plan approved at a meeting of "
            "their intergovernmental council in Astana.</p>"
            "<p>The plan lists 40 joint projects, among them a textile factory, a "
            "plant assembling farm machinery and a logistics centre on the border. "
            "Both sides also agreed to recognise each other's certificates for food "
            "products, which exporters say delay lorries by days.</p>"
            "<p>“Trade between our countries has doubled in five years. The next step "
            "is to produce things together, not only sell to each other,” said deputy "
            "minister Serik Abenov.</p>"
            "<p>The council will meet again in Tashkent in six months to review "
            "progress.</p>"
        ),
        "section": "politics",
        "source": None,
        "byline": "Daniyar Omarov",
        "tags": ["Kazakhstan", "Uzbekistan", "trade", "investment", "Astana"],
        "hours_ago": 141,
        "photos": [
            Photo(
                "The intergovernmental council before its meeting in Astana.",
                NEWSROOM,
                "A bright meeting room with tall windows and a long polished table.",
                "hall day",
            ),
            Photo(
                "The government building in Astana where the council met.",
                NEWSROOM,
                "A columned building with a blue dome at dusk.",
                "government dusk",
            ),
        ],
    },
    {
        "headline": "Депутаты обсудили поправки о цифровых госуслугах",
        "lead": (
            "Поправки позволят получать справки для детских садов и школ без похода "
            "в центр обслуживания населения."
        ),
        "body": (
            "<p>Депутаты Мажилиса обсудили на заседании рабочей группы поправки, "
            "которые переводят в электронный вид ещё 40 государственных услуг.</p>"
            "<p>Среди них — справки для детских садов и школ, регистрация по месту "
            "жительства и получение выписки из земельного кадастра. По словам "
            "разработчиков, большинство услуг будет оказываться автоматически, без "
            "заявления: система сама проверит данные в государственных базах.</p>"
            "<p>Рабочая группа должна подготовить окончательный текст поправок к концу "
            "месяца, после чего документ будет вынесен на пленарное заседание.</p>"
        ),
        "section": "politics",
        "source": None,
        "byline": "Ольга Ли",
        "tags": ["Kazakhstan", "parliament", "digital", "Astana"],
        "hours_ago": 188,
        "photos": [
            Photo(
                "Заседание рабочей группы в здании парламента.",
                NEWSROOM,
                "Зал заседаний с длинным столом и флажками.",
                "hall overcast",
            ),
        ],
    },
    {
        "headline": "Regional governors meet in Astana to prepare for a dry year",
        "lead": (
            "Each region is to draw up a plan for water rationing, fodder reserves and "
            "help for farmers if the rains fail again."
        ),
        "body": (
            "<p>The governors of Kazakhstan's southern and western regions met in "
            "Astana to discuss how to prepare for another dry year, after two seasons "
            "of low rainfall cut harvests and pasture.</p>"
            "<p>Each region is to prepare a plan covering water rationing for "
            "irrigation, reserves of fodder for livestock and compensation for farmers "
            "who lose their crops. The plans are due within a month.</p>"
            "<p>Meteorologists told the meeting that winter snowfall in the mountains, "
            "which feeds the rivers in summer, had been below average in most "
            "catchments.</p>"
        ),
        "section": "politics",
        "source": None,
        "byline": "Timur Rakhimov",
        "tags": ["Kazakhstan", "Astana", "water", "agriculture", "weather"],
        "hours_ago": 262,
        "photos": [
            Photo(
                "Dry pasture in the south of the country.",
                NEWSROOM,
                "A wide, yellowed steppe under a hazy sun.",
                "steppe day",
            ),
            Photo(
                "The governors' meeting in Astana.",
                NEWSROOM,
                "A meeting room with a long table and flags.",
                "hall day",
            ),
        ],
    },
    {
        "headline": "Turkmen and Kazakh delegations review Caspian shipping agreement",
        "lead": (
            "The two sides want to add a second ferry line between their ports and "
            "shorten customs checks for cargo."
        ),
        "body": (
            "<p>Delegations of Turkmenistan and Kazakhstan met in Aktau to review how "
            "their agreement on Caspian shipping has worked in its first three years, "
            "Caspian Wire reports.</p>"
            "<p>Cargo carried by ferry between the two countries' ports grew by a "
            "third last year. The sides discussed adding a second ferry line and "
            "shortening customs checks by accepting electronic documents before a ship "
            "arrives.</p>"
            "<p>They also agreed to hold a joint exercise of their maritime rescue "
            "services next year.</p>"
        ),
        "section": "politics",
        "source": "Caspian Wire",
        "byline": "Merdan Atayev",
        "tags": ["Turkmenistan", "Kazakhstan", "transport", "trade"],
        "hours_ago": 398,
        "photos": [
            Photo(
                "A ferry loading at the port of Aktau.",
                "Caspian Wire",
                "A cargo ship stacked with containers beside orange harbour cranes.",
                "port day",
            ),
        ],
    },
    {
        "headline": "Kyrgyzstan invites observers to parliamentary by-election",
        "lead": (
            "Two seats left empty by resignations will be filled in a vote next month."
        ),
        "body": (
            "<p>Kyrgyzstan has invited international and local observers to follow a "
            "by-election for two seats in parliament, Ala-Too Press reports.</p>"
            "<p>The seats became vacant after two deputies resigned to take up posts "
            "in regional administrations. Eleven candidates have registered, four of "
            "them independent.</p>"
            "<p>Polling stations will use electronic ballot boxes, as in the last "
            "general election, and results will be published on the commission's "
            "website as each station finishes counting.</p>"
        ),
        "section": "politics",
        "source": "Ala-Too Press",
        "byline": "Nurbek Sydykov",
        "tags": ["Kyrgyzstan", "elections", "parliament"],
        "hours_ago": 601,
        "photos": [
            Photo(
                "A polling station being prepared in Bishkek.",
                "Ala-Too Press",
                "A public building with a flag on a hill above green lawns.",
                "building day",
            ),
        ],
    },
    {
        "headline": (
            "Deputies question ministers over slow construction of rural schools"
        ),
        "lead": (
            "Eleven of the schools due to open this year are still unfinished, the "
            "education ministry told parliament."
        ),
        "body": (
            "<p>Members of parliament questioned the ministers of education and "
            "finance over delays in a programme to build schools in villages, where "
            "many pupils still study in buildings from the 1960s.</p>"
            "<p>The education ministry said 46 of the 57 schools planned for this year "
            "are ready or nearly ready. The remaining eleven were held up by "
            "contractors who underestimated costs; two contracts have been cancelled "
            "and put out to tender again.</p>"
            "<p>Deputies asked the government to publish a list of every school in the "
            "programme with its building progress, updated monthly.</p>"
        ),
        "section": "politics",
        "source": None,
        "byline": "Aigerim Sadykova",
        "tags": ["Kazakhstan", "parliament", "education"],
        "hours_ago": 470,
        "photos": [
            Photo(
                "A new school in a village in Akmola region.",
                NEWSROOM,
                "A long two-storey school with many windows and young trees in front.",
                "building day",
            ),
        ],
    },
    # --- Economy --------------------------------------------------------------------
    {
        "headline": "Wheat shipments through Caspian ports reach seasonal high",
        "lead": (
            "Grain terminals at Aktau and Kuryk loaded more wheat last month than in "
            "any month of the past five years."
        ),
        "body": (
            "<p>Grain terminals on Kazakhstan's Caspian coast loaded 410,000 tonnes of "
            "wheat last month, the highest monthly figure in five years, Caspian Wire "
            "reports.</p>"
            "<p>Most of the grain went by sea to Iran and Azerbaijan. Exporters said a "
            "good harvest in the north of the country and lower rail tariffs to the "
            "ports had made the Caspian route cheaper than shipping through the Black "
            "Sea.</p>"
            "<p>Port operators said they were working around the clock and that ships "
            "waited on average two days for a berth.</p>"
        ),
        "section": "economy",
        "source": "Caspian Wire",
        "byline": "Arman Kassymov",
        "tags": ["Kazakhstan", "agriculture", "trade", "transport"],
        "hours_ago": 6,
        "photos": [
            Photo(
                "A bulk carrier at the grain terminal in Aktau.",
                "Caspian Wire",
                "A ship moored at a quay under harbour cranes, the sea calm behind it.",
                "port dawn",
            ),
            Photo(
                "Wheat fields in North Kazakhstan region before the harvest.",
                "Caspian Wire",
                "Golden wheat fields stretching to grain silos on the horizon.",
                "field day",
            ),
            Photo(
                "Grain wagons on the way to the coast.",
                "Caspian Wire",
                "A long freight train crossing flat steppe.",
                "rail dusk",
            ),
        ],
    },
    {
        "headline": "Solar plant near Shymkent begins supplying the grid",
        "lead": (
            "The 100-megawatt plant will cover the electricity needs of about 60,000 "
            "households."
        ),
        "body": (
            "<p>A 100-megawatt solar power plant near Shymkent has started supplying "
            "electricity to the national grid, its operator said.</p>"
            "<p>The plant has some 230,000 panels on 200 hectares of land that had not "
            "been farmed for decades. It was built in 14 months with a loan from an "
            "international development bank.</p>"
            "<p>Renewable sources now provide about six percent of the country's "
            "electricity. Two wind farms in the same region are due to be connected "
            "next year.</p>"
        ),
        "section": "economy",
        "source": None,
        "byline": "Madina Zhunusova",
        "tags": ["Shymkent", "energy", "investment", "environment"],
        "hours_ago": 29,
        "photos": [
            Photo(
                "Rows of panels at the new solar plant near Shymkent.",
                "Dana Iskakova / Steppe Wire",
                "Rows of dark blue solar panels on the steppe, wind turbines behind.",
                "energy day",
            ),
            Photo(
                "The plant at sunset.",
                "Dana Iskakova / Steppe Wire",
                "Solar panels and wind turbines silhouetted against an orange sky.",
                "energy dusk",
            ),
        ],
    },
    {
        "headline": (
            "Uzbekistan and Kyrgyzstan open wholesale fruit market on the border"
        ),
        "lead": (
            "Farmers from both countries can sell without crossing the border, paying "
            "customs duties on the spot."
        ),
        "body": (
            "<p>A wholesale fruit and vegetable market has opened on the border "
            "between Uzbekistan and Kyrgyzstan in the Fergana Valley, Syr Darya News "
            "reports.</p>"
            "<p>The market has two entrances, one from each country, and a trading "
            "floor in between. Farmers can sell grapes, melons and vegetables to "
            "buyers from the other side without going through a full border crossing; "
            "customs officers on site collect duties.</p>"
            "<p>The market has 600 trading places and cold stores for 5,000 tonnes of "
            "produce.</p>"
        ),
        "section": "economy",
        "source": "Syr Darya News",
        "byline": "Rustam Yusupov",
        "tags": ["Uzbekistan", "Kyrgyzstan", "trade", "agriculture", "border"],
        "hours_ago": 71,
        "photos": [
            Photo(
                "Stalls on the first trading day of the border market.",
                "Syr Darya News",
                "Market stalls with striped awnings and crates of fruit.",
                "market day",
            ),
            Photo(
                "Crates of fruit ready for buyers.",
                "Syr Darya News",
                "Rows of wooden crates filled with orange and red fruit.",
                "market dawn",
            ),
        ],
    },
    {
        "headline": "National bank holds base rate, points to slower food price rises",
        "lead": (
            "Annual inflation eased for the fourth month in a row, led by cheaper "
            "vegetables and stable fuel prices."
        ),
        "body": (
            "<p>Kazakhstan's national bank left its base rate unchanged at its meeting "
            "in Almaty, saying inflation was slowing as expected.</p>"
            "<p>Annual inflation eased for the fourth consecutive month. Food prices "
            "rose more slowly thanks to a good vegetable harvest, while regulated fuel "
            "prices were stable.</p>"
            "<p>The bank said it could start lowering the rate early next year if "
            "inflation keeps falling, but warned that higher utility tariffs could "
            "slow the decline. The next decision is due in six weeks.</p>"
        ),
        "section": "economy",
        "source": None,
        "byline": "Daniyar Omarov",
        "tags": ["Kazakhstan", "Almaty", "investment"],
        "hours_ago": 119,
        "photos": [
            Photo(
                "Office towers in Almaty's business district.",
                NEWSROOM,
                "Modern office buildings with mountains in the background.",
                "city day",
            ),
        ],
    },
    {
        "headline": "Copper mine in East Kazakhstan expands processing plant",
        "lead": (
            "A new line at the concentrator will raise output by a quarter and create "
            "350 jobs."
        ),
        "body": (
            "<p>A copper mining company in East Kazakhstan has opened a new line at "
            "its processing plant, raising the plant's capacity by a quarter.</p>"
            "<p>The company said the line uses recycled water for 90 percent of its "
            "needs and that dust from the tailings is kept down by a new covering "
            "system. It has hired 350 people, most of them from nearby towns.</p>"
            "<p>Copper is Kazakhstan's second-largest export after oil.</p>"
        ),
        "section": "economy",
        "source": None,
        "byline": "Bolat Nurpeisov",
        "tags": ["Kazakhstan", "mining", "investment", "environment"],
        "hours_ago": 171,
        "photos": [
            Photo(
                "The processing plant in the hills of East Kazakhstan.",
                NEWSROOM,
                "Industrial buildings at the foot of rocky hills under a grey sky.",
                "mountains overcast",
            ),
        ],
    },
    {
        "headline": "Tajik hydropower exports rise as reservoirs fill",
        "lead": (
            "Electricity sales to neighbouring countries were 20 percent higher than a "
            "year ago."
        ),
        "body": (
            "<p>Tajikistan's electricity exports rose by a fifth compared with the "
            "same period last year, as full reservoirs allowed its hydropower plants "
            "to run at high capacity, Pamir Bulletin reports.</p>"
            "<p>Most of the electricity went to Uzbekistan and Afghanistan. The energy "
            "ministry said a new transmission line to the south would allow further "
            "sales next year.</p>"
            "<p>Hydropower provides more than 90 percent of Tajikistan's electricity, "
            "but output falls sharply in winter, when rivers are low.</p>"
        ),
        "section": "economy",
        "source": "Pamir Bulletin",
        "byline": "Farrukh Rahimov",
        "tags": ["Tajikistan", "energy", "water", "trade"],
        "hours_ago": 229,
        "photos": [
            Photo(
                "A reservoir in the mountains of central Tajikistan.",
                "Pamir Bulletin",
                "A turquoise lake between steep, snow-capped mountains.",
                "lake dawn",
            ),
        ],
    },
    {
        "headline": "Container trains across Kazakhstan carry 18% more freight",
        "lead": (
            "New cranes at the border stations have cut the time needed to move "
            "containers between the Chinese and Kazakh rail gauges to under two hours."
        ),
        "body": (
            "<p>Container trains crossing Kazakhstan between China and Europe carried "
            "<strong>18 percent more freight</strong> in the first eight months of the "
            "year than a year earlier, the national rail operator said.</p>"
            "<h2>Where the growth came from</h2>"
            "<p>Most of the increase passed through the two eastern border stations, "
            "where containers are lifted from Chinese to Kazakh wagons because the "
            "countries' railways use different gauges. New gantry cranes have cut that "
            "step to under two hours.</p>"
            "<ul>"
            "<li><strong>Eastern border stations:</strong> two thirds of all container "
            "traffic.</li>"
            "<li><strong>Caspian ports:</strong> a fifth, mostly bound for the "
            "Caucasus and Turkey.</li>"
            "<li><strong>Southern route to Uzbekistan:</strong> the fastest-growing, "
            "up by half.</li>"
            "</ul>"
            "<blockquote>"
            "<p>“Shippers choose a route by its reliability more than its price. A "
            "train that arrives on the day we promised is worth more than a discount,” "
            "said Yerlan Dzhaksybekov, the operator's head of container "
            "traffic.</p></blockquote>"
            "<p>The operator plans to double the second track on its busiest line by "
            "the end of next year. The full figures are in its "
            '<a href="https://rail-freight.example/reports/monthly">monthly freight '
            "report</a>.</p>"
        ),
        "section": "economy",
        "source": None,
        "byline": "Timur Rakhimov",
        "tags": ["Kazakhstan", "railways", "transport", "trade"],
        "hours_ago": 301,
        "photos": [
            Photo(
                "A container train on the line to the Caspian coast.",
                "Dana Iskakova / Steppe Wire",
                "A freight train of coloured containers crossing the steppe.",
                "rail day",
            ),
            Photo(
                "Containers waiting for loading at a port terminal.",
                "Dana Iskakova / Steppe Wire",
                "Stacks of containers on a ship beside harbour cranes.",
                "port overcast",
            ),
        ],
    },
    {
        "headline": "Выставка сельхозтехники в Ташкенте собрала 300 участников",
        "lead": (
            "Производители из 20 стран показали тракторы, системы капельного орошения "
            "и дроны для обработки полей."
        ),
        "body": (
            "<p>В Ташкенте завершилась международная выставка сельскохозяйственной "
            "техники, в которой приняли участие около 300 компаний из 20 стран, "
            "сообщает Syr Darya News.</p>"
            "<p>Наибольший интерес у фермеров вызвали системы капельного орошения и "
            "дроны для внесения удобрений. Несколько местных заводов показали тракторы "
            "и сеялки собственной сборки.</p>"
            "<p>По словам организаторов, за три дня выставки было подписано соглашений "
            "на поставку техники более чем на 120 миллионов долларов.</p>"
        ),
        "section": "economy",
        "source": "Syr Darya News",
        "byline": "Шахло Назарова",
        "tags": ["Uzbekistan", "Tashkent", "agriculture", "trade"],
        "hours_ago": 352,
        "photos": [
            Photo(
                "Поля в Ташкентской области.",
                "Syr Darya News",
                "Зелёные поля, уходящие к горизонту.",
                "field dawn",
            ),
            Photo(
                "Павильон выставки.",
                "Syr Darya News",
                "Современное здание выставочного центра с флагом.",
                "building day",
            ),
        ],
    },
    {
        "headline": "Small businesses in Bishkek move to electronic invoices",
        "lead": (
            "From next month, shops and cafes with annual turnover above a set limit "
            "must issue invoices only in electronic form."
        ),
        "body": (
            "<p>Small businesses in Bishkek are switching to electronic invoices ahead "
            "of a deadline next month, Ala-Too Press reports.</p>"
            "<p>The tax service said more than 14,000 companies had already registered "
            "in the system. Free training sessions are held every week at its offices, "
            "and a simplified mobile version has been released for traders in "
            "markets.</p>"
            "<p>Business associations asked for a grace period without fines for the "
            "first three months, which the tax service said it would consider.</p>"
        ),
        "section": "economy",
        "source": "Ala-Too Press",
        "byline": "Aida Kasymalieva",
        "tags": ["Kyrgyzstan", "Bishkek", "digital", "trade"],
        "hours_ago": 451,
        "photos": [
            Photo(
                "A street of shops and offices in central Bishkek.",
                "Ala-Too Press",
                "City buildings at dusk with lit windows and mountains behind.",
                "city dusk",
            ),
        ],
    },
    {
        "headline": "Cotton growers in Turkestan region switch to drip irrigation",
        "lead": (
            "Farms using the new system used 40 percent less water this season and "
            "kept their yields."
        ),
        "body": (
            "<p>More cotton farms in Turkestan region have switched to drip "
            "irrigation, which brings water directly to the roots of plants through "
            "plastic pipes, the regional agriculture department said.</p>"
            "<p>Farms that used the system this season needed about 40 percent less "
            "water than those that flood their fields, while yields stayed the same. "
            "The state covers half the cost of the equipment.</p>"
            "<p>Drip irrigation now covers 38,000 hectares in the region, about a "
            "fifth of its cotton fields.</p>"
        ),
        "section": "economy",
        "source": None,
        "byline": "Saule Akhmetova",
        "tags": ["Kazakhstan", "agriculture", "water", "environment"],
        "hours_ago": 519,
        "photos": [
            Photo(
                "Cotton fields in Turkestan region.",
                NEWSROOM,
                "Rows of green crops running towards low hills.",
                "field day",
            ),
            Photo(
                "An irrigation canal between fields.",
                NEWSROOM,
                "A winding channel of water across flat green land.",
                "river day",
            ),
        ],
    },
    {
        "headline": "Central Asian investment forum opens in Almaty",
        "lead": (
            "Some 1,500 delegates from 40 countries are expected at the two-day forum, "
            "which focuses on energy, logistics and farming."
        ),
        "body": (
            "<p>A two-day investment forum opened in Almaty, bringing together some "
            "1,500 delegates from governments, banks and companies in 40 countries.</p>"
            "<p>Sessions cover renewable energy, transport corridors, farm processing "
            "and the digital economy. Organisers said agreements worth several billion "
            "dollars were expected to be signed.</p>"
            "<p>For the first time, a separate day is reserved for small and "
            "medium-sized companies from the region to meet foreign investors.</p>"
        ),
        "section": "economy",
        "source": None,
        "byline": "Madina Zhunusova",
        "tags": ["Almaty", "investment", "trade", "energy"],
        "hours_ago": -49,
        "photos": [
            Photo(
                "The forum venue in Almaty.",
                NEWSROOM,
                "A modern glass building with trees and a flag in front.",
                "building dawn",
            ),
        ],
    },
    {
        "headline": "Government weighs next steps on fuel price caps",
        "lead": "Officials are preparing options for the cabinet; no decision yet.",
        "body": (
            "<p>The energy and economy ministries are preparing options for the "
            "cabinet on whether to keep price caps on petrol and diesel.</p>"
            "<p>TO CHECK: figures on refinery margins from the ministry; comment from "
            "the fuel retailers' association; regional price comparison.</p>"
            "<p>Draft: do not publish until the cabinet meeting.</p>"
        ),
        "section": "economy",
        "source": None,
        "byline": "Daniyar Omarov",
        "tags": ["Kazakhstan", "energy"],
        "status": "draft",
        "photos": [
            Photo(
                "A road leading out of the city.",
                NEWSROOM,
                "A straight road through the steppe with lorries on it.",
                "road overcast",
            ),
        ],
    },
    # --- Society --------------------------------------------------------------------
    {
        "headline": "Astana to open 12 new schools before the school year",
        "lead": (
            "The new buildings add 21,000 places and should end three-shift teaching "
            "in the city's fastest-growing districts."
        ),
        "body": (
            "<p>Twelve new schools will open in Astana before the start of the school "
            "year, adding places for 21,000 pupils, the city's education department "
            "said.</p>"
            "<p>Most of the schools are in the districts on the left bank of the Yesil "
            "river, where new housing has outpaced public services. Several schools "
            "there still teach in three shifts, with the last lessons ending after "
            "dark.</p>"
            "<p>Each new school has a swimming pool, laboratories for physics, "
            "chemistry and biology, and a robotics classroom. Parents can check which "
            "school their address belongs to on the city's website.</p>"
        ),
        "section": "society",
        "source": None,
        "byline": "Gulnara Temirbekova",
        "tags": ["Kazakhstan", "Astana", "education"],
        "hours_ago": 9,
        "photos": [
            Photo(
                "One of the new schools on the left bank of the Yesil.",
                NEWSROOM,
                "A large school with rows of windows and a flag, trees in front.",
                "building day",
            ),
            Photo(
                "The new residential districts of Astana.",
                NEWSROOM,
                "Apartment blocks and a tower with a golden sphere at sunset.",
                "city dusk",
            ),
        ],
    },
    {
        "headline": "Астанада үш жаңа балабақша ашылды",
        "lead": "Жаңа балабақшалар 900-ге жуық баланы қабылдайды.",
        "body": (
            "<p>Астананың Есіл және Нұра аудандарында үш жаңа балабақша ашылды. Олар "
            "барлығы 900-ге жуық баланы қабылдайды.</p>"
            "<p>Қала әкімдігінің мәліметінше, әр балабақшада спорт залы, музыка "
            "бөлмесі және жабық ойын алаңы бар. Топтардың бір бөлігі қазақ тілінде, "
            "бір бөлігі екі тілде жұмыс істейді.</p>"
            "<p>Ата-аналар балаларын кезекке электрондық үкімет порталы арқылы тіркей "
            "алады. Келесі жылы қалада тағы бес балабақша салу жоспарланған.</p>"
        ),
        "section": "society",
        "source": None,
        "byline": "Әсел Нұрланқызы",
        "tags": ["Kazakhstan", "Astana", "education"],
        "hours_ago": 46,
        "photos": [
            Photo(
                "Есіл ауданындағы жаңа балабақша.",
                NEWSROOM,
                "Алдында ағаштары бар екі қабатты ақ ғимарат.",
                "building dawn",
            ),
        ],
    },
    {
        "headline": (
            "Almaty clinics introduce online booking for specialist appointments"
        ),
        "lead": (
            "Patients with a referral can choose a doctor and a time slot in an app "
            "instead of queuing at the clinic."
        ),
        "body": (
            "<p>State clinics in Almaty have started taking bookings for appointments "
            "with specialists online, the city health department said.</p>"
            "<p>Patients with a referral from their family doctor can pick a "
            "specialist and a time slot in a mobile app or on a website. Until now, "
            "many had to come to the clinic early in the morning to get a place in the "
            "queue.</p>"
            "<p>The service covers cardiologists, neurologists, endocrinologists and "
            "eye doctors at first, and will be extended to other specialists by the "
            "end of the year.</p>"
        ),
        "section": "society",
        "source": None,
        "byline": "Elena Kim",
        "tags": ["Almaty", "health", "digital"],
        "hours_ago": 79,
        "photos": [
            Photo(
                "A city clinic in the Bostandyk district of Almaty.",
                NEWSROOM,
                "A modern clinic building with glass windows and trees.",
                "building overcast",
            ),
        ],
    },
    {
        "headline": "Volunteers plant 20,000 trees along Bishkek's irrigation canals",
        "lead": (
            "Elm, poplar and ash saplings will shade the canals and help cool the city "
            "in summer."
        ),
        "body": (
            "<p>Some 3,000 volunteers planted 20,000 saplings along the irrigation "
            "canals that run through Bishkek, Ala-Too Press reports.</p>"
            "<p>The city's old canal-side trees, planted in the 1950s and 1960s, have "
            "been thinning for years. The new elms, poplars and ash trees were grown "
            "in municipal nurseries and will be watered from the canals themselves.</p>"
            "<p>Organisers said each planted tree has a tag with a number, so that "
            "volunteers can follow how it grows on a public map.</p>"
        ),
        "section": "society",
        "source": "Ala-Too Press",
        "byline": "Bermet Asanova",
        "tags": ["Kyrgyzstan", "Bishkek", "environment", "water"],
        "hours_ago": 131,
        "photos": [
            Photo(
                "Young trees along a canal in the south of Bishkek.",
                "Ala-Too Press",
                "Rows of young trees beside a winding water channel.",
                "orchard day",
            ),
            Photo(
                "A canal on the edge of the city.",
                "Ala-Too Press",
                "A narrow river winding through green grass.",
                "river dawn",
            ),
        ],
    },
    {
        "headline": "Mobile clinics reach remote villages in the Pamirs",
        "lead": (
            "Two vans with ultrasound and laboratory equipment will visit 60 villages "
            "where the nearest hospital is a day's drive away."
        ),
        "body": (
            "<p>Two mobile clinics have started touring villages in the Pamir "
            "mountains of eastern Tajikistan, Pamir Bulletin reports.</p>"
            "<p>Each van carries an ultrasound scanner, a small laboratory and a "
            "telemedicine link to the regional hospital. A doctor, a nurse and a "
            "laboratory technician travel with each one.</p>"
            "<p>In the first two weeks the teams saw more than 1,200 patients, most of "
            "them women and children. The route covers 60 villages and is repeated "
            "every three months.</p>"
        ),
        "section": "society",
        "source": "Pamir Bulletin",
        "byline": "Zarina Saidova",
        "tags": ["Tajikistan", "health"],
        "hours_ago": 209,
        "photos": [
            Photo(
                "The road to a village in the western Pamirs.",
                "Pamir Bulletin",
                "A road winding into high mountains with snow on the peaks.",
                "road dawn",
            ),
            Photo(
                "A valley in the Pamir mountains.",
                "Pamir Bulletin",
                "A green valley with pine trees beneath high snowy peaks.",
                "mountains day",
            ),
        ],
    },
    {
        "headline": "University entrance tests to be taken on computers only",
        "lead": (
            "Paper answer sheets are retired; results will reach candidates within "
            "hours instead of days."
        ),
        "body": (
            "<p>The unified national test, which school leavers in Kazakhstan take to "
            "enter university, will be held only on computers from this year, the "
            "education ministry said.</p>"
            "<p>Candidates can sit the test up to four times a year and count their "
            "best result. Results are published within hours, instead of the several "
            "days that checking paper answer sheets took.</p>"
            "<p>The ministry said test centres in all regional capitals have been "
            "equipped, and candidates in remote districts can apply for help with "
            "travel costs.</p>"
        ),
        "section": "society",
        "source": None,
        "byline": "Gulnara Temirbekova",
        "tags": ["Kazakhstan", "education", "digital"],
        "hours_ago": 281,
        "photos": [
            Photo(
                "A test centre in Astana.",
                NEWSROOM,
                "A modern public building with a flag and trees.",
                "building day",
            ),
        ],
    },
    {
        "headline": "Almaty adds 200 electric buses to its fleet",
        "lead": (
            "The buses will serve twelve routes; the city plans to replace all diesel "
            "buses within five years."
        ),
        "body": (
            "<p>Almaty has put 200 new electric buses into service on twelve routes, "
            "the city transport department said.</p>"
            "<p>The buses, assembled at a plant in Kazakhstan, carry up to 90 "
            "passengers and can run about 250 kilometres on a charge. Charging "
            "stations have been built at the ends of each route.</p>"
            "<p>Transport accounts for a large share of Almaty's winter smog. The city "
            "plans to replace all of its diesel buses with electric or gas ones within "
            "five years.</p>"
        ),
        "section": "society",
        "source": None,
        "byline": "Elena Kim",
        "tags": ["Almaty", "transport", "environment", "energy"],
        "hours_ago": 329,
        "photos": [
            Photo(
                "An avenue in central Almaty.",
                NEWSROOM,
                "City buildings along a wide street with mountains behind.",
                "city day",
            ),
        ],
    },
    {
        "headline": "Tashkent offers free coding courses to schoolchildren",
        "lead": (
            "Classes in programming and robotics are open to pupils aged 10 to 17 in "
            "every district of the city."
        ),
        "body": (
            "<p>Tashkent has opened free after-school courses in programming and "
            "robotics for children aged 10 to 17, Syr Darya News reports.</p>"
            "<p>The courses run in 30 centres, at least one in every district of the "
            "city. Pupils start with visual programming and move on to Python and "
            "building simple robots.</p>"
            "<p>More than 9,000 children signed up in the first week, and the city "
            "said it would add evening groups.</p>"
        ),
        "section": "society",
        "source": "Syr Darya News",
        "byline": "Dilnoza Karimova",
        "tags": ["Uzbekistan", "Tashkent", "education", "digital"],
        "hours_ago": 479,
        "photos": [
            Photo(
                "A youth centre in Tashkent where the courses are held.",
                "Syr Darya News",
                "A modern building with large windows and trees in front.",
                "building dusk",
            ),
        ],
    },
    {
        "headline": "Water supply restored in Shymkent districts after pipeline repair",
        "lead": (
            "Some 80,000 residents were without running water for a day while crews "
            "replaced a damaged section of the main."
        ),
        "body": (
            "<p>Running water has been restored to three districts of Shymkent after "
            "repair crews replaced a damaged section of a main pipeline, the city's "
            "water company said.</p>"
            "<p>About 80,000 residents were without water for a day. Tankers delivered "
            "drinking water to courtyards and schools during the repair.</p>"
            "<p>The company said the damaged pipe was laid more than 40 years ago and "
            "that 12 kilometres of similar pipes will be replaced next year.</p>"
        ),
        "section": "society",
        "source": None,
        "byline": "Saule Akhmetova",
        "tags": ["Shymkent", "water", "Kazakhstan"],
        "hours_ago": 648,
        "photos": [
            Photo(
                "A residential district of Shymkent.",
                NEWSROOM,
                "Apartment buildings under a grey sky.",
                "city overcast",
            ),
        ],
    },
    # --- Regions --------------------------------------------------------------------
    {
        "headline": "Қызылорда облысында күріш орағы басталды",
        "lead": (
            "Диқандар биыл 90 мың гектардан астам алқаптан өнім жинауды жоспарлап отыр."
        ),
        "body": (
            "<p>Қызылорда облысының шаруашылықтарында күріш орағы басталды. Алғашқы "
            "комбайндар Шиелі және Жалағаш аудандарының алқаптарына шықты.</p>"
            "<p>Облыстық ауыл шаруашылығы басқармасының дерегінше, биыл күріш 90 мың "
            "гектардан астам жерге егілген. Мамандар әр гектардан орта есеппен 50 "
            "центнер өнім алуды күтеді.</p>"
            "<p>Жаз бойы Сырдария суы жеткілікті болды, сондықтан егін жақсы өсті. "
            "Орақ науқаны қазан айының соңына дейін жалғасады.</p>"
        ),
        "section": "regions",
        "source": None,
        "byline": "Әсел Нұрланқызы",
        "tags": ["Kazakhstan", "agriculture", "water"],
        "hours_ago": 12,
        "photos": [
            Photo(
                "Шиелі ауданындағы күріш алқабы.",
                NEWSROOM,
                "Көкжиекке дейін созылған сары егін алқабы.",
                "field dawn",
            ),
            Photo(
                "Сырдария өзені.",
                NEWSROOM,
                "Жасыл жазықпен ирелеңдеп ағып жатқан өзен.",
                "river dusk",
            ),
        ],
    },
    {
        "headline": "Rescuers reinforce dams in North Kazakhstan after heavy rain",
        "lead": (
            "Water levels on the Ishim river rose by more than a metre in two days; "
            "no homes have been flooded."
        ),
        "body": (
            "<p>Rescuers and volunteers in North Kazakhstan region reinforced earth "
            "dams along the Ishim river after two days of heavy rain raised the water "
            "level by more than a metre.</p>"
            "<p>The emergencies department said 40,000 sandbags had been laid and "
            "pumps moved to the villages most at risk. No homes have been flooded so "
            "far.</p>"
            "<p>Forecasters expect the rain to ease by the weekend. Residents of "
            "low-lying areas were asked to follow warnings on local radio and in the "
            "department's messenger channel.</p>"
        ),
        "section": "regions",
        "source": None,
        "byline": "Marat Zhumabayev",
        "tags": ["Kazakhstan", "weather", "water"],
        "hours_ago": 35,
        "photos": [
            Photo(
                "The Ishim river near Petropavl.",
                NEWSROOM,
                "A swollen river winding across flat land under heavy clouds.",
                "river overcast",
            ),
        ],
    },
    {
        "headline": "Шымкент әуежайында жаңа терминал ашылды",
        "lead": "Жаңа терминал сағатына 600 жолаушыға қызмет көрсете алады.",
        "body": (
            "<p>Шымкент әуежайында халықаралық рейстерге арналған жаңа терминал "
            "ашылды. Ғимарат сағатына 600 жолаушыға қызмет көрсете алады.</p>"
            "<p>Терминалда тіркеуге арналған 16 үстел және екі телетрап бар. Әуежай "
            "әкімшілігінің айтуынша, жолаушылардың кезекте күтетін уақыты екі есе "
            "қысқарады.</p>"
            "<p>Ескі терминал енді тек ішкі рейстерге қызмет көрсетеді. Әуежай алдағы "
            "жылы жаңа бағыттар ашуды жоспарлап отыр.</p>"
        ),
        "section": "regions",
        "source": None,
        "byline": "Әсел Нұрланқызы",
        "tags": ["Shymkent", "transport", "tourism"],
        "hours_ago": 61,
        "photos": [
            Photo(
                "Шымкент әуежайының жаңа терминалы.",
                NEWSROOM,
                "Ұшу-қону жолағы, терминал ғимараты және көтеріліп бара жатқан ұшақ.",
                "airport day",
            ),
        ],
    },
    {
        "headline": "Issyk-Kul resorts invest in year-round tourism",
        "lead": (
            "Hotels on the north shore are adding heated pools and spa centres to fill "
            "rooms outside the summer months."
        ),
        "body": (
            "<p>Resorts on the north shore of Lake Issyk-Kul are investing in heated "
            "pools, spa centres and conference halls to attract guests outside the "
            "short summer season, Ala-Too Press reports.</p>"
            "<p>Hotel owners said most of their rooms stand empty for eight months a "
            "year. The tourism department will promote winter trips combining the lake "
            "with ski slopes in the nearby mountains.</p>"
            "<p>Some 1.5 million tourists visited the lake last year, most of them "
            "from Kazakhstan and Russia.</p>"
        ),
        "section": "regions",
        "source": "Ala-Too Press",
        "byline": "Azamat Tokonov",
        "tags": ["Kyrgyzstan", "tourism"],
        "hours_ago": 108,
        "photos": [
            Photo(
                "Lake Issyk-Kul and the Kungey Ala-Too range.",
                "Ala-Too Press",
                "A wide lake reflecting snowy mountains under a clear sky.",
                "lake day",
            ),
            Photo(
                "Evening on the north shore.",
                "Ala-Too Press",
                "The lake at dusk with pink light on the mountains.",
                "lake dusk",
            ),
            Photo(
                "The mountains above the lake in winter.",
                "Ala-Too Press",
                "Snow-covered slopes with dark pine trees.",
                "snow day",
            ),
        ],
    },
    {
        "headline": "Қарағандыда жиһаз фабрикасы өндірісті ұлғайтты",
        "lead": "Кәсіпорын жаңа цех ашып, 120 адамды жұмысқа алды.",
        "body": (
            "<p>Қарағандыдағы жиһаз фабрикасы жаңа цех іске қосты. Соның арқасында "
            "кәсіпорында 120 жаңа жұмыс орны ашылды.</p>"
            "<p>Фабрика мектептерге, ауруханаларға және кеңселерге арналған жиһаз "
            "шығарады. Жаңа цехта ағаш өңдейтін заманауи станоктар орнатылған.</p>"
            "<p>Кәсіпорын басшысы Болат Нұрпейісовтің айтуынша, өнімнің бір бөлігі "
            "Өзбекстан мен Қырғызстанға экспортталады. Келесі жылы фабрика өндіріс "
            "көлемін екі есе арттыруды көздейді.</p>"
        ),
        "section": "regions",
        "source": None,
        "byline": "Марат Жұмабаев",
        "tags": ["Kazakhstan", "investment", "trade"],
        "hours_ago": 152,
        "photos": [
            Photo(
                "Фабриканың жаңа цехы.",
                NEWSROOM,
                "Көп терезесі бар ұзын өндірістік ғимарат.",
                "building overcast",
            ),
        ],
    },
    {
        "headline": "Mangystau tests a solar-powered desalination plant",
        "lead": (
            "The pilot plant turns Caspian seawater into 5,000 cubic metres of "
            "drinking water a day."
        ),
        "body": (
            "<p>A pilot desalination plant powered partly by solar panels has started "
            "work near Aktau, in a region where fresh water is scarce, Caspian Wire "
            "reports.</p>"
            "<p>The plant produces 5,000 cubic metres of drinking water a day from "
            "Caspian seawater. If the trial succeeds, the regional government plans a "
            "plant ten times larger.</p>"
            "<p>Mangystau relies on a long pipeline from the Volga and on older "
            "desalination units for most of its water.</p>"
        ),
        "section": "regions",
        "source": "Caspian Wire",
        "byline": "Arman Kassymov",
        "tags": ["Kazakhstan", "water", "energy", "environment"],
        "hours_ago": 199,
        "photos": [
            Photo(
                "The Mangystau plateau near Aktau.",
                "Caspian Wire",
                "Sand-coloured dunes and low shrubs under a pale sky.",
                "desert day",
            ),
            Photo(
                "Solar panels that power the pilot plant.",
                "Caspian Wire",
                "Rows of solar panels in a dry landscape.",
                "energy overcast",
            ),
        ],
    },
    {
        "headline": "Fergana Valley farmers expect a large grape harvest",
        "lead": (
            "Warm weather and enough irrigation water have left vineyards heavy with "
            "fruit."
        ),
        "body": (
            "<p>Farmers in the Fergana Valley expect one of their largest grape "
            "harvests in years, Syr Darya News reports.</p>"
            "<p>A warm season without late frosts and enough water in the canals left "
            "the vineyards heavy with fruit. Growers on both the Uzbek and Kyrgyz "
            "sides of the valley said they were hiring extra pickers.</p>"
            "<p>Most of the harvest goes to markets in Russia and Kazakhstan, and a "
            "growing share is dried into raisins.</p>"
        ),
        "section": "regions",
        "source": "Syr Darya News",
        "byline": "Rustam Yusupov",
        "tags": ["Uzbekistan", "Kyrgyzstan", "agriculture", "weather"],
        "hours_ago": 241,
        "photos": [
            Photo(
                "Vineyards in Fergana region.",
                "Syr Darya News",
                "Rows of fruit-laden plants on a green hillside.",
                "orchard dawn",
            ),
            Photo(
                "Grapes on sale at a market in Fergana.",
                "Syr Darya News",
                "Crates of purple and green fruit under striped awnings.",
                "market day",
            ),
        ],
    },
    {
        "headline": "Almaty–Ust-Kamenogorsk highway: last section reopens",
        "lead": (
            "The rebuilt road cuts the drive between the two cities by almost three "
            "hours."
        ),
        "body": (
            "<p>The last rebuilt section of the highway between Almaty and "
            "Ust-Kamenogorsk has opened to traffic, completing a project that took "
            "five years.</p>"
            "<p>The road now has four lanes for most of its length and bypasses the "
            "centres of eleven towns and villages. The drive between the two cities "
            "takes about nine hours, almost three hours less than before.</p>"
            "<p>The road agency said rest areas with fuel stations and cafes will open "
            "every 50 to 80 kilometres over the next two years.</p>"
        ),
        "section": "regions",
        "source": None,
        "byline": "Marat Zhumabayev",
        "tags": ["Almaty", "transport", "Kazakhstan"],
        "hours_ago": 318,
        "photos": [
            Photo(
                "The new highway in Almaty region.",
                NEWSROOM,
                "A straight four-lane road across the steppe.",
                "road day",
            ),
            Photo(
                "The road at the foot of the Dzungarian Alatau.",
                NEWSROOM,
                "A road leading towards snow-capped mountains at dawn.",
                "road dawn",
            ),
        ],
    },
    {
        "headline": "В Бишкеке открыли новый участок объездной дороги",
        "lead": ("Участок длиной 11 километров выведет грузовики из центра города."),
        "body": (
            "<p>В Бишкеке открыли движение по новому участку объездной дороги длиной "
            "11 километров, сообщает Ala-Too Press.</p>"
            "<p>Дорога соединяет восточные и северные выезды из города, и грузовики "
            "больше не будут проезжать через центр. По оценке мэрии, это сократит "
            "пробки на главных улицах примерно на 15 процентов.</p>"
            "<p>Строительство последнего участка объездной дороги должно завершиться в "
            "следующем году.</p>"
        ),
        "section": "regions",
        "source": "Ala-Too Press",
        "byline": "Игорь Пак",
        "tags": ["Kyrgyzstan", "Bishkek", "transport"],
        "hours_ago": 419,
        "photos": [
            Photo(
                "Новый участок объездной дороги.",
                "Ala-Too Press",
                "Прямая дорога с грузовиками на фоне гор.",
                "road overcast",
            ),
        ],
    },
    {
        "headline": "Herders bring flocks down from summer pastures in Naryn",
        "lead": (
            "Thick grass this year means animals are returning to the valleys in good "
            "condition."
        ),
        "body": (
            "<p>Herders in Kyrgyzstan's Naryn region have started bringing their "
            "flocks down from high summer pastures to the valleys, Ala-Too Press "
            "reports.</p>"
            "<p>Regional officials said grass on the pastures was thick this year and "
            "that sheep and horses were returning in good condition. Vets are "
            "vaccinating animals at collection points along the routes.</p>"
            "<p>Many families spend the summer in yurts on the pastures, some of them "
            "more than 3,000 metres above sea level.</p>"
        ),
        "section": "regions",
        "source": "Ala-Too Press",
        "byline": "Azamat Tokonov",
        "tags": ["Kyrgyzstan", "agriculture", "weather"],
        "hours_ago": 561,
        "photos": [
            Photo(
                "Yurts on a summer pasture in Naryn region.",
                "Ala-Too Press",
                "White yurts on a wide grassy plain.",
                "steppe day",
            ),
            Photo(
                "A valley in the Tien Shan at dusk.",
                "Ala-Too Press",
                "Mountains in evening light above a green valley.",
                "mountains dusk",
            ),
        ],
    },
    {
        "headline": "Синоптики прогнозируют жару на юге Казахстана",
        "lead": ("В Туркестанской и Кызылординской областях ожидается до 42 градусов."),
        "body": (
            "<p>Синоптики предупредили о сильной жаре на юге Казахстана в ближайшие "
            "три дня.</p>"
            "<p>В Туркестанской и Кызылординской областях днём ожидается до 40–42 "
            "градусов, в Шымкенте — до 38. Ночью температура не опустится ниже 25 "
            "градусов.</p>"
            "<p>Врачи советуют не находиться на солнце с полудня до 16 часов и пить "
            "больше воды. В горах возможна высокая пожарная опасность.</p>"
        ),
        "section": "regions",
        "source": None,
        "byline": "Ольга Ли",
        "tags": ["Kazakhstan", "weather", "Shymkent", "health"],
        "hours_ago": 87,
        "photos": [
            Photo(
                "Степь в Кызылординской области.",
                NEWSROOM,
                "Песчаные холмы под ярким солнцем.",
                "desert day",
            ),
        ],
    },
    {
        "headline": "Aral Sea expedition returns with new survey data",
        "lead": "Scientists measured water levels and salinity in the northern sea.",
        "body": (
            "<p>A team of scientists has returned from a two-week expedition to the "
            "northern Aral Sea.</p>"
            "<p>TO DO: interview with the expedition leader; confirm salinity figures "
            "with the institute; photos from the team.</p>"
            "<p>Draft for the regions desk.</p>"
        ),
        "section": "regions",
        "source": None,
        "byline": "Marat Zhumabayev",
        "tags": ["Kazakhstan", "water", "environment"],
        "status": "draft",
        "photos": [
            Photo(
                "The shore of the northern Aral Sea.",
                NEWSROOM,
                "A flat, sandy shore beside a calm sea.",
                "desert dusk",
            ),
        ],
    },
    # --- World ----------------------------------------------------------------------
    {
        "headline": "Central Asian trade ministers meet in Ashgabat",
        "lead": (
            "Ministers from five countries discussed a common list of goods that cross "
            "borders with a single inspection."
        ),
        "body": (
            "<p>Trade ministers from the five Central Asian countries met in Ashgabat "
            "to discuss removing barriers to trade within the region.</p>"
            "<p>They agreed to draw up a common list of goods that would cross borders "
            "with a single inspection, starting with fruit, vegetables and building "
            "materials. Experts are to present the list at the next meeting.</p>"
            "<p>Trade between the five countries has grown quickly in recent years but "
            "still makes up less than a tenth of their total foreign trade.</p>"
        ),
        "section": "world",
        "source": None,
        "byline": "Daniyar Omarov",
        "tags": ["Turkmenistan", "Kazakhstan", "Uzbekistan", "trade", "border"],
        "hours_ago": 15,
        "photos": [
            Photo(
                "The venue of the ministers' meeting in Ashgabat.",
                NEWSROOM,
                "A white marble building with columns and a golden dome.",
                "government day",
            ),
            Photo(
                "The ministers at the meeting.",
                NEWSROOM,
                "A conference room with a long table and flags.",
                "hall day",
            ),
        ],
    },
    {
        "headline": "New direct flights link Almaty and Seoul",
        "lead": ("A second airline starts flying the route, with four flights a week."),
        "body": (
            "<p>A second airline has started direct flights between Almaty and Seoul, "
            "with four flights a week.</p>"
            "<p>Passenger traffic between Kazakhstan and South Korea has grown "
            "steadily, driven by tourism, study and business travel. Airport officials "
            "said the new flights would also be sold as connections to other cities in "
            "Central Asia.</p>"
            "<p>The flight takes about six and a half hours.</p>"
        ),
        "section": "world",
        "source": None,
        "byline": "Elena Kim",
        "tags": ["Almaty", "transport", "tourism"],
        "hours_ago": 90,
        "photos": [
            Photo(
                "An airliner takes off from Almaty airport.",
                NEWSROOM,
                "A passenger jet climbing above a runway and a terminal building.",
                "airport dusk",
            ),
        ],
    },
    {
        "headline": "Caspian states agree to count seals together",
        "lead": (
            "Scientists from all five coastal countries will carry out a joint aerial "
            "survey of the Caspian seal."
        ),
        "body": (
            "<p>Scientists from the five Caspian countries will carry out a joint "
            "aerial survey of the Caspian seal next winter, when the animals gather on "
            "the ice to breed, Caspian Wire reports.</p>"
            "<p>The Caspian seal lives nowhere else in the world, and its numbers have "
            "fallen sharply over the past century. Separate national counts have given "
            "very different results.</p>"
            "<p>The survey will use the same aircraft, cameras and counting methods in "
            "every country's waters.</p>"
        ),
        "section": "world",
        "source": "Caspian Wire",
        "byline": "Merdan Atayev",
        "tags": ["environment", "Kazakhstan", "Turkmenistan"],
        "hours_ago": 160,
        "photos": [
            Photo(
                "The Caspian coast near Aktau.",
                "Caspian Wire",
                "The sea and a harbour in morning light.",
                "port dawn",
            ),
        ],
    },
    {
        "headline": "Kazakh wheat reaches Iran on new rail route through Turkmenistan",
        "lead": (
            "The first full train of grain took nine days from Kostanay to the Persian "
            "Gulf coast."
        ),
        "body": (
            "<p>A train of 55 wagons of Kazakh wheat has arrived in Iran by rail "
            "through Turkmenistan, the first full grain train on the route.</p>"
            "<p>The journey from Kostanay region took nine days. Exporters said the "
            "route could carry a million tonnes a year if the three countries' "
            "railways keep tariffs low and border stops short.</p>"
            "<p>Iran is one of the largest buyers of Kazakh wheat and flour.</p>"
        ),
        "section": "world",
        "source": None,
        "byline": "Timur Rakhimov",
        "tags": ["Kazakhstan", "Turkmenistan", "railways", "agriculture", "trade"],
        "hours_ago": 251,
        "photos": [
            Photo(
                "A grain train crossing the desert in Turkmenistan.",
                NEWSROOM,
                "A long freight train crossing flat, dry land.",
                "rail dawn",
            ),
            Photo(
                "The Karakum desert along the route.",
                NEWSROOM,
                "Sand dunes under a hazy sun.",
                "desert dawn",
            ),
        ],
    },
    {
        "headline": "Dushanbe hosts international conference on water",
        "lead": (
            "Delegates from 90 countries discuss glaciers, irrigation and drinking "
            "water."
        ),
        "body": (
            "<p>An international conference on water opened in Dushanbe with delegates "
            "from about 90 countries, Pamir Bulletin reports.</p>"
            "<p>Sessions focus on melting glaciers, more efficient irrigation and "
            "access to safe drinking water. Tajikistan's glaciers feed many of the "
            "rivers of Central Asia and have shrunk markedly in recent decades.</p>"
            "<p>Participants are expected to adopt a final declaration on the last day "
            "of the conference.</p>"
        ),
        "section": "world",
        "source": "Pamir Bulletin",
        "byline": "Zarina Saidova",
        "tags": ["Tajikistan", "water", "environment"],
        "hours_ago": 341,
        "photos": [
            Photo(
                "A glacier-fed lake in the mountains of Tajikistan.",
                "Pamir Bulletin",
                "A mountain lake beneath snowy peaks.",
                "lake day",
            ),
            Photo(
                "The conference hall in Dushanbe.",
                "Pamir Bulletin",
                "A large meeting room with tall windows.",
                "hall overcast",
            ),
        ],
    },
    {
        "headline": "Uzbekistan signs loan with development bank for rural roads",
        "lead": (
            "The money will rebuild 1,200 kilometres of roads linking villages to "
            "district centres."
        ),
        "body": (
            "<p>Uzbekistan has signed a loan agreement with an international "
            "development bank to rebuild 1,200 kilometres of rural roads, Syr Darya "
            "News reports.</p>"
            "<p>The roads link villages in six regions to district centres, markets "
            "and hospitals. Many were built in the 1970s and are hard to drive after "
            "rain.</p>"
            "<p>Work is to start next year and last five years.</p>"
        ),
        "section": "world",
        "source": "Syr Darya News",
        "byline": "Rustam Yusupov",
        "tags": ["Uzbekistan", "investment", "transport"],
        "hours_ago": 429,
        "photos": [
            Photo(
                "A rural road in Samarkand region.",
                "Syr Darya News",
                "A narrow road across farmland at dusk.",
                "road dusk",
            ),
        ],
    },
    {
        "headline": "Remittances to Kyrgyzstan rise, central bank says",
        "lead": (
            "Money sent home by migrant workers grew by 8 percent in the first half of "
            "the year."
        ),
        "body": (
            "<p>Money transfers sent home by Kyrgyz citizens working abroad grew by 8 "
            "percent in the first half of the year, the central bank said, according "
            "to Ala-Too Press.</p>"
            "<p>Remittances are equal to about a quarter of Kyrgyzstan's economic "
            "output. Most come from Russia, with a growing share from Kazakhstan, "
            "Turkey and South Korea.</p>"
            "<p>The bank said more transfers now arrive through mobile apps rather "
            "than cash services.</p>"
        ),
        "section": "world",
        "source": "Ala-Too Press",
        "byline": "Aida Kasymalieva",
        "tags": ["Kyrgyzstan", "investment", "digital"],
        "hours_ago": 538,
        "photos": [
            Photo(
                "Central Bishkek.",
                "Ala-Too Press",
                "City buildings with mountains behind them.",
                "city day",
            ),
        ],
    },
    {
        "headline": "Khorgos border crossing extends its opening hours",
        "lead": (
            "Lorries can now cross between Kazakhstan and China 16 hours a day, "
            "including weekends."
        ),
        "body": (
            "<p>The Khorgos crossing on the border between Kazakhstan and China has "
            "extended its opening hours for lorries to 16 hours a day, including "
            "weekends.</p>"
            "<p>Customs services on both sides said the change would ease the queues "
            "that build up before holidays. An electronic queue lets drivers book a "
            "time to cross.</p>"
            "<p>Khorgos is one of the busiest road crossings between China and Central "
            "Asia.</p>"
        ),
        "section": "world",
        "source": None,
        "byline": "Arman Kassymov",
        "tags": ["Kazakhstan", "border", "trade", "transport"],
        "hours_ago": 689,
        "photos": [
            Photo(
                "Lorries on the road to Khorgos.",
                NEWSROOM,
                "Lorries on a straight road across the steppe towards mountains.",
                "road day",
            ),
            Photo(
                "Containers at the dry port near Khorgos.",
                NEWSROOM,
                "A freight train loaded with coloured containers.",
                "rail overcast",
            ),
        ],
    },
    # --- Sport ----------------------------------------------------------------------
    {
        "headline": "Ұлттық құрама өз алаңында жеңіске жетті",
        "lead": "Астанадағы жолдастық кездесу 2:1 есебімен аяқталды.",
        "body": (
            "<p>Қазақстанның футболдан ұлттық құрамасы Астанада өткен жолдастық "
            "кездесуде Қырғызстан құрамасын 2:1 есебімен жеңді.</p>"
            "<p>Алғашқы гол бірінші таймның 20-минутында соғылды. Қонақтар үзілістен "
            "кейін есепті теңестірді, бірақ ойынның соңына қарай қазақстандық жартылай "
            "қорғаушы шешуші голды соқты.</p>"
            "<p>Стадионға 25 мыңнан астам жанкүйер келді. Құраманың келесі ойыны бір "
            "айдан кейін өтеді.</p>"
        ),
        "section": "sport",
        "source": None,
        "byline": "Ерлан Сейітов",
        "tags": ["football", "Kazakhstan", "Kyrgyzstan", "Astana"],
        "hours_ago": 8,
        "photos": [
            Photo(
                "Астанадағы стадион.",
                NEWSROOM,
                "Жасыл алаң, ойыншылар және толы трибуналар.",
                "stadium night",
            ),
            Photo(
                "Ойын алдында.",
                NEWSROOM,
                "Кешкі жарықтағы футбол алаңы мен трибуналар.",
                "stadium dusk",
            ),
        ],
    },
    {
        "headline": "Almaty United edge Shymkent City in a rain-soaked derby",
        "lead": "A header in the 88th minute settled a tight match in Almaty.",
        "body": (
            "<p>Almaty United beat Shymkent City 1–0 in the league, with a header from "
            "defender Ruslan Baizakov two minutes from the end.</p>"
            "<p>Heavy rain made the pitch slow and both sides struggled to create "
            "chances. The visitors hit the post early in the second half.</p>"
            "<p>The win lifts Almaty United to third place, two points behind the "
            "leaders.</p>"
        ),
        "section": "sport",
        "source": None,
        "byline": "Yerlan Seitov",
        "tags": ["football", "Almaty", "Shymkent"],
        "hours_ago": 27,
        "photos": [
            Photo(
                "The players at the start of the second half.",
                NEWSROOM,
                "Footballers on a striped green pitch in front of full stands.",
                "stadium overcast",
            ),
        ],
    },
    {
        "headline": "Kazakh boxers win four golds at Asian youth championships",
        "lead": "The team finished top of the medal table with nine medals in all.",
        "body": (
            "<p>Kazakhstan's boxers won four gold medals at the Asian youth "
            "championships and finished top of the medal table.</p>"
            "<p>The team took nine medals in all. Two of the champions are 17 years "
            "old and fought in the tournament for the first time.</p>"
            "<p>The head coach said several of the boxers would now train with the "
            "senior national team.</p>"
        ),
        "section": "sport",
        "source": None,
        "byline": "Yerlan Seitov",
        "tags": ["boxing", "Kazakhstan"],
        "hours_ago": 74,
        "photos": [
            Photo(
                "The arena during the finals.",
                NEWSROOM,
                "A brightly lit stage in a dark hall, spectators in the foreground.",
                "stage night",
            ),
        ],
    },
    {
        "headline": "Kok-boru teams gather in Talas for regional cup",
        "lead": (
            "Sixteen teams of horsemen from across Kyrgyzstan compete in the "
            "traditional game."
        ),
        "body": (
            "<p>Sixteen teams are taking part in a regional kok-boru cup in Talas, "
            "Ala-Too Press reports.</p>"
            "<p>In kok-boru, two teams of horsemen try to carry a goat carcass into "
            "their opponents' goal. The game is played across Central Asia under "
            "different names.</p>"
            "<p>The final is on Sunday, with a concert of traditional music and a "
            "craft fair.</p>"
        ),
        "section": "sport",
        "source": "Ala-Too Press",
        "byline": "Nurbek Sydykov",
        "tags": ["Kyrgyzstan", "culture", "tourism"],
        "hours_ago": 124,
        "photos": [
            Photo(
                "The field at the foot of the Talas range.",
                "Ala-Too Press",
                "A wide grassy plain with yurts and mountains behind.",
                "steppe dawn",
            ),
        ],
    },
    {
        "headline": "Astana marathon draws 15,000 runners",
        "lead": (
            "Runners from 60 countries took part; a Kenyan athlete won the men's race."
        ),
        "body": (
            "<p>About 15,000 runners from 60 countries took part in the Astana "
            "marathon, which also included 10-kilometre and children's races.</p>"
            "<p>The route ran along both banks of the Yesil river and past the city's "
            "main monuments. Streets in the centre were closed until the afternoon.</p>"
            "<p>Organisers said a third of the runners were taking part for the first "
            "time.</p>"
        ),
        "section": "sport",
        "source": None,
        "byline": "Gulnara Temirbekova",
        "tags": ["Astana", "health", "tourism"],
        "hours_ago": 179,
        "photos": [
            Photo(
                "Runners pass through the city centre.",
                NEWSROOM,
                "City buildings and a tower with a golden sphere in morning light.",
                "city dawn",
            ),
        ],
    },
    {
        "headline": "Dushanbe side reaches continental cup quarter-final",
        "lead": "A 2–2 draw away was enough after a 3–1 win at home.",
        "body": (
            "<p>A football club from Dushanbe has reached the quarter-finals of a "
            "continental club competition for the first time, Pamir Bulletin "
            "reports.</p>"
            "<p>The team drew 2–2 away after winning the first leg 3–1 at home. Their "
            "goalkeeper saved a penalty in the last minutes.</p>"
            "<p>The quarter-final draw takes place next week.</p>"
        ),
        "section": "sport",
        "source": "Pamir Bulletin",
        "byline": "Farrukh Rahimov",
        "tags": ["football", "Tajikistan"],
        "hours_ago": 272,
        "photos": [
            Photo(
                "The stadium in Dushanbe.",
                "Pamir Bulletin",
                "A football stadium under floodlights at night.",
                "stadium night",
            ),
        ],
    },
    {
        "headline": "Shymbulak resort plans a second cable car",
        "lead": (
            "The new line would double the number of skiers who can reach the upper "
            "slopes."
        ),
        "body": (
            "<p>The ski resort above Almaty plans to build a second cable car to its "
            "upper slopes, which would double the number of skiers it can carry.</p>"
            "<p>The resort said an environmental assessment would be published for "
            "public comment before any work begins.</p>"
            "<p>The resort attracts visitors from across the region in winter and "
            "hikers in summer.</p>"
        ),
        "section": "sport",
        "source": None,
        "byline": "Elena Kim",
        "tags": ["Almaty", "tourism", "environment"],
        "hours_ago": 361,
        "photos": [
            Photo(
                "Slopes above Almaty.",
                NEWSROOM,
                "Snowy slopes and fir trees under a blue sky.",
                "snow day",
            ),
            Photo(
                "The mountains above the resort.",
                NEWSROOM,
                "Snow-capped peaks in pink evening light.",
                "mountains dusk",
            ),
        ],
    },
    {
        "headline": "Cycling race around Issyk-Kul returns after three years",
        "lead": "A five-stage race around the lake attracts 120 riders.",
        "body": (
            "<p>A five-stage cycling race around Lake Issyk-Kul has returned after a "
            "three-year break, Ala-Too Press reports.</p>"
            "<p>About 120 riders from ten countries are taking part. The route covers "
            "about 450 kilometres on roads along the shore.</p>"
            "<p>A separate amateur race is held on the last day.</p>"
        ),
        "section": "sport",
        "source": "Ala-Too Press",
        "byline": "Bermet Asanova",
        "tags": ["Kyrgyzstan", "tourism", "health"],
        "hours_ago": 502,
        "photos": [
            Photo(
                "The shore road on the first stage.",
                "Ala-Too Press",
                "A road running towards mountains beside a lake.",
                "road day",
            ),
        ],
    },
    {
        "headline": "Youth football league adds a girls' division",
        "lead": "Forty girls' teams will play in the first season.",
        "body": (
            "<p>Kazakhstan's youth football league will add a girls' division this "
            "season, with forty teams from all regions.</p>"
            "<p>The football federation said the number of girls registered at clubs "
            "has tripled in five years. Matches will be played at weekends.</p>"
            "<p>Coaches for the new division are being trained in Astana and "
            "Almaty.</p>"
        ),
        "section": "sport",
        "source": None,
        "byline": "Yerlan Seitov",
        "tags": ["football", "Kazakhstan", "education"],
        "hours_ago": 622,
        "photos": [
            Photo(
                "A youth match in Almaty.",
                NEWSROOM,
                "Players on a green pitch in front of a small stand.",
                "stadium day",
            ),
        ],
    },
    {
        "headline": "Central Asian football cup draw: what to expect",
        "lead": "A preview of the groups ahead of the draw.",
        "body": (
            "<p>The draw for the regional national team cup takes place on Friday.</p>"
            "<p>TO DO: seeding list; quotes from coaches.</p>"
            "<p>Draft for the sport desk; update after the draw.</p>"
        ),
        "section": "sport",
        "source": None,
        "byline": "Yerlan Seitov",
        "tags": ["football", "Kazakhstan"],
        "status": "draft",
        "photos": [
            Photo(
                "A national stadium.",
                NEWSROOM,
                "A football stadium with full stands.",
                "stadium day",
            ),
        ],
    },
    # --- Culture --------------------------------------------------------------------
    {
        "headline": "Almaty film festival opens with a Kyrgyz debut feature",
        "lead": (
            "Forty films from Central Asia and beyond are shown over a week in three "
            "cinemas."
        ),
        "body": (
            "<p>An international film festival opened in Almaty with the debut feature "
            "of a young Kyrgyz director, a drama about a family of shepherds.</p>"
            "<p>About forty films will be screened over a week in three cinemas. A "
            "separate programme shows restored Kazakh films of the 1960s.</p>"
            "<p>The main prize will be awarded by a jury of critics and directors from "
            "five countries.</p>"
        ),
        "section": "culture",
        "source": None,
        "byline": "Madina Zhunusova",
        "tags": ["Almaty", "culture", "Kyrgyzstan"],
        "hours_ago": 18,
        "photos": [
            Photo(
                "The opening night of the festival.",
                NEWSROOM,
                "A lit stage with red curtains and an audience in the dark.",
                "stage night",
            ),
        ],
    },
    {
        "headline": "Young artists show their work in Almaty",
        "lead": (
            "Sixty painters, photographers and sculptors under 30 exhibit in a former "
            "factory."
        ),
        "body": (
            "<p>An exhibition of work by sixty artists under the age of 30 has opened "
            "in a former factory in Almaty.</p>"
            "<p>The show includes paintings, photographs, sculpture and video. Many "
            "works deal with the changing city and the steppe around it.</p>"
            "<p>Entry is free, and the exhibition runs for a month.</p>"
        ),
        "section": "culture",
        "source": None,
        "byline": "Madina Zhunusova",
        "tags": ["Almaty", "culture"],
        "hours_ago": 50,
        "photos": [
            Photo(
                "Visitors at the exhibition.",
                NEWSROOM,
                "People looking at colourful paintings on a white wall.",
                "gallery day",
            ),
            Photo(
                "Paintings in the main hall.",
                NEWSROOM,
                "Framed paintings on a gallery wall above a wooden floor.",
                "gallery overcast",
            ),
        ],
    },
    {
        "headline": "Restored caravanserai opens to visitors in Uzbekistan",
        "lead": (
            "The 16th-century building on an old Silk Road route now houses a museum."
        ),
        "body": (
            "<p>A restored caravanserai on an old Silk Road route has opened as a "
            "museum and craft centre, Syr Darya News reports.</p>"
            "<p>Restorers spent four years repairing the building's domes and tiled "
            "portal using traditional bricks and glazes. Rooms where travelling "
            "merchants once slept now house workshops of potters and weavers.</p>"
            "<p>The site is part of a tourist route linking several historic towns.</p>"
        ),
        "section": "culture",
        "source": "Syr Darya News",
        "byline": "Shahlo Nazarova",
        "tags": ["Uzbekistan", "tourism", "culture"],
        "hours_ago": 95,
        "photos": [
            Photo(
                "The restored portal of the caravanserai.",
                "Syr Darya News",
                "A brick building with a turquoise dome, an arched portal, minarets.",
                "silkroad day",
            ),
            Photo(
                "The caravanserai at sunset.",
                "Syr Darya News",
                "A domed building with minarets against an orange sky.",
                "silkroad dusk",
            ),
        ],
    },
    {
        "headline": "Kyrgyz epic Manas gets a new illustrated edition for children",
        "lead": "Thirty artists drew the illustrations for the ten-volume edition.",
        "body": (
            "<p>A new illustrated edition of the Kyrgyz epic Manas, retold for "
            "children, has been published in ten volumes, Ala-Too Press reports.</p>"
            "<p>Thirty artists worked on the illustrations. The books will be given to "
            "every school library in the country.</p>"
            "<p>The epic, passed down orally for centuries, is one of the longest "
            "poems in the world.</p>"
        ),
        "section": "culture",
        "source": "Ala-Too Press",
        "byline": "Aida Kasymalieva",
        "tags": ["Kyrgyzstan", "culture", "education"],
        "hours_ago": 146,
        "photos": [
            Photo(
                "Illustrations from the new edition at the presentation in Bishkek.",
                "Ala-Too Press",
                "Colourful pictures in frames on a gallery wall.",
                "gallery day",
            ),
        ],
    },
    {
        "headline": "Astana opera house announces a season of Central Asian premieres",
        "lead": "Three new operas by composers from the region are on the programme.",
        "body": (
            "<p>Astana's opera house has announced a season that includes three new "
            "operas by composers from Central Asia.</p>"
            "<p>The season also includes ballets, concerts and performances for "
            "children. Tickets for students are sold at half price.</p>"
            "<p>The first premiere is in October.</p>"
        ),
        "section": "culture",
        "source": None,
        "byline": "Gulnara Temirbekova",
        "tags": ["Astana", "culture"],
        "hours_ago": 221,
        "photos": [
            Photo(
                "The opera house stage before a rehearsal.",
                NEWSROOM,
                "A stage with curtains and singers in coloured costumes.",
                "stage night",
            ),
        ],
    },
    {
        "headline": "Dombra makers in Almaty region keep an old craft alive",
        "lead": (
            "In a village workshop, three generations of one family make the two-"
            "stringed instrument by hand."
        ),
        "body": (
            "<p>In a workshop in a village east of Almaty, the Sarsenov family has "
            "been making dombras, the two-stringed lute at the heart of Kazakh music, "
            "for three generations.</p>"
            "<h2>From a block of wood</h2>"
            "<p>Each instrument takes about three weeks. The body is carved from a "
            "single piece of apricot or mulberry wood and left to dry for months "
            "before work begins.</p>"
            "<ul>"
            "<li>Body: apricot or mulberry wood</li>"
            "<li>Soundboard: spruce</li>"
            "<li>Strings: traditionally gut, now often nylon</li>"
            "</ul>"
            "<blockquote>"
            "<p>“A good dombra sings in the hands of a child and a master alike. That "
            "is what we try to make,” said Kanat Sarsenov, who learned the craft from "
            "his grandfather.</p></blockquote>"
            "<p>The family sells about 200 instruments a year, many to music schools. "
            "Their work is on show this month at the "
            '<a href="https://museum.example/exhibitions/dombra">museum of folk '
            "instruments</a>.</p>"
        ),
        "section": "culture",
        "source": None,
        "byline": "Daniyar Omarov",
        "tags": ["Almaty", "culture", "tourism"],
        "hours_ago": 309,
        "photos": [
            Photo(
                "Instruments on display at the museum.",
                "Dana Iskakova / Steppe Wire",
                "Framed pictures and exhibits on a museum wall.",
                "gallery overcast",
            ),
            Photo(
                "The village in the foothills east of Almaty.",
                "Dana Iskakova / Steppe Wire",
                "Fruit trees on a hillside below mountains.",
                "orchard day",
            ),
            Photo(
                "A concert of dombra players.",
                "Dana Iskakova / Steppe Wire",
                "Musicians on a lit stage in front of an audience.",
                "stage night",
            ),
        ],
    },
    {
        "headline": "Turkistan museum puts its collection online",
        "lead": "More than 10,000 objects can now be viewed in high resolution.",
        "body": (
            "<p>A museum of history and ethnography in Turkistan has put more than "
            "10,000 objects from its collection online.</p>"
            "<p>Visitors can view jewellery, carpets, ceramics and manuscripts in high "
            "resolution, with descriptions in Kazakh, Russian and English.</p>"
            "<p>The museum plans to add 3D scans of its largest objects next year.</p>"
        ),
        "section": "culture",
        "source": None,
        "byline": "Saule Akhmetova",
        "tags": ["Kazakhstan", "culture", "digital", "tourism"],
        "hours_ago": 409,
        "photos": [
            Photo(
                "The historic centre of Turkistan.",
                NEWSROOM,
                "A domed building with a tiled portal against a clear sky.",
                "silkroad day",
            ),
            Photo(
                "A gallery of the museum.",
                NEWSROOM,
                "Framed exhibits on a pale wall with visitors.",
                "gallery day",
            ),
        ],
    },
    {
        "headline": "Tajik musicians tour Kazakhstan with songs of the Pamirs",
        "lead": "The ensemble plays concerts in six cities.",
        "body": (
            "<p>A folk ensemble from the Pamir mountains is touring six cities in "
            "Kazakhstan, Pamir Bulletin reports.</p>"
            "<p>The musicians play traditional Pamiri songs on the rubab and setor, "
            "along with new arrangements. The tour ends in Almaty.</p>"
            "<p>It is part of a cultural exchange between the two countries.</p>"
        ),
        "section": "culture",
        "source": "Pamir Bulletin",
        "byline": "Zarina Saidova",
        "tags": ["Tajikistan", "Kazakhstan", "culture"],
        "hours_ago": 581,
        "photos": [
            Photo(
                "The ensemble on stage.",
                "Pamir Bulletin",
                "Musicians in bright costumes on a lit stage.",
                "stage night",
            ),
        ],
    },
]
