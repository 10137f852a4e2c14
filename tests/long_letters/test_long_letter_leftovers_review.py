"""Round 15 (`fix15left`): the review of qa15left (/work/review15-left.md), each finding a general reading narrowed.

- H1: a short question that names its own subject after a context naming a document is answered for that subject
  (``bot.kb.reading._subject_left``, ``bot.kb.explained.subject_left``), the design case ("Rốt cuộc ai ký vậy?") kept.
- H2, H3, M3: "nhưng" (``bot.nlp.intents._conceded``): a state that goes on after it ("vẫn nhận bản tin hoài") is a
  complaint, no command; a request before it for another command keeps that command; a question or a closed
  condition before it yields to a wish said outright after it.
- H4: a long letter's stop sentence that reports someone else's words or a past slip, or a question after it about
  the commands, does not unsubscribe (``_asked_after``).
- H5: the story's "nên tôi" is "so" only where no sentence of the message asks (``[story] spare_told``).
- M1: "… là gì đó" is told, not asked, only with a verb of hearing before it (``told_vaguely``).
- M2: "hạng 1 … nước nào" asks the leader within one sentence, and not right after Viet Nam (``asks_round14``).

The messages are the engineer's own and the reviewer's probes (no evaluation set's).
"""

from __future__ import annotations

import pytest

from bot.kb.asks import asked
from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import told_vaguely
from bot.nlp.intents import STOP_COMPLAINT, plain_command
from bot.nlp.normalize import analyze

# --- H1: the subject a question names of its own -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "entry"), [
    ("Tôi đã xem Nghị quyết 52 rồi. Vậy VNeID là gì?", "vneid-la-gi"),
    ("toi da xem nghi quyet 52 roi. vay vneid la gi?", "vneid-la-gi"),
    ("Tôi xem Nghị quyết 52 rồi. Chữ ký số là gì?", "chu-ky-so-la-gi"),
    ("Tôi đọc Quyết định 749 rồi. VNeID là gì?", "vneid-la-gi"),
    ("Mình đã tìm hiểu Quyết định 749 rồi. Vậy chính phủ số là gì?", "chinh-phu-so-la-gi"),
    ("Tôi đã đọc Quyết định 505. Vậy VNeID là gì?", "vneid-la-gi"),
    ("Tôi đọc Quyết định 505 về ngày chuyển đổi số rồi. Còn Đề án 06 là gì?", "de-an-06-la-gi"),
])
def test_a_question_naming_its_own_subject_moves_on(real_kb: KnowledgeBase, text: str, entry: str) -> None:
    result = real_kb.answer(text)
    assert result.confident and result.entry == entry


@pytest.mark.parametrize("text", ["Tôi đã đọc Quyết định 749 rồi. Vậy ai ký?",
                                  "Hôm qua họp thôn có nhắc Quyết định 749 về chuyển đổi số. Ai ký vậy?"])
def test_a_question_naming_nothing_keeps_the_document_told(real_kb: KnowledgeBase, text: str) -> None:
    result = real_kb.answer(text)
    assert result.confident and result.entry == "ct-749-la-gi"


# --- H2, H3, M3: "nhưng" --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tôi đã hủy đăng ký rồi nhưng vẫn nhận bản tin hoài",
    "Mình hủy rồi nhưng vẫn còn nhận tin nhắn bản tin của kênh",
    "Em đã bấm hủy đăng ký nhưng mà kênh vẫn gửi bản tin cho em",
    "Tôi hủy lâu rồi, nhưng vẫn còn nhận bản tin mỗi sáng thứ hai",
    "Toi da huy dang ky roi, nhung van nhan ban tin hoai",
    "Tôi đã xóa dữ liệu rồi nhưng vẫn nhận bản tin",
    "Tôi chưa đăng ký nhưng vẫn nhận bản tin mỗi tuần",
    "Tôi hủy bản tin rồi nhưng vẫn nhận được",
    "Tôi hủy bản tin rồi nhưng vẫn nhận được, sao vậy?",
])
def test_a_complaint_after_but_runs_no_command(text: str) -> None:
    # round 17: read as the complaint it is (``STOP_COMPLAINT``: the handler says the asker's state, changing nothing),
    # not a stop or a subscription; it was the knowledge base's, whose answer explained how to stop
    assert plain_command(text) == STOP_COMPLAINT


def test_a_request_before_but_keeps_its_command() -> None:
    assert plain_command("Xóa hết dữ liệu của tôi nhưng vẫn nhận bản tin nhé") == "erase"


@pytest.mark.parametrize(("text", "name"), [
    ("Mẹ tôi bảo hủy bản tin nhưng tôi muốn tiếp tục nhận bản tin", "subscribe"),  # a change of mind
    ("Hôm trước tôi nhờ hủy, nhưng mà giờ tôi muốn nhận bản tin lại", "subscribe"),
    # the complaint, then the request
    ("Tôi đã hủy rồi nhưng vẫn nhận, hủy bản tin giúp tôi lần nữa nhé", "unsubscribe"),
    # M3: a condition closed before "nhưng" ("… thì sao,"), then the wish said outright
    ("Nếu hủy bản tin thì sao, nhưng mà hủy bản tin giúp tôi luôn đi", "unsubscribe"),
])
def test_the_request_after_but_is_done(text: str, name: str) -> None:
    assert plain_command(text) == name


# --- H4: a stop sentence that reports, and a question about the commands after it ----------------------------------

GREETING = ("Chào kênh, tôi là cán bộ hưu trí ở phường 5, đã theo dõi kênh được hơn một năm nay và thấy rất bổ "
            "ích. ")


@pytest.mark.parametrize("rest", [
    "Con gái tôi bảo kênh cho tôi dừng nhận bản tin từ tuần này nhé. Tôi không hiểu sao nó nói vậy, kênh có gửi "
    "bản tin cho tôi không?",
    "Hàng xóm tôi nói với tôi là: xin dừng nhận bản tin giùm nhé. Tôi thắc mắc là kênh có bao nhiêu người đăng ký?",
    "Kênh cho tôi dừng nhận bản tin nhé. Tôi muốn đăng ký nhận bản tin cho con tôi thì làm sao?",
])
def test_a_reported_stop_or_a_question_about_the_commands_stays_a_question(rest: str) -> None:
    assert plain_command(GREETING + rest) is None


# --- H5: "nên tôi" in a question -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Con tôi bảo cho nên tôi muốn kể chuyện, kênh có nhận chuyện về nông thôn không",
    "Chuyện xóm tôi vậy đó, không biết nên tôi gửi câu chuyện này cho kênh không",
    "Mọi người bảo nên tôi kể chuyện cho kênh không ta",
])
def test_should_i_before_the_subject_is_a_question(text: str) -> None:
    assert plain_command(text) is None


# --- M1: "là gì đó" without a verb of hearing asks -----------------------------------------------------------------

@pytest.mark.parametrize("clause", ["Cái app VNeID la gi do", "Chuyển đổi số là gì đó", "Ngày chuyển đổi số do ai đó",
                                    "Đăng ký chữ ký số ở đâu đó"])
def test_a_southern_question_closed_by_something_asks(clause: str) -> None:
    assert not told_vaguely(clause)


@pytest.mark.parametrize(("text", "second"), [
    ("Chuyển đổi số là gì đó. Còn VNeID dùng để làm gì?", "cds-la-gi"),
    ("Ngày chuyển đổi số do ai đó. Năm nay tổ chức ngày nào?", "ngay-cds-2025-ngay-to-chuc"),
    ("Đăng ký chữ ký số ở đâu đó. Mất phí bao nhiêu?", "chu-ky-so-la-gi"),
])
def test_both_questions_are_kept(real_kb: KnowledgeBase, text: str, second: str) -> None:
    result = real_kb.answer(text)
    assert result.confident and second in result.choice_entries  # the second question is offered


def test_a_southern_question_is_answered_first(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("Cái app VNeID la gi do. Cai dich vu cong la gi vay")
    assert result.confident and result.entry == "vneid-la-gi"


# --- M2: the leader asked within one sentence -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Việt Nam xếp hạng 1 về chỉ số nào? Nước nào xếp sau?",
                                  "Việt Nam xếp hạng 1 về chỉ số nào, nước nào xếp sau"])
def test_viet_nams_first_place_is_not_a_leader_asked(text: str) -> None:
    assert "leader" not in asked(analyze(text).text, text, with_places=False)


def test_a_first_place_asked_in_its_own_sentence_is_a_leader_asked() -> None:
    text = "EGDI 2024 Việt Nam hạng mấy? Hạng 1 là nước nào?"
    assert "leader" in asked(analyze(text).text, text, with_places=False)


def test_viet_nams_first_place_is_answered(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("Việt Nam xếp hạng 1 về chỉ số nào? Nước nào xếp sau?")
    assert result.confident and result.entry == "ct-xep-hang-quoc-te-muc-tieu"
