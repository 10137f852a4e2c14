"""How briefly or plainly the asker wants the answer ("được hiểu một cách ngắn gọn là gì", "hiểu đơn giản là gì",
"nói nôm na") is the manner of the answer, not its subject (``bot.kb.lexicon.STOP_PHRASES``). Counted as topic, "ngắn
gọn" pulled a definition question towards the channel's advice to keep stories short, so the first question of a
two-question message went unanswered and the second was answered instead."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.lexicon import scaffolding
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def _kept(text: str) -> list[str]:
    analysis = analyze(text)
    dropped = scaffolding(analysis)
    return [u.tokens[0] for i, u in enumerate(analysis.units) if i not in dropped and u.tokens]


def test_the_wanted_manner_is_scaffolding() -> None:
    assert "ngan" not in _kept("Chuyển đổi số được hiểu một cách ngắn gọn là gì?")
    assert "nom" not in _kept("Chuyển đổi số hiểu nôm na là gì")
    assert "don" not in _kept("VNeID hiểu đơn giản là gì?")


def test_a_short_story_keeps_its_words() -> None:
    # the channel's advice says "kể ngắn gọn": a question about how to tell a story is about that
    assert "ngan" in _kept("kể ngắn gọn câu chuyện thế nào")
    assert "ngan" in _kept("Có cách nào kể câu chuyện chuyển đổi số một cách ngắn gọn không?")


def test_a_story_told_briefly_is_asked_of_the_advice_on_stories(real_kb: KnowledgeBase) -> None:
    # review of round 16, L1: "một cách ngắn gọn" after no verb asking for an answer is the subject
    answer = real_kb.answer("Có cách nào kể câu chuyện chuyển đổi số một cách ngắn gọn không?")
    assert (answer.entry or answer.choice_entries[0]) == "kenh-nen-gui-cau-chuyen-gi"


@pytest.mark.parametrize("message", ["Nói ngắn gọn thôi", "thôi nói ngắn gọn đi", "nói dễ hiểu thôi"])
def test_a_request_for_the_manner_alone_offers_no_cancellation(real_kb: KnowledgeBase, message: str) -> None:
    # review of round 16, M3: the manner taken away, "thôi" (stop) alone offered to cancel a subscription
    answer = real_kb.answer(message)
    assert not answer.confident
    assert not {"kenh-huy-gui-cau-chuyen", "kenh-huy-dang-ky-ban-tin"} & set(answer.choice_entries)


def test_the_first_question_asked_briefly_is_answered_and_the_next_offered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Chuyển đổi số được hiểu một cách ngắn gọn là gì? Và ba trụ cột của chuyển đổi số quốc "
                            "gia gồm những trụ cột nào?")
    assert answer.confident and answer.entry == "cds-la-gi"
    assert answer.choice_entries == ["ba-tru-cot-cds"]


@pytest.mark.parametrize(("question", "entry"), [
    ("Kinh tế số được hiểu một cách ngắn gọn là gì?", "kinh-te-so-la-gi"),
    ("Đề án 06 hiểu một cách đơn giản là gì", "de-an-06-la-gi"),
    # any verb asking for an answer, not only "hiểu" / "nói" (review of round 16, M2)
    ("Giải thích ngắn gọn chữ ký số là gì?", "chu-ky-so-la-gi"),
    ("Trình bày ngắn gọn Đề án 06 là gì?", "de-an-06-la-gi"),
    ("Cho tôi biết ngắn gọn kinh tế số là gì?", "kinh-te-so-la-gi"),
])
def test_a_definition_asked_briefly_is_answered(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


def test_another_subject_asked_plainly_is_not_the_definition_of_dx(real_kb: KnowledgeBase) -> None:
    # "hiểu đơn giản" is one of the DX definition's phrasings: it alone must not pull another subject there
    answer = real_kb.answer("VNeID hiểu đơn giản là gì?")
    assert answer.confident and answer.entry == "vneid-la-gi"
