"""Units of measure an outlet converts for its readers, by language: one registry.

Why: a translation or a rewrite for another market tells the same measure in its
readers' unit ("gusts of 80mph" / "rafales de plus de 130 km/h" / "130 Kilometern pro
Stunde"; "640 hectares" / "1,600 acres"), rounded.  Read as bare values the two are
different figures and were flagged (round 25's unseen batch 88).  Every unit is one
``Unit`` here, with its dimension, its size in that dimension's base unit and how each
language writes it, so the checks that read units (``check_conversions``, the bracketed
conversions of ``check_numbers``) read one list.

Spellings are regular expressions matched case-insensitively after a figure; the short
abbreviations ("m", "t", "l", "g", "ha", "mi") match case-sensitively ("5 M" is no
metre).  The ``"*"`` entry holds what every language writes ("km/h", "kg", "°C").
English "degrees" alone is no unit (Celsius in Britain, Fahrenheit in America), nor a
bare "°"; German "Grad", French "degrés" and Slavic "градусів" are Celsius.

Flows and yields ("95 m³/s" / "3,350 cubic feet per second", "Kubikmeter pro Sekunde",
"тонн в год") are built from the registry's volumes and masses and a time's spellings
(``_per_time``), not listed apart: a new volume is a new flow in every language at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

_SQ = r"(?:square|sq\.?)\s"
_QUADRAT_RU = r"квадратн\w+\s"


@dataclass(frozen=True)
class Unit:
    """One unit: its ``dimension``, its size in the dimension's base unit (``factor``, plus
    ``offset`` for temperatures: base = value * factor + offset) and its spellings."""

    name: str
    dimension: str
    factor: Decimal
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, repr=False)
    offset: Decimal = Decimal(0)


def _unit(name: str, dimension: str, factor: str, offset: str = "0",
          **spellings: tuple[str, ...]) -> Unit:  # fmt: skip
    return Unit(name, dimension, Decimal(factor), spellings, Decimal(offset))


# Base units: km/h, metre, square metre, kilogram, litre, degree Celsius.
UNITS: tuple[Unit, ...] = (
    _unit("km/h", "speed", "1", star=(r"km/h", r"km/std", r"kmh", r"kph"),
          en=(r"kilomet(?:er|re)s?\s(?:per|an|a)\shour", r"km\sper\shour"),
          de=(r"Stundenkilometer[n]?", r"Kilometer[n]?\s(?:pro|in\sder|je)\sStunde"),
          fr=(r"kilomètres?\s(?:par|à\sl['’])\s?heure", r"kilomètres?-heure", r"km\sà\sl['’]heure"),
          ru=(r"км/ч", r"километр\w*\sв\sчас"), uk=(r"км/год", r"кілометр\w*\sна\sгодину")),
    _unit("mph", "speed", "1.609344", star=(r"mph", r"m\.p\.h\.?"),
          en=(r"miles?\s(?:per|an|a)\shour",), de=(r"Meilen\spro\sStunde",),
          fr=(r"milles?\s(?:à\sl['’]heure|par\sheure)", r"miles?\spar\sheure"),
          ru=(r"миль\sв\sчас",), uk=(r"миль\sна\sгодину",)),
    _unit("knot", "speed", "1.852", en=(r"knots?",), de=(r"Knoten",), fr=(r"nœuds?", r"noeuds?"),
          ru=(r"узл\w*",), uk=(r"вузл\w*",)),
    _unit("m/s", "speed", "3.6", star=(r"m/s",), en=(r"met(?:er|re)s?\sper\ssecond",),
          de=(r"Meter[n]?\spro\sSekunde",), fr=(r"mètres?\spar\sseconde",),
          ru=(r"м/с", r"метр\w*\sв\sсекунду"), uk=(r"м/с", r"метр\w*\sна\sсекунду")),
    _unit("km", "length", "1000", star=(r"km",), en=(r"kilomet(?:er|re)s?",),
          de=(r"Kilometer[n]?",), fr=(r"kilomètres?",), ru=(r"км", r"километр\w*"),
          uk=(r"км", r"кілометр\w*")),
    _unit("nmi", "length", "1852", en=(r"nautical\smiles?",), de=(r"Seemeilen?",),
          fr=(r"milles?\snautiques?",), ru=(r"морск\w+\sмил\w*",), uk=(r"морськ\w+\sмил\w*",)),
    _unit("mile", "length", "1609.344", en=(r"miles?", r"mi"), de=(r"Meilen?",),
          fr=(r"milles?", r"miles?"), ru=(r"мил[ьияюе]\w*",), uk=(r"мил[ьіяюе]\w*",)),
    _unit("m", "length", "1", star=(r"m",), en=(r"met(?:er|re)s?",), de=(r"Meter[n]?",),
          fr=(r"mètres?",), ru=(r"м", r"метр\w*"), uk=(r"м", r"метр\w*")),
    _unit("cm", "length", "0.01", star=(r"cm",), en=(r"centimet(?:er|re)s?",),
          de=(r"Zentimeter[n]?",), fr=(r"centimètres?",), ru=(r"см", r"сантиметр\w*"),
          uk=(r"см", r"сантиметр\w*")),
    _unit("mm", "length", "0.001", star=(r"mm",), en=(r"millimet(?:er|re)s?",),
          de=(r"Millimeter[n]?",), fr=(r"millimètres?",), ru=(r"мм", r"миллиметр\w*"),
          uk=(r"мм", r"міліметр\w*")),
    # Rain: a litre on a square metre is a millimetre of water ("40 Liter pro Quadratmeter").
    _unit("l/m2", "length", "0.001", star=(r"l/m²", r"l/m2", r"l/qm"),
          en=(r"lit(?:er|re)s?\sper\ssquare\smet(?:er|re)",),
          de=(r"Liter[n]?\s(?:pro|je|auf\sden)\s(?:Quadratmeter|qm|m²)",),
          fr=(r"litres?\s(?:par|au)\smètre\scarré",),
          ru=(r"л/м²", r"литр\w*\sна\s(?:квадратн\w+\sметр|кв\.\s?м)"),
          uk=(r"л/м²", r"літр\w*\sна\s(?:квадратн\w+\sметр|кв\.\s?м)")),
    _unit("ft", "length", "0.3048", en=(r"feet", r"foot", r"ft"), de=(r"Fuß",),
          fr=(r"pieds?",), ru=(r"фут\w*",), uk=(r"фут\w*",)),
    _unit("in", "length", "0.0254", en=(r"inch(?:es)?",), de=(r"Zoll",), fr=(r"pouces?",),
          ru=(r"дюйм\w*",), uk=(r"дюйм\w*",)),
    _unit("yd", "length", "0.9144", en=(r"yards?", r"yd"), de=(r"Yards?",), fr=(r"yards?",),
          ru=(r"ярд\w*",), uk=(r"ярд\w*",)),
    _unit("km2", "area", "1000000", star=(r"km²", r"km2"),
          en=(_SQ + r"kilomet(?:er|re)s?", _SQ + r"km"), de=(r"Quadratkilometer[n]?",),
          fr=(r"kilomètres?\scarrés",), ru=(r"км²", r"кв\.\s?км", _QUADRAT_RU + r"километр\w*"),
          uk=(r"км²", r"кв\.\s?км", _QUADRAT_RU + r"кілометр\w*")),
    _unit("sqmi", "area", "2589988.110336", en=(_SQ + r"miles?", r"sq\.?\smi"),
          de=(r"Quadratmeilen?",), fr=(r"milles?\scarrés",), ru=(_QUADRAT_RU + r"мил\w*",),
          uk=(_QUADRAT_RU + r"мил\w*",)),
    _unit("ha", "area", "10000", star=(r"ha",), en=(r"hectares?",), de=(r"Hektar[en]?",),
          fr=(r"hectares?",), ru=(r"га", r"гектар\w*"), uk=(r"га", r"гектар\w*")),
    _unit("acre", "area", "4046.8564224", en=(r"acres?",), de=(r"Acres?",),
          fr=(r"acres?",), ru=(r"акр\w*",), uk=(r"акр\w*",)),
    _unit("m2", "area", "1", star=(r"m²", r"m2", r"qm"), en=(_SQ + r"met(?:er|re)s?",),
          de=(r"Quadratmeter[n]?",), fr=(r"mètres?\scarrés",),
          ru=(r"м²", r"кв\.\s?м", _QUADRAT_RU + r"метр\w*"),
          uk=(r"м²", r"кв\.\s?м", _QUADRAT_RU + r"метр\w*")),
    _unit("sqft", "area", "0.09290304", en=(_SQ + r"f(?:ee|oo)t", r"sq\.?\sft"),
          de=(r"Quadratfuß",), fr=(r"pieds?\scarrés",), ru=(_QUADRAT_RU + r"фут\w*",),
          uk=(_QUADRAT_RU + r"фут\w*",)),
    _unit("kg", "mass", "1", star=(r"kg",), en=(r"kilo(?:gram(?:me)?)?s?",),
          de=(r"Kilo(?:gramm)?",), fr=(r"kilo(?:gramme)?s?",), ru=(r"кг", r"килограмм\w*"),
          uk=(r"кг", r"кілограм\w*")),
    _unit("g", "mass", "0.001", star=(r"g",), en=(r"grams?", r"grammes?"), de=(r"Gramm",),
          fr=(r"grammes?",), ru=(r"грамм\w*",), uk=(r"грам\w*",)),
    _unit("lb", "mass", "0.45359237", en=(r"pounds?", r"lbs?"), de=(r"Pfund",),
          fr=(r"livres?(?!\ssterling)",), ru=(r"фунт\w*(?!\sстерлинг)",),
          uk=(r"фунт\w*(?!\sстерлінг)",)),
    _unit("t", "mass", "1000", star=(r"t",), en=(r"tonnes?", r"metric\stons?"),
          de=(r"Tonnen?",), fr=(r"tonnes?",), ru=(r"т", r"тонн\w*"), uk=(r"т", r"тон\w*")),
    _unit("ton", "mass", "907.18474", en=(r"tons?",)),
    _unit("l", "volume", "1", star=(r"l",), en=(r"lit(?:er|re)s?",), de=(r"Liter[n]?",),
          fr=(r"litres?",), ru=(r"л", r"литр\w*"), uk=(r"л", r"літр\w*")),
    _unit("m3", "volume", "1000", star=(r"m³", r"m3"), en=(r"cubic\smet(?:er|re)s?",),
          de=(r"Kubikmeter[n]?",), fr=(r"mètres?\scubes?",),
          ru=(r"м³", r"куб\.\s?м", r"кубометр\w*", r"кубическ\w+\sметр\w*"),
          uk=(r"м³", r"куб\.\s?м", r"кубометр\w*", r"кубічн\w+\sметр\w*")),
    _unit("cuft", "volume", "28.316846592", star=(r"ft³", r"ft3"),
          en=(r"cubic\sf(?:ee|oo)t", r"cu\.?\sft"), de=(r"Kubikfuß",), fr=(r"pieds?\scubes?",),
          ru=(r"кубическ\w+\sфут\w*", r"куб\.\s?фут\w*"),
          uk=(r"кубічн\w+\sфут\w*", r"куб\.\s?фут\w*")),
    _unit("acre-ft", "volume", "1233481.83754752", en=(r"acre-f(?:ee|oo)t",), de=(r"Acre-Fuß",),
          fr=(r"acres?-pieds?",), ru=(r"акр-фут\w*",), uk=(r"акр-фут\w*",)),
    _unit("hl", "volume", "100", star=(r"hl",), en=(r"hectolit(?:er|re)s?",),
          de=(r"Hektoliter[n]?",), fr=(r"hectolitres?",), ru=(r"гектолитр\w*",),
          uk=(r"гектолітр\w*",)),
    _unit("cuyd", "volume", "764.554857984", star=(r"yd³", r"yd3"),
          en=(r"cubic\syards?", r"cu\.?\syds?"), de=(r"Kubikyards?",), fr=(r"yards?\scubes?",),
          ru=(r"кубическ\w+\sярд\w*",), uk=(r"кубічн\w+\sярд\w*",)),
    _unit("km3", "volume", "1000000000000", star=(r"km³", r"km3"),
          en=(r"cubic\skilomet(?:er|re)s?",), de=(r"Kubikkilometer[n]?",),
          fr=(r"kilomètres?\scubes?",),
          ru=(r"км³", r"куб\.\s?км", r"кубическ\w+\sкилометр\w*"),
          uk=(r"км³", r"куб\.\s?км", r"кубічн\w+\sкілометр\w*")),
    _unit("gal", "volume", "3.785411784", en=(r"gallons?",), de=(r"Gallonen?",),
          fr=(r"gallons?",), ru=(r"галлон\w*",), uk=(r"галон\w*",)),
    _unit("bbl", "volume", "158.987294928", en=(r"barrels?",), de=(r"Barrel[s]?",),
          fr=(r"barils?",), ru=(r"баррел\w*",), uk=(r"барел\w*",)),
    _unit("C", "temperature", "1", star=(r"°\s?C",), en=(r"degrees?\sCelsius",),
          de=(r"Grad(?:\sCelsius)?(?!\sFahrenheit)",), fr=(r"degrés?(?:\sCelsius)?",),
          ru=(r"градус\w*(?:\sпо\sЦельсию)?",), uk=(r"градус\w*(?:\sза\sЦельсієм)?",)),
    _unit("F", "temperature", "0.5555555555555555555555555556", "-17.77777777777777777777777778",
          star=(r"°\s?F",), en=(r"degrees?\sFahrenheit",), de=(r"Grad\sFahrenheit",),
          fr=(r"degrés?\sFahrenheit",), ru=(r"градус\w*\sпо\sФаренгейту",),
          uk=(r"градус\w*\sза\sФаренгейтом",)),
)  # fmt: skip

# A flow or a yield is a volume or a mass per second, day or year ("95 m³/s", "2 million
# barrels a day", "Kubikmeter pro Sekunde", "тонн в год"): (name, seconds, spellings after
# the amount's own, by language; ``"*"`` after an abbreviation of any language).
_PER: tuple[tuple[str, str, dict[str, tuple[str, ...]]], ...] = (
    ("s", "1", {"star": (r"/s", r"/sec"), "en": (r"\s(?:per|a)\ssecond",),
                "de": (r"\s(?:pro|je|in\sder)\sSekunde",), "fr": (r"\spar\sseconde",),
                "ru": (r"/с", r"\sв\sсекунду"), "uk": (r"/с", r"\sна\sсекунду")}),
    ("d", "86400", {"star": (r"/d", r"/day"), "en": (r"\s(?:per|a)\sday",),
                    "de": (r"\s(?:pro|je|am)\sTag",), "fr": (r"\spar\sjour",),
                    "ru": (r"/сут", r"\sв\s(?:сутки|день)"),
                    "uk": (r"/добу", r"\sна\s(?:добу|день)")}),
    ("yr", "31557600", {"star": (r"/yr", r"/year"), "en": (r"\s(?:per|a)\syear",),
                        "de": (r"\s(?:pro|je|im)\sJahr",), "fr": (r"\spar\san",),
                        "ru": (r"/год", r"\sв\sгод"), "uk": (r"/рік", r"\sна\sрік")}),
)  # fmt: skip
#: The amounts told per time (grams and pounds are left out: "pounds a day" is money too).
_PER_AMOUNTS = ("l", "hl", "m3", "cuft", "gal", "bbl", "acre-ft", "kg", "t", "ton")
#: What a flow carries, told between its amount and its time ("cubic feet of water per
#: second", "Kubikmeter Wasser pro Sekunde", "mètres cubes d'eau par seconde", "кубометрів
#: води на секунду"): a few words only, in each language's shape (English "of", French
#: "de"/"d'", German capitalised nouns), so no clause is read as a substance.
_SUBSTANCE = {
    "en": r"\sof(?:\s[^\W\d_]+){1,3}",
    "de": r"(?:\s(?-i:[A-ZÄÖÜ])[^\W\d_]*){1,2}",
    "fr": r"\s(?:d['’]|de\s|du\s|des\s)[^\W\d_]+(?:\s[^\W\d_]+){0,2}",
    "ru": r"(?:\s[^\W\d_]+){1,2}",
    "uk": r"(?:\s[^\W\d_]+){1,2}",
}


def _per_time(amount: Unit, per: str, seconds: str,
              after: dict[str, tuple[str, ...]]) -> Unit:  # fmt: skip
    """``amount`` per ``per``: each language's spellings of the amount (its own and every
    language's) followed by the time's (its own and every language's): "m³" + "/s", "куб. м"
    + "/с", "Kubikmeter" + " pro Sekunde"; every language's only when both parts are ("m³/s").
    A language's own time may follow a short substance (``_SUBSTANCE``: "m³ of water per
    second"). One alternation a language, not every pair: the pattern stays short to try."""
    star = amount.spellings.get("star", ())
    spellings = {"star": (f"{_either(star)}{_either(after['star'])}",)} if star else {}
    for lang, substance in _SUBSTANCE.items():
        amounts = amount.spellings.get(lang, ()) + star
        if amounts:
            spellings[lang] = (f"{_either(amounts)}{_either(after[lang] + after['star'])}",
                               f"{_either(amounts)}{substance}{_either(after[lang])}")
    name, dimension = f"{amount.name}/{per}", f"{amount.dimension}/time"
    return Unit(name, dimension, amount.factor / Decimal(seconds), spellings)


def _either(spellings: tuple[str, ...]) -> str:
    """One group of ``spellings``, longest first ("kilomet…s?" before "km")."""
    return "(?:" + "|".join(sorted(dict.fromkeys(spellings), key=len, reverse=True)) + ")"


UNITS = UNITS + tuple(
    _per_time(unit, per, seconds, after)
    for unit in UNITS if unit.name in _PER_AMOUNTS for per, seconds, after in _PER
)  # fmt: skip

BY_NAME: dict[str, Unit] = {unit.name: unit for unit in UNITS}


def _spelled(pattern: str) -> str:
    """A spelling as matched: short abbreviations ("m", "t", "ha") keep their case."""
    return f"(?-i:{pattern})" if len(pattern) <= 2 else pattern


def _table(lang: str | None) -> list[tuple[str, str]]:
    """(spelling, unit name) of ``lang`` and every language's, longest first ("km/h" before
    "km", "Kilometern pro Stunde" before "Kilometer"); every language's for ``None``."""
    base = (lang or "").split("-")[0].lower()
    rows = [(s, unit.name) for unit in UNITS for code, spelled in unit.spellings.items()
            if code == "star" or code == base or not base for s in spelled]  # fmt: skip
    return sorted(dict.fromkeys(rows), key=lambda row: -len(row[0]))


def _known(lang: str | None) -> str | None:
    """The registry's language for ``lang``; ``None`` (every language's spellings) else."""
    base = (lang or "").split("-")[0].lower()
    return base if base in _LANGS else None


def unit_pattern(lang: str | None = None) -> re.Pattern[str]:
    """A unit word at the start of a string (after a figure and its space or hyphen), each
    spelling its own named group ``u<k>`` (``unit_at`` reads which)."""
    return _BUILT[_known(lang)][0]


def unit_at(text: str, lang: str | None = None) -> Unit | None:
    """The unit ``text`` starts with ("mph …", " Kilometern pro Stunde", "-foot"), else None."""
    pattern, names = _BUILT[_known(lang)]
    m = pattern.match(text)
    if m is None or m.lastgroup is None:
        return None
    return BY_NAME[names[int(m.lastgroup[1:])]]


def is_unit_word(text: str, lang: str | None) -> bool:
    """Whether ``text`` starts with a unit word of ``lang``, a language of the registry (a
    word that is a unit in one language can be a scale in another: Spanish "miles")."""
    return _known(lang) is not None and unit_at(text, lang) is not None


def _compiled(lang: str | None) -> tuple[re.Pattern[str], list[str]]:
    table = _table(lang)
    body = "|".join(f"(?P<u{k}>{_spelled(s)})" for k, (s, _) in enumerate(table))
    pattern = re.compile(r"[\s\u00a0\u202f-]?(?:" + body + r")(?![\w²³/])", re.I)
    return pattern, [name for _, name in table]


_LANGS = frozenset({"en", "de", "fr", "ru", "uk"})
_BUILT = {lang: _compiled(lang) for lang in (None, *sorted(_LANGS))}


def in_base(value: Decimal, unit: Unit) -> Decimal:
    """``value`` in ``unit`` told in its dimension's base unit (80 mph -> 128.75 km/h)."""
    return value * unit.factor + unit.offset


def from_base(value: Decimal, unit: Unit) -> Decimal:
    """A base-unit ``value`` told in ``unit`` (128.75 km/h -> 80 mph)."""
    return (value - unit.offset) / unit.factor


def any_unit() -> str:
    """Every spelling of every language as one alternation, longest first and matched as
    ``unit_pattern`` does, for a pattern that takes any unit (``check_numbers``' bracketed
    conversions: "(640 pounds)", "(130 Kilometer pro Stunde)"); a bracket also takes English
    "degrees" and a bare "°", whose scale the figure before the bracket tells."""
    spelled = [_spelled(s) for s, _ in _table(None)] + [r"degrees(?:\s[A-Z]\w+)?", r"°"]
    return "(?i:" + "|".join(spelled) + ")"
