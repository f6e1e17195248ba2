import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsclean.cleaners.arabic import _LETTER_CHAR, _LETTERS, normalize_arabic
from newsclean.pipeline import Pipeline
from newsclean.protect import keeping_urls
from newsclean.registry import PROFILES
from tests.cleaners.contract import contract
from tests.conftest import is_persian_article
from tests.strategies import scraped_text

SEARCH = PROFILES["search"].options["arabic"]

CASES = [
    # Arabic typed on a Persian keyboard
    ("المتحدث باسم الخارجیة الإیرانیة فی الأیام المقبلة", "المتحدث باسم الخارجية الإيرانية في الأيام المقبلة"),
    ("القیادة المرکزیة الأمریکیة", "القيادة المركزية الأمريكية"),
    # the words Arabic spells with a final ى, also with proclitics
    ("وصل إلی القاعة علی الفور حتی المساء", "وصل إلى القاعة على الفور حتى المساء"),
    ("في المستوی والمستشفی وبالمستوی ومصطفی وموسی", "في المستوى والمستشفى وبالمستوى ومصطفى وموسى"),
    ("لدی الوزارة", "لدى الوزارة"),
    ("هذه القضیة في عام ۲۰۲۴", "هذه القضية في عام ٢٠٢٤"),
    ("هذه القضية ەي", "هذه القضية هي"),
    # Persian the other way round, ZWNJ kept
    ("او گفت كه اين كتاب مي\u200cخواهد", "او گفت که این کتاب می\u200cخواهد"),
    ("در سال ٢٠٢٤ گفت که", "در سال ۲۰۲۴ گفت که"),
    ("او گفت که مصطفى آمد", "او گفت که مصطفی آمد"),
    # a Persian line quoted in an Arabic article keeps its own spelling
    ("قال المتحدث في المؤتمر إن الوزير سيزور المنطقة\nاو گفت كه اين كتاب است\nوأضاف أن القرار نهائي",
     "قال المتحدث في المؤتمر إن الوزير سيزور المنطقة\nاو گفت که این کتاب است\nوأضاف أن القرار نهائي"),
    # presentation forms and lam-alef ligatures to base letters
    ("ﻗﺎﻝ ﻣﺼﺪﺭ", "قال مصدر"),
    ("ﻻ ﻷ ﻹ ﻵ", "لا لأ لإ لآ"),
    ("قال إن أﮐﺛر ﻣن ﻧﺻف", "قال إن أكثر من نصف"),
    ("قال إن ﺳﯾﺎرﺗﮭم", "قال إن سيارتهم"),
    # tatweel stretching goes, between digits it becomes a hyphen
    ("الـــعـــالم", "العالم"),
    ("كلمةـ", "كلمة"),
    ("من 1990ـ2000", "من 1990-2000"),
    ("الــ 6", "الـ 6"),
    # a mark doubled on one letter is kept once, marks in canonical order
    ("الكتابُُ", "الكتابُ"),
    ("مُّحمد", "مُّحمد"),
    ("و\u0651\u064e", "و\u064e\u0651"),
    # diacritized Arabic typed with Persian yeh stays Arabic
    ("یُکتَب ویُرمی", "يُكتَب ويُرمي"),
    # a final ی with vowel marks: ى after a fatha or tanween fath, or carrying a dagger alef;
    # ي after a kasra or carrying its own vowel (vowelled prayers typed on a Persian keyboard)
    ("اللَّهُمَّ صَلِّ عَلَی مُحَمَّدٍ وَ آلِهِ", "اللَّهُمَّ صَلِّ عَلَى مُحَمَّدٍ وَ آلِهِ"),
    ("أَنَا الَّذِي اسْتَخْفَی مِنْ عِبَادِکَ وَ لَهُمْ رِضًی", "أَنَا الَّذِي اسْتَخْفَى مِنْ عِبَادِكَ وَ لَهُمْ رِضًى"),
    ("فِی الْأَرْضِ عَلَیَّ هُدیً عَلَیٰ", "فِي الْأَرْضِ عَلَيَّ هُدىً عَلَىٰ"),
    # Persian digits are Persian evidence
    ("او را دید ۱۲", "او را دید ۱۲"),
    # a tatweel carrying a mark keeps one tatweel; a second cleaning finds nothing more
    ("الـَـعربية", "الـَعربية"),
    ("كـتـابهـ", "كتابه"),
    # a presentation form's letter and the maddah typed after it are آ, in NFC (a tweet wrote ﺎٓلحب)
    ("سآده \ufe8e\u0653لحب", "سآده آلحب"),
]

UNCHANGED = [
    # اهـ abbreviates انتهى, the end of a quotation, as هـ the Hijri era
    "قال ابن تيمية: كذا وكذا. اهـ.",
    # other Arabic-script languages keep their letters and digits
    "ئەو کەسەی لە شارەکە دەژی",  # Sorani Kurdish: ە, ی, ک
    "بەشی یەكەم داهاتی نەتەوەیی",  # Sorani as written with Arabic ك
    "پاکستان کے وزیراعظم عمران خان نے کہا ہے ۲۰۱۸",  # Urdu: ے ہ and Persian digits
    "مونگ پھلی",  # Urdu ھ: one word of two is enough
    "د افغانستان د کرکټ بورډ سرپرست مشر میرویس اشرف وايي",  # Pashto: ي and ی are two letters
    # Malay in Jawi writes ي and ك (or ک) with its own ڠ ڽ ڤ ݢ ڬ ۏ (UDHR in Unicode, a teachers' app)
    # (its چ made this paragraph of the UDHR's preamble Persian, and every ي and ك went ی and ک)
    "بهاواساڽ ڤڠاباين سرتا ڤڠهينأن ترهادڤ حق اساسي مأنسي تله ڤون مڠعاقبتكن تيندقن تركوتوق يڠ تله ملڠڬري ڤراسأن هاتي اومت مأنسي، دان مونچولڽ سبواه دنيا د مان مأنسي اكن منعمتي كبيبسن براوچڤ دان مڠانوت كڤرچايأن سرتا كبيبسن دري راستاكوت دان چيتاراس تله ڤون دأشتهاركن سباڬاي اسڤيراسي تراڬوڠ سلوروه اومت مأنسي.",
    "موريد منجالنكن اكتيۏيتي 'Gallery Walk' اونتوق مليهت توليسن راكن.",
    "کوان کچيل هيجاو اين سنتياس دکت. دياد تيدق مڽالق، تيدق مڠوڽه کاسوت",
    # a word with a Persian-only letter keeps its ی and ک in an Arabic line
    "قال المسؤول في المؤتمر إن گزارش الوزارة نهائي",
    # Persian quoted in an Arabic line keeps its spelling
    "قال المتحدث في المؤتمر إن «نیروی انتظامی که» هي التي",
    # Gulf and Iraqi Arabic write گ and چ: not enough to respell a line as Persian
    "گال لي اخوي انه ما يگدر",
    # a line with no evidence of its own in a block that does not tell clearly (Arabic 14 words,
    # Persian 8): a headline of either language, it keeps its letters (almayadeen, varzesh3)
    "عملية \"سيوف الحق\" في مرحلتها الخامسة تنطلق في محافظتي ديالى وكروك العراقيتين، لملاحقة فلول \"داعش\"، "
    "بمشاركة الجيش وقوات البيشمركة، والحشد الشعبي.\n"
    "به گزارش\"ورزش سه\"، تیم ملی کره جنوبی یکی از همگروه های ایران امروز در خانه به مصاف تیم سوریه می رود. "
    "کره ای ها در این بازی با ترکیب زیر به میدان می روند:\n"
    "ترکیب تیم ملی کره جنوبی اعلام شد",
    # short lines with no evidence of their own: a name, a hashtag
    "#علی_رضایی",
    "علی",
    # tatweel after a one-letter word shows its joining form (an enumerator, a suffix)
    "أ- ب- جـ- د",
    "گە + یـ اندن",
    "وأكد الرئيس الروسي أن الاتفاق الذي دام 25 عاما بين موسكو ومينسك",
    "أمن متساوٍ وموحد، تماشيًا مع التعاون",  # diacritics are correct and stay
    "لـ\"جيش\" و بـ2000 و عام 1445هـ و الـCNN",  # tatweel that holds a prefix apart
    "صلى الله عليه وسلم ﷺ و ﷲ",  # word ligatures stay in news
    "به گزارش خبرگزاری فارس، رئیس\u200cجمهور روسیه می\u200cگوید",
    "کتاب\u200cها و می\u200cروم",
    "English text, 2024, Ελληνικά, русский",
    "علي بن أبي طالب",  # a final ي that is not in the ى word list stays
]

test_fixes, test_leaves_alone, test_never_raises_and_is_idempotent = contract(normalize_arabic, CASES, UNCHANGED)


def test_the_set_of_letters_holds_the_letters_of_the_class_and_nothing_else():
    letters = {chr(code) for code in range(0x110000) if _LETTER_CHAR.fullmatch(chr(code))}
    assert letters == _LETTERS


def test_forced_language():
    assert normalize_arabic("مستوی", lang="ar") == "مستوى"
    assert normalize_arabic("كتاب", lang="fa") == "کتاب"
    with pytest.raises(ValueError, match="lang must be one of auto, ar, fa"):
        normalize_arabic("x", lang="ur")


@pytest.mark.parametrize(("option", "before", "after"), [
    ("strip_diacritics", "مُحَمَّدٌ", "محمد"),
    ("normalize_alef", "أحمد إلى آخر ٱلله", "احمد الى اخر الله"),
    ("alef_maksura", "على مستوى", "علي مستوي"),
    ("teh_marbuta", "مدرسة", "مدرسه"),
    ("ascii_digits", "٢٠٢٤ و ۱۴۰۳", "2024 و 1403"),
    ("expand_ligatures", "النبي ﷺ", "النبي صلى الله عليه وسلم"),
    ("collapse_repeats", "جمييييل جداااا", "جميل جدا"),
    ("lowercase_latin", "CNN و BBC News", "cnn و bbc news"),
])
def test_each_search_folding_is_its_own_option(option, before, after):
    assert normalize_arabic(before, **{option: True}) == after
    assert normalize_arabic(before) != after


def test_lowercasing_leaves_the_field_tags_of_a_record():
    # `html` keeps a record's fields by their upper case; a `<title>` it would strip.
    record = "<DOC>\n<DOCNO>AB-1</DOCNO>\n<TITLE>CNN و BBC</TITLE>\n</DOC>"
    expected = "<DOC>\n<DOCNO>ab-1</DOCNO>\n<TITLE>cnn و bbc</TITLE>\n</DOC>"
    assert normalize_arabic(record, lowercase_latin=True) == expected


def test_search_foldings_on_latin_text():
    assert normalize_arabic("Breaking NEWS www.example.com", **SEARCH) == "breaking news www.example.com"




@given(scraped_text)
# (The fuzz profile's find: an Arabic name quoted in a Persian line was Arabic by its ة alone,
# which the folding takes away; the second cleaning spelled it Persian.)
@example('"الـَـعربية"می\u200cگوید')
@example("به گزارش «العربية»، وزیر گفت")
def test_search_foldings_are_idempotent(text):
    once = normalize_arabic(text, **SEARCH)
    assert normalize_arabic(once, **SEARCH) == once


persian = st.lists(
    st.sampled_from(["می\u200cخواهد", "کتاب\u200cها", "است", "یک", "نمی\u200cشود", "گفت", "که", "این", "ی", "ک",
                     "کشور", "برای", " ", "\n", "۱۲", "پ"]),
    min_size=1,
    max_size=30,
).map("".join)


@given(persian)
def test_persian_keeps_every_yeh_keheh_and_zwnj(text):
    out = normalize_arabic(text, lang="fa")
    for character in "یک\u200c":
        assert out.count(character) == text.count(character)


@given(persian)
def test_persian_text_detected_as_persian_keeps_its_letters(text):
    if "گفت" in text or "است" in text:  # enough evidence to be Persian on its own
        out = normalize_arabic(text)
        assert "ي" not in out and "ك" not in out and out.count("\u200c") == text.count("\u200c")


def test_search_options_equal_camel_tools_on_the_real_corpus(real_corpus):
    # camel-tools is installed for the tests with --no-deps (see README): its text utilities
    # need neither torch nor a data download.
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    options = dict(strip_diacritics=True, normalize_alef=True, alef_maksura=True, teh_marbuta=True)

    def camel_folds(text):
        return dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text))))

    compared = 0
    for name, text in real_corpus.items():
        if is_persian_article(name):
            continue
        news = normalize_arabic(unicodedata.normalize("NFC", text))
        camel = keeping_urls(camel_folds)(news)  # (the records' <URL> fields stay as they are)
        assert normalize_arabic(news, **options) == camel, name
        assert normalize_arabic(unicodedata.normalize("NFC", text), **options) == camel, name
        compared += 1
    assert compared == 84


def test_the_foldings_that_hide_evidence_are_options_of_the_cleaner():
    import inspect

    from newsclean.cleaners.arabic import FOLDINGS_THAT_HIDE_EVIDENCE

    options = inspect.signature(normalize_arabic).parameters
    assert all(options[name].default is False for name in FOLDINGS_THAT_HIDE_EVIDENCE)


def test_an_arabic_line_of_a_kurdish_document_keeps_its_ae():
    # Folding the ە of the Arabic line would take the evidence that makes the document
    # Kurdish, and the second cleaning would respell the short line `ک` as Arabic.
    text = "ک\n\nئەو\n\nالـَـعربيةئەو"
    news = Pipeline.from_profile("news")
    once = news.clean(text)
    assert once == "ک\n\nئەو\n\nالـَعربيةئەو\n"
    assert news.clean(once) == once
    assert normalize_arabic("الـَعربيةئەو", default_lang="ar") == "الـَعربيةئهو"


def test_a_paragraph_of_one_line_is_read_against_its_document():
    # A line of Bahar's divan (ganjoor, in language-ml/course-nlp-ir-1-text-exploring): its
    # only evidence is two quoted Arabic words, «لا» and «الا», and alone between blank lines
    # it was its own context, so its Persian کوس became Arabic كوس. In a Persian document a
    # paragraph of one line in Arabic is a quotation, as a line of a longer paragraph is.
    poem = (
        "امروز خدای با جهان کرد\nلطفی که نکرده بود هرگز\nنوری که مشیتش نهان کرد\n"
        "امروز پدید گشت و بارز\nجز سفسطه نیست عاید ما\nکاوهام گرفته جای ادراک\n\n"
        "ای نگار روحانی! خیز و پرده بالا زن\n\n"
        "در سرادق لاهوت کوس «لا» و «الا» زن\n\n"
        "در ترانه معنی دم ز سر مولا زن\n\n"
        "و آن گه از غدیر خم بادهٔ تولا زن\n"
    )
    assert Pipeline(["arabic"]).clean(poem) == poem
    line = "در سرادق لاهوت کوس «لا» و «الا» زن"
    assert normalize_arabic(line, default_lang="fa") == line
    assert normalize_arabic(line) == line.replace("ک", "ك")  # with no document, the line is all there is
    # and an Arabic line typed on a Persian keyboard, in an Arabic document, is still spelled
    assert normalize_arabic("قال المتحدث فی المؤتمر الیوم", default_lang="ar") == "قال المتحدث في المؤتمر اليوم"
