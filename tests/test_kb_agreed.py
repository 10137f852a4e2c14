"""Round 23 (bot/kb/agreed.py): a rambling letter's question, read alone, is answered where the whole message agrees
with it — the ranker's first entry over the whole message and the intent reader's — and only then."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb import reading as reading_module
from bot.kb.agreed import CLAUSES, agreed
from bot.kb.intent_model import Reading
from bot.kb.texts import Texts

pytestmark = pytest.mark.unit

# Context first (meetings, a crying child, the market), the question last and pointing back at the article
LETTERS = [
    "Khu phố tui tuần nào cũng họp tuyên truyền chuyển đổi số, ngồi nghe đọc giấy tờ cả buổi, ở nhà thằng nhỏ khóc "
    "um mà về cũng chẳng biết làm gì thêm. Tui có đọc bài của Sở nói chuyển đổi số còn nhiều hạn chế phải khắc "
    "phục. Vậy theo bài đó thì mấy hạn chế đó là gì?",
    "Tôi bán rau ở chợ Bến Thành, năm nào phường cũng mời đi họp chuyển đổi số, ngồi nghe toàn chữ nghĩa chung "
    "chung, về bán rau cũng không biết áp dụng cái gì. Tôi thấy lạ lắm. Vậy bài viết năm 2022 của kênh có nói "
    "chuyển đổi số còn những hạn chế gì không?",
]
LIMITS = "cds-han-che-2022"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


@pytest.mark.parametrize("text", LETTERS)
def test_the_question_the_whole_letter_agrees_with_is_answered(kb: KnowledgeBase, text: str) -> None:
    answer = kb.answer(text)
    assert answer.confident and answer.entry == LIMITS, (answer.kind, answer.entry)


# the first letter is answered without the agreement since round 23's phrasings of the limitations entry (vocab23)
@pytest.mark.parametrize("text", LETTERS[1:])
def test_without_the_agreement_the_context_holds_the_letter_back(kb: KnowledgeBase, text: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """What answers these letters is the agreement, not another reading. Round 24: the whole letter named by the
    intent reader (``bot.kb.named``, read after the agreement) answers it too, so it is set aside as well. Round 33
    (amb33): ``bot.kb.unranked`` now answers an entry the whole letter ranks first, as the limits entry is here, so it
    is set aside too."""
    monkeypatch.setattr(reading_module, "agreed", lambda *args: None)
    monkeypatch.setattr(reading_module, "named", lambda *args, **kwargs: None)
    monkeypatch.setattr(reading_module, "unranked", lambda *args: None)
    assert not kb.answer(text).confident


def _letter(kb: KnowledgeBase, text: str) -> tuple[Texts, list[str]]:
    texts = Texts(kb.index, kb.intent, text)
    texts.message = text
    return texts, [text.rsplit(". ", 1)[-1]]


def test_an_intent_reader_naming_another_entry_answers_nothing(kb: KnowledgeBase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    text = LETTERS[0]
    texts, asks = _letter(kb, text)
    whole = kb.decide(texts, text)
    assert whole[1][0].entry.id == LIMITS
    assert agreed(kb, texts, text, asks, whole) is not None
    other = next(e.id for e in kb.entries if e.id != LIMITS)
    monkeypatch.setattr(texts, "intent", lambda t: Reading((other,), (0.99,)))
    assert agreed(kb, texts, text, asks, whole) is None
    monkeypatch.setattr(texts, "intent", lambda t: Reading((LIMITS,), (0.6,)))  # the reader unsure
    assert agreed(kb, texts, text, asks, whole) is None


def test_a_clause_ranking_another_entry_first_answers_nothing(kb: KnowledgeBase) -> None:
    text = LETTERS[0]
    texts, _ = _letter(kb, text)
    whole = kb.decide(texts, text)
    assert agreed(kb, texts, text, ["Ngày Chuyển đổi số quốc gia là ngày nào?"], whole) is None


@pytest.mark.parametrize("text", [
    # a child's age asked: no entry says from which age (bot.kb.asks), whichever clause is read alone
    "Thằng cháu tôi 10 tuổi thì có làm định danh điện tử được không rứa, làm ở mô?",
    "Con tui 12 tuổi có làm căn cước điện tử được không, làm ở đâu vậy?",
])
def test_a_kind_the_whole_letter_asks_still_holds(kb: KnowledgeBase, text: str) -> None:
    assert not kb.answer(text).confident


def test_a_letter_of_many_questions_reads_at_most_two_alone(kb: KnowledgeBase,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Latency: the clauses read alone are the last ``CLAUSES``, however many the letter asks."""
    text = LETTERS[0]
    texts, _ = _letter(kb, text)
    whole = kb.decide(texts, text)
    read: list[str] = []

    class Counting:
        def decide(self, texts: Texts, question: str, hits: object = None, exact: bool = True) -> object:
            read.append(question)
            return kb.decide(texts, question)

    asks = [f"Năm {2000 + i} có bao nhiêu tổ công nghệ số?" for i in range(40)]
    monkeypatch.setattr(texts, "intent", lambda t: Reading((LIMITS,), (0.99,)))
    agreed(Counting(), texts, text, asks, whole)
    assert 0 < len(set(read)) <= CLAUSES
