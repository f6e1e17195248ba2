"""Real processes: pipes, stdin, head, in-place writes, Ctrl-C."""

import os
import signal
import subprocess
import sys
import time

import pytest

LINE = "وقال بوتين\u00a0في هذا الاجتماع  الذي انعقد في المجلس الأعلى\u200b لحكومة الاتحاد \n"
NEWSCLEAN = [sys.executable, "-m", "newsclean"]


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, timeout=120, **kwargs)


def test_stdin_to_stdout_through_a_pipe():
    result = run([*NEWSCLEAN, "clean", "-q"], input=LINE.encode() * 3)
    assert result.returncode == 0
    assert result.stdout.decode() == LINE.replace("\u00a0", " ").replace("  ", " ").replace("\u200b", "").replace(" \n", "\n") * 3
    assert result.stderr == b""


def test_piping_into_head_ends_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(LINE * 200_000)
    script = f'"{sys.executable}" -m newsclean clean "{big}" | head -n 2; echo "status=${{PIPESTATUS[0]}}" >&2'
    result = run(["bash", "-c", script])
    assert result.stdout.decode().count("\n") == 2
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and "Error" not in stderr
    assert "status=0" in stderr


def test_in_place_with_a_real_process(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(LINE)
    result = run([*NEWSCLEAN, "clean", "-i", str(path)])
    assert result.returncode == 0
    assert f"Fixing {path}" in result.stderr.decode()
    assert run([*NEWSCLEAN, "clean", "--check", str(path)]).returncode == 0


def test_console_script_is_installed():
    result = run(["newsclean", "--version"])
    assert result.returncode == 0 and result.stdout.startswith(b"newsclean ")


def test_ctrl_c_during_in_place_leaves_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "big.txt"
    original = (LINE * 400_000).encode()
    path.write_bytes(original)
    process = subprocess.Popen([*NEWSCLEAN, "clean", "-i", str(path)], stderr=subprocess.PIPE)
    time.sleep(1.5)  # well into the file: it takes several seconds
    assert process.poll() is None, "finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert os.listdir(tmp_path) == ["big.txt"]
    assert path.read_bytes() == original


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.6])
def test_sigkill_during_an_in_place_batch_leaves_each_file_old_or_new(tmp_path, delay):
    originals = {}
    for index in range(24):
        path = tmp_path / f"{index:02}.txt"
        originals[path] = (LINE * (8_000 + 500 * index)).encode()
        path.write_bytes(originals[path])
    expected = LINE.replace("\u00a0", " ").replace("  ", " ").replace("\u200b", "").replace(" \n", "\n")
    process = subprocess.Popen([*NEWSCLEAN, "clean", "-i", "-q", "-j", "2", str(tmp_path)], start_new_session=True)
    time.sleep(delay)
    process.kill()
    process.wait(timeout=60)
    # The workers end with their parent (they lived on, blocked on a pipe, before).
    assert _group_ends(process.pid, within=5.0), "worker processes outlived their parent"
    for path, original in originals.items():
        content = path.read_bytes()
        assert content in (original, expected.encode() * (len(original) // len(LINE.encode()))), path
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in originals)


def _group_ends(group: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    os.killpg(group, signal.SIGKILL)  # (leave nothing behind either way)
    return False


def _communicate_or_kill(process, timeout):
    # A run that hangs (the bug these tests catch) must not outlive the test.
    try:
        return process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise


def _dirty_files(folder, count, lines):
    originals = {}
    for index in range(count):
        path = folder / f"{index:02}.txt"
        originals[path] = (LINE * lines).encode()
        path.write_bytes(originals[path])
    return originals


def test_ctrl_c_with_worker_processes_reports_what_was_done_and_exits_130_promptly(tmp_path):
    # One Ctrl-C took 8-17 s and 12 files were rewritten after it without being reported:
    # now the files the workers hold are finished and reported, the rest left alone.
    originals = _dirty_files(tmp_path, 60, 6_000)
    process = subprocess.Popen(
        [*NEWSCLEAN, "clean", "-i", "-j", "2", str(tmp_path)], stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(1.5)
    assert process.poll() is None, "finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
    interrupted = time.monotonic()
    _, stderr = _communicate_or_kill(process, 60)
    assert time.monotonic() - interrupted < 5
    assert process.returncode == 130
    text = stderr.decode()
    assert "Traceback" not in text and "interrupted:" in text
    reported = {line.removeprefix("Fixing ") for line in text.splitlines() if line.startswith("Fixing ")}
    rewritten = {str(path) for path, original in originals.items() if path.read_bytes() != original}
    assert reported == rewritten and 0 < len(rewritten) < len(originals)
    assert sorted(os.listdir(tmp_path)) == sorted(path.name for path in originals)
    assert _group_ends(process.pid, within=5.0)


def test_a_second_ctrl_c_ends_the_workers_at_once_and_no_file_is_half_written(tmp_path):
    originals = _dirty_files(tmp_path, 6, 200_000)  # some seconds per file
    expected = LINE.replace("\u00a0", " ").replace("  ", " ").replace("\u200b", "").replace(" \n", "\n")
    process = subprocess.Popen(
        [*NEWSCLEAN, "clean", "-i", "-q", "-j", "2", str(tmp_path)], stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(1.5)
    os.killpg(process.pid, signal.SIGINT)
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGINT)
    interrupted = time.monotonic()
    _, stderr = _communicate_or_kill(process, 60)
    assert time.monotonic() - interrupted < 2
    assert process.returncode == 130 and b"Traceback" not in stderr
    for path, original in originals.items():
        assert path.read_bytes() in (original, expected.encode() * 200_000), path
    assert sorted(os.listdir(tmp_path)) == sorted(path.name for path in originals)
    assert _group_ends(process.pid, within=5.0)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_on_stdout_is_one_line_that_names_stdout(tmp_path, jobs):
    # It crashed with -j 2, and blamed the file being cleaned with -j 1.
    _dirty_files(tmp_path, 3, 10)
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*NEWSCLEAN, "clean", "-j", jobs, str(tmp_path)], stdout=full, stderr=subprocess.PIPE, timeout=60
        )
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "newsclean: error: standard output: No space left on device; free some space or write elsewhere (-o DIR, -i)"
    ]


def test_stdin_with_a_bad_byte_deep_inside_writes_nothing():
    """The README promises nothing is written for an input that cannot be decoded: stdin too
    (its output is held back until it has all decoded; 2.6 MB here)."""
    data = ("قال  المتحدث في المؤتمر\n" * 60_000).encode("utf-8") + b"\xff tail\n"
    result = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "-j", "1"], input=data, capture_output=True
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"cannot decode byte 0xff at offset 2580000" in result.stderr.splitlines()[0]


def test_odd_file_names_are_cleaned_and_printed_escaped(tmp_path):
    """A name that is not UTF-8 and one holding a terminal escape: both cleaned, neither
    reaching the terminal raw (it would move the cursor or retitle the window)."""
    odd = os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt")
    with open(odd, "wb") as file:
        file.write("قال  المتحدث\n".encode())
    escape = tmp_path / "\x1b[2Jred.txt"
    escape.write_text("قال  المتحدث\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "-i", "-j", "1", str(tmp_path)], capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stderr and b"\\x1b[2Jred.txt" in result.stderr
    assert b"\\xff\\xfe.txt" in result.stderr
    assert open(odd, "rb").read() == "قال المتحدث\n".encode() and escape.read_text("utf-8") == "قال المتحدث\n"


@pytest.mark.parametrize("encoding", ["bz2", "zlib", "hex", "rot13", "unicode_escape", "base64"])
def test_an_encoding_that_is_no_text_encoding_is_refused_in_one_line(tmp_path, encoding):
    (tmp_path / "a.txt").write_text("قال\\المتحدث\n", "utf-8")
    for arguments, config in ((["--encoding", encoding], ""), ([], f'encoding = "{encoding}"\n')):
        (tmp_path / "newsclean.toml").write_text(config)
        result = subprocess.run(
            [sys.executable, "-m", "newsclean", "clean", "-i", *arguments, "a.txt"], capture_output=True, cwd=tmp_path
        )
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and b"is not a text encoding" in result.stderr
        assert (tmp_path / "a.txt").read_text("utf-8") == "قال\\المتحدث\n"


@pytest.mark.parametrize("character", ["\u200c", "\u064e"])
def test_a_file_of_only_joiners_or_marks_is_cut_and_cleaned_in_linear_time(tmp_path, character):
    """A line with nothing to cut it at is cut at the limit anyway: eight times the text in
    less than sixteen times the time (the cut walked back over the whole line and moved one
    character on, for every piece: 4 Mi ZWNJs took 15 s)."""
    times = []
    for characters in (512 * 1024, 4096 * 1024):
        path = tmp_path / f"{characters}.txt"
        path.write_text(character * characters, "utf-8")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "newsclean", "clean", "-q", str(path)], capture_output=True)
        times.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
    assert times[1] < 16 * times[0], times


def test_closed_standard_streams(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("قال  المتحدث\n", "utf-8")
    newsclean = [sys.executable, "-m", "newsclean", "clean"]
    # In place, stdin and stdout closed: the work is done.
    done = subprocess.run([*newsclean, "-i", "-q", str(path)], stdin=subprocess.DEVNULL, capture_output=False,
                          stdout=None, close_fds=True, preexec_fn=lambda: (os.close(0), os.close(1)))
    assert done.returncode == 0 and path.read_text("utf-8") == "قال المتحدث\n"
    # To stdout with stdout closed, or from a closed stdin: one line, exit 2.
    for arguments in ([str(path)], []):
        failed = subprocess.run([*newsclean, *arguments], stderr=subprocess.PIPE,
                                preexec_fn=lambda: (os.close(0), os.close(1)))
        assert failed.returncode == 2 and len(failed.stderr.splitlines()) == 1, failed.stderr


def test_detect_refuses_a_fifo_and_an_unreadable_file_in_one_line_each(tmp_path):
    # detect hung on a FIFO and printed a traceback for an unreadable file.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("قال المتحدث في المؤتمر\n", "utf-8")
    result = run([*NEWSCLEAN, "detect", str(fifo), str(tmp_path / "missing.txt"), str(good)])
    assert result.returncode == 2
    assert result.stdout.decode().startswith(f"{good}\tutf-8\t1.00\tar\tLF")
    errors = result.stderr.decode().splitlines()
    assert errors == [
        f"newsclean: error: {fifo}: not a regular file; name a text file or a folder",
        f"newsclean: error: {tmp_path / 'missing.txt'}: no such file or folder; check the path",
    ]


def test_cleaners_listing_goes_to_stdout_for_pagers_and_files():
    result = run([*NEWSCLEAN, "cleaners"])
    assert result.returncode == 0 and result.stderr == b""
    assert b"whitespace" in result.stdout and b"search" in result.stdout


def test_a_filter_that_succeeds_imports_only_what_it_uses():
    # Start-up is what a hook or an editor waits for (issue 19): cleaning one line from stdin
    # to stdout shows nothing, runs in one process and reads UTF-8, so it needs no rich, no
    # process pool, no encoding guesser, no Markdown parser, no Dask, no pydantic.
    program = (
        "import sys\n"
        "sys.argv = ['newsclean', 'clean']\n"
        "from newsclean._entry import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], input=b"x\n", capture_output=True, check=True)
    assert result.stdout == b"x\n"
    loaded = set(result.stderr.decode().split())
    assert {"typer", "newsclean.cli", "newsclean.cleaners.arabic"} <= loaded  # (the run did run)
    for heavy in ("rich", "multiprocessing", "concurrent.futures", "charset_normalizer", "markdown_it", "dask", "pydantic"):
        assert heavy not in loaded, heavy
