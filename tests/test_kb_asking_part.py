"""Round 26 (bot/kb/asking_part.py): a long letter whose story (a farmer's bad harvest) leads the whole letter's
readers out of scope is answered where its asking part, read alone, is plainly the ranker's first entry's — and only
there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from bot.kb import KnowledgeBase
from bot.kb import named as named_module
from bot.kb.asking_part import asking_part, asking_part_agrees
from bot.kb.decision import OOS_CONFIRM, TIE_MARGIN
from bot.kb.index import Hit, Index
from bot.kb.intent_model import OUTSIDE, Reading
from bot.kb.named import NAMED_P, PLAIN_TRAINED
from bot.kb.texts import Texts

pytestmark = pytest.mark.unit

STORY = ("Ba em làm ruộng ở Long An, mùa này lúa mất giá, thương lái ép giá quá trời, ông buồn lắm. Ông có tài khoản "
         "Cổng dịch vụ công quốc gia để làm giấy tờ đất, hôm qua vô không được nữa. ")
LETTER = STORY + "Cho em hỏi loại tài khoản đó dùng được tới ngày nào, giờ phải đăng nhập bằng gì ạ?"
LOGIN = "vneid-dang-nhap-dich-vu-cong"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _reading(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> tuple[Texts, Hit, str, Sequence[str]]:
    """What ``bot.kb.named`` hands the asking part's readers for ``LETTER``: the message's texts, the whole
    letter's first hit, the letter as read and its question clauses."""
    seen: list[tuple[Any, ...]] = []
    original = named_module.asking_part_agrees

    def recorded(*args: Any) -> bool:
        seen.append(args)
        return original(*args)

    monkeypatch.setattr(named_module, "asking_part_agrees", recorded)
    kb.answer(LETTER)
    monkeypatch.setattr(named_module, "asking_part_agrees", original)
    assert seen, "the long-letter reading never read the asking part"
    texts, top, text, asks = seen[-1][:4]
    return texts, top, text, asks


def test_the_letter_is_answered_and_only_by_its_asking_part(kb: KnowledgeBase,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    answer = kb.answer(LETTER)
    assert answer.confident and answer.entry == LOGIN, (answer.kind, answer.entry)
    monkeypatch.setattr(named_module, "asking_part_agrees", lambda *args: False)
    assert not kb.answer(LETTER).confident  # the whole letter's readers lean out of the farmer's story


@pytest.mark.parametrize("question", [
    "Cho em hỏi giá lúa tuần tới tăng hay giảm, thương lái mua bao nhiêu một ký ạ?",
    "Cho em hỏi vay ngân hàng nông nghiệp để mua máy gặt thì lãi suất bao nhiêu ạ?",
])
def test_the_same_story_asking_beyond_the_channel_stays_unanswered(kb: KnowledgeBase, question: str) -> None:
    assert not kb.answer(STORY + question).confident


def test_the_asking_part_leaves_the_story_out() -> None:
    asks = ["Cho em hỏi loại tài khoản đó dùng được tới ngày nào, giờ phải đăng nhập bằng gì ạ?"]
    assert asking_part(LETTER, asks) == " ".join(asks)
    assert asking_part(LETTER, []) == ""  # no clause read as a question: nothing to read alone
    assert asking_part(asks[0], asks) == ""  # the question is the whole message: no story to set aside


def test_the_whole_letter_read_as_another_entry_answers_nothing(kb: KnowledgeBase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    texts, top, text, asks = _reading(kb, monkeypatch)
    assert asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)
    other = next(e.id for e in kb.entries if e.id != LOGIN)
    read = texts.intent
    monkeypatch.setattr(texts, "intent", lambda t: Reading((other,), (0.99,)) if t == texts.whole else read(t))
    assert not asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)


def test_the_reader_unsure_of_the_asking_part_answers_nothing(kb: KnowledgeBase,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    texts, top, text, asks = _reading(kb, monkeypatch)
    read = texts.intent
    monkeypatch.setattr(texts, "intent",
                        lambda t: read(t) if t == texts.whole else Reading((LOGIN,), (NAMED_P - 0.05,)))
    assert not asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)


@pytest.mark.parametrize("change", [
    {"trained": PLAIN_TRAINED}, {"oos": OOS_CONFIRM},
])
def test_an_off_topic_reader_near_out_over_the_asking_part_answers_nothing(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, change: dict[str, float]) -> None:
    texts, top, text, asks = _reading(kb, monkeypatch)
    hits = Index.hits
    monkeypatch.setattr(Index, "hits", lambda self, *a, **k: [replace(h, **change) if i == 0 else h
                                                               for i, h in enumerate(hits(self, *a, **k))])
    assert not asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)


def test_a_near_tie_needs_the_whole_letter_read_as_the_entry(kb: KnowledgeBase,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Read as none over the whole letter, the entry must lead its runner-up over the asking part; read as the entry,
    the intent reader tells the two apart."""
    texts, top, text, asks = _reading(kb, monkeypatch)
    assert texts.intent(texts.whole).top == OUTSIDE
    hits = Index.hits

    def tied(self: Index, *a: Any, **k: Any) -> list[Hit]:
        found = hits(self, *a, **k)
        return [found[0], replace(found[1], coverage=found[0].coverage - TIE_MARGIN / 2), *found[2:]]

    monkeypatch.setattr(Index, "hits", tied)
    assert not asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)
    read = texts.intent
    monkeypatch.setattr(texts, "intent", lambda t: Reading((LOGIN,), (0.95,)) if t == texts.whole else read(t))
    assert asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)
