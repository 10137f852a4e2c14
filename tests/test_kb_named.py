"""Round 24 (bot/kb/named.py): a long message whose whole the intent reader names as clearly as ``NAMED_P``, with the
ranker's same first entry, is answered where the context's words held the ranker's measures under their floors — and
only where no floor says the entry cannot answer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.kb import KnowledgeBase
from bot.kb import named as named_module
from bot.kb import reading as reading_module
from bot.kb.decision import OOS_TRAINED
from bot.kb.index import Index
from bot.kb.intent_model import INTENT_AGREE, Reading
from bot.kb.named import LONG_WORDS, NAMED_P, PLAIN_TRAINED, STORY_WORDS, long_enough, named
from bot.kb.several import Decided
from bot.kb.texts import Texts

pytestmark = pytest.mark.unit

# A factory worker's letter, unmarked and in chat shorthand: the shift, the team leader, the question last
LETTER = ("e lam cong nhan o kcn vsip, toi qua to truong bat tai vneid de cham cong ma e ko ranh, dang nhap tai "
          "khoan la so gi z ad, so dien thoai hay so can cuoc a")
LOGIN = "vneid-ten-dang-nhap"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _whole(kb: KnowledgeBase, text: str) -> tuple[Texts, Decided]:
    texts = Texts(kb.index, kb.intent, text)
    texts.message = text
    return texts, kb.decide(texts, text)


def test_the_long_letter_the_reader_names_is_answered(kb: KnowledgeBase) -> None:
    answer = kb.answer(LETTER)
    assert answer.confident and answer.entry == LOGIN, (answer.kind, answer.entry)


def test_without_the_reader_naming_it_the_context_holds_the_letter_back(kb: KnowledgeBase,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """What answers the letter is this reading, not another: the whole message's own decision refuses it. Round 27:
    the letter is one sentence, and its question cut from the story (``bot.kb.story_cut``) is answered alike, by
    readers of its own: left out here too."""
    monkeypatch.setattr(reading_module, "named", lambda *args, **kwargs: None)
    monkeypatch.setattr(reading_module, "cut_from_story", lambda *args, **kwargs: None)
    assert not kb.answer(LETTER).confident
    texts, whole = _whole(kb, LETTER)
    assert not whole[0].confident and whole[1][0].entry.id == LOGIN


def test_a_reader_naming_another_entry_or_unsure_answers_nothing(kb: KnowledgeBase,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    texts, whole = _whole(kb, LETTER)
    found = named(texts, LETTER, whole, kb.messages, kb.index.idf_of)
    assert found is not None and found[0].confident and found[0].entry == LOGIN
    other = next(e.id for e in kb.entries if e.id != LOGIN)
    monkeypatch.setattr(texts, "intent", lambda t: Reading((other,), (0.99,)))
    assert named(texts, LETTER, whole, kb.messages, kb.index.idf_of) is None
    monkeypatch.setattr(texts, "intent", lambda t: Reading((LOGIN,), (NAMED_P - 0.05,)))
    assert named(texts, LETTER, whole, kb.messages, kb.index.idf_of) is None


def test_a_short_message_is_never_read_so(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """Off-topic look-alikes are short: however surely the reader names the entry, a short message is left to the
    decision (and the whole message is not searched again for it)."""
    short = " ".join(LETTER.split()[: STORY_WORDS - 1])
    assert long_enough(LETTER) and not long_enough(short)
    texts, whole = _whole(kb, short)
    monkeypatch.setattr(texts, "intent", lambda t: Reading((whole[1][0].entry.id,), (1.0,)))
    monkeypatch.setattr(named_module, "asking_part_agrees", lambda *args: True)
    assert named(texts, short, whole, kb.messages, kb.index.idf_of) is None


@pytest.mark.parametrize(("trained", "part_agrees", "answered"), [
    (0.0, True, True),  # both off-topic readers plainly in, the reader sure, the asking part alone the entry's
    (0.0, False, False),  # the asking part read alone does not agree (or there is no story to set aside)
    (PLAIN_TRAINED, True, False),  # the trained model not plainly in over the whole letter
])
def test_a_letter_under_long_words_needs_both_the_whole_and_its_asking_part(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, trained: float, part_agrees: bool,
        answered: bool) -> None:
    """Round 27: a letter of ``STORY_WORDS`` to ``LONG_WORDS`` words is answered only where the whole letter is plainly
    the entry's (both off-topic readers plainly in, the reader at ``NAMED_P``) and so is its asking part read alone."""
    middle = " ".join(LETTER.split()[: LONG_WORDS - 1])
    assert not long_enough(middle) and len(middle.split()) >= STORY_WORDS
    texts, (result, hits) = _whole(kb, middle)
    calm = [replace(hits[0], oos=0.0, trained=trained), *hits[1:]]
    monkeypatch.setattr(texts, "intent", lambda t: Reading((hits[0].entry.id,), (1.0,)))
    monkeypatch.setattr(named_module, "asking_part_agrees", lambda *args: part_agrees)
    monkeypatch.setattr(named_module, "allowed", lambda *args: True)
    found = named(texts, middle, (result, calm), kb.messages, kb.index.idf_of)
    assert (found is not None and found[0].entry == hits[0].entry.id) == answered


def test_the_trained_off_topic_model_leaning_out_answers_nothing(kb: KnowledgeBase,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the whole letter and over its asking part read alone (round 27: the comma pieces that ask, where no
    clause was read as a question)."""
    texts, (result, hits) = _whole(kb, LETTER)
    leaning = [replace(hits[0], trained=OOS_TRAINED), *hits[1:]]
    ranked = Index.hits
    monkeypatch.setattr(Index, "hits", lambda self, *a, **k: [replace(h, trained=OOS_TRAINED)
                                                               for h in ranked(self, *a, **k)])
    assert named(texts, LETTER, (result, leaning), kb.messages, kb.index.idf_of) is None


def test_a_kind_the_entry_does_not_say_answers_nothing(kb: KnowledgeBase) -> None:
    """The same letter asking whether the app costs anything (a fee, ``bot.kb.asks``): the login entry does not say,
    so the letter is not answered though the reader names the entry, the off-topic model set aside."""
    text = LETTER.rsplit(",", 1)[0] + ", tai app co mat phi ko a"
    texts, (result, hits) = _whole(kb, text)
    reading = texts.intent(text)
    assert hits[0].entry.id == LOGIN and reading.top == LOGIN and reading.p >= NAMED_P
    calm = [replace(hits[0], trained=0.0), *hits[1:]]
    assert named(texts, text, (result, calm), kb.messages, kb.index.idf_of) is None
    assert not kb.answer(text).confident


@pytest.mark.parametrize("text", [
    # long, rambling, and off-topic: a bank's hotline, a child's age (no entry says either)
    "Tôi bán hàng ở chợ, mấy hôm nay khách chuyển khoản cứ bị treo, gọi ngân hàng hoài không ai bắt máy, tôi lo "
    "lắm vì tiền hàng cả tháng nằm trong đó. Cho tôi hỏi số điện thoại tổng đài của ngân hàng Agribank là số mấy?",
    "Thằng cháu tôi năm nay mới 10 tuổi, ba mẹ nó đi làm xa, tôi ở nhà lo cho nó ăn học, nghe người ta nói giờ "
    "cái gì cũng phải có định danh điện tử. Vậy cháu 10 tuổi thì có làm định danh điện tử được không, làm ở mô?",
])
def test_long_off_topic_letters_stay_unanswered(kb: KnowledgeBase, text: str) -> None:
    assert long_enough(text)
    answer = kb.answer(text)
    assert not answer.confident or answer.out_of_scope, (answer.kind, answer.entry)


# Round 25: a letter whose story runs into its question by commas; the story names where the asker works (Hạ Long,
# read as Quảng Ninh), which the entry of the three pillars does not say
STORY_PLACE = ("lam ngoai Ha Long may nam nay, dua ban cung phong noi chuyen doi so co 3 tru cot chi do ma tui ko "
               "nho, 3 tru cot cua chuyen doi so la nhung cai gi vay?")
PILLARS = "ba-tru-cot-cds"


def test_a_place_told_in_the_story_is_no_place_asked(kb: KnowledgeBase) -> None:
    answer = kb.answer(STORY_PLACE)
    assert answer.confident and answer.entry == PILLARS, (answer.kind, answer.entry)


def test_read_over_the_whole_sentence_the_story_place_refuses(kb: KnowledgeBase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """What answers the letter is reading the question's own pieces: with the whole clause as its own piece, the
    story's place counts as asked and the letter is not answered."""
    from bot.kb import named as named_module
    monkeypatch.setattr(named_module, "asking_pieces", lambda asks: list(asks))
    assert not kb.answer(STORY_PLACE).confident


@pytest.mark.parametrize("text", [
    # the same letter asking the pillars of Hạ Long itself, in the question piece or fronted right before it
    STORY_PLACE.replace("3 tru cot cua", "o Ha Long thi 3 tru cot cua"),
    STORY_PLACE.replace("ko nho, 3 tru cot", "ko nho, rieng tinh Quang Ninh, 3 tru cot"),
])
def test_a_place_the_question_asks_still_refuses(kb: KnowledgeBase, text: str) -> None:
    assert long_enough(text)
    answer = kb.answer(text)
    assert not answer.confident or answer.entry != PILLARS, (answer.kind, answer.entry)


@pytest.mark.parametrize(("oos", "trained", "answered"), [
    (0.0, 0.0, True),  # both off-topic readers plainly in: the reader's usual agreement is enough
    (0.0, 0.3, False),  # the trained model not plainly in: NAMED_P is needed
    (0.5, 0.0, False),  # the naive Bayes not plainly in: NAMED_P is needed
])
def test_under_named_p_the_off_topic_readers_must_both_find_it_plainly_in(kb: KnowledgeBase,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           oos: float, trained: float,
                                                                           answered: bool) -> None:
    """Round 25: with the reader between ``INTENT_AGREE`` and ``NAMED_P``, the letter is answered only where the naive
    Bayes (under ``OOS_CONFIRM``) and the trained model (under ``PLAIN_TRAINED``) both find it in scope."""
    texts, (result, hits) = _whole(kb, LETTER)
    monkeypatch.setattr(texts, "intent", lambda t: Reading((LOGIN,), ((INTENT_AGREE + NAMED_P) / 2,)))
    set_to = [replace(hits[0], oos=oos, trained=trained), *hits[1:]]
    found = named(texts, LETTER, (result, set_to), kb.messages, kb.index.idf_of)
    assert (found is not None and found[0].entry == LOGIN) == answered
