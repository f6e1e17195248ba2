from hypothesis import given

from newsclean.cleaners.separators import dedupe_separators, drop_repeated_rule
from newsclean.cleaners.whitespace import fix_whitespace
from newsclean.pipeline import Pipeline
from tests.cleaners.contract import contract
from tests.strategies import soup

CASES = [
    # the seed article's last two lines
    ("ناشر | وكالة أنباء فارس |\n|", "ناشر | وكالة أنباء فارس\n"),
    # runs of the same separator become one, spaced as the first one was
    ("أخبار | | | سياسة\n", "أخبار | سياسة\n"),
    ("أخبار || سياسة\n", "أخبار | سياسة\n"),
    ("أخبار|||سياسة\n", "أخبار|سياسة\n"),
    ("رياضة • • • كرة\n", "رياضة • كرة\n"),
    ("رياضة ••• كرة\n", "رياضة • كرة\n"),
    ("a ¦ ¦ b │ │ c\n", "a ¦ b │ c\n"),
    ("a ► ► b\n", "a ► b\n"),
    ("عنوان - - - تفاصيل\n", "عنوان - تفاصيل\n"),
    ("عنوان — — تفاصيل\n", "عنوان — تفاصيل\n"),
    # dangling bars at the ends of a line
    ("نص |\n", "نص\n"),
    ("نص ||  \n", "نص\n"),
    ("| نص\n", "نص\n"),
    ("  │ نص\n", "  نص\n"),
    ("| | نص | |\n", "نص\n"),
    # lines of nothing but separators go
    ("نص\n|\nنص\n", "نص\nنص\n"),
    ("نص\n | | \nنص\n", "نص\nنص\n"),
    ("نص\n• • •\nنص\n", "نص\nنص\n"),
    ("نص\n•••\n", "نص\n"),
    ("نص\n- - -\n", "نص\n"),
    ("نص\n—\n", "نص\n"),
    ("نص\n| • ¦\n", "نص\n"),
    # the same rule repeated, directly or with blank lines between, is kept once
    ("-----\n-----\nنص\n", "-----\nنص\n"),
    ("نص\n*****\n\n\n*****\n", "نص\n*****\n\n\n"),
    ("=====\n|\n=====\n", "=====\n"),
    # CRLF lines keep their line ends
    ("نص |\r\n|\r\nنص\r\n", "نص\r\nنص\r\n"),
]

UNCHANGED = [
    "| a | b |\n|---|:---:|\n| 1 | 2 |\n",
    "a | b\n--|--\n1 | 2\n",
    "| عمود |\n| --- |\n| قيمة |\n",
    "| a | b |\n",
    "---\ntitle: خبر\ndate: 2024-01-01\n---\nنص\n",
    "عنوان\n=====\n\nفقرة\n",
    "عنوان فرعي\n----------\n",
    "-----\nنص\n-----\n",
    "===\n---\n",
    "if (a || b) return x||y;\n",
    "من 1990 - 2000 وحتى -5 درجات، 10 - 3 = 7\n",
    "a well-known --flag and x-ray\n",
    "• أول\n• ثاني\n- ثالث\n▪ رابع\n◦ خامس\n► سادس\n",
    "ناشر | وكالة أنباء فارس\n",
    "l·l and a · b\n",
    "نص عادي\n",
    "--\n",
    # a straight face ends many Persian tweets (Arman-Rayan-Sharif/arman-text-emotion): its bar
    # is a mouth, not a dangling separator
    "وای ترسناکی شد یهو :|",
    "گرفتم بلاکش کنم :||",
    "نمیتونم تمومش کنم :-| =|",
    # a tweet's ornaments and pictures (shapes of Arabic tweets, motazsaad/arabic-sentiment-analysis):
    # separators beside an emoji, a dingbat, box drawing or an ASCII stroke
    "♡ • • • • نص ♥ • • • #وسم",
    "❥✿•┈┈• •°{ 💔 }°• •┈┈•✿❥ نص",
    "نص جميل 💕 |",
    "| 💛 نص",
    "📌 ❌••【 نص 】••❌",
    "وا 🤨 ,_\\// _\\| | ) )-\\ \\ _|,|_| | #وسم",
    "نص 😍 - - - - 🎁 نص",
]

layout = soup(
    ["|", " | ", "||", "•", " • ", "-", " - ", "---", "-----", "===", "\n", "\n\n",
                     "نص", "a", "1", " ", ":---:", "|---|", "¦", "—"],
    max_size=30,
)
test_fixes, test_leaves_alone, test_never_raises_and_is_idempotent = contract(dedupe_separators, CASES, UNCHANGED, layout)


def test_seed_article_ending_through_the_pipeline():
    seed_end = "المجالات. المناطق.\nناشر | وكالة أنباء فارس |\n|"
    assert Pipeline.from_profile("news").clean(seed_end) == "المجالات. المناطق.\nناشر | وكالة أنباء فارس\n"


def test_repeated_rule_across_blank_lines_through_the_pipeline():
    text = "نص\n\n-----\n\n\n-----\n\nنص آخر\n"
    assert Pipeline.from_profile("news").clean(text) == "نص\n\n-----\n\nنص آخر\n"


def test_drop_repeated_rule_needs_a_rule_before():
    assert drop_repeated_rule("", "-----\n") == "-----\n"
    assert drop_repeated_rule("=====", "-----\n") == "-----\n"







@given(layout)
def test_pipeline_matches_the_function_on_whole_documents(text):
    # Blocks split at blank lines; the rule that reaches across them must give the same text.
    expected = fix_whitespace(dedupe_separators(text))
    assert Pipeline(["separators", "whitespace"]).clean(text) == expected
