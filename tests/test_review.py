"""The review page: its model (attribution, spans, badges, caps), valid HTML, and a real
headless Chromium reading it (direction, highlights, filters, badges, no console errors)."""

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean import batch
from newsclean.cli import app
from newsclean.review import _marked

ROOT = Path(__file__).parents[1]
ZWSP_LINE = "خبر\u200bعاجل اليوم\n<b>x</b>  «مرحبا»\n"


def report_of(tmp_path, files, *flags):
    tree = tmp_path / "tree"
    for name, text in files.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text, "utf-8")
    page = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["clean", "--check", *flags, "--report", str(page), str(tree)])
    return result, page.read_text("utf-8")


def model_of(page: str) -> dict:
    start = page.index('<script type="application/json" id="model">') + len('<script type="application/json" id="model">')
    return json.loads(page[start : page.index("</script>", start)])


def is_valid_html(page: str) -> bool:
    import html5lib

    html5lib.HTMLParser(strict=True).parse(page)  # raises at the first parse error
    return True


def test_badges_and_highlights_show_what_changed():
    assert _marked("خبر\u200bعاجل", [(3, 4)], "del") == (
        'خبر<del class=hl><span class=badge title="U+200B ZERO WIDTH SPACE">ZWSP</span></del>عاجل'
    )
    assert _marked("a\u00a0b", [(1, 2)], "del") == 'a<del class=hl><span class=badge title="U+00A0 NO-BREAK SPACE">NBSP</span></del>b'
    assert _marked("ﻻ", [(0, 1)], "del").count("U+FEFB") == 2  # a presentation form: code point as label
    assert _marked("<b>", [(0, 3)], "del") == "<del class=hl>&lt;b&gt;</del>"


def test_the_model_attributes_each_change_and_counts_what_the_page_draws(tmp_path):
    result, page = report_of(tmp_path, {"a.txt": ZWSP_LINE, "clean.txt": "خبر عاجل\n"})
    assert result.exit_code == 1
    model = model_of(page)
    assert model["files"] == 2 and model["changed"] == 1 and model["unchanged"] == 1
    assert model["by_cleaner"] == {"invisible": 1, "html": 1, "whitespace": 1}
    assert page.count("<tr class=change ") == model["changes_shown"] == 3
    assert page.count("<del class=hl>") + page.count("<ins class=hl>") == model["highlights"]
    assert "ZWSP</span>" in page and 'dir=auto' in page
    assert is_valid_html(page)


def test_the_page_caps_the_changes_shown_per_file(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "REVIEW_CAP", 5)
    _, page = report_of(tmp_path, {"many.txt": "".join(f"سطر  {n}\n" for n in range(12))})
    model = model_of(page)
    assert model["changes"] == 12 and model["changes_shown"] == 5
    assert "7 more changes not shown" in page


def test_a_clean_tree_says_so_and_is_valid_html(tmp_path):
    result, page = report_of(tmp_path, {"a.txt": "خبر عاجل\n"})
    assert result.exit_code == 0
    assert "Nothing to change: every file is clean." in page
    assert is_valid_html(page)


def test_skipped_files_and_re_encoded_files_are_in_the_summary(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "binary.txt").write_bytes(b"a\0b")
    (tree / "old.txt").write_bytes("قال المتحدث في المؤتمر إن الوزير  سيزور المنطقة\n".encode("cp1256"))
    page = tmp_path / "review.html"
    CliRunner().invoke(app, ["clean", "--check", "--report", str(page), str(tree)])
    text = page.read_text("utf-8")
    assert "skipped</strong>: " in text and "looks binary" in text
    assert "cp1256 &rarr; utf-8" in text
    assert model_of(text)["encodings"] == {str(tree / "old.txt"): "cp1256"}


def test_the_report_works_on_stdin_and_with_in_place(tmp_path):
    page = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["clean", "--report", str(page)], input=ZWSP_LINE)
    assert result.exit_code == 0 and result.stdout == "خبرعاجل اليوم\nx «مرحبا»\n"
    assert model_of(page.read_text("utf-8"))["changes_shown"] == 3
    path = tmp_path / "a.txt"
    path.write_text(ZWSP_LINE, "utf-8")
    CliRunner().invoke(app, ["clean", "-i", "--report", str(page), str(path)])
    assert path.read_text("utf-8") == "خبرعاجل اليوم\nx «مرحبا»\n"
    assert model_of(page.read_text("utf-8"))["changes_shown"] == 3


def test_check_says_how_to_get_the_report(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ZWSP_LINE, "utf-8")
    result = CliRunner().invoke(app, ["clean", "--check", str(path)])
    assert "add --report review.html" in result.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Chromium and chromedriver are not installed (.ci/run installs them)")
def test_a_real_browser_reads_the_page_right(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    real = {path.name: path.read_text("utf-8") for path in sorted((ROOT / "samples").glob("*.txt")) if ".expected" not in path.name}
    _, page = report_of(tmp_path, {**real, "zwsp.txt": ZWSP_LINE})
    model = model_of(page)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,1800"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    try:
        driver.get((tmp_path / "review.html").as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "tr.change")
        assert len(rows) == model["changes_shown"]
        assert len(driver.find_elements(By.CSS_SELECTOR, "del.hl, ins.hl")) == model["highlights"]
        arabic = next(e for e in driver.find_elements(By.CSS_SELECTOR, ".text.after") if "ال" in e.text)
        assert driver.execute_script("return getComputedStyle(arguments[0]).direction", arabic) == "rtl"
        badge = next(e for e in driver.find_elements(By.CSS_SELECTOR, ".badge") if e.text == "ZWSP")
        driver.execute_script("arguments[0].scrollIntoView()", badge)
        assert badge.is_displayed() and badge.size["width"] > 10
        artifacts = Path(os.environ.get("NEWSCLEAN_ARTIFACTS", ROOT / "test-artifacts"))
        artifacts.mkdir(exist_ok=True)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(artifacts / "review.png"))

        def shown(cleaner):
            return [row.is_displayed() for row in driver.find_elements(By.CSS_SELECTOR, f'tr[data-cleaner="{cleaner}"]')]

        box = driver.find_element(By.CSS_SELECTOR, '.cleaner-filter[value="arabic"]')
        driver.execute_script("arguments[0].scrollIntoView()", box)
        box.click()
        assert shown("arabic") and not any(shown("arabic"))
        assert all(shown("whitespace"))
        box.click()
        assert all(shown("arabic"))
        select = driver.find_element(By.ID, "file-filter")
        Select(select).select_by_visible_text(str(tmp_path / "tree" / "zwsp.txt"))
        visible = [a.get_attribute("data-file") for a in driver.find_elements(By.CSS_SELECTOR, "article.file") if a.is_displayed()]
        assert visible == [str(tmp_path / "tree" / "zwsp.txt")]
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
    finally:
        driver.quit()
