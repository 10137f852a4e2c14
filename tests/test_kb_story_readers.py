"""Round 29 (bot/kb/named.py, bot/kb/asking_part.py): over a long letter, both off-topic readers are read on what the
letter asks, not on the story told before it. Both sum evidence over every word they read, and a story of a market, a
hack or a bad harvest saturates them (1.00 and 0.95 below) whatever it asks; the asking part read in the whole
letter's ranking then judges, at the bars at which the decision itself refuses. A long look-alike's asking part is
still what they lean out of.

Round 30: on that asking part the naive Bayes does not refuse alone (``STORY_OOS`` None), as in the decision; the
trained model, which reads what the entry lacks, still does (a province's own count of teams)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from bot.kb import KnowledgeBase
from bot.kb import named as named_module
from bot.kb import reading as reading_module
from bot.kb.asking_part import asking_part_in_scope
from bot.kb.decision import OOS_TRAINED_NB
from bot.kb.index import Hit
from bot.kb.named import NAMED_P, STORY_OOS, STORY_TRAINED
from bot.kb.several import Decided
from bot.kb.texts import Texts

pytestmark = pytest.mark.unit

# my own letters, never from an evaluation set: a seller's story of a hacked bank account before the portal question
HACKED = ("mik bán hàng online trên sàn, hôm qua bị hack mất tk ngân hàng, lo quá trời, tk dịch vụ công cũ của mik giờ "
          "đăng nhập ko đc, nó bắt qua vneid, vậy tk dịch vụ công cũ hết hạn từ hồi nào ad")
LOGIN = "vneid-dang-nhap-dich-vu-cong"
# a long story of the same kind asking what the channel does not answer (a fruit's market price)
PRICE = ("Nhà tui trồng thanh long ở Chợ Gạo, năm nay mưa nhiều trái bị thối, thương lái ép giá quá trời, con gái tui "
         "đi làm ở Bình Dương gọi về than. Cho tui hỏi giá thanh long ruột đỏ ở chợ đầu mối tuần này bao nhiêu một ký "
         "vậy?")
# round 30, my own: a teacher's story, then a question in the asker's own words ("lùi sang hôm nào, sao lại lùi thế")
# that the naive Bayes alone leans out of, read alone
POSTPONED = ("Tôi dạy cấp hai ở Bến Tre, năm nào trường cũng treo băng rôn ngày 10/10. Đồng nghiệp bảo năm nay ngày "
             "chuyển đổi số lùi lại, không làm đúng 10/10. Lùi sang hôm nào, sao lại lùi thế hả ad?")
DAY_2025 = "ngay-cds-2025-ngay-to-chuc"
# round 30, my own: a long look-alike asking one province's count of teams, which the channel does not say
PROVINCE = ("Phường tôi mới lập tổ công nghệ số cộng đồng, tối nào cũng đi chỉ bà con cài app. Vậy riêng thành phố Đà "
            "Nẵng có bao nhiêu tổ công nghệ số cộng đồng rồi hả ad?")


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _named_call(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
                letter: str) -> tuple[Texts, str, Decided, Sequence[str]]:
    """What the message's reading hands ``bot.kb.named.named`` for ``letter``: its texts, the letter as read, the
    whole letter's decision and its question clauses."""
    seen: list[tuple[Any, ...]] = []
    original = reading_module.named

    def recorded(*args: Any) -> Any:
        seen.append(args)
        return original(*args)

    monkeypatch.setattr(reading_module, "named", recorded)
    kb.answer(letter)
    monkeypatch.setattr(reading_module, "named", original)
    assert seen, "the long-letter reading was never reached"
    texts, text, whole, _messages, _idf, asks = seen[-1]
    return texts, text, whole, asks


def test_the_story_saturates_both_readers_and_the_question_does_not(kb: KnowledgeBase,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    texts, text, whole, asks = _named_call(kb, monkeypatch, HACKED)
    top = whole[1][0]
    assert top.entry.id == LOGIN
    # over the whole letter the naive Bayes leans out by the decision's own bar (the trained model did too, 0.95,
    # with rounds 8-30's shuffle-ordered fit; round 31's text-ordered mean of five gives 0.38 on this probe, so the
    # premise is the naive Bayes's; test_the_letter_is_answered_... pins both readers leaning out) ...
    assert top.oos >= OOS_TRAINED_NB, (top.oos, top.trained)
    # ... while the intent reader names the entry, and on the asking part neither reader leans out
    reading = texts.intent(texts.whole)
    assert reading.top == LOGIN and reading.p >= NAMED_P
    assert asking_part_in_scope(texts, top, text, asks, STORY_OOS, STORY_TRAINED)


def test_the_asking_part_must_keep_the_entry_first(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    texts, text, whole, asks = _named_call(kb, monkeypatch, HACKED)
    other = next(h for h in whole[1][1:] if h.entry.id != LOGIN)
    assert not asking_part_in_scope(texts, other, text, asks, STORY_OOS, STORY_TRAINED)


def test_bars_below_the_asking_parts_readings_refuse(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bars are what decides: at zero nothing is in scope, however plainly the question is the entry's."""
    texts, text, whole, asks = _named_call(kb, monkeypatch, HACKED)
    top = whole[1][0]
    assert not asking_part_in_scope(texts, top, text, asks, 0.0, STORY_TRAINED)
    assert not asking_part_in_scope(texts, top, text, asks, STORY_OOS, 0.0)


def test_the_letter_is_answered_by_the_intent_reader_and_the_asking_parts_readers(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the whole letter's readers leaning out and the older asking-part reading (its own intent reading, plainly
    in scope) switched off, the letter is answered only by this reading; switched off too, it is not."""
    texts, text, whole, asks = _named_call(kb, monkeypatch, HACKED)
    top = whole[1][0]
    leaning: list[Hit] = [replace(top, oos=1.0, trained=0.99), *whole[1][1:]]
    monkeypatch.setattr(named_module, "asking_part_agrees", lambda *_: False)
    found = named_module.named(texts, text, (whole[0], leaning), kb.messages, kb.index.idf_of, asks)
    assert found is not None and found[0].confident and found[0].entry == LOGIN
    monkeypatch.setattr(named_module, "asking_part_in_scope", lambda *_: False)
    assert named_module.named(texts, text, (whole[0], leaning), kb.messages, kb.index.idf_of, asks) is None


def test_a_long_look_alike_asking_something_else_stays_out(kb: KnowledgeBase,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    answer = kb.answer(PRICE)
    assert not answer.confident, answer.entry
    texts, text, whole, asks = _named_call(kb, monkeypatch, PRICE)
    if whole[1]:
        assert not asking_part_in_scope(texts, whole[1][0], text, asks, STORY_OOS, STORY_TRAINED)



def test_the_naive_bayes_alone_does_not_refuse_the_asking_part(kb: KnowledgeBase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 30: the asking part of a long letter in the asker's own words leans out of the naive Bayes alone; read
    as the decision reads it (never alone), the part is in scope and the letter answered; at round 29's bar
    (``OOS_TRAINED_NB`` on the part) it was not."""
    texts, text, whole, asks = _named_call(kb, monkeypatch, POSTPONED)
    top = whole[1][0]
    assert top.entry.id == DAY_2025
    assert STORY_OOS is None
    assert asking_part_in_scope(texts, top, text, asks, STORY_OOS, STORY_TRAINED)
    assert not asking_part_in_scope(texts, top, text, asks, OOS_TRAINED_NB, STORY_TRAINED)
    answer = kb.answer(POSTPONED)
    assert answer.confident and answer.entry == DAY_2025, (answer.kind, answer.entry)


def test_the_trained_model_alone_still_refuses_a_look_alikes_asking_part(kb: KnowledgeBase,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 30: a long look-alike asking one province's count: the naive Bayes finds its asking part in scope, the
    trained model (what the entry lacks: the province) leans out alone, and that still refuses."""
    answer = kb.answer(PROVINCE)
    assert not answer.confident, answer.entry
    texts, text, whole, asks = _named_call(kb, monkeypatch, PROVINCE)
    top = whole[1][0]
    assert not asking_part_in_scope(texts, top, text, asks, STORY_OOS, STORY_TRAINED)
    assert asking_part_in_scope(texts, top, text, asks, STORY_OOS, 1.0)
