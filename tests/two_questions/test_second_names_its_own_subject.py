"""Round 23 (`several23`): the second of two questions, not answered on its own, offered when it names its own subject.

The issue's rule for several questions in one message: answer the first, offer the second as a quick reply. A second
question the engine was unsure of alone used to be offered only through an entry of the first answer's topic (review
of round 15, M2: a short follow-up such as "ai làm ra?" asks of the first one's subject). A longer second question
that names a subject of its own ("Mà Bộ Thông tin và Truyền thông giờ nhập vào bộ nào rồi?") was thus left unoffered,
or offered an entry of the first topic it never asked about. It is now offered its own top entry where that entry
explains most of it, leads its runner-up and is among the whole message's first three (``several.names_own_subject``);
a tie between two subjects ("…, theo quyết định số mấy vậy?") is still read as the first one's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.kb import several
from bot.kb.engine import KnowledgeBase
from bot.kb.index import Hit
from bot.kb.loader import Entry
from bot.nlp.clauses import MAX_CLAUSES, clauses

MINISTRY = "bo-tttt-nay-la-bo-nao"


def _hit(entry_id: str, coverage: float, match: float) -> Hit:
    entry = Entry(entry_id, "t", entry_id, (entry_id,), (), "a", dt.date(2025, 1, 1), ())
    return Hit(entry, 1.0, coverage, 0.0, 0.0, 0.0, match)


@pytest.mark.parametrize(("question", "hits", "named"), [
    ("Mà Bộ Thông tin và Truyền thông giờ nhập vào bộ nào rồi?", [("a", 0.83, 0.79), ("b", 0.61, 0.38)], True),
    # a tie of two subjects: the question is the first one's
    ("theo quyết định số mấy vậy anh chị?", [("a", 1.0, 0.75), ("b", 1.0, 0.75)], False),
    # a follow-up of a few words names nothing of its own
    ("Bộ nào vậy?", [("a", 1.0, 0.9)], False),
    # its top entry explains too little of it
    ("Mà Bộ Thông tin và Truyền thông giờ nhập vào bộ nào rồi?", [("a", 0.6, 0.79), ("b", 0.2, 0.1)], False),
    # pointing back at the first one's subject ("bộ đó")
    ("Mà bộ đó giờ nhập vào bộ nào rồi vậy?", [("a", 0.9, 0.8), ("b", 0.2, 0.1)], False),
])
def test_names_own_subject(question: str, hits: list[tuple[str, float, float]], named: bool) -> None:
    assert several.names_own_subject(question, [_hit(*h) for h in hits]) is named


def test_a_second_question_naming_its_ministry_is_offered(real_kb: KnowledgeBase) -> None:
    """Before: the first answered and an entry of its own topic offered (one-portal 2025), not the ministry asked."""
    answer = real_kb.answer("Đến năm 2025 bao nhiêu phần trăm hồ sơ được giải quyết trực tuyến toàn trình? Mà Bộ "
                            "Thông tin và Truyền thông bây giờ nhập vào bộ nào rồi?")
    assert answer.confident and answer.entry == "dvc-ty-le-ho-so-truc-tuyen"
    assert answer.choice_entries[:1] == [MINISTRY]


def test_a_theme_then_the_ministry_offers_the_ministry(real_kb: KnowledgeBase) -> None:
    """Before: the 2022 theme was offered (the first answer's topic) for a question about the ministry."""
    answer = real_kb.answer("Chủ đề Ngày chuyển đổi số năm 2023 là gì? Mà Bộ Thông tin và Truyền thông giờ sáp nhập "
                            "vào bộ nào rồi?")
    assert answer.entry == "ngay-cds-chu-de-2023"
    assert answer.choice_entries[:1] == [MINISTRY]


def test_a_follow_up_tied_between_subjects_keeps_the_first_one_s(real_kb: KnowledgeBase) -> None:
    """The day's decision and the programme's tie on "theo quyết định số mấy": the day's (the first's subject)."""
    answer = real_kb.answer("Ngày Chuyển đổi số quốc gia là ngày nào trong năm, theo quyết định số mấy vậy?")
    assert answer.entry == "ngay-cds-la-ngay-nao"
    assert answer.choice_entries[:1] == ["ngay-cds-quyet-dinh-505"]


def test_the_subject_test_reads_the_question_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear in the question's length: the pointing-back reader gets the question once, whatever its length (2k
    and 32k characters), so its cost grows with the characters and no more."""
    seen: list[int] = []
    monkeypatch.setattr(several, "self_contained", lambda text: seen.append(len(text)) or True)
    hits = [_hit("a", 0.9, 0.8), _hit("b", 0.2, 0.1)]
    for size in (2_000, 32_000):
        question = ("bộ nào, " * size)[:size]
        assert several.names_own_subject(question, hits)
    assert seen == [2_000, 32_000]


# --- the splitter: questions joined by commas, with no connector -------------------------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    # three questions of one sentence, each with its question word: each its own clause
    ("Vậy giờ nhập vô bộ nào, từ ngày nào, ai làm bộ trưởng?",
     ["Vậy giờ nhập vô bộ nào", "từ ngày nào", "ai làm bộ trưởng?"]),
    # typed without marks, the particle "z" closing the first
    ("cong dvc qg do cty nao lam z, luc moi mo thi lam dc nhug dv j",
     ["cong dvc qg do cty nao lam z", "luc moi mo thi lam dc nhug dv j"]),
    ("bo truong bo KHCN gio la ai z ad, bo TTTT nhap vo theo nghi dinh so may hen",
     ["bo truong bo KHCN gio la ai z ad", "bo TTTT nhap vo theo nghi dinh so may hen"]),
])
def test_questions_joined_by_commas_are_cut(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


def test_commas_are_judged_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence of thousands of comma-joined questions: the characters the splitter hands to its question readers
    grow with the message (16 times the characters, at most 1.2 × 16 times the reading), not with its square."""
    import bot.nlp.clauses as splitter

    read: list[int] = []
    for name in ("asks_by_itself", "is_question"):
        original = getattr(splitter, name)
        monkeypatch.setattr(splitter, name, lambda text, _o=original: read.append(len(text)) or _o(text))
    unit = "cổng do cty nào làm, lúc mới mở làm được những dịch vụ gì, "
    totals = []
    for size in (2_000, 32_000):
        read.clear()
        pieces = clauses((unit * (size // len(unit) + 1))[:size] + "?")
        assert 2 <= len(pieces) <= MAX_CLAUSES
        totals.append(sum(read))
    assert totals[0] > 0 and totals[1] <= 1.2 * 16 * totals[0]
