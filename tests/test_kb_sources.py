"""``dxbot kb check`` source and review rules: each rule has a fixture that fails it with a clear line."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
from pathlib import Path

import pytest

from bot.kb import load_kb
from bot.kb.checks import check_kb, review_due
from bot.kb.cli import register
from bot.kb.review import add_months, due_for_review
from bot.kb.sourcing import SEED_ARTICLE, looks_vietnamese, quote_in

TODAY = dt.date(2026, 12, 1)
SEED_QUOTE = "tổng hợp và công bố 55 bài toán chuyển đổi số của các bộ, ngành và địa phương"
GOOD_SOURCE = {
    "title": "Lấy ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia",
    "publisher": "Báo Điện tử Chính phủ",
    "url": "https://baochinhphu.vn/ngay-10-10.htm",
    "date": "2022-04-22",
    "quote": "Lấy ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia",
}


def toml_value(value: str) -> str:
    """A bare TOML date for YYYY-MM-DD, a quoted string otherwise."""
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else json.dumps(value, ensure_ascii=False)


def entry(ident: str = "ngay-cds", *, kind: str | None = "procedure", verified: str = "2026-11-30",
          review_by: str | None = "2027-11-30", sources: list[dict[str, str]] | None = None,
          title: str = "Ngày Chuyển đổi số quốc gia là ngày nào?") -> str:
    """One valid entry (check passes) unless a field is overridden; ``None`` drops a field."""
    lines = ["[[entry]]", f'id = "{ident}"', 'topic = "ngay-cds"', f'title = "{title}"',
             f'questions = ["{title.lower()}"]', 'answer = """Ngày 10/10 hằng năm."""', f"verified = {verified}"]
    if kind is not None:
        lines.append(f'kind = "{kind}"')
    if review_by is not None:
        lines.append(f"review_by = {toml_value(review_by)}")
    for source in sources if sources is not None else [GOOD_SOURCE]:
        lines.append("[[entry.sources]]")
        lines += [f"{key} = {toml_value(value)}" for key, value in source.items()]
    return "\n".join(lines) + "\n\n"


def source(**changes: str | None) -> dict[str, str]:
    merged = {**GOOD_SOURCE, **changes}
    return {k: v for k, v in merged.items() if v is not None}


def write(tmp_path: Path, body: str) -> Path:
    directory = tmp_path / "kb"
    directory.mkdir(exist_ok=True)
    (directory / "kb.toml").write_text(body, encoding="utf-8")
    return directory


def test_valid_fixture_passes(tmp_path: Path) -> None:
    body = (entry() + entry("lich-su", kind="history", review_by=None, title="Quyết định 505 là gì?")
            + entry("bai-toan", kind="history", review_by=None, title="Có bao nhiêu bài toán chuyển đổi số?",
                    sources=[source(url="https://c63.mic.gov.vn/", quote=SEED_QUOTE,
                                    title="Chuyển đổi số trước tiên là chuyển đổi nhận thức",
                                    publisher="Sở Thông tin và Truyền thông")]))
    assert check_kb(write(tmp_path, body), today=TODAY) == []


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (entry(sources=[source(title=None)]), "source #1 has no title"),
        (entry(sources=[source(publisher=None)]), "source #1 has no publisher"),
        (entry(sources=[source(publisher="  ")]), "source #1 has no publisher"),
        (entry(sources=[source(date=None)]), "source #1 has no date"),
        (entry(sources=[source(date="tháng 4/2022")]), "date must be a TOML date"),
        (entry(sources=[source(quote=None)]), "source #1 has no quote"),
        (entry(sources=[source(quote="chữ " * 100)]), "quote is 399 characters (at most 300"),
        (entry(sources=[source(title="Vietnam names October 10 as National Digital Transformation Day")]),
         "is not Vietnamese"),
        (entry(sources=[source(title="National DX Day", lang="en")]), "has lang = \"en\" but no 'why'"),
        (entry(sources=[source(lang="fr")]), "lang must be one of vi, en"),
        (entry(sources=[source(url="https://c63.mic.gov.vn/", quote="Có 63 bài toán chuyển đổi số")]),
         "c63.mic.gov.vn is cited for a quote the only text we have of it"),
        (entry(sources=[source(url="https://t63.mic.gov.vn/", quote=SEED_QUOTE,
                               title="Kênh Chuyển đổi số quốc gia trên Zalo")]),
         "t63.mic.gov.vn is the old ministry's site, not the Zalo channel"),
        (entry(sources=[source(url="https://t63.mic.gov.vn/", quote=SEED_QUOTE, publisher="Zalo OA")]),
         "not the Zalo channel"),
        (entry(kind=None), "kind must be one of history, procedure, ranking, office, channel (missing field"),
        (entry(kind="fact"), "kind must be one of history, procedure, ranking, office, channel (got 'fact')"),
        (entry(review_by=None), "kind 'procedure' needs 'review_by' = verified + 12 months (review_by = 2027-11-30)"),
        (entry(kind="ranking"), "later than verified + 6 months for kind 'ranking' (at most 2027-05-30)"),
        (entry(kind="office", review_by="2027-06-01"), "at most 2027-05-30"),
        (entry(review_by="2026-11-30"), "must come after verified"),
        (entry(kind="history"), "kind 'history' is never reviewed: remove 'review_by'"),
        (entry(review_by="2027-11"), "'review_by' must be a TOML date"),
        (entry(verified="2026-12-02", review_by="2027-12-02"), "verified date 2026-12-02 is in the future"),
        (entry(sources=[source(extra="x")]), "source #1 has an unknown field 'extra'"),
    ],
)
def test_each_rule_fails_with_a_clear_line(tmp_path: Path, body: str, needle: str) -> None:
    problems = check_kb(write(tmp_path, body), today=TODAY)
    assert any(needle in p and "kb.toml: entry 'ngay-cds'" in p for p in problems), problems


def test_english_only_source_is_allowed_with_a_reason(tmp_path: Path) -> None:
    english = source(title="E-Government Survey 2024 United Nations", lang="en",
                     why="Báo cáo gốc của Liên Hợp Quốc chỉ có tiếng Anh")
    assert check_kb(write(tmp_path, entry(sources=[english])), today=TODAY) == []


def test_problems_name_the_source_url(tmp_path: Path) -> None:
    body = entry(sources=[GOOD_SOURCE, source(url="https://t63.mic.gov.vn/", quote="không có trong bài")])
    [problem] = check_kb(write(tmp_path, body), today=TODAY)
    assert "source #2 (https://t63.mic.gov.vn/)" in problem


def test_entry_with_editorial_problems_still_answers(tmp_path: Path) -> None:
    """A missing quote fails the check, but citizens keep getting the answer meanwhile."""
    kb = load_kb(write(tmp_path, entry(kind=None, sources=[source(quote=None, date=None)])))
    assert kb.answer("ngày chuyển đổi số quốc gia là ngày nào?").entry == "ngay-cds"


def test_looks_vietnamese() -> None:
    assert looks_vietnamese("Ngày Chuyển đổi số quốc gia")
    assert looks_vietnamese("Cong dan so")  # under four words: not judged
    assert not looks_vietnamese("National Public Service Portal launched (VietnamPlus)")
    assert looks_vietnamese("Đề an 06 cua Chinh phu")  # one đ is enough


def test_quote_matching_folds_spacing_and_allows_ellipsis() -> None:
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    assert quote_in("Chủ đề năm 2022 là \"Chuyển đổi số giải quyết các vấn đề của xã hội", seed)
    assert quote_in("công bố 21 câu chuyện chuyển đổi số Việt Nam … tại địa chỉ: https://t63.mic.gov.vn/", seed)
    assert not quote_in("công bố 21 câu chuyện … 55 bài toán", seed)  # fragments out of order
    assert not quote_in("công bố 25 câu chuyện chuyển đổi số", seed)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2026, 12, 1), 6) == dt.date(2027, 6, 1)
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 1, 15), 12) == dt.date(2027, 1, 15)


def test_due_entries_are_listed_without_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (entry("qua-han", verified="2025-06-01", review_by="2026-06-01")
            + entry("den-han", verified="2026-05-31", kind="ranking", review_by="2026-11-30",
                    title="Việt Nam xếp hạng chính phủ điện tử thứ mấy?")
            + entry(title="Quyết định 505 là gì?")
            + entry("lich-su", kind="history", review_by=None, verified="2020-01-01", title="Đề án 06 là gì?"))
    path = write(tmp_path, body)
    assert check_kb(path, today=TODAY) == []
    assert [e.id for e in review_due(path, TODAY)] == ["qua-han", "den-han"]
    assert due_for_review(load_kb(path).entries, dt.date(2026, 11, 29)) == [load_kb(path).entries[0]]
    parser = argparse.ArgumentParser(prog="dxbot")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["kb", "check", "--kb", str(path), "--today", TODAY.isoformat()])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "2 entries due for review" in out and "entry 'qua-han' (procedure) review_by 2026-06-01" in out
    assert out.rstrip().endswith("kb check: OK") and "lich-su" not in out


def test_ask_json_sources_carry_publisher_and_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="dxbot")
    register(parser.add_subparsers(dest="command", required=True))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    args = parser.parse_args(["ask", "--json", "--kb", str(write(tmp_path, entry())),
                              "ngày chuyển đổi số quốc gia là ngày nào?"])
    assert args.func(args) == 0
    [src] = json.loads(capsys.readouterr().out)["sources"]
    assert src == {"title": GOOD_SOURCE["title"], "publisher": "Báo Điện tử Chính phủ",
                   "url": GOOD_SOURCE["url"], "date": "2022-04-22", "document": None}
