"""Which capitalised words the flags call names (core.checks), on hand-written pairs.

German nouns, a country's German article, Cyrillic capitals after a colon, Ukrainian
case forms and adjectives of a place, acronyms spelled out on the other page,
datelines, generic name tails and a name told in the neighbouring sentence; each
shape was first met on a blind batch.  Split from ``test_flag_gold.py`` (the gold
cases, numbers, the gate and end-to-end pairs).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.checks import check_pair, page_tokens, quantities


def test_generic_name_tails_and_dates_beside_month_names_are_no_change() -> None:
    same = {"left_lang": "en", "right_lang": "en"}
    assert check_pair("Storms swept the Baltic Sea.", "Storms swept the Baltic.", **same) == {}
    assert check_pair("Troops from North Korea.", "Troops from South Korea.", **same) == {
        "names": {"left_only": ["North"], "right_only": ["South"]}
    }
    assert check_pair("It met President Zelensky.", "It met President Macron.", **same)
    assert [v for _, v in quantities("on March 14, with 97 drones", "en")] == ["97"]
    assert [v for _, v in quantities("am 14. März kamen 12 Menschen", "de")] == ["12"]


def test_german_nouns_are_no_names_but_places_are() -> None:
    """German capitalises every noun: a word after a determiner, adjective or number is a noun."""
    from workbench.core.checks import common_nouns

    de = {"left_lang": "de", "right_lang": "de"}
    left = "Der Konzern schließt das Werk in Graz bis Ende 2027, sagte Claire Vautrin."
    right = "Der Konzern schließt sein Montagewerk in Liebenau bis Ende 2027, sagte Claire Vautrin."
    assert check_pair(left, right, **de) == {
        "names": {"left_only": ["Graz"], "right_only": ["Liebenau"]}
    }
    nouns = common_nouns("Bis zum frühen Morgen brannte es gegen 3.40 Uhr, drei Minuten lang, "
                         "nach Angaben des Havariekommandos in Cuxhaven.")  # fmt: skip
    assert {"Morgen", "Uhr", "Minuten", "Angaben", "Havariekommandos"} <= nouns
    assert "Cuxhaven" not in nouns
    # a German headline is no English Title Case: its capitals are nouns and names
    assert check_pair("Aurelis sperrt Werk in Graz zu, 2.300 Jobs betroffen",
                      "Aurelis schließt Werk in Liebenau, 2.400 Jobs weg", **de) == {
        "numbers": {"left_only": ["2.300"], "right_only": ["2.400"]},
        "names": {"left_only": ["Graz"], "right_only": ["Liebenau"]},
    }  # fmt: skip


@given(st.sampled_from(["der", "die", "das", "dem", "des", "seines", "zum", "einer"]),
       st.sampled_from(["", "neue ", "frühen ", "großen alten "]),
       st.sampled_from(["Werk", "Hälfte", "Fahrzeugdeck", "Kompakt-SUV"]))  # fmt: skip
def test_a_word_after_a_german_determiner_is_a_noun(article: str, adjectives: str, noun: str):
    from workbench.core.checks import common_nouns

    assert noun in common_nouns(f"Man sah {article} {adjectives}{noun} in Graz.")
    assert "Graz" not in common_nouns(f"Man sah {article} {adjectives}{noun} in Graz.")


def test_a_word_the_capture_cut_off_is_no_name() -> None:
    cut = "Nach ukrainischen Angaben wurden zwei Menschen verletzt und ein Ge"
    full = cut + "treideterminal beschädigt."
    assert check_pair(cut, full, left_lang="de", right_lang="de") == {}


def test_a_german_noun_the_page_marks_elsewhere_is_no_name() -> None:
    """Headlines drop articles ("Feuer auf Fähre"): the page's other sentences ("der Fähre")
    and compounds ending in such a noun ("Ostsee-Fähre", "Drohnenfund") say it is a noun."""
    from workbench.core.checks import is_noun

    de = {"left_lang": "de", "right_lang": "de"}
    left = ["Brand auf Ostsee-Fähre vor Rügen: 14 Menschen leicht verletzt",
            "Nach dem Fund von Trümmern brannte die Fähre."]  # fmt: skip
    right = ["Feuer auf Fähre: 17 Verletzte", "Das Feuer auf der Fähre brach nachts aus."]
    pages = (page_tokens(left, "de"), page_tokens(right, "de"))
    assert check_pair(left[0], right[0], **de, pages=pages, regrouped=False) == {
        "numbers": {"left_only": ["14"], "right_only": ["17"]},
        "names": {"left_only": ["Rügen"]},
    }
    # without the pages the dictionary (core.german_lexicon) knows the compound's noun too
    assert check_pair(left[0], right[0], **de)["names"]["left_only"] == ["Rügen"]
    nouns = pages[0].nouns | pages[1].nouns
    assert is_noun("Drohnenfund", nouns) and is_noun("Ostsee-Fähre", nouns)
    # a source named in a compound stays a name; a place is no "Ros|tock"
    assert not is_noun("OZ-Fähre", nouns) and not is_noun("Rostock", frozenset({"Stock"}))


def test_an_acronym_of_a_name_the_other_copy_spells_out_is_no_new_name() -> None:
    """RBC-Ukraine writes "ЗАЕС" where LIGA.net's page says "Запорізька АЕС" (blind batch 5)."""
    from workbench.core.checks import spelled_acronyms

    left = ["Окупована Запорізька АЕС знеструмлена.", "Усі шість енергоблоків у зупині."]
    right = ["Запорізька АЕС знеструмлена.", "Усі шість енергоблоків ЗАЕС у зупині."]
    uk = {"left_lang": "uk", "right_lang": "uk"}
    pages = (page_tokens(left, "uk"), page_tokens(right, "uk"))
    assert check_pair(left[1], right[1], **uk, pages=pages, regrouped=False) == {}
    assert check_pair(left[1], right[1], **uk) == {"names": {"right_only": ["ЗАЕС"]}}
    assert {"IAEA", "ДСНС"} <= spelled_acronyms(
        ["the International Atomic Energy Agency", "Державна служба з надзвичайних ситуацій"]
    )
    # an acronym nobody spells out stays a name: "OZ" is no "Ostsee-Zeitung" initial run
    assert "NATO" not in spelled_acronyms(["Nach OZ-Informationen brannte es."])


def test_a_country_with_its_german_article_is_still_a_name() -> None:
    """ "im Süden der Ukraine": German gives some countries an article; it makes no noun."""
    from workbench.core.checks import common_nouns

    left = "Die Erdstöße waren in der Republik Moldau und im Süden der Ukraine zu spüren."
    right = "Die Erdstöße waren bis in die Hauptstadt zu spüren."
    assert check_pair(left, right, left_lang="de", right_lang="de") == {
        "names": {"left_only": ["Moldau", "Ukraine"]}
    }
    assert common_nouns("in der Schweiz und der Türkei, im Süden Rumäniens") == {"Süden"}


def test_an_adjective_of_the_name_on_the_other_side_is_no_dropped_name() -> None:
    """Volyn/Nash Wybir (blind batch 9): "на виїзд з України" against "на українському боці"."""
    uk = {"left_lang": "uk", "right_lang": "uk"}
    assert check_pair("У черзі на виїзд з України стояло 1 150 вантажівок.",
                      "На українському боці в черзі стояло 1 200 вантажівок.", **uk) == {
        "numbers": {"left_only": ["1 150"], "right_only": ["1 200"]}
    }  # fmt: skip
    # a different place is no adjective of it
    assert check_pair("Він поїхав до Києва.", "Він поїхав до львівського вокзалу.", **uk) == {
        "names": {"left_only": ["Києва"]}
    }


def test_the_compare_service_reads_german_nouns_off_the_whole_page(settings) -> None:
    """Through ingest and compare: a headline's article-less noun ("Ostsee-Fähre") is no
    name because the page writes "der Fähre" elsewhere; the changed count still is flagged."""
    from workbench.services.compare import alignment_detail, compare_versions
    from workbench.services.ingest import ingest_bytes

    body = ("Auf der Fähre brach in der Nacht zu Sonnabend ein Feuer auf dem unteren Deck aus. "
            "Die Crew brachte den Brand am Morgen unter Kontrolle.\n\n"
            "Das Schiff erreichte am Mittag den Hafen Mukran.\n")  # fmt: skip
    left = "Brand auf Ostsee-Fähre vor Rügen: 14 Menschen leicht verletzt\n\n" + body
    right = "Feuer auf Fähre vor Rügen: 17 Menschen leicht verletzt\n\n" + body
    ids = [ingest_bytes(settings, text.encode(), filename=f"{name}.txt", outlet=name).version_id
           for name, text in (("ndr", left), ("oz", right))]  # fmt: skip
    rows = alignment_detail(settings, compare_versions(settings, *ids).alignment_id)["pairs"]
    flagged = [r["flags"] for r in rows if r["flags"]]
    assert flagged == [{"numbers": {"left_only": ["14"], "right_only": ["17"]}}]


def test_a_cyrillic_capital_after_a_colon_is_a_name() -> None:
    """Glavcom's headline names the General Staff after a colon; TSN's does not (blind 8)."""
    from workbench.core.checks import name_candidates

    uk = {"left_lang": "uk", "right_lang": "uk"}
    assert check_pair("Сили оборони уразили НПЗ у Сизрані: Генштаб підтвердив удар",
                      "У Сизрані після атаки дронів горить НПЗ: що відомо", **uk) == {
        "names": {"left_only": ["Генштаб"]}
    }  # fmt: skip
    assert name_candidates("Збій на кордоні: у Дорогуську", "uk") == ["Дорогуську"]
    # English and German may start a clause with a capital after a colon
    assert "Drones" not in name_candidates("Ukraine War Latest: Drones Hit a Refinery", "en")


def test_a_token_the_other_copy_tells_in_the_next_sentence_is_no_change() -> None:
    """wort/stol (blind 10): stol joined two sentences that the aligner paired one to one;
    "Europas" is in the sentence beside it on the other side, not dropped."""
    from workbench.core.checks import sentences_beside

    left = ["Erdbeben der Stärke 5,8 erschüttert Rumänien",
            "Das Gebiet gilt als eine der aktivsten Zonen Europas.",
            "Bei einem Beben kamen dort 1977 mehr als 1500 Menschen ums Leben."]  # fmt: skip
    right = ["Das Gebiet Vrancea gilt als eine der aktivsten Zonen Europas – 1977 starben dort "
             "bei einem Beben mehr als 1500 Menschen."]  # fmt: skip
    de = {"left_lang": "de", "right_lang": "de"}
    assert sentences_beside(left, [2]) == [left[1]]  # a headline is no neighbour
    assert sentences_beside(left, [1]) == [left[2]]
    beside = (page_tokens(sentences_beside(left, [2]), "de"), page_tokens([], "de"))
    assert check_pair(left[2], right[0], **de)["names"] == {"right_only": ["Vrancea", "Europas"]}
    assert check_pair(left[2], right[0], **de, beside=beside)["names"] == {
        "right_only": ["Vrancea"]
    }


def test_a_dateline_names_no_part_of_the_story() -> None:
    from workbench.core.checks import without_dateline

    de = {"left_lang": "de", "right_lang": "de"}
    assert check_pair("Graz/Paris – Der Autohersteller schließt sein Werk in Graz.",
                      "Der Autohersteller schließt sein Werk in Graz.", **de) == {}  # fmt: skip
    assert without_dateline("MOSCOW/ASTANA, Nov 29 (Reuters) - The consortium said") == (
        "The consortium said"
    )
    assert without_dateline("Bukarest (dpa) - Ein Erdbeben") == "Ein Erdbeben"
    assert (
        without_dateline("Zelensky – who visited Kyiv – said")
        == "Zelensky – who visited Kyiv – said"
    )


def test_a_ukrainian_name_in_another_case_or_as_an_adjective_is_no_new_name() -> None:
    """The stem vowel of Ukrainian place names alternates in case forms and adjectives
    (Фастів / Фастовом, Харкові / Харківської, Салтівці / Салтівському; blind batches 16
    and 21): one place, no flag. Two towns sharing a start (Чернігів / Чернівці) still differ."""
    uk = {"left_lang": "uk", "right_lang": "uk"}
    left = "Потяги стоять між Козятином і Фастовом, а школа в Салтівському районі працює."
    right = "Потяги стоять на дільниці Козятин – Фастів, а школа на Салтівці працює."
    assert check_pair(left, right, **uk) == {}
    assert check_pair("Завод в Харкові відкрили вчора.",
                      "Завод Харківської області відкрили вчора.", **uk) == {}  # fmt: skip
    got = check_pair("Потяг затримується в Чернігові.", "Потяг затримується в Чернівцях.", **uk)
    assert got["names"] == {"left_only": ["Чернігові"], "right_only": ["Чернівцях"]}
