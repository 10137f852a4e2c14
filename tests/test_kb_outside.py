"""The out-of-scope class (bot/kb/outside.py, content/out_of_scope.toml, round 5): look-alikes of the channel's
topics are not answered, the channel's own questions still are, and a bad file is reported, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb import KnowledgeBase, load_kb
from bot.kb.evaluate import Case, evaluate
from bot.kb.outside import DEFAULT_OUTSIDE, load_outside


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize("question", [
    "bộ trưởng bộ công an hiện nay là ai",  # the science minister's entry shares "bộ trưởng … là ai"
    "số điện thoại ngân hàng",  # the channel's hotline entry shares "số điện thoại"
    "GDP năm nay tăng bao nhiêu",  # the digital economy's share of GDP
    "chữ GDP là viết tắt từ đâu",  # the entry on the abbreviations of digital transformation
    "sáp nhập xã rồi có phải đổi thẻ căn cước không",  # the entry on the two-level local government of 2025
])
def test_a_look_alike_is_not_answered_and_is_told_so(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert not answer.confident and answer.out_of_scope
    assert answer.text.startswith(kb.messages["outside"]) and len(answer.choices) == 3


def test_the_class_only_stops_what_it_says(kb: KnowledgeBase) -> None:
    """The neighbours of the look-alikes above keep their answers."""
    for question, entry in [("bộ trưởng bộ khoa học và công nghệ là ai", "bo-truong-khcn"),
                            ("kinh tế số chiếm bao nhiêu phần trăm GDP hiện nay", "kinh-te-so-ty-trong-hien-nay"),
                            ("kênh có số điện thoại tổng đài không", "npv-so-dien-thoai-tong-dai")]:
        answer = kb.answer(question)
        assert answer.confident and answer.entry == entry and not answer.out_of_scope, question


def test_no_entry_phrasing_reads_as_out_of_scope(kb: KnowledgeBase) -> None:
    """An editor's out-of-scope phrasing must never take an entry's own title or question from it."""
    taken = [(e.id, q) for e in kb.entries for q in (e.title, *e.questions) if kb.answer(q).out_of_scope]
    assert not taken


def test_every_group_phrasing_is_refused(kb: KnowledgeBase) -> None:
    groups, problems = load_outside(DEFAULT_OUTSIDE)
    assert groups and not problems
    answered = [p for g in groups for p in g.phrasings if kb.answer(p).confident]
    assert not answered


def test_a_broken_file_is_reported_and_the_kb_still_answers(tmp_path: Path) -> None:
    bad = tmp_path / "out_of_scope.toml"
    bad.write_text('[[group]]\nname = "x"\nphrasings = []\n[[group]]\nphrasings = ["giá vàng"]\n', encoding="utf-8")
    groups, problems = load_outside(bad)
    assert not groups and len(problems) == 2
    kb = load_kb(outside_path=bad)
    assert any("out_of_scope.toml" in p for p in kb.problems)
    assert kb.answer("Ngày chuyển đổi số quốc gia là ngày nào").confident
    bad.write_text("[[group]\n", encoding="utf-8")
    assert load_outside(bad)[1]


def test_the_eval_tells_a_redirect_from_a_look_alike_answered(kb: KnowledgeBase) -> None:
    """An off-topic case answered by one of the KB's out-of-scope entries still counts as answered (the metric
    is unchanged); the report says how many of those were such a redirect."""
    cases = [Case("quen mat khau vneid", in_scope=False), Case("bộ trưởng bộ khoa học và công nghệ là ai",
                                                                in_scope=False)]
    report = evaluate(kb, cases)
    assert report.off_topic_confident == 2 and report.total.off_topic_redirect == 1
    assert sum("(a redirect)" in f for f in report.failures) == 1
