"""Round 15 (`qa15left`): leftovers of round 14's long letters and commands, each a general reading.

- "thứ nhất / thứ 1 / hạng 1 là nước nào" asks who leads a ranking, as "đứng thứ nhất" did (``bot.kb.asks_round14``):
  no entry names the leader, so it is offered, never answered with Viet Nam's rank.
- A clause closed by "gì / ai / đâu + đó" without "?" ("… chủ đề năm 2023 là gì đó.") tells what the asker heard; the
  other clause is the question (``bot.nlp.clauses.told_vaguely``), and the year the question names holds over the
  year told around it (``bot.kb.texts.Texts.kinds``): 2026 has no theme in the facts, so no theme is answered.
- A short question read alone ("Rốt cuộc ai ký vậy?") keeps the subject its context told (``bot.kb.explained
  .subject_left``): after Decision 749 it is not answered with Decision 505.
- Commands: a request after "nhưng" is read past its concession ("Tôi không phải không muốn đọc, nhưng hủy bản tin
  giúp tôi"); the story's "nên" before the speaker is "so", not "should"; the question after a stop request is found
  (``bot.nlp.intents.question_after``; the chat offers it: tests/unit/long_letters/test_stop_then_question_chat.py).

The messages are the engineer's own, written in the shapes the round-14 review described (not taken from any
evaluation set).
"""

from __future__ import annotations

import pytest

from bot.kb.asks import asked
from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import told_vaguely
from bot.nlp.intents import plain_command, question_after
from bot.nlp.normalize import analyze

# --- who leads a ranking ---------------------------------------------------------------------------------------

LEADER = ["Trong bảng xếp hạng chính phủ điện tử, thứ nhất là nước nào",
          "EGDI 2024 thứ nhất là nước nào vậy",
          "egdi nam 2024 thu nhat la nuoc nao",
          "Xếp hạng chính phủ điện tử năm 2024 hạng 1 là quốc gia nào?"]


@pytest.mark.parametrize("text", LEADER)
def test_the_first_place_asked_is_who_leads(text: str) -> None:
    assert "leader" in asked(analyze(text).text, text, with_places=False)


@pytest.mark.parametrize("text", LEADER)
def test_the_first_place_asked_is_not_answered_with_viet_nams_rank(real_kb: KnowledgeBase, text: str) -> None:
    result = real_kb.answer(text)
    assert not result.confident
    assert "ct-xep-hang-egdi-2024" in result.choice_entries  # the closest entry is still offered


@pytest.mark.parametrize("text", ["Việt Nam xếp thứ mấy về chính phủ điện tử năm 2024",
                                  "Năm 2024 Việt Nam đứng thứ 71 đúng không"])
def test_viet_nams_own_rank_is_still_answered(real_kb: KnowledgeBase, text: str) -> None:
    assert "leader" not in asked(analyze(text).text, text, with_places=False)
    result = real_kb.answer(text)
    assert result.confident and result.entry == "ct-xep-hang-egdi-2024"


# --- what the asker heard, then the question -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Tôi có nghe ngày chuyển đổi số có chủ đề năm 2023 là gì đó. Chủ đề năm 2026 là gì?",
                                  "Ông nhà tôi bảo Ngày Chuyển đổi số năm 2023 có chủ đề gì đó. Vậy chủ đề năm 2026 "
                                  "là gì?"])
def test_a_year_without_a_theme_is_not_answered_with_the_year_heard(real_kb: KnowledgeBase, text: str) -> None:
    result = real_kb.answer(text)
    assert not result.confident
    assert "ngay-cds-chu-de-cac-nam" in result.choice_entries  # the themes the channel has are offered


def test_the_question_after_what_was_heard_is_answered(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("Tôi có nghe ngày chuyển đổi số có chủ đề năm 2023 là gì đó. Chủ đề năm 2024 là gì?")
    assert result.confident and result.entry == "ngay-cds-chu-de-2024"


@pytest.mark.parametrize(("clause", "vague"), [
    ("Tôi có nghe chủ đề năm 2023 là gì đó", True),
    ("Hôm trước ai đó nói tổ công nghệ số sắp giải thể", False),  # the indefinite opens, the clause goes on
    ("Con tôi bảo có đọc ở đâu đó", True),
    ("Chủ đề năm 2023 là gì đó?", False),  # typed with "?": asks what that is
    ("Chủ đề năm 2023 là gì", False),
    ("Năm nào có chủ đề gì đó", False),  # asks by another word ("năm nào")
])
def test_a_clause_closed_by_something_tells(clause: str, vague: bool) -> None:
    assert told_vaguely(clause) is vague


def test_a_message_of_that_clause_alone_is_still_a_question(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("Chủ đề năm 2023 là gì đó")
    assert result.confident and result.entry == "ngay-cds-chu-de-2023"


# --- the subject a short question drops --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tôi đọc báo thấy nói Quyết định 749 về chương trình chuyển đổi số quốc gia. Rốt cuộc ai ký vậy?",
    "Hôm qua họp thôn có nhắc Quyết định 749 về chuyển đổi số. Ai ký vậy?",
])
def test_who_signed_keeps_the_decision_told_before(real_kb: KnowledgeBase, text: str) -> None:
    result = real_kb.answer(text)
    assert result.confident and result.entry == "ct-749-la-gi"


def test_who_signed_the_decision_told_before_is_still_that_decision(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("Ngày chuyển đổi số 10/10 là do quyết định 505 đặt ra. Rốt cuộc ai ký vậy?")
    assert result.confident and result.entry == "ngay-cds-quyet-dinh-505"


# --- commands ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tôi không phải không muốn đọc, nhưng hủy bản tin giúp tôi",
    "Tôi không phải không muốn đọc, nhưng mà hủy bản tin giúp tôi nhé",
    "toi khong phai khong muon doc, nhung huy ban tin giup toi",
    "Không phải tôi chê kênh, nhưng dừng gửi bản tin cho tôi nha",
])
def test_a_request_after_but_is_read_past_its_concession(text: str) -> None:
    assert plain_command(text) == "unsubscribe"


@pytest.mark.parametrize("text", [
    "Nếu tôi không muốn đọc nữa nhưng lỡ đăng ký rồi thì hủy bản tin thế nào",  # a condition: asked about
    "Tôi thích đọc bản tin nhưng làm sao để hủy?",
    "Tôi đã đăng ký nhận bản tin nhưng những tin gì thì kênh gửi vậy",
])
def test_questions_with_but_stay_questions(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", [
    "Xóm tôi có mô hình bán nông sản qua Zalo hay lắm nên tôi muốn kể cho kênh",
    "xom toi co mo hinh hay lam nen toi muon ke cho kenh",
    "Thôn em có chuyện hay về tổ công nghệ số, cho nên em muốn gửi câu chuyện lên kênh",
])
def test_so_i_want_to_tell_starts_the_story(text: str) -> None:
    assert plain_command(text) == "story"


@pytest.mark.parametrize("text", [
    "Tôi có nên gửi câu chuyện của xóm tôi lên kênh không?",
    "toi co nen gui cau chuyen len kenh khong",
    "tôi nên gửi câu chuyện lên kênh nhé",
    "Tôi nên kể chuyện gì cho kênh",
    "Nên gửi câu chuyện nào cho kênh",
    "Tôi không biết có nên kể chuyện nhà tôi lên kênh không, sợ người ta cười",
])
def test_should_i_send_a_story_is_a_question(text: str) -> None:
    assert plain_command(text) is None


LETTER = ("Chào kênh, tôi là giáo viên về hưu ở Nam Định, mấy tháng nay tôi có nhận bản tin hằng tuần nhưng dạo này "
          "mắt kém đọc không nổi nữa. Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Mà Ngày Chuyển đổi số quốc gia "
          "là ngày nào vậy?")


def test_the_question_after_a_stop_request_is_found() -> None:
    assert plain_command(LETTER) == "unsubscribe"
    assert question_after(LETTER, "unsubscribe") == "Mà Ngày Chuyển đổi số quốc gia là ngày nào vậy?"


@pytest.mark.parametrize("text", ["Hủy bản tin giúp tôi nhé", "Kênh cho tôi dừng nhận bản tin nhé. Cảm ơn kênh."])
def test_no_question_after_a_stop_request(text: str) -> None:
    assert question_after(text, "unsubscribe") is None


STOP_THEN_ASK = [
    ("Chào kênh, tôi là giáo viên về hưu ở Nam Định, mấy tháng nay tôi có nhận bản tin hằng tuần nhưng dạo này mắt kém "
     "đọc không nổi nữa. Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Tiện đây cho tôi hỏi Ngày Chuyển đổi số quốc "
     "gia là ngày nào?", "Tiện đây cho tôi hỏi Ngày Chuyển đổi số quốc gia là ngày nào?"),
    ("Chào kênh, tôi là giáo viên về hưu ở Nam Định, mấy tháng nay tôi có nhận bản tin hằng tuần nhưng dạo này mắt kém "
     "đọc không nổi nữa. Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Còn tổ công nghệ số cộng đồng là gì vậy?",
     "Còn tổ công nghệ số cộng đồng là gì vậy?"),
    ("Kính gửi kênh, tôi là nông dân ở Tiền Giang, con tôi đăng ký cho tôi nhận bản tin mỗi tuần mà tôi bận rộn ruộng "
     "vườn không có thời gian coi. Kênh ngừng gửi bản tin cho tôi giùm nha. VNeID mức 2 đăng ký ở đâu vậy kênh?",
     "VNeID mức 2 đăng ký ở đâu vậy kênh?"),
]


@pytest.mark.parametrize(("text", "question"), STOP_THEN_ASK)
def test_a_letter_asking_to_stop_then_asking_a_question_stops(text: str, question: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert question_after(text, "unsubscribe") == question


@pytest.mark.parametrize("text", [
    # the stop told, not asked (round 14's letter)
    "Trước đây tôi có theo dõi nhận tin hàng tuần của kênh, sau đó tôi dừng nhận tin vì bận. Nay muốn biết năm 2025 "
    "Ngày Chuyển đổi số quốc gia có chủ đề gì, để nói chuyện với hội nông dân xã",
    # the question after is about the stop: a condition, a how
    "Chào kênh, tôi là giáo viên về hưu ở Nam Định, mấy tháng nay tôi có nhận bản tin hằng tuần nhưng dạo này mắt kém "
    "đọc không nổi nữa. Tôi muốn dừng nhận bản tin. Nếu dừng rồi thì sau này có nhận lại được không?",
    "Tôi muốn xóa tài khoản Zalo cũ của mẹ tôi vì mẹ không dùng nữa, trong đó có nhận tin của kênh. Kênh có biết cách "
    "xóa tài khoản Zalo không, hay phải ra cửa hàng?",
    # a sentence that asks something itself is no request ("muốn hỏi gì … xin nghỉ …, … nhắn hỏi được luôn")
    "Tui làm công nhân ở Dĩ An. Hồi trước muốn hỏi gì ở xã phải xin nghỉ làm lên tận nơi, giờ xã có Zalo nhắn hỏi được "
    "luôn, tiện ghê. Tui muốn biết cả nước có bao nhiêu tổ công nghệ số cộng đồng?",
])
def test_a_letter_asking_about_the_stop_stays_a_question(text: str) -> None:
    assert plain_command(text) is None
