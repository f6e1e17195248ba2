"""Real processes: pipes, stdin, head, in-place writes, Ctrl-C."""

import os
import signal
import subprocess
import sys
import time


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
    deadline = time.monotonic() + 60
    while not any(name.endswith(".newsclean") for name in os.listdir(tmp_path)):
        assert time.monotonic() < deadline and process.poll() is None, "never started writing"
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert os.listdir(tmp_path) == ["big.txt"]
    assert path.read_bytes() == original
