"""The ``reisparse`` command: JSON Lines out, one-line errors, exit codes 0/2/3/4, the worst code wins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reisparse.cli import main
from tests.support.builders import make_image

CORPUS = Path(__file__).parent / "corpus"
REPORT = CORPUS / "nl-reisverslag-clean" / "source.txt"
REGISTER = CORPUS / "register-page-text" / "source.txt"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reisparse", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_it_prints_one_json_line_per_trip(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2026-11-28", str(REPORT), str(REGISTER)]) == 0

    lines = capsys.readouterr().out.splitlines()
    reports = [json.loads(line) for line in lines]
    assert [r["source"]["trip_index"] for r in reports] == [0, 0, 1, 2]
    assert {r["schema"] for r in reports} == {"reisparse.report/1"}


def test_it_indents_with_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--pretty", str(REPORT)]) == 0

    out = capsys.readouterr().out
    assert out.startswith('{\n  "schema": "reisparse.report/1"')


def test_it_marks_the_sections_in_the_normalised_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--text", str(REPORT)]) == 0

    out = capsys.readouterr().out
    assert "=== [duration] ===\nHOELANG DUURDE DE REIS?" in out
    assert out.count("=== [") >= 4


def test_it_prints_a_summary_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--table", str(REGISTER)]) == 0

    out = capsys.readouterr().out
    assert "nl-reisregister" in out
    assert "3 trip(s) from 1 file(s)" in out


def test_it_reads_every_file_in_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(REPORT.read_bytes())
    (tmp_path / "b.md").write_bytes(REPORT.read_bytes())

    assert main([str(tmp_path)]) == 0

    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_bad_file_gets_one_line_naming_it_and_the_others_still_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    code = main([str(junk), str(REPORT), str(empty)])

    captured = capsys.readouterr()
    assert code == 3
    assert len(captured.out.splitlines()) == 1
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"reisparse: {junk}: ")
    assert errors[1] == f"reisparse: {empty}: empty file"


def test_a_missing_file_is_exit_code_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/verslag.pdf"]) == 3
    assert capsys.readouterr().err == "reisparse: /nonexistent/verslag.pdf: no such file\n"


def test_a_file_over_the_size_limit_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--max-size", "100", str(REPORT)]) == 3
    assert "over the limit" in capsys.readouterr().err


def test_usage_errors_are_exit_code_2() -> None:
    result = _run("--no-such-option")

    assert result.returncode == 2
    assert "usage: reisparse" in result.stderr


def test_it_exits_4_when_a_scan_needs_ocr_and_tesseract_is_missing(tmp_path: Path) -> None:
    image = tmp_path / "scan.png"
    image.write_bytes(make_image("Reisverslag"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # A PATH with python but without tesseract.
    (bin_dir / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": str(bin_dir)}

    result = _run(str(image), str(REPORT), env=env)

    assert result.returncode == 4
    assert result.stderr.startswith(f"reisparse: {image}: ")
    assert "tesseract" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_the_worst_exit_code_wins(tmp_path: Path) -> None:
    image = tmp_path / "scan.png"
    image.write_bytes(make_image("Reisverslag"))
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    env = {**os.environ, "PATH": str(tmp_path)}

    result = _run(str(junk), str(image), env=env)

    assert result.returncode == 4
    assert len(result.stderr.splitlines()) == 2
