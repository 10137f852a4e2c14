"""Fact coverage (``bot.kb.coverage``): a fact heading no entry answers fails ``dxbot kb check`` with a clear line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.kb.checks import check_kb
from bot.kb.coverage import (
    COVERAGE_FILE,
    FACTS_ENV,
    coverage_problems,
    fold_heading,
    load_coverage,
    markdown_headings,
)
from bot.kb.loader import DEFAULT_KB_DIR, parse_kb

TODAY = dt.date(2026, 12, 1)
ENTRY = '''[[entry]]
id = "{ident}"
topic = "ngay-cds"
title = "{title}"
questions = ["{question}"]
answer = """Ngày 10/10 hằng năm."""
verified = 2026-11-30
kind = "history"
[[entry.sources]]
title = "Lấy ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia"
publisher = "Báo Điện tử Chính phủ"
url = "https://baochinhphu.vn/ngay-10-10.htm"
date = 2022-04-22
quote = "Lấy ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia"

'''
FACT_SHEET = """# Digital-transformation facts

## Three pillars
- Digital government, digital economy, digital society

## National Digital Transformation Day — Decision 505/QĐ-TTg (22 April 2022)
- 10 October every year
### not a section heading
"""


def kb_dir(tmp_path: Path, coverage: str | None) -> Path:
    """A two-entry KB; ``coverage`` is the text of its facts/coverage.toml (None: no file)."""
    directory = tmp_path / "kb"
    (directory / "facts").mkdir(parents=True)
    body = (ENTRY.format(ident="ngay-cds", title="Ngày Chuyển đổi số quốc gia là ngày nào?",
                         question="ngày chuyển đổi số quốc gia là ngày nào")
            + ENTRY.format(ident="ba-tru-cot", title="Ba trụ cột của chuyển đổi số là gì?",
                           question="ba trụ cột chuyển đổi số gồm những gì"))
    (directory / "kb.toml").write_text(body, encoding="utf-8")
    if coverage is not None:
        (directory / COVERAGE_FILE).write_text(coverage, encoding="utf-8")
    return directory


def fact(heading: str, *entries: str) -> str:
    listed = ", ".join(f'"{e}"' for e in entries)
    return f'[[fact]]\nheading = "{heading}"\nentries = [{listed}]\n\n'


BOTH = (fact("Three pillars", "ba-tru-cot")
        + fact("National Digital Transformation Day — Decision 505/QĐ-TTg (22 April 2022)", "ngay-cds"))


def test_covered_kb_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    assert check_kb(kb_dir(tmp_path, BOTH), today=TODAY) == []


def test_heading_without_entry_fails_with_a_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    coverage = fact("Three pillars", "ba-tru-cot") + fact("Yearly themes")
    problems = check_kb(kb_dir(tmp_path, coverage), today=TODAY)
    assert problems == ["coverage.toml: fact 'Yearly themes' is answered by no entry "
                        "(add an entry that answers it and list its id under 'entries')"]


def test_unknown_entry_id_does_not_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    problems = check_kb(kb_dir(tmp_path, fact("Three pillars", "ba-tru-cot-typo")), today=TODAY)
    assert "coverage.toml: fact 'Three pillars' names entry 'ba-tru-cot-typo', which does not exist" in problems
    assert any("'Three pillars' is answered by no entry" in p for p in problems)


def test_live_fact_sheet_heading_missing_from_the_copy_fails(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = tmp_path / "dx-facts.md"
    sheet.write_text(FACT_SHEET + "\n## Ministry change\n- merged on 1/3/2025\n", encoding="utf-8")
    monkeypatch.setenv(FACTS_ENV, str(sheet))
    problems = check_kb(kb_dir(tmp_path, BOTH), today=TODAY)
    assert problems == ["coverage.toml: dx-facts heading 'Ministry change' is not listed: add a [[fact]] for it "
                        "with the entries that answer it"]


def test_live_fact_sheet_in_sync_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = tmp_path / "dx-facts.md"
    sheet.write_text(FACT_SHEET, encoding="utf-8")
    monkeypatch.setenv(FACTS_ENV, str(sheet))
    assert check_kb(kb_dir(tmp_path, BOTH), today=TODAY) == []


def test_unreadable_fact_sheet_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FACTS_ENV, str(tmp_path / "missing.md"))
    problems = check_kb(kb_dir(tmp_path, BOTH), today=TODAY)
    assert len(problems) == 1 and problems[0].startswith(f"{FACTS_ENV}=") and "cannot read" in problems[0]


def test_kb_without_coverage_file_has_no_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    assert check_kb(kb_dir(tmp_path, None), today=TODAY) == []


@pytest.mark.parametrize(("text", "needle"), [
    ("[[fact]]\nentries = [\"ngay-cds\"]\n", "fact #1 has no heading"),
    ("[[fact]]\nheading = \"Three pillars\"\nentries = \"ba-tru-cot\"\n", "'entries' must be a list"),
    ("[[fact]]\nheading = \"Three pillars\"\nentries = [\"ba-tru-cot\"]\norigin = \"blog\"\n", "origin must be"),
    ("fact = 3\n", "'fact' must be an array"),
    ("[[fact]\n", "not readable TOML"),
    (BOTH + fact("three  PILLARS", "ba-tru-cot"), "listed twice"),
])
def test_malformed_coverage_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                                      needle: str) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    problems = check_kb(kb_dir(tmp_path, text), today=TODAY)
    assert any(needle in p for p in problems), problems


def test_markdown_headings_are_level_two_only() -> None:
    assert markdown_headings(FACT_SHEET) == [
        "Three pillars", "National Digital Transformation Day — Decision 505/QĐ-TTg (22 April 2022)"]
    assert fold_heading("Zalo OA “Chuyển đổi số quốc gia”") == fold_heading('zalo  OA "Chuyển đổi số quốc gia"')


def test_real_kb_covers_every_declared_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped coverage file exists, lists every dx-facts heading it copied, and each has an entry."""
    monkeypatch.delenv(FACTS_ENV, raising=False)
    problems: list[str] = []
    facts = load_coverage(DEFAULT_KB_DIR / COVERAGE_FILE, problems)
    assert facts and not problems
    assert len([f for f in facts if f.origin == "dx-facts"]) >= 12
    entries, _ = parse_kb(DEFAULT_KB_DIR)
    assert coverage_problems(entries, DEFAULT_KB_DIR) == []

