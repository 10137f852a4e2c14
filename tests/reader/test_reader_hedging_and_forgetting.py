"""Round 22 (dev22a): how the asker says they do not know it well ("chưa rõ lắm") or forgot it outright ("quên béng
mất") is framing, not topic (``bot.kb.lexicon.STOP_PHRASES``); "quên béng" only typed with its marks
(``MARKED_PHRASES``), like "quên mất". "Hình như …" was framing on the lane's branch and was taken back at
integration: after a question it is an afterthought that keeps the first question's out-of-scope reply
(tests/reader/test_reader_heard_afterthought.py), which a framing word no longer sees."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.lexicon import CONTENT, view
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def content_words(text: str) -> set[str]:
    return {t for uv in view(analyze(text)).units if uv.role == CONTENT for alt in uv.alts for t in alt}


@pytest.mark.parametrize(("framed", "plain"), [
    ("Em chưa rõ lắm, tổ công nghệ số gồm những ai", "tổ công nghệ số gồm những ai"),
    ("Tôi không rõ lắm, tổ công nghệ số gồm những ai", "tổ công nghệ số gồm những ai"),
    ("cháu quên béng mất, năm 2023 là năm gì", "năm 2023 là năm gì"),
])
def test_hedging_not_knowing_well_and_forgetting_carry_no_topic(framed: str, plain: str) -> None:
    assert content_words(framed) == content_words(plain)


def test_an_unmarked_forgotten_word_stays_a_word() -> None:
    # unmarked, "quen beng" is no phrase the asker typed with marks: its words are read as typed
    assert "beng" in content_words("quen beng mat khau vneid")


def test_a_hedged_question_told_with_its_hearsay_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Hình như năm 2023 được gọi là năm gì đấy về dữ liệu, cô giáo cháu bảo mà cháu quên "
                            "béng mất, là năm gì thế?")
    assert answer.confident and answer.entry == "nam-du-lieu-so-2023"
