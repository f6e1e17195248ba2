import pytest
from hypothesis import given

from newsclean.language import classify, evidence
from tests.conftest import is_persian_article
from tests.strategies import scraped_text


@pytest.mark.parametrize(("text", "language"), [
    ("المتحدث باسم الخارجیة الإیرانیة فی الأیام المقبلة", "ar"),  # Arabic on a Persian keyboard
    ("وأكد الرئيس الروسي أن الاتفاق الذي دام 25 عاما بين موسكو ومينسك", "ar"),
    ("به گزارش خبرگزاری فارس، رئیس‌جمهور روسیه می‌گوید", "fa"),
    ("به گزارش خبرگزاري فارس، رئيس جمهور روسيه مي گويد كه اين نشست مهم است", "fa"),  # Arabic ي/ك
    ("Breaking news from Tehran", "other"),
    ("", "other"),
])
def test_classify(text, language):
    assert classify(text) == language


def test_every_real_article_is_classified_right(real_corpus):
    wrong = {
        name: classify(text)
        for name, text in real_corpus.items()
        if classify(text) != ("fa" if is_persian_article(name) else "ar")
    }
    assert wrong == {}


def test_letter_shares_alone_do_not_decide_when_words_do():
    # Every yeh Persian, yet the words are Arabic.
    text = "قال المتحدث فی مؤتمر صحفی إن الوزیر سیزور المنطقة التی شهدت الأحداث"
    arabic, persian = evidence(text)
    assert arabic > persian and classify(text) == "ar"


@given(scraped_text)
def test_classify_never_raises(text):
    assert classify(text) in ("ar", "fa", "other-arabic-script", "other")
