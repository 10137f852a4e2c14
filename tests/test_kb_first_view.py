"""Right in the first view (round 25): the head a phone shows before "Xem thêm" must hold the fact asked.

``bot.kb.first_view`` cuts an answer as ``handlers.answer_view`` shows it; the evaluation scores the keyword
rule on that head beside the whole answer (``kb check``'s rule: tests/test_kb_asked_after_cut.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb import first_view as view
from bot.kb.engine import KnowledgeBase
from bot.kb.evaluate import Case, _groups, evaluate
from bot.kb.first_view import MAX_CHARS, first_view, split
from bot.kb.loader import DEFAULT_MESSAGES, load_messages, parse_kb
from handlers import answer_view

# Sentences that say something about the portal but not the figure asked for: they push it past the cut.
PREAMBLE = ("Cổng Dịch vụ công quốc gia là nơi người dân tra cứu thủ tục và nộp hồ sơ trực tuyến. "
            "Cổng được nhiều bộ, ngành và địa phương cùng kết nối để người dân làm thủ tục ở một chỗ. "
            "Người dân đăng nhập bằng tài khoản định danh điện tử để dùng các dịch vụ trên cổng. "
            "Trên cổng, người dân theo dõi được hồ sơ của mình đang ở bước nào. "
            "Cổng cũng cho phép gửi phản ánh, kiến nghị về thủ tục hành chính.")
FIGURE = "Khi ra mắt, cổng được ước tính giúp Nhà nước tiết kiệm khoảng 4.222 tỷ đồng mỗi năm."
ENTRY = '''[[entry]]
id = "cong-tiet-kiem"
kind = "history"
verified = 2026-11-30
topic = "dich-vu-cong"
title = "Cổng Dịch vụ công quốc gia tiết kiệm bao nhiêu tiền mỗi năm?"
questions = ["cổng dịch vụ công tiết kiệm được bao nhiêu tiền mỗi năm"]
answer = """{answer}"""

[[entry.sources]]
url = "https://baochinhphu.vn/cong-dich-vu-cong.htm"
date = 2019-12-09
title = "Cổng Dịch vụ công quốc gia"
quote = "tiết kiệm khoảng 4.222 tỷ đồng mỗi năm"
publisher = "Báo Điện tử Chính phủ"
'''


def kb_dir(tmp_path: Path, answer: str) -> Path:
    directory = tmp_path / "kb"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "kb.toml").write_text(ENTRY.format(answer=answer), encoding="utf-8")
    return directory


LATE = f"{PREAMBLE}\n\n{PREAMBLE}\n\n{FIGURE}"
EARLY = f"{FIGURE} {PREAMBLE}\n\n{PREAMBLE}"


def test_the_fixture_answers_run_past_the_first_view() -> None:
    assert len(LATE) > MAX_CHARS and len(EARLY) > MAX_CHARS
    assert "4.222" not in first_view(LATE) and "4.222" in split(LATE)[1]
    assert "4.222" in first_view(EARLY)


def test_the_phone_shows_the_head_the_evaluation_judges() -> None:
    # one rule in one place: the bubble's text is bot.kb.first_view's head (URLs as the site's name)
    text = f"Xem https://dichvucong.gov.vn để biết thêm. {LATE}"
    assert answer_view.cut is view.cut
    assert first_view(text).startswith("Xem dichvucong.gov.vn để biết thêm.")


@pytest.mark.parametrize(("answer", "in_view"), [(LATE, 0), (EARLY, 1)])
def test_the_evaluation_counts_right_in_the_first_view(tmp_path: Path, answer: str, in_view: int) -> None:
    entries, problems = parse_kb(kb_dir(tmp_path, answer))
    assert problems == []
    kb = KnowledgeBase(entries, load_messages(DEFAULT_MESSAGES))
    case = Case("cổng dịch vụ công tiết kiệm được bao nhiêu tiền mỗi năm", keywords=_groups(["4.222|4,22"]),
                category="diacritics", id="fv-1")
    report = evaluate(kb, [case])
    assert report.total.confident_right == 1, report.failures
    assert report.total.first_view_right == in_view
    assert report.first_view_accuracy == in_view
    assert any("only after the first view" in f for f in report.failures) is (in_view == 0)
    # the figure is the table's last column
    assert report.format().splitlines()[-1].split()[-2] == f"{in_view}/1"


def test_a_case_judged_by_entry_id_is_right_in_the_first_view_when_right(tmp_path: Path) -> None:
    entries, _ = parse_kb(kb_dir(tmp_path, LATE))
    kb = KnowledgeBase(entries, load_messages(DEFAULT_MESSAGES))
    report = evaluate(kb, [Case("cổng dịch vụ công tiết kiệm được bao nhiêu tiền mỗi năm",
                                expected=("cong-tiet-kiem",))])
    assert (report.total.confident_right, report.total.first_view_right) == (1, 1)
