"""Arabic quoted in Persian books and news, checked on real text (tests/data/quoting, see its
SOURCES.md): a document's lines in the other language are quotations, spelled as their
publisher spells them, and vowelled Arabic gets the final yeh its vowels say."""

import re
from pathlib import Path

import pytest

from newsclean.pipeline import Pipeline
from tests.test_do_no_harm import letters_and_digits

QUOTING = Path(__file__).parent / "data" / "quoting"
NEWS = Pipeline.from_profile("news")


@pytest.mark.parametrize("name", ["fa-hafez-divan.txt", "fa-kamaleddin.txt"])
def test_a_persian_book_keeps_the_letters_of_its_arabic_quotations_and_its_persian_lines(name):
    # Hafez's Arabic hemistichs and the Arabic formulas of a Persian translation (علیه السلام,
    # رضی الله عنه) are written with Persian ی and ک; Persian lines holding a word Arabic shares
    # (کان, فی) or a vowel mark were respelled as Arabic before (مصنف این کتاب -> اين كتاب).
    text = (QUOTING / name).read_text("utf-8")
    assert letters_and_digits(NEWS.clean(text)) == letters_and_digits(text)


def test_a_persian_news_article_keeps_the_persian_letters_of_the_quran_verses_it_quotes(real_corpus):
    text = real_corpus["farsnews-0016.txt"]
    cleaned = NEWS.clean(text)

    def verses(text: str) -> list[str]:
        return [letters_and_digits(line) for line in text.splitlines() if "﴿" in line]

    assert len(verses(text)) >= 5 and verses(cleaned) == verses(text)
    assert "*سوره مبارکه «مائده» آیات نورانی" in cleaned  # a Persian heading stays Persian


def test_vowelled_arabic_gets_the_final_yeh_its_vowels_say():
    text = (QUOTING / "ar-sahifa.txt").read_text("utf-8")
    cleaned = NEWS.clean(text)
    assert "ی" not in cleaned and "ک" not in cleaned  # an Arabic document: spelled as Arabic
    # No alef maksura after a kasra, no yeh without a mark of its own after a fatha at a word's
    # end (عَلَی became عَلَي, "Ali", before).
    assert not re.search("\u0650\u0649", cleaned)
    assert not re.search("\u064e\u064a(?![\u064b-\u0652\u0670\u0621-\u064a])", cleaned)
    final = "(?![\u064b-\u0652\u0670\u0621-\u064a\u06cc])"
    assert len(re.findall("عَلَى" + final, cleaned)) == len(re.findall("عَلَی" + final, text)) > 0


def test_a_dump_of_arabic_and_persian_articles_spells_each_paragraph_as_its_own(real_corpus):
    # A crawl's dump in one file: the document is mostly Arabic, but a Persian article's
    # paragraphs are Persian and are spelled so (here typed on an Arabic keyboard, ي and ك).
    arabic = [text for name, text in sorted(real_corpus.items()) if name.startswith("almayadeen")][:4]
    persian = "او گفت كه اين كتاب براي ايرانيان مهم است و مي\u200cخواهد آن را بخواند.\nوي افزود كه اين كار را مي\u200cكند."
    cleaned = NEWS.clean("\n\n".join([*arabic, persian]))
    assert "او گفت که این کتاب برای ایرانیان مهم است" in cleaned
