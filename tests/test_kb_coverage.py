"""Fact coverage (``bot.kb.coverage``): a fact heading no entry answers fails ``dxbot kb check`` with a clear line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.kb.checks import check_kb
from bot.kb.coverage import (
    COVERAGE_FILE,
    FACTS_ENV,
    coverage_findings,
    coverage_problems,
    fold_heading,
    load_coverage,
    markdown_headings,
)
from bot.kb.factsheet import sheet_tokens, states
from bot.kb.loader import DEFAULT_KB_DIR, parse_kb
from bot.kb.sourcing import SEED_ARTICLE

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
    (directory / "facts").mkdir(parents=True, exist_ok=True)
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


DAY_ITEM = '[[fact.item]]\nfact = "10 October every year"\nsays = ["10/10"]\nentries = ["ngay-cds"]\n\n'
BOTH = (fact("Three pillars", "ba-tru-cot")
        + fact("National Digital Transformation Day — Decision 505/QĐ-TTg (22 April 2022)", "ngay-cds") + DAY_ITEM)


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



# --- fact level: each fact's tokens must be stated by the answers listed for it --------------------------------

DAY = "National Digital Transformation Day — Decision 505/QĐ-TTg (22 April 2022)"


def item(says: str, *entries: str, label: str = "the day") -> str:
    listed = ", ".join(f'"{e}"' for e in entries)
    return f'[[fact.item]]\nfact = "{label}"\nsays = {says}\nentries = [{listed}]\n\n'


def day_kb(tmp_path: Path, items: str, answer: str = "Ngày 10/10 hằng năm.") -> Path:
    """The two-entry KB with the day entry's answer replaced and ``items`` under the 505 heading."""
    directory = kb_dir(tmp_path, fact("Three pillars", "ba-tru-cot") + fact(DAY, "ngay-cds") + items)
    kb_file = directory / "kb.toml"
    kb_file.write_text(kb_file.read_text(encoding="utf-8").replace("Ngày 10/10 hằng năm.", answer, 1),
                       encoding="utf-8")
    return directory


def test_answer_that_drops_a_listed_token_fails_naming_fact_entry_and_token(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    items = item('["10/10", "505/QĐ-TTg"]', "ngay-cds", label="10/10 by Decision 505")
    assert check_kb(day_kb(tmp_path, items, "Ngày 10/10 hằng năm, theo Quyết định 505/QĐ-TTg."),
                    today=TODAY) == []
    problems = check_kb(day_kb(tmp_path, items, "Ngày 10/10 hằng năm."), today=TODAY)
    assert problems == [f"coverage.toml: fact '10/10 by Decision 505' ({DAY}): the answer of 'ngay-cds' "
                        "does not state '505/QĐ-TTg'"]


@pytest.mark.parametrize(("answer", "says", "stated"), [
    ("có 17.273 tài khoản", '["17273"]', True),
    ("có 17,273 tài khoản", '["17.273"]', True),
    ("có 17273 tài khoản", '["17.273"]', True),
    ("phủ 99,3 % thôn bản", '["99.3%"]', True),
    ("ngày 03/06/2020", '["3/6/2020"]', True),
    ("ngày 10 tháng 10 hằng năm", '["10/10"]', True),
    ("có 174 tài khoản", '["74"]', False),
    ("năm 2074", '["74"]', False),
    ("tỷ lệ 74,5%", '["74"]', False),
    ("4.222 tỷ đồng", '["4,22"]', False),
    ("năm thứ ba", '[["năm thứ 3", "năm thứ ba"]]', True),
    ("năm thứ tư", '[["năm thứ 3", "năm thứ ba"]]', False),
])
def test_tokens_match_in_any_written_form_and_only_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        answer: str, says: str, stated: bool) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    problems = check_kb(day_kb(tmp_path, item(says, "ngay-cds"), answer), today=TODAY)
    assert (problems == []) is stated, problems


def test_fact_without_entries_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    problems = check_kb(day_kb(tmp_path, item('["Vũ Đức Đam"]', label="signed by Vũ Đức Đam")), today=TODAY)
    assert problems == [f"coverage.toml: fact 'signed by Vũ Đức Đam' ({DAY}) is stated by no entry: add it to "
                        "the answer a citizen asking would expect, and list that entry"]


@pytest.mark.parametrize("bad", [
    '[[fact.item]]\nsays = []\nentries = ["ngay-cds"]\n',
    '[[fact.item]]\nsays = "10/10"\nentries = ["ngay-cds"]\n',
    '[[fact.item]]\nsays = [["10/10", 3]]\nentries = ["ngay-cds"]\n',
    '[[fact.skip]]\ntoken = "80,000"\n',
])
def test_malformed_items_and_skips_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    problems = check_kb(day_kb(tmp_path, bad), today=TODAY)
    assert any("item #1 needs" in p or "[[fact.skip]] needs" in p for p in problems), problems


def test_live_sheet_figure_no_item_says_fails_until_mapped_or_skipped(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = tmp_path / "dx-facts.md"
    extra = "- signed by Deputy PM Vũ Đức Đam; 27,218 teams **[single]** — https://x.vn/a-99\n"
    sheet.write_text(FACT_SHEET.replace("- 10 October every year\n", "- 10 October every year\n" + extra),
                     encoding="utf-8")
    monkeypatch.setenv(FACTS_ENV, str(sheet))
    problems = check_kb(day_kb(tmp_path, DAY_ITEM), today=TODAY)
    assert [p.split(": ")[2].split(" (")[0] for p in problems] == ["'27,218'", "'Vũ Đức Đam'"], problems
    assert all("is not mapped" in p for p in problems)
    mapped = DAY_ITEM + item('["Vũ Đức Đam", "27.218"]', "ngay-cds", label="signer")
    answer = "Ngày 10/10 hằng năm; Phó Thủ tướng Vũ Đức Đam ký; 27218 tổ."
    assert check_kb(day_kb(tmp_path, mapped, answer), today=TODAY) == []
    skipped = DAY_ITEM + ('[[fact.skip]]\ntoken = "27,218"\nwhy = "not ours"\n\n'
                          '[[fact.skip]]\ntoken = "Vũ Đức Đam"\nwhy = "not ours"\n\n')
    assert check_kb(day_kb(tmp_path, skipped), today=TODAY) == []


def test_seed_article_tokens_must_be_mapped_by_seed_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    seed_fact = ('[[fact]]\nheading = "Founding article"\norigin = "seed"\n\n'
                 + item('["10/10"]', "ngay-cds", label="the day in the article"))
    directory = day_kb(tmp_path, DAY_ITEM + seed_fact)
    (directory.parent / "sources").mkdir()
    (directory.parent / "sources" / SEED_ARTICLE.name).write_text(
        "Thủ tướng quyết định ngày 10 tháng 10 là Ngày Chuyển đổi số quốc gia. Có 55 bài toán.\n", encoding="utf-8")
    problems = check_kb(directory, today=TODAY)
    assert len(problems) == 1 and "seed article: '55'" in problems[0], problems


def test_every_listed_fact_fails_when_its_answer_drops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mutation test over the shipped KB: remove one stated token from one listed answer, the check names it.

    Each mutant is judged with its own fact alone (all of that fact's items): ``coverage_findings`` judges each fact
    on its own, so the other facts could only add lines, never take this one away, and judging all 102 items again
    for each of ~100 mutants made the test quadratic (8.7-14 s)."""
    monkeypatch.delenv(FACTS_ENV, raising=False)
    problems: list[str] = []
    facts = load_coverage(DEFAULT_KB_DIR / COVERAGE_FILE, problems)
    entries, _ = parse_kb(DEFAULT_KB_DIR)
    answers = {e.id: e.answer for e in entries}
    assert facts and not problems and coverage_findings(facts, answers, None) == []
    checked = 0
    for declared in facts:
        for fact_item in declared.items:
            entry_id, group = fact_item.entries[0], fact_item.says[0]
            dropped = answers[entry_id]
            for token in group:
                dropped = re.sub(re.escape(token), "…", dropped, flags=re.IGNORECASE)
            if any(states(dropped, token) for token in group):
                continue  # stated in another written form too (17.273 and 17273): not a fair mutation
            found = coverage_findings([declared], {**answers, entry_id: dropped}, None)
            assert any(f"the answer of {entry_id!r} does not state" in p and fact_item.fact in p for p in found), \
                (fact_item.fact, entry_id)
            checked += 1
    assert checked >= 90


def test_real_kb_declares_facts_at_item_level(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FACTS_ENV, raising=False)
    facts = load_coverage(DEFAULT_KB_DIR / COVERAGE_FILE, [])
    assert facts
    assert all(f.items for f in facts), [f.heading for f in facts if not f.items]
    assert sum(len(f.items) for f in facts) >= 90


@pytest.mark.parametrize(("line", "tokens"), [
    ("Approved by PM Nguyễn Xuân Phúc on 3/6/2020: \"Chương trình X\" **[confirmed]** — https://a.vn/b-749.html",
     ["Chương trình X", "3/6/2020", "Nguyễn Xuân Phúc"]),
    ("10 October every year; signed by Deputy PM Vũ Đức Đam", ["10/10", "Vũ Đức Đam"]),
    ("Decree 55/2025/NĐ-CP, 2/3/2025, effective 1/3/2025", ["55/2025/NĐ-CP", "2/3/2025", "1/3/2025"]),
    ("Vietnam 71st of 193, up 15 places; \"very high\" group", ["71", "193", "15"]),
    ("By 12/2023: 15,349 (74 in 2018), 99.3 % of villages", ["99.3 %", "12/2023", "15,349", "74"]),
])
def test_sheet_tokens(line: str, tokens: list[str]) -> None:
    assert sheet_tokens(line) == tokens
