from hypothesis import given
from hypothesis import strategies as st

from newsclean.cleaners.punctuation import fix_punctuation
from tests.cleaners.contract import contract
from tests.strategies import soup

CASES = [
    # no space before closing marks, none after opening ones (Arabic)
    ("قال ، إن", "قال، إن"),
    ("قال ؛ إن", "قال؛ إن"),
    ("قال : إن", "قال: إن"),
    ("انتهى الاجتماع .", "انتهى الاجتماع."),
    ("هل حضر ؟", "هل حضر؟"),
    ("رائع !", "رائع!"),
    ("( نص )", "(نص)"),
    ("[ نص ]", "[نص]"),
    ("« نص »", "«نص»"),
    ("“ نص ”", "“نص”"),
    ('قال " نص " هنا', 'قال "نص" هنا'),
    # a space after a mark glued to the next Arabic-script word
    ("البلدين.التقى", "البلدين. التقى"),
    ("قال،إن", "قال، إن"),
    ("هل حضر؟نعم", "هل حضر؟ نعم"),
    ("ملاحظة:النص", "ملاحظة: النص"),
    # Latin , ; ? between Arabic-script words become Arabic marks
    ("هل حضر?", "هل حضر؟"),
    ("هل حضر ?", "هل حضر؟"),
    ("هل حضر ? ", "هل حضر؟ "),  # the line's trailing space does not make it stand alone
    # a quote after a run of marks, or a Latin mark, is spaced as after the one mark it becomes
    ('رائع!!!"نص"', 'رائع! "نص"'),
    ('قال,"نص"', 'قال، "نص"'),
    ("قال, إن", "قال، إن"),
    ("قال,إن", "قال، إن"),
    ("أولا; ثانيا", "أولا؛ ثانيا"),
    ('"هل حضر?"', '"هل حضر؟"'),
    # repeats
    ("رائع!!!", "رائع!"),
    ("حقا؟؟؟", "حقا؟"),
    ("حقا??", "حقا؟"),
    ("قال،، إن", "قال، إن"),
    ("انتظر....", "انتظر..."),
    ("ماذا؟؟!!", "ماذا؟!"),
    # quotes and brackets glued to a neighbouring Arabic word get a space; styles never swap
    ("قال“نص”", "قال “نص”"),
    ("قال«نص»وقال", "قال «نص» وقال"),
    ('قال"نص"هنا', 'قال "نص" هنا'),
    ("كلمة(تفسير)", "كلمة (تفسير)"),
    ("قال:“نص”", "قال: “نص”"),
    # a one-letter proclitic stays glued to its quote, after another quote too
    ('شركتي"موديز"و"فيتش" للتصنيف', 'شركتي "موديز" و"فيتش" للتصنيف'),
    # quotes pair up line by line: an odd line does not hold back its neighbours
    ('قال "نص\nفي "إسرائيل"إضافة', 'قال "نص\nفي "إسرائيل" إضافة'),
    # curly quotes: in Arabic script ” opens as often as “; the side comes from the place
    ("قال ”نص“ثم", "قال ”نص“ ثم"),
    ("قال”نص” ثم", "قال ”نص” ثم"),
    # digits in brackets follow the rule of letters
    ("عدد ( 45 ) و ( أ )", "عدد (45) و (أ)"),
    ("عدد ( ١٢ )", "عدد (١٢)"),
    ("كلمة ( 1 )", "كلمة (1)"),
    # repeated marks after a closing quote or bracket, as after a word
    ('"تاريخي"!!! و رائع!!!', '"تاريخي"! و رائع!'),
    ("(نعم)؟؟", "(نعم)؟"),
    # Persian follows the same rules with Persian marks
    ("می\u200cگوید ، که", "می\u200cگوید، که"),
    ("آیا آمد?", "آیا آمد؟"),
    ("گفت:«این»", "گفت: «این»"),
    ("خوب است!!!", "خوب است!"),
    # mixed lines: only the Arabic part changes
    ("He said: hello , world. قال ، إن", "He said: hello , world. قال، إن"),
    # the quote is spaced from the marks as they stay: once, not on a second cleaning (a tweet,
    # motazsaad/arabic-sentiment-analysis)
    ('يسالونك عن ..\"وطني الكويت\" ! قل لهم', 'يسالونك عن.. \"وطني الكويت\" ! قل لهم'),
]

UNCHANGED = [
    # a tab starts a column (a table's cell): the rules around marks and brackets leave it
    "الاسم\t، القيمة",
    "قال،\tإن",
    "الاسم\t(القيمة)",
    # Persian years: هجری شمسی and قمری, abbreviated after a stretched ه
    "در سال ۱۴۰۲ هـ.ش و ۱۴۴۵ هـ.ق",
    "سال ۱۴۰۲ ه\u200d.ش",  # the joining form shown by a ZWJ
    # Uyghur writes a case suffix after a closing quote (UD_Uyghur-UDT, CC BY-SA 4.0)
    "ئىمائىي «مۇقىمسىزلىق»نى كەلتۈرۈپ چىقىرىشى",
    # `:(` may be a face: the space after the bracket stays, and none is put between them
    "قال تعالى:( يثبت الله الذين آمنوا)",
    "e.g. U.S. 3.14 1,000 10:30 example.com ?q=1 C++ ...",
    "Hello , world ( x ) !!! ?? ..",
    "قال...",
    "قال…",
    "هل؟!",
    "قال!?",
    "العدد ١,٥ و 1,5 و 3.14",
    "الساعة 10:30 يوم 2024.01.02",
    "سلام ?q=1 و https://example.com/a?b=c",
    "موقع example.com و user@example.com",
    "“حكومة الاتحاد” أدى إلى “شراكتهما الاستراتيجية”",
    "«نص» و“نص” و\"نص\"",
    'قال "a "b',  # pairs that are not Arabic are left alone
    'قال "نص',  # an odd number of straight quotes: no sure pairs
    "C++ and C# code; a, b? c!",
    "نص عادي بلا علامات",
    "موقع العربية.نت و مصراوي.كوم",
    'تابعة لـ"داعش" و بـ(نص)',  # a tatweel holds the prefix apart on purpose
    # quotes: a nested or unpaired one makes the whole line unsure; sides shown by spacing stay
    'دعا "المجلس" إلى دعم "الخطة "الجديدة" فورا',
    'قال"نص "هنا',
    "وصفها بـ”الخطوة المهمة”",
    "وصفها بـ”الخطوة المهمة“ أمس",
    "«ما يسمى ”الحل“»",
    # question marks standing for lost characters, and faces, stay
    "بعد از ?? روز",
    "نص ?? نص و نص || نص",
    "رائع ;) جدا :) و :-( هنا",
    # abbreviations of one letter and a dot
    "ساعت ۱۰ ق.ظ و ۱۳۹۹ ه.ش و ص.ب ١٢ و د.محمد",
    # `..` is a pause in Gulf papers, not a full stop
    "انتهى..",
    "قال.. ثم ذهب",
    # a plural suffix in brackets belongs to its word
    "واژه(ها) را",
    "الكلمة(ات)",
    # a reference glued to what it cites: text copied from Wikipedia (an Arabic article on the
    # Kuiper belt and one on the car industry, as pasted into two public repositories)
    "تمتد من عند كوكب نبتون إلى ما يقارب 55 و.ف بعيدة عن الشمس.[1] وهو مشابه لحزام الكويكبات",
    "وأضخم منه بما بين 20 و200 مرة.[2][3] وكما حزام الكويكبات",
    "منها 2.4 مليون في الشرق الأوسط.[2] ويوجد الآن حوالي 806 مليون مركبة",
    # a range of verses glued to its sura (a tweet, motazsaad/arabic-sentiment-analysis)
    "*عشائيات* *صلاةالمغرب*سورة الحاقة[١٣-٣٧] 📽*مرئي*",
    # and Persian Wikipedia's "citation needed", as apps and seed data copy its articles
    "امین حیایی در ۱۹ خرداد ۱۳۴۹ در تهران در محله قیطریه[نیازمند منبع] به دنیا آمد",
    "حدود ۸۳۰ ترانه در آلبومها و سبکهای مختلف به چشم میخورد.[نیازمند منبع] و از این هشتصد و سی آهنگ",
    # a suffix of one or two letters after a bracket or quote belongs to what it closes
    "کۆمەڵەی (الاتحاد و الترقی)ی و (خۆیبوون)دا",
    'حزب "المجاهدين"ی و (کتاب)ها',
    # tweets (motazsaad/arabic-sentiment-analysis): an ellipsis spaced apart is the author's,
    # and a run of marks glued to a number keeps the space that parts it from the word before
    "كان الهاتف مربوطا بسلك . . كان البشر أكثر",
    "وقد ترفع رخيصا .. .. #تطوير_الذات",
    "قبل رمضان ..2019/1440 أنا",
]

punctuated = soup(
    ["قال", "می\u200cگوید", "abc", "12", "١٢", " ", "  ", "،", ",", "?", "؟", "!", ".", "..",
                     "...", ":", ";", "؛", "(", ")", "«", "»", "“", "”", '"', "\n"],
    max_size=25,
)
test_fixes, test_leaves_alone, test_never_raises_and_is_idempotent = contract(fix_punctuation, CASES, UNCHANGED, punctuated)


def test_spaced_ellipsis_loses_the_space_before_it():
    assert fix_punctuation("قال ... إن") == "قال... إن"




@given(st.text(alphabet=st.characters(max_codepoint=0x24F), max_size=200))
def test_latin_only_text_passes_through_unchanged(text):
    assert fix_punctuation(text) == text





quoted_lines = soup(['"', "“", "”", "قال", "نص", "و", " ", "\u00a0", "(", ")", "«", "»", ".", "،", "a", "\r", "ـ"], max_size=20)


@given(quoted_lines)
def test_the_quote_gate_flags_every_line_the_quote_rule_changes(line):
    """The scan that picks the lines for the rules, pinned to the quote rule itself."""
    from newsclean.cleaners.punctuation import _NEEDS_A_LOOK, _fix_quotes

    if _fix_quotes(line) != line:
        assert _NEEDS_A_LOOK.search(line)
