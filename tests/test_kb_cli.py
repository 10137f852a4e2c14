"""``dxbot ask`` / ``dxbot kb check|unanswered``: direct calls through argparse and one real subprocess."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from bot.kb import record_unanswered
from bot.kb.cli import register

REPO = Path(__file__).resolve().parents[1]
GOOD = Path(__file__).parent / "fixtures" / "kb" / "good"


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        stdin: str = "") -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="dxbot")
    register(parser.add_subparsers(dest="command", required=True))
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    args = parser.parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_single(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "--json", "--kb", str(GOOD), "ngay cds la ngay nao"], monkeypatch, capsys)
    assert code == 0
    [line] = out.splitlines()
    data = json.loads(line)
    assert data["entry"] == "ngay-cds-la-ngay-nao" and data["confident"] is True and data["kind"] == "confident"
    assert "Nguồn:" in data["answer"] and isinstance(data["score"], float)
    assert data["sources"][0]["url"].startswith("https://") and data["choices"] == []


def test_ask_json_batch_one_line_per_question(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    stdin = "cds la gi\ngiá vàng hôm nay\n\nchuye63n d9o63i so61 la2 gi2\n"
    code, out, _ = run(["ask", "--json", "--kb", str(GOOD)], monkeypatch, capsys, stdin)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 4
    assert [r["entry"] for r in rows] == ["chuyen-doi-so-la-gi", None, None, "chuyen-doi-so-la-gi"]
    assert rows[1]["kind"] == "unknown" and len(rows[1]["choices"]) == 3 and rows[1]["confident"] is False


def test_ask_json_marks_a_redirect_out_of_scope(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Round 14: a reply from one of the KB's redirect entries (topic ``ngoai-pham-vi``) says ``out_of_scope``
    and stays ``confident`` (the contract); its choices are the closest in-scope entries. An in-scope answer and
    the out-of-scope apology keep what they said."""
    stdin = "Số điện thoại tổng đài hỗ trợ VNeID là số mấy\nNgày chuyển đổi số quốc gia là ngày nào\ngiá vàng hôm nay\n"
    code, out, _ = run(["ask", "--json"], monkeypatch, capsys, stdin)
    assert code == 0
    redirect, inside, apology = (json.loads(line) for line in out.splitlines())
    assert redirect["entry"] == "npv-so-dien-thoai-tong-dai" and redirect["confident"] is True
    assert redirect["out_of_scope"] is True and redirect["kind"] == "confident" and len(redirect["choices"]) == 3
    assert not any(e.startswith("npv-") for e in redirect["choice_entries"])
    assert inside["confident"] is True and inside["out_of_scope"] is False and inside["choices"] == []
    assert apology["confident"] is False and apology["entry"] is None


def test_ask_plain_batch_keeps_one_line_per_answer(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "--kb", str(GOOD)], monkeypatch, capsys, "cds la gi\nxổ số\n")
    assert code == 0 and len(out.splitlines()) == 2


def test_kb_check(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(["kb", "check", "--kb", str(GOOD), "--today", "2026-11-27"], monkeypatch, capsys)
    assert (code, out.strip()) == (0, "kb check: OK")
    (tmp_path / "bad.toml").write_text('[[entry]]\nid = "x"\n', encoding="utf-8")
    code, _, err = run(["kb", "check", "--kb", str(tmp_path)], monkeypatch, capsys)
    assert code == 1 and "missing field 'topic'" in err


def test_kb_unanswered(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                       redis_client: redis.Redis) -> None:
    for _ in range(2):
        record_unanswered(redis_client, "Giá vàng?")
    url = redis_client.connection_pool.connection_kwargs
    monkeypatch.setenv("REDIS_URL", f"redis://{url['host']}:{url['port']}/{url.get('db', 0)}")
    code, out, _ = run(["kb", "unanswered", "--limit", "5"], monkeypatch, capsys)
    assert code == 0 and out.split() == ["2", "gia", "vang"]
    monkeypatch.delenv("REDIS_URL")
    code, _, err = run(["kb", "unanswered"], monkeypatch, capsys)
    assert code == 2 and "REDIS_URL" in err


def test_ask_subprocess() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot.kb.cli", "ask", "--json", "--kb", str(GOOD)],
        input="cds la gi\nthời tiết hà nội\n", capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["confident"] for r in rows] == [True, False]
