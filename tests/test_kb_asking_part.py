"""Round 26 (bot/kb/asking_part.py): a long letter whose story (a farmer's bad harvest) leads the whole letter's
readers out of scope is answered where its asking part, read alone, is plainly the ranker's first entry's — and only
there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from bot.kb import KnowledgeBase
from bot.kb import asking_part as asking_part_module
from bot.kb import named as named_module
from bot.kb import reading as reading_module
from bot.kb.asking_part import asking_part, asking_part_agrees, asking_part_entry, last_asked
from bot.kb.decision import OOS_CONFIRM, TIE_MARGIN
from bot.kb.index import Hit, Index
from bot.kb.intent_model import OUTSIDE, Reading
from bot.kb.message import resolved_parts
from bot.kb.named import NAMED_P, PLAIN_TRAINED
from bot.kb.texts import Texts
from bot.nlp.clauses import clauses, is_question

pytestmark = pytest.mark.unit

STORY = ("Ba em làm ruộng ở Long An, mùa này lúa mất giá, thương lái ép giá quá trời, ông buồn lắm. Ông có tài khoản "
         "Cổng dịch vụ công quốc gia để làm giấy tờ đất, hôm qua vô không được nữa. ")
LETTER = STORY + "Cho em hỏi loại tài khoản đó dùng được tới ngày nào, giờ phải đăng nhập bằng gì ạ?"
LOGIN = "vneid-dang-nhap-dich-vu-cong"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _reading(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, letter: str = LETTER,
             reader: str = "asking_part_agrees") -> tuple[Texts, Hit, str, Sequence[str]]:
    """What ``bot.kb.named`` hands the asking part's ``reader`` for ``letter``: the message's texts, the whole
    letter's first hit, the letter as read and its question clauses."""
    seen: list[tuple[Any, ...]] = []
    original = getattr(named_module, reader)
    if reader == "asking_part_entry":
        # round 33 (rank33): read with its asking sentence again, the intent reader names the letter's entry over the
        # whole letter and the named reading answers it before this one is asked; the rule tested here is read so
        monkeypatch.setattr(reading_module, "_asking_sentences", lambda *args: "")

    def recorded(*args: Any) -> Any:
        seen.append(args)
        return original(*args)

    monkeypatch.setattr(named_module, reader, recorded)
    kb.answer(letter)
    monkeypatch.setattr(named_module, reader, original)
    assert seen, f"the long-letter reading never called {reader}"
    texts, top, text, asks = seen[-1][:4]
    return texts, top, text, asks


def test_the_letter_is_answered_and_only_by_its_asking_part(kb: KnowledgeBase,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 33 (amb33): ``bot.kb.unranked`` now answers an entry the whole letter ranks first, and the login entry is
    this letter's first, so it answers the letter without the asking part too; it is switched off with the reader."""
    answer = kb.answer(LETTER)
    assert answer.confident and answer.entry == LOGIN, (answer.kind, answer.entry)
    monkeypatch.setattr(named_module, "asking_part_agrees", lambda *args: False)
    monkeypatch.setattr(reading_module, "unranked", lambda *args: None)
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
    # round 27: no clause read as a question (one sentence run on by commas): the comma pieces that ask
    alone = asking_part(LETTER, [])
    assert "đăng nhập" in alone and "lúa" not in alone
    assert asking_part("Cho em hỏi tài khoản đó dùng được tới ngày nào ạ?", []) == ""  # nothing to set aside
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
    # round 33 (rank33): the intent reader now reads this letter's asking sentence again and names the entry over the
    # whole letter; the whole letter read as none is what this rule is about, so it is read so here
    read_first = texts.intent
    monkeypatch.setattr(texts, "intent", lambda t: Reading((OUTSIDE,), (0.95,)) if t == texts.whole else read_first(t))
    hits = Index.hits

    def tied(self: Index, *a: Any, **k: Any) -> list[Hit]:
        found = hits(self, *a, **k)
        return [found[0], replace(found[1], coverage=found[0].coverage - TIE_MARGIN / 2), *found[2:]]

    monkeypatch.setattr(Index, "hits", tied)
    assert not asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)
    monkeypatch.setattr(texts, "intent", lambda t: Reading((LOGIN,), (0.95,)) if t == texts.whole else read_first(t))
    assert asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)


# Round 27: a story clause with a question word of its own ("mua hai chục ngàn mấy") is read as a question too, and the
# asking part holding it leads its readers out; the question is the letter's last sentence
EGDI_STORY = ("Năm nay thanh long ở Hàm Thuận Nam được giá, thương lái vô tận vườn mua hai chục ngàn mấy, mừng muốn "
              "chết. Tối qua ngồi nhậu với mấy ông trong tổ hợp tác, ông Hai nói Việt Nam mình lên hạng chính phủ điện "
              "tử thế giới, ông Bảy cãi là tụt, cãi tới khuya. ")
EGDI_LETTER = EGDI_STORY + ("Vậy khảo sát của Liên Hợp Quốc năm 2024 mình tăng hay giảm, tăng mấy bậc, có vô nhóm gì "
                            "hông?")
EGDI = "ct-xep-hang-egdi-2024"


def test_the_last_asking_sentence_answers_where_a_story_clause_asks_too(kb: KnowledgeBase,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    answer = kb.answer(EGDI_LETTER)
    assert answer.confident and answer.entry == EGDI, (answer.kind, answer.entry)
    monkeypatch.setattr(asking_part_module, "last_asked", lambda text, asks: "")
    assert not kb.answer(EGDI_LETTER).confident  # every question clause together: the story's price leads out


@pytest.mark.parametrize("question", [
    "Vậy năm 2024 giá thanh long xuất khẩu tăng hay giảm, tăng mấy phần trăm, có vô nhóm hàng chủ lực hông?",
    "Vậy năm 2024 ngân hàng có giảm lãi vay cho nhà vườn hông, giảm mấy phần trăm?",
])
def test_the_same_story_asking_beyond_the_channel_last_stays_unanswered(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(EGDI_STORY + question)
    assert not answer.confident or answer.out_of_scope, (answer.kind, answer.entry)


def _asked(text: str) -> list[str]:
    return [p for p in resolved_parts(clauses(text)) if is_question(p)]


def test_last_asked_keeps_the_questions_of_the_last_asking_sentence() -> None:
    text = "Giờ khách toàn quét mã chuyển khoản, ít ai đưa tiền mặt. Chương trình tháng đó tên là gì, mấy ngày?"
    asks = _asked(text)
    assert len(asks) > 1 and "tiền mặt" in asks[0]  # the story's "ít ai" reads as a question
    last = last_asked(text, asks)
    assert "tên là gì" in last and "tiền mặt" not in last
    one = "Chương trình tháng đó tên là gì, kéo dài mấy ngày?"
    assert last_asked(one, _asked(one)) == ""  # one sentence: the asking part already is its questions
    assert last_asked(text, asks[-1:]) == ""


# Round 27: the story ("Hồi 2022 xã em mới lập tổ…") puts what the teams are first in the whole letter's ranking; the
# question asks how far they reach in 2025, which the intent reader names over the whole letter and its asking part
# (tuned dev11a's letter)
REACH_LETTER = ("Hồi 2022 xã em mới lập tổ công nghệ số, mấy anh đoàn thanh niên xuống tận bến ghe chỉ bà con cài app. "
                "Giờ đi mô cũng nghe nói có tổ ni. Rứa tới năm 2025 thì tổ công nghệ số cộng đồng đã phủ tới đâu "
                "rồi ạ?")
REACH = "tcns-so-luong"


def test_the_asking_parts_own_entry_answers_where_the_story_ranks_a_neighbour_first(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = kb.answer(REACH_LETTER)
    assert answer.confident and answer.entry == REACH, (answer.kind, answer.entry)
    texts, top, text, asks = _reading(kb, monkeypatch, REACH_LETTER, "asking_part_entry")
    assert top.entry.id != REACH  # the whole letter's ranking put a neighbour first
    ranked = asking_part_entry(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)
    assert ranked is not None and ranked[0].entry.id == REACH
    monkeypatch.setattr(named_module, "asking_part_entry", lambda *args: None)
    assert not kb.answer(REACH_LETTER).confident


@pytest.mark.parametrize("whole", [OUTSIDE, "tcns-la-gi"])
def test_the_own_entry_needs_the_whole_letter_read_as_it(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
                                                          whole: str) -> None:
    """Read as none, or as the ranking's first, over the whole letter: the asking part's entry is not taken."""
    texts, top, text, asks = _reading(kb, monkeypatch, REACH_LETTER, "asking_part_entry")
    read = texts.intent
    monkeypatch.setattr(texts, "intent", lambda t: Reading((whole,), (0.99,)) if t == texts.whole else read(t))
    assert asking_part_entry(texts, top, text, asks, NAMED_P, PLAIN_TRAINED) is None


def test_the_own_entry_needs_the_reader_sure_of_the_asking_part(kb: KnowledgeBase,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    texts, top, text, asks = _reading(kb, monkeypatch, REACH_LETTER, "asking_part_entry")
    read = texts.intent
    monkeypatch.setattr(texts, "intent",
                        lambda t: read(t) if t == texts.whole else Reading((REACH,), (NAMED_P - 0.05,)))
    assert asking_part_entry(texts, top, text, asks, NAMED_P, PLAIN_TRAINED) is None
