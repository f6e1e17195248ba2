import os
import stat

import pytest
from typer.testing import CliRunner

from newsclean import __version__
from newsclean.cli import app
from newsclean.registry import REGISTRY

DIRTY = "خبر\u00a0عاجل  اليوم\u200b \r\n\r\n\r\nتفاصيل\u200f الخبر"
CLEAN = "خبر عاجل اليوم\n\nتفاصيل الخبر\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # keep config discovery inside the test folder
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"newsclean {__version__}\n"


def test_cleaners_table_goes_to_stdout(run):
    result = run("cleaners")
    assert result.exit_code == 0 and result.stderr == ""
    assert "whitespace" in result.stdout and "invisible" in result.stdout and "news" in result.stdout


def test_clean_file_to_stdout(run, tmp_path):
    path = write(tmp_path / "a.txt", DIRTY)
    result = run("clean", str(path))
    assert result.exit_code == 0
    assert result.stdout_bytes == CLEAN.encode()
    assert result.stderr == ""  # a filter that succeeded says nothing
    assert path.read_bytes() == DIRTY.encode()


def test_a_filter_that_succeeded_is_quiet_and_one_that_failed_is_not(run, tmp_path):
    assert run("clean", input=DIRTY).stderr == ""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff")
    result = run("clean", "--encoding", "utf-8", str(bad))
    assert result.exit_code == 2 and "cannot decode" in result.stderr and "1 failed" in result.stderr


def test_clean_stdin_with_no_path_and_with_dash(run):
    assert run("clean", input=DIRTY).stdout == CLEAN
    assert run("clean", "-", input=DIRTY).stdout == CLEAN


def test_files_come_out_in_the_order_given(run, tmp_path):
    b = write(tmp_path / "b.txt", "second\n")
    a = write(tmp_path / "a.txt", "first\n")
    assert run("clean", "-q", str(b), str(a)).stdout == "second\nfirst\n"


def test_check_reports_and_exits_1_without_writing(run, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    tidy = write(tmp_path / "tidy.txt", CLEAN)
    result = run("clean", "--check", str(tmp_path))
    assert result.exit_code == 1
    assert f"would clean: {dirty}" in result.stderr and str(tidy) not in result.stderr
    assert result.stdout == ""
    assert dirty.read_bytes() == DIRTY.encode()


def test_check_passes_on_clean_files(run, tmp_path):
    write(tmp_path / "tidy.txt", CLEAN)
    assert run("clean", "--check", str(tmp_path)).exit_code == 0


def test_in_place_rewrites_changed_files_only(run, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    tidy = write(tmp_path / "tidy.txt", CLEAN)
    os.utime(tidy, (1_000_000, 1_000_000))
    result = run("clean", "-i", str(tmp_path))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"Fixing {dirty}" in result.stderr
    assert dirty.read_text() == CLEAN
    assert tidy.stat().st_mtime == 1_000_000
    assert sorted(os.listdir(tmp_path)) == [".git", "dirty.txt", "tidy.txt"]


def test_diff_prints_a_unified_diff_writes_nothing_and_exits_1(run, tmp_path):
    path = write(tmp_path / "a.txt", "one  two\nthree\n")
    result = run("clean", "--diff", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:5] == [f"--- a/{path}", f"+++ b/{path}", "@@ -1,2 +1,2 @@", "-one  two", "+one two"]
    assert path.read_text() == "one  two\nthree\n"


def test_output_dir_mirrors_relative_paths(run, tmp_path):
    write(tmp_path / "in" / "x" / "a.txt", DIRTY)
    write(tmp_path / "single.txt", DIRTY)
    result = run("clean", "-o", str(tmp_path / "out"), str(tmp_path / "in"), str(tmp_path / "single.txt"))
    assert result.exit_code == 0
    assert (tmp_path / "out" / "x" / "a.txt").read_text() == CLEAN
    assert (tmp_path / "out" / "single.txt").read_text() == CLEAN
    assert (tmp_path / "in" / "x" / "a.txt").read_bytes() == DIRTY.encode()


def test_output_dir_inside_an_input_tree_is_refused(run, tmp_path):
    write(tmp_path / "in" / "a.txt", DIRTY)
    result = run("clean", "-o", str(tmp_path / "in" / "out"), str(tmp_path / "in"))
    assert result.exit_code == 2
    assert "is inside the input folder" in result.stderr
    assert not (tmp_path / "in" / "out").exists()


def test_modes_are_exclusive(run, tmp_path):
    result = run("clean", "--check", "-i", str(write(tmp_path / "a.txt", "a\n")))
    assert result.exit_code == 2 and "choose one of" in result.stderr


@pytest.mark.parametrize("flags", [["--diff"], ["--check", "--diff"]])
def test_diff_with_or_without_check_exits_like_check(run, tmp_path, flags):
    clean, dirty = write(tmp_path / "clean.txt", "a\n"), write(tmp_path / "dirty.txt", "a  b\n")
    assert run("clean", *flags, str(clean)).exit_code == 0
    result = run("clean", *flags, str(clean), str(dirty))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- a/{dirty}\n+++ b/{dirty}\n@@ -1 +1 @@\n-a  b\n+a b\n")
    assert dirty.read_text() == "a  b\n"


def test_a_file_that_only_changes_encoding_is_in_the_diff_as_in_check(run, tmp_path):
    # windows-1256 text that needs no cleaning: -i rewrites it (as UTF-8), so --check says it
    # would change, and --diff shows it, saying why when no line changes.
    text = "قال المتحدث في المؤتمر إن الوزير سيزور المنطقة\n"
    path = write(tmp_path / "a.txt", text, "cp1256")
    assert run("clean", "--check", str(path)).exit_code == 1
    result = run("clean", "--diff", str(path))
    assert result.exit_code == 1
    assert result.stdout == f"# encoding: cp1256 -> utf-8\n--- a/{path}\n+++ b/{path}\n"
    assert path.read_bytes() == text.encode("cp1256")
    dirty = write(tmp_path / "b.txt", text.replace(" ", "  ", 1), "cp1256")
    assert run("clean", "--diff", str(dirty)).stdout.startswith(f"# encoding: cp1256 -> utf-8\n--- a/{dirty}\n")
    bom = write(tmp_path / "c.txt", "\ufeff" + text)
    assert run("clean", "--diff", str(bom)).stdout.startswith("# byte order mark removed\n")


@pytest.mark.parametrize("flag", ["--only", "--skip"])
def test_unknown_cleaner_is_a_usage_error_listing_valid_ones(run, flag):
    result = run("clean", flag, "whitespace,htmll", input="x")
    assert result.exit_code == 2
    assert f"unknown cleaner 'htmll'; valid cleaners: {', '.join(REGISTRY)}" in result.stderr


def test_only_and_skip(run):
    assert run("clean", "--only", "invisible", input="a\u200bb  c\n").stdout == "ab  c\n"
    assert run("clean", "--skip", "whitespace", input="a\u200bb  c").stdout == "ab  c"


def test_unknown_profile(run):
    result = run("clean", "-p", "loud", input="x")
    assert result.exit_code == 2 and "unknown profile 'loud'" in result.stderr


def test_stats_counts_changes_per_cleaner(run):
    result = run("clean", "--stats", input="a\u200bb\nc  d\n")
    assert "invisible" in result.stderr and "lines changed" in result.stderr
    assert result.stdout == "ab\nc d\n"


def test_quiet_prints_no_summary(run, tmp_path):
    path = write(tmp_path / "a.txt", DIRTY)
    result = run("clean", "-q", "-i", str(path))
    assert result.stderr == ""


def test_windows_1256_and_utf16_come_out_as_utf8(run, tmp_path):
    text = "وكان رئيس بيلاروسيا أعلن الشهر الماضي أن نشر الأسلحة قد تم في أكتوبر/تشرين الأول.\n" * 5
    cp = write(tmp_path / "cp.txt", text, "cp1256")
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(text.encode("utf-16"))
    result = run("clean", "-q", str(cp), str(u16))
    assert result.exit_code == 0 and result.stdout_bytes == (text * 2).encode("utf-8")
    assert run("clean", "-i", "-q", str(cp)).exit_code == 0
    assert cp.read_bytes() == text.encode("utf-8")


def test_binary_file_named_is_a_warning_and_exit_2(run, tmp_path):
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = write(tmp_path / "good.txt", DIRTY)
    result = run("clean", str(png), str(good))
    assert result.exit_code == 2
    assert f"{png}: skipped, looks binary" in result.stderr
    assert result.stdout == CLEAN


@pytest.mark.parametrize("name", ["data.tsv", "data.csv"])
def test_a_table_is_not_cleaned_as_prose_unless_asked(run, tmp_path, name):
    # Cleaned as prose, a tab became a space and a comma between Arabic words `،`: the columns
    # of a dataset (arman-text-emotion is a TSV of tweet, tab, label) ran together.
    separator = "\t" if name.endswith(".tsv") else ","
    text = f"خیلی کوچیک هستن{separator}SAD\nقال المتحدث{separator}متن دوم\n"
    table = write(tmp_path / name, text)
    for mode in ([], ["-i"], ["--check"]):
        result = run("clean", *mode, str(table))
        assert result.exit_code == 2 and result.stdout == ""
        assert f"{table}: tabular data, not cleaned" in result.stderr and "--format text" in result.stderr
    assert table.read_text("utf-8").count(separator) == 2
    asked = run("clean", "--format", "text", str(table))
    assert asked.exit_code == 0 and asked.stdout == run("clean", input=text).stdout  # as prose


# What each kind lost as prose: a SubRip file its italics (`<i>`, stripped as stray HTML) and
# an ASS file the RLE ... PDF that turn each Arabic cue right to left in a player
# (bakie-saker/Subtitles: SpongeBob in SubRip, Last Samurai Standing in ASS); a scraper's JSON
# record its JSON (the <p> in a string became line breaks, which JSON forbids there); a saved
# page its body's tags, its head kept (neither a page nor its text, and with -i the page gone).
_SUBTITLES = "1\n00:00:25,158 --> 00:00:28,362\n<i>تقول الأسطورة،</i>\n\u202bتقدّموا!\u202c\n"
_RECORD = '{"id":2,"title":"(تقرير)","html":"<p>نص</p>&amp;"}\n'
_PAGE = '<!DOCTYPE html>\n<html dir="rtl"><head><title>خبر</title></head>\n<body><p>قال المتحدث ، إن</p></body></html>\n'
NOT_PROSE = [
    ("cues.srt", _SUBTITLES, "subtitles"),
    ("cues.ass", _SUBTITLES, "subtitles"),
    ("records.jsonl", _RECORD, "JSON"),
    ("article.json", _RECORD, "JSON"),
    ("page.html", _PAGE, "an HTML page"),
    ("page.htm", _PAGE, "an HTML page"),
]


@pytest.mark.parametrize(("name", "text", "kind"), NOT_PROSE, ids=[name for name, _, _ in NOT_PROSE])
def test_a_file_that_is_not_prose_is_not_cleaned_unless_asked(run, tmp_path, name, text, kind):
    path = write(tmp_path / name, text)
    for mode in ([], ["-i"], ["--check"]):
        result = run("clean", *mode, str(path))
        assert result.exit_code == 2 and result.stdout == ""
        assert f"{path}: {kind}, not cleaned" in result.stderr and "--format text" in result.stderr
    assert path.read_text("utf-8") == text
    asked = run("clean", "--format", "text", str(path))
    assert asked.exit_code == 0 and asked.stdout == run("clean", input=text).stdout  # as prose


def test_binary_file_found_by_walking_is_skipped_silently(run, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02")
    write(tmp_path / "good.txt", DIRTY)
    result = run("clean", "-i", str(tmp_path))
    assert result.exit_code == 0
    assert "looks binary" not in result.stderr and "1 skipped" in result.stderr


def test_undecodable_file_is_named_with_offset_and_others_go_on(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine  text\n\xff\xfe broken")
    good = write(tmp_path / "good.txt", DIRTY)
    result = run("clean", "-i", "--encoding", "utf-8", str(bad), str(good))
    assert result.exit_code == 2
    error_lines = [line for line in result.stderr.splitlines() if "error" in line]
    assert error_lines == [f"newsclean: error: {bad}: cannot decode byte 0xff at offset 11 as utf-8; "
                           "pass the right --encoding (for example --encoding windows-1256); file left untouched"]
    assert bad.read_bytes() == b"fine  text\n\xff\xfe broken"
    assert good.read_text() == CLEAN


def test_read_only_file_is_left_alone_with_a_clear_message(run, tmp_path):
    path = write(tmp_path / "ro.txt", DIRTY)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    result = run("clean", "-i", str(path))
    assert result.exit_code == 2
    assert f"{path}: read-only, not rewritten; make it writable" in result.stderr
    assert path.read_bytes() == DIRTY.encode()


def test_missing_path_is_an_error_and_the_rest_go_on(run, tmp_path):
    good = write(tmp_path / "good.txt", DIRTY)
    result = run("clean", str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 2
    assert "missing.txt: no such file or folder" in result.stderr
    assert result.stdout == CLEAN


def test_config_file_is_read_and_flags_override_it(run, tmp_path):
    (tmp_path / "newsclean.toml").write_text('skip = ["whitespace"]\n')
    assert run("clean", input="a\u200bb  c").stdout == "ab  c"
    assert run("clean", "--skip", "invisible", input="a\u200bb  c").stdout == "a\u200bb c\n"


def test_bad_config_is_one_line_and_exit_2(run, tmp_path):
    (tmp_path / "newsclean.toml").write_text("colour = 1\n")
    result = run("clean", input="x")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("newsclean: error: ") and "unknown key 'colour'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_detect_prints_encoding_confidence_and_line_ends(run, tmp_path):
    write(tmp_path / "a.txt", "سلام\r\nدنیا\r\n")
    write(tmp_path / "b.txt", "وكان رئيس بيلاروسيا أعلن الشهر الماضي\n" * 5, "cp1256")
    write(tmp_path / "c.txt", "قال المتحدث في المؤتمر إن الوزير سيزور المنطقة\nاو گفت که این کتاب است\n")
    result = run("detect", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'a.txt'}\tutf-8\t1.00\tfa\tCRLF",
        f"{tmp_path / 'b.txt'}\tcp1256\t1.00\tar\tLF",
        f"{tmp_path / 'c.txt'}\tutf-8\t1.00\tar+fa\tLF",
    ]


def test_cleaners_shows_the_three_profiles(run):
    result = run("cleaners")
    for profile in ("news", "search", "minimal"):
        assert profile in result.stdout


def test_lang_flag_forces_the_language(run):
    assert run("clean", "--lang", "ar", input="مستوی\n").stdout == "مستوى\n"
    assert run("clean", "--lang", "fa", input="كتاب\n").stdout == "کتاب\n"


def test_bad_lang_is_a_usage_error(run):
    result = run("clean", "--lang", "ur", input="x")
    assert result.exit_code == 2
    assert "cleaner 'arabic': lang must be one of auto, ar, fa" in result.stderr


def test_search_and_minimal_profiles(run):
    text = "قال&nbsp;المتحدثُ إنّ «النتيجة» /p> جمييييل ٢٠٢٤ CNN\n"
    assert run("clean", "-p", "search", input=text).stdout == "قال المتحدث ان «النتيجه» جميل 2024 cnn\n"
    assert run("clean", "-p", "minimal", input=text).stdout == "قال المتحدثُ إنّ «النتيجة» /p> جمييييل ٢٠٢٤ CNN\n"


def test_markdown_files_are_cleaned_as_markdown_and_format_text_forces_text(run, tmp_path):
    text = "قال  ، إن\n\n```\nx  =  1\n```\n"
    md = write(tmp_path / "a.md", text)
    assert run("clean", "-q", str(md)).stdout == "قال، إن\n\n```\nx  =  1\n```\n"
    assert run("clean", "-q", "--format", "text", str(md)).stdout == "قال، إن\n\n```\nx = 1\n```\n"
    assert run("clean", "-q", "--format", "markdown", input=text).stdout == "قال، إن\n\n```\nx  =  1\n```\n"


def test_unknown_format_is_a_usage_error(run):
    result = run("clean", "--format", "rst", input="x")
    assert result.exit_code == 2 and "unknown format 'rst'; choose one of auto, text, markdown" in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_keep_the_output_in_input_order(run, tmp_path, jobs):
    paths = [write(tmp_path / f"{name}.txt", f"خبر  رقم {name}\u200b\n" * 50) for name in "edcba"]
    result = run("clean", "-q", "-j", jobs, *map(str, paths))
    assert result.exit_code == 0
    assert result.stdout == "".join(f"خبر رقم {name}\n" * 50 for name in "edcba")


def test_jobs_in_place_with_stats_and_a_failure(run, tmp_path):
    for index in range(6):
        write(tmp_path / f"{index}.txt", DIRTY)
    (tmp_path / "bad.txt").write_bytes(b"ok\n\xff\xfe")
    result = run("clean", "-i", "-j", "2", "--stats", "--encoding", "utf-8", str(tmp_path))
    assert result.exit_code == 2
    assert "bad.txt: cannot decode byte 0xff" in result.stderr
    assert all((tmp_path / f"{index}.txt").read_text() == CLEAN for index in range(6))
    assert "7 files: 6 changed, 0 unchanged, 1 failed (" in result.stderr
    assert "whitespace" in result.stderr and "lines changed" in result.stderr


def test_jobs_must_be_positive(run):
    result = run("clean", "-j", "0", input="x")
    assert result.exit_code == 2 and "--jobs takes a whole number of 1 or more" in result.stderr


def test_check_on_stdin(run):
    assert run("clean", "--check", "-q", input="a  b\n").exit_code == 1
    assert run("clean", "--check", "-q", input="a b\n").exit_code == 0


def test_progress_moves_with_the_bytes_of_a_large_file(tmp_path):
    # One 96 MB file showed 0/1 for 18 s: the bar now follows the bytes read.
    import io as std_io

    from rich.console import Console

    from newsclean.io import clean_path
    from newsclean.report import PROGRESS_MIN_BYTES, Reporter

    path = write(tmp_path / "big.txt", DIRTY * 60_000)  # 2.7 MB, read in 256 KB chunks
    reads = []
    clean_path(path, mode="check", on_read=reads.append)
    assert len(reads) > 5 and sum(reads) == path.stat().st_size

    screen = std_io.StringIO()
    reporter = Reporter(console=Console(file=screen, force_terminal=True, width=120))
    with reporter.progress(1, PROGRESS_MIN_BYTES * 2) as progress:
        progress.read(PROGRESS_MIN_BYTES)
    assert "0/1 files" in screen.getvalue() and "52.4" in screen.getvalue()


def test_the_summary_fits_80_columns_and_says_would_change_in_check_mode(run, tmp_path):
    for index in range(12):
        write(tmp_path / "many" / f"{index}.txt", DIRTY if index % 2 else CLEAN)
    write(tmp_path / "many" / "binary.txt", "a\0b")
    result = run("clean", "--check", str(tmp_path / "many"))
    (summary,) = [line for line in result.stderr.splitlines() if line.startswith("13 files")]
    assert summary.startswith("13 files: 6 would change, 6 unchanged, 1 skipped (")
    assert len(summary) <= 80
