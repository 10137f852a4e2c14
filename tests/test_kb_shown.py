"""Round 25 (bot/kb/shown.py): an unanswered message's choices are drawn from every reading — the intent reader's
reading of the whole message, the last question's own ranking, the whole message's ranking — after the engine's own
first choice, at most three; a confident answer, and whether a message is answered at all, never change."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb import reading as reading_module
from bot.kb.decision import REDIRECT_TOPIC, SUGGESTIONS, Answer, ambiguous, unknown
from bot.kb.index import Hit
from bot.kb.intent_model import INTENT_AGREE, NOTHING, OUTSIDE, Reading
from bot.kb.shown import widened
from tests.support import rarest_terms_select

pytestmark = pytest.mark.unit

# A mother's letter: her children, the school's homework, the pages she read; the question, last, names the year's
# theme. The context's words pull the whole message towards who organises the day; the question alone ranks the
# 2023 theme first.
LETTER = ("Chào ad, chị là mẹ 3 đứa nhỏ ở Quỳnh Lưu, Nghệ An. Chiều qua đứa giữa học lớp 7 về kể cô giao bài tìm hiểu "
          "về ngày chuyển đổi số, mỗi tổ một năm, tổ nó rút trúng năm 2023. Chị lên mạng đọc rối hết cả lên chẳng "
          "biết trang nào đúng. Ad cho chị hỏi năm 2023 chủ đề ngày chuyển đổi số quốc gia là gì vậy ạ?")
THEME_2023 = "ngay-cds-chu-de-2023"
# A driver's letter: an old portal account, the login failing; the question asks what to log in with now. Its last
# clause alone ranks the account names; the intent reader names logging in to the portal with VNeID.
DRIVER = ("Chú chạy xe tải ở Quy Nhơn, hồi 2022 có tạo tài khoản trên cổng dịch vụ công bằng số điện thoại để làm giấy "
          "tờ xe. Giờ vô lại đăng nhập hoài không được, nó cứ đẩy qua trang khác. Vậy tài khoản cũ đó còn xài được "
          "không con, giờ phải đăng nhập bằng gì?")
PORTAL_LOGIN = "vneid-dang-nhap-dich-vu-cong"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _unwidened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading_module, "widened", lambda result, *args, **kwargs: result)


def test_the_drivers_letter_is_now_answered_with_logging_in_through_vneid(kb: KnowledgeBase) -> None:
    """Round 32 (wrong32: "còn xài được không" is "still", one question with its subject) answers the driver's
    letter with the portal's VNeID login, which it only offered before; with the readers this module leaves out it is
    answered too (with the VNeID account names), so it no longer tests the choices below."""
    answer = kb.answer(DRIVER)
    assert answer.confident and answer.entry == PORTAL_LOGIN, (answer.kind, answer.choice_entries)


@pytest.mark.parametrize(("letter", "entry"), [(LETTER, THEME_2023)])
def test_an_unanswered_letter_now_shows_its_entry(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, letter: str,
                                                  entry: str) -> None:
    """The letter stays unanswered, the engine's first choice stays first, and the entry its question names is among
    the choices — where the chosen reading's ranking alone did not hold it. Round 28 answers the mother's letter (the
    story kept the theme out of the whole letter's ranking, ``bot.kb.unranked``): that reading is left out here, so
    the letters stay ones nothing answers, whose choices are what is tested. Round 32 (select32) ranks the theme in
    the whole letter (every rare term selects): the ranking the story made before is restored here. Round 34
    (content34) made "giao" commoner (document frequency 4 to 5), so the 24 rarest terms of the letter took "năm
    2023" in its place and ranked the theme first, the question's own reading agreeing with it (answered, and
    right): the 22 rarest, the story's terms as the 24 took them before less that "giao", keep the theme out again."""
    rarest_terms_select(monkeypatch, 22)
    monkeypatch.setattr(reading_module, "unranked", lambda *args: None)
    answer = kb.answer(letter)
    assert not answer.confident and entry in answer.choice_entries, (answer.kind, answer.choice_entries)
    assert 2 <= len(answer.choice_entries) <= SUGGESTIONS
    _unwidened(monkeypatch)
    before = kb.answer(letter)
    assert before.kind == answer.kind and entry not in before.choice_entries
    assert answer.choice_entries[0] == before.choice_entries[0]
    assert before.text.splitlines()[0] == answer.text.splitlines()[0]  # the head (apology, "Ý bạn là…?") kept
    titles = [kb.by_id[i].title for i in answer.choice_entries]
    assert [t for t, _ in answer.choices] == titles and all(t in answer.text for t in titles)


def _hits(kb: KnowledgeBase, question: str) -> list[Hit]:
    return kb.search(question, k=5)


def _offer(kb: KnowledgeBase, question: str) -> Answer:
    return ambiguous(_hits(kb, question), kb.messages, question, 0.0)


def test_a_confident_answer_is_never_touched(kb: KnowledgeBase) -> None:
    answer = kb.answer("Ngày Chuyển đổi số quốc gia là ngày nào?")
    assert answer.confident
    other = next(e.id for e in kb.entries if e.id != answer.entry and e.topic != REDIRECT_TOPIC)
    assert widened(answer, Reading((other,), (1.0,)), _hits(kb, "VNeID là gì"), [], kb.by_id, kb.messages) is answer


def test_the_reader_counts_only_when_it_names_an_entry_clearly(kb: KnowledgeBase) -> None:
    offer = _offer(kb, "mục tiêu 2025")
    other = next(e.id for e in kb.entries if e.id not in offer.choice_entries and e.topic != REDIRECT_TOPIC)
    sure = widened(offer, Reading((other,), (INTENT_AGREE,)), [], [], kb.by_id, kb.messages)
    assert sure.choice_entries[:2] == [offer.choice_entries[0], other] and len(sure.choice_entries) <= SUGGESTIONS
    unsure = widened(offer, Reading((other,), (INTENT_AGREE - 0.05,)), [], [], kb.by_id, kb.messages)
    assert unsure.choice_entries == offer.choice_entries
    outside = widened(offer, Reading((OUTSIDE, other), (0.9, 0.1)), [], [], kb.by_id, kb.messages)
    assert outside.choice_entries == offer.choice_entries


def test_order_is_first_choice_reader_question_whole_then_the_rest(kb: KnowledgeBase) -> None:
    offer = _offer(kb, "mục tiêu 2025")
    first = offer.choice_entries[0]
    question = next(h for h in _hits(kb, "VNeID là gì") if h.entry.id not in offer.choice_entries)
    whole = next(h for h in _hits(kb, "Đề án 06 là gì") if h.entry.id not in offer.choice_entries)
    both = widened(offer, NOTHING, [question], [whole], kb.by_id, kb.messages)
    assert both.choice_entries == [first, question.entry.id, whole.entry.id]
    # the same entry from several readings is shown once, the engine's other choices filling the slots left
    same = widened(offer, NOTHING, [question], [question], kb.by_id, kb.messages)
    assert same.choice_entries == [first, question.entry.id, offer.choice_entries[1]]
    # what the engine offered already is not added again
    kept = widened(offer, NOTHING, _hits(kb, "mục tiêu 2025")[:1], [], kb.by_id, kb.messages)
    assert kept is offer


def test_redirect_entries_are_never_added(kb: KnowledgeBase) -> None:
    offer = _offer(kb, "mục tiêu 2025")
    redirect = next(e for e in kb.entries if e.topic == REDIRECT_TOPIC)
    assert widened(offer, Reading((redirect.id,), (1.0,)), [], [], kb.by_id, kb.messages) is offer


def test_an_empty_message_keeps_its_prompt(kb: KnowledgeBase) -> None:
    empty = unknown([], kb.messages, "", head_key="empty")
    some = next(e.id for e in kb.entries if e.topic != REDIRECT_TOPIC)
    assert widened(empty, Reading((some,), (1.0,)), [], [], kb.by_id, kb.messages) is empty


@pytest.mark.parametrize("text", ["lịch thi đấu bóng đá tối nay", "giá vàng hôm nay bao nhiêu một chỉ",
                                  "cho hỏi số điện thoại ngân hàng Agribank chi nhánh huyện"])
def test_off_topic_messages_keep_the_apology_and_in_scope_topics(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
                                                                 text: str) -> None:
    """A look-alike keeps its out-of-scope apology; what is added to its topics is in scope, never a redirect."""
    answer = kb.answer(text)
    _unwidened(monkeypatch)
    before = kb.answer(text)
    assert not answer.confident and answer.out_of_scope == before.out_of_scope and answer.kind == before.kind
    assert 1 <= len(answer.choice_entries) <= SUGGESTIONS and answer.choice_entries[0] == before.choice_entries[0]
    added = set(answer.choice_entries) - set(before.choice_entries)
    assert all(kb.by_id[i].topic != REDIRECT_TOPIC for i in added)
