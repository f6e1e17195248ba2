"""URLs come out of every profile as they went in; the text around them is cleaned."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsclean.pipeline import Pipeline
from newsclean.protect import keeping_urls, url_spans
from newsclean.registry import PROFILES
from tests.strategies import real_pieces

# Slugs as Arabic and Persian news sites write them (youm7, alarabiya and france24 in the shared
# corpus's ANT records, Hamshahri), with what the cleaners used to change inside them: a dot
# before a letter, a Persian ی and ک, a tatweel, a presentation form, a ZWNJ.
URLS = [
    "https://www.youm7.com/story/2023/5/1/الرئيس-السيسي-يلتقي-وفد/6123456",
    "https://example.com/خبر.التقى",
    "https://www.example.com/news/الخارجیة-الإیرانیة-فی-الأیام",
    "http://www.france24.com/ar/20180608-فلــــسطين-إسرائيل-غزة",
    "http://www.jawharafm.net/ar/article/قطاع-اﻹعلام/105/82736",
    "https://www.hamshahrionline.ir/news/123/ولی\u200cپور-مدیر-کل",
    "https://ar.wikipedia.org/wiki/مصر_(دولة)",
    "https://fa.wikipedia.org/wiki/ایران،_کشور",
    "www.موقع.السعودية/صفحة",
    "https://example.com/search?q=مصر&page=2",
]


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("url", URLS)
def test_a_url_comes_out_as_it_went_in(profile, url):
    text = f"قال المتحدث ، انظر {url} للمزيد.التقى الوزير\n"
    cleaned = Pipeline.from_profile(profile).clean(text)
    assert url in cleaned


def test_the_text_around_a_url_is_still_cleaned():
    news = Pipeline.from_profile("news")
    # a closing bracket the URL did not open ends it: the word glued after it gets its space
    # (fabric-fa-whatis.md: `[کتابخانه etcd](https://coreos.com/etcd/)از`)
    assert news.clean("مبنی بر [کتابخانه etcd](https://coreos.com/etcd/)از پروتکل\n") == (
        "مبنی بر [کتابخانه etcd](https://coreos.com/etcd/) از پروتکل\n"
    )
    assert news.clean("قال ، انظر https://example.com/خبر.\n") == "قال، انظر https://example.com/خبر.\n"
    # a URL's letters still tell its line's language: this line stays Persian in an Arabic block
    line = "ایمیل: ali@example.com و سایت: https://fa.wikipedia.org/wiki/ایران،_کشور"
    block = f"قال المتحدث باسم الوزارة إن الاجتماع انتهى\n{line}\n"
    assert news.clean(block) == block


def test_url_spans_take_off_what_is_not_the_urls():
    text = "(https://example.com/x)از و https://ar.wikipedia.org/wiki/مصر_(دولة)). و www.a.com/b،"
    assert [text[start:end] for start, end in url_spans(text)] == [
        "https://example.com/x",
        "https://ar.wikipedia.org/wiki/مصر_(دولة)",
        "www.a.com/b",
    ]
    assert url_spans("a :// b و www. c") == []
    assert keeping_urls(str.upper)("a :// b") == "A :// B"


@given(real_pieces, st.sampled_from(URLS), real_pieces)
def test_a_url_in_any_text_comes_out_as_it_went_in(before, url, after):
    # Spaced from its neighbours, as text writes a URL; what is glued to it is its own.
    cleaned = Pipeline.from_profile("news").clean(f"{before} {url} {after}")
    assert url in cleaned


def _plain_url_spans(text):
    # What url_spans finds with str.find and an anchored match, found the plain way: one
    # pattern tried at every position.
    import re

    from newsclean.protect import _ENDS_A_SENTENCE, _before_a_bracket_it_did_not_open

    spans = []
    for url in re.finditer(r"""\b(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s<>"'«»“”]+""", text):
        start, end = url.span()
        end = _before_a_bracket_it_did_not_open(text, start, end)
        spans.append((start, start + len(text[start:end].rstrip(_ENDS_A_SENTENCE))))
    return spans


URL_PIECES = [*URLS, "://", "www.", "www", "http", "x1", "1", ":", "/", ".", ")", "(", "]", "«", " ", "\n", "،", "_"]


@given(st.lists(st.sampled_from(URL_PIECES) | real_pieces, max_size=12).map("".join))
# (CI's run found the first: the `w` after `_` starts no word, the `h` of the scheme does.)
@example(f"_www.{URLS[0]}")
@example("xwww. www.a ab.www.https://q 1.https://x _xhttps://x.com")
def test_url_spans_find_what_the_plain_pattern_finds(text):
    assert url_spans(text) == _plain_url_spans(text)
